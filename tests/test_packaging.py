"""The public face: version from metadata, an explicit and sorted ``__all__``."""

from importlib.metadata import version

import coalitions as co


def test_version_comes_from_metadata() -> None:
    assert co.__version__ == version("parliament-coalitions")


def test_all_is_sorted_and_complete() -> None:
    assert list(co.__all__) == sorted(co.__all__)
    for name in co.__all__:
        assert hasattr(co, name), name


def test_strategies_not_imported_by_package() -> None:
    import subprocess
    import sys

    code = "import sys, coalitions; print('coalitions.strategies' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_errors_are_builtin_compatible() -> None:
    assert issubclass(co.UnknownPartyError, KeyError)
    assert issubclass(co.ScenarioError, ValueError)
    assert issubclass(co.ValidationError, ValueError)
    assert issubclass(co.QuotaError, ValueError)
    for cls in (co.UnknownPartyError, co.ScenarioError, co.QuotaError, co.UnknownScenarioError):
        assert issubclass(cls, co.CoalitionsError)
