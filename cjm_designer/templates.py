"""The bundled map templates, one `.cjm` file a template and language: `NAME.LANG.cjm`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .io import load
from .model import JourneyMap
from .paths import templates_dir

DEFAULT_TEMPLATE = "blank"
DEMO_TEMPLATE = "window-installation"


@dataclass(frozen=True)
class Template:
    name: str
    language: str
    path: Path
    title: str
    description: str


def available(language: str) -> list[Template]:
    """Every template, in `language` where it exists and in English otherwise; blank first."""
    names = sorted({p.name.split(".")[0] for p in templates_dir().glob("*.*.cjm")},
                   key=lambda n: (n != DEFAULT_TEMPLATE, n))
    found = []
    for name in names:
        path = _path(name, language)
        meta = load(path).meta
        found.append(Template(name, path.name.split(".")[1], path, meta.title, meta.description))
    return found


def new_map(name: str, language: str, now: datetime | None = None) -> JourneyMap:
    """A new map from template `name`, stamped as created now."""
    doc = load(_path(name, language))
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    doc.meta.created = doc.meta.modified = now
    return doc


def _path(name: str, language: str) -> Path:
    for lang in (language, "en"):
        path = templates_dir() / f"{name}.{lang}.cjm"
        if path.is_file():
            return path
    raise KeyError(name)
