"""`python -m cjm_designer`: the same as the `cjm-designer` command."""

from .cli import entry

entry()
