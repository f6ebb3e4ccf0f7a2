"""Where the program's bundled files are, in a source checkout and in an installed wheel alike.

In a checkout `resources/` and `icons/` sit beside the package; the wheel installs them inside it
(see `package-dir` in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The folder `resources` or `icons`."""
    for candidate in (PACKAGE / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the program's {name} folder is missing (looked in {PACKAGE} and {PACKAGE.parent})")


def templates_dir() -> Path:
    return bundled("resources") / "templates"
