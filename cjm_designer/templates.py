"""The map templates: the bundled ones, one `.cjm` file a template and language (`NAME.LANG.cjm`),
and the user's own, one `NAME.cjm` file a template in the user's data folder, in the language of
its map.

A user template's name never repeats a bundled one, so a name alone says which template is meant.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import platformdirs

from .io import CjmError, InvalidFormatError, SaveError, dumps, load, write_atomic
from .model import JourneyMap, Problem
from .model.structure import structure_only
from .paths import templates_dir

APP = "cjm-designer"
DEFAULT_TEMPLATE = "blank"
DEMO_TEMPLATE = "window-installation"
MAX_NAME = 60  # characters of a user template's file name, before `.cjm`
MAX_TITLE = 200  # as long as a map's title may be
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}


class Template(NamedTuple):
    """A template the gallery offers. (A named tuple: a frozen dataclass's class is made at every
    start, 0.7 ms.)"""

    name: str
    language: str
    path: Path
    title: str
    description: str
    user: bool = False
    """One of the user's own templates (from `user_templates_dir()`), not a bundled one."""


def available(language: str, skipped: list[CjmError] | None = None) -> list[Template]:
    """Every template: the bundled ones in `language` where it exists and in English otherwise,
    blank first; then the user's own, each in its one language. Unreadable user templates are left
    out and added to `skipped`."""
    names = sorted(_bundled_names(), key=lambda n: (n != DEFAULT_TEMPLATE, n))
    found = []
    for name in names:
        path = _path(name, language)
        meta = load(path).meta
        found.append(Template(name, path.name.split(".")[1], path, meta.title, meta.description))
    return found + user_templates(skipped)


def new_map(name: str, language: str, now: datetime | None = None, structure: bool = False) -> JourneyMap:
    """A new map from template `name` (bundled or the user's), stamped as created now; with
    `structure`, only its stages and lanes (model/structure.py), a clean map for a workshop."""
    doc = load(_path(name, language))
    if structure:
        doc = structure_only(doc)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    doc.meta.created = doc.meta.modified = now
    return doc


# -- the user's own templates -------------------------------------------------------------------


def user_templates_dir() -> Path:
    """Where the user's templates live: `templates/` in the user's data folder (not created here)."""
    return Path(platformdirs.user_data_dir(APP)) / "templates"


def user_templates(skipped: list[CjmError] | None = None) -> list[Template]:
    """The user's templates by title. A file that cannot be read, or that has a bundled template's
    name, is left out and added to `skipped`."""
    folder = user_templates_dir()
    if not folder.is_dir():
        return []
    bundled = {name.casefold() for name in _bundled_names()}
    found = []
    for path in sorted(folder.glob("*.cjm")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            if path.stem.casefold() in bundled:
                raise InvalidFormatError(path, [Problem("", "has the name of a bundled template; rename the file")])
            meta = load(path).meta
        except CjmError as error:
            if skipped is not None:
                skipped.append(error)
            continue
        found.append(Template(path.stem, meta.language, path, meta.title or path.stem, meta.description, user=True))
    return sorted(found, key=lambda t: (t.title.casefold(), t.name))


def save_user_template(doc: JourneyMap, title: str) -> Path:
    """Save a copy of `doc` as a user template called `title`; returns the new file.

    The file's name is made from the title and never replaces a template (bundled or the user's).
    The copy has `title` as its map's title and no created or modified time."""
    title = " ".join(title.split())[:MAX_TITLE]
    if not title:
        raise ValueError("a template needs a name")
    folder = user_templates_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(folder, [Problem("", f"cannot make the folder: {error.strerror or error}")]) from None
    taken = {name.casefold() for name in _bundled_names()} | {p.stem.casefold() for p in folder.glob("*.cjm")}
    base = name = _slug(title)
    number = 2
    while name.casefold() in taken:
        name, number = f"{base}-{number}", number + 1
    meta = doc.meta.model_copy(update={"title": title, "created": None, "modified": None})
    path = folder / f"{name}.cjm"
    write_atomic(path, dumps(doc.model_copy(update={"meta": meta})))
    return path


def delete_user_template(name: str) -> None:
    """Remove the user's template `name`; KeyError when there is none."""
    path = _user_path(name)
    if path is None:
        raise KeyError(name)
    path.unlink()


def _slug(title: str) -> str:
    """A file name from a title: its words (any alphabet) in lower case, joined by hyphens."""
    slug = "-".join(re.findall(r"[^\W_]+", title.casefold()))[:MAX_NAME].strip("-") or "template"
    return f"{slug}-template" if slug in _RESERVED else slug


# -- finding files ------------------------------------------------------------------------------


def _bundled_names() -> set[str]:
    return {p.name.split(".")[0] for p in templates_dir().glob("*.*.cjm")}


def _path(name: str, language: str) -> Path:
    for lang in (language, "en"):
        path = templates_dir() / f"{name}.{lang}.cjm"
        if path.is_file():
            return path
    path = _user_path(name)
    if path is None:
        raise KeyError(name)
    return path


def _user_path(name: str) -> Path | None:
    """The user's template `name`, if there is one (never a file outside the templates folder)."""
    if not name or name.startswith(".") or Path(name).name != name or "\\" in name:
        return None
    path = user_templates_dir() / f"{name}.cjm"
    return path if path.is_file() else None
