"""``python -m coalitions``: the same as the ``coalitions`` command."""

import sys

from .cli import main

sys.exit(main())
