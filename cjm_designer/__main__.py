"""`python -m cjm_designer`: the same as the `cjm-designer` command."""

import sys

from .cli import main

sys.exit(main())
