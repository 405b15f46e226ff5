"""The package version: the single place it is written (read by the build backend)."""

__version__ = "0.1.0"
