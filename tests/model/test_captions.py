"""The one table of words written around a map's own text, and the one rule for the map's language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from cjm_designer.model import JourneyMap
from cjm_designer.model.captions import CAPTIONS, LANGUAGES, caption, map_language

PACKAGE = Path(__file__).resolve().parents[2] / "cjm_designer"
# Where map-language words may be written as {"ru": …, "en": …}: this table, and the names of the
# element kinds (lane kinds, channels, …), which the window shows too.
ALLOWED = {PACKAGE / "model" / "captions.py", PACKAGE / "model" / "vocab.py"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CAPTIONS))
def test_every_caption_has_both_languages_alike(key):
    entry = CAPTIONS[key]
    assert set(entry) == set(LANGUAGES)
    ru, en = entry["ru"], entry["en"]
    assert type(ru) is type(en)
    if isinstance(ru, list):
        plural_forms = (len(ru), len(en)) == (3, 2)  # one, few, many; one, other (see `plural`)
        assert (len(ru) == len(en) or plural_forms) and all(ru) and all(en)
    else:
        assert ru and en
        assert _fields(ru) == _fields(en), "both languages fill in the same figures"


@pytest.mark.parametrize(("code", "language"), [("ru", "ru"), ("ru-RU", "ru"), ("en", "en"), ("en-GB", "en"),
                                                ("de", "en"), ("uk", "en")])
def test_map_language_is_russian_or_english(code, language):
    assert map_language(JourneyMap(meta={"language": code})) == language
    assert caption("legend", code) == CAPTIONS["legend"][language]


def _python_files():
    for folder in ("model", "layout", "export", "io"):
        yield from sorted((PACKAGE / folder).rglob("*.py"))


def test_no_other_module_keeps_its_own_word_table_or_language_rule():
    found = []
    for path in _python_files():
        if path in ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)} if isinstance(node, ast.Dict) else set()
            if {"ru", "en"} & keys:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: a table of words")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith"
                    and any(isinstance(a, ast.Constant) and a.value == "ru" for a in node.args)):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: a language rule (use map_language)")
    assert not found, "\n".join(found)
