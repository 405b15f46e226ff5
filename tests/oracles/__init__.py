"""Brute-force oracles, one module per concern: deliberately naive, written from the
definitions, and independent of the library's algorithms. The property tests hold the
fast code against them on small inputs."""
