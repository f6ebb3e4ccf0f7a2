"""`python -m cjm_designer`: the same as the `cjm-designer` command."""

import gc
import sys

from .cli import main

code = main()
gc.freeze()  # the process ends here: a last full collection would walk every object of a big map once more
sys.exit(code)
