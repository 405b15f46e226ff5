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


def test_every_error_lives_in_errors_and_is_exported() -> None:
    import inspect

    from coalitions import errors

    defined = {
        name
        for name, obj in vars(errors).items()
        if inspect.isclass(obj) and issubclass(obj, Exception) and not name.startswith("_")
    }
    assert defined <= set(co.__all__)
    for name in defined:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.CoalitionsError), name
        assert cls.__module__ == "coalitions.errors", name
        if cls is not errors.CoalitionsError:  # each also inherits the matching builtin
            assert any(b in (ValueError, KeyError, TypeError, OSError) for b in cls.__mro__), name
    # no error class is defined anywhere else in the package
    import pkgutil

    for info in pkgutil.walk_packages(co.__path__, "coalitions."):
        if info.name in ("coalitions.__main__", "coalitions._hypothesis_hook"):
            continue
        module = __import__(info.name, fromlist=["_"])
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, Exception):
                home = obj.__module__
                assert home == "coalitions.errors" or not home.startswith("coalitions"), name
