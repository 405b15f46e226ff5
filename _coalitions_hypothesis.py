"""The ``hypothesis`` entry point of parliament-coalitions, kept outside the package.

Hypothesis calls :func:`_hypothesis_setup_hook` whenever it is imported, in any project
of the environment. Importing anything inside ``coalitions`` would run
``coalitions/__init__.py`` and import the whole library (hundreds of milliseconds), so
this module imports none of it: when coalitions is already imported, it registers the
strategies now; otherwise coalitions registers them itself when it is imported (see
``coalitions._hypothesis_hook``).
"""

import importlib
import sys


def _hypothesis_setup_hook() -> None:
    if "coalitions" in sys.modules:
        importlib.import_module("coalitions._hypothesis_hook").register()
