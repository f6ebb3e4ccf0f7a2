"""CJM Designer: an offline desktop editor for customer journey maps."""

import os

__version__ = "0.1.0"

# The program uses no pydantic plugins: without this, the model's first class looks for them among the
# entry points of every installed distribution (3.5 ms of every start here, more on a system with many
# packages). A value the user set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
