"""Update the interface's translations: find every string the code passes to Qt translation, bring
resources/translations/cjm_designer_LANG.ts up to date with them, and compile the `.qm` files.

    .venv/bin/python tools/update_translations.py

New strings are added as unfinished (translate them in the .ts, by hand or in Qt Linguist, and run
the command again), existing translations are kept, and strings gone from the code are kept as
"vanished" (lrelease leaves those out). The Russian file holds every string; the English one only
those with plural forms ("%n page(s)"), as the English sources need no other translation.

pyside6-lupdate cannot be used: it reads our module-level `tr("text")` helpers as calls without a
context. Here each module's helper is read instead: `def tr(...)` calling
`QCoreApplication.translate("Context", ...)` gives the context of every `tr("literal")` call in that
module and in the modules that import that `tr`; a call with a count argument has plural forms.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cjm_designer"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"ru": ("ru_RU", 3), "en": ("en_US", 2)}  # the .ts language and its number of plural forms
SOURCE_LANGUAGE = "en"
QT_TRANSLATE = {"QCoreApplication", "QApplication", "QGuiApplication"}


@dataclass
class Message:
    context: str
    source: str
    numerus: bool = False
    files: list[str] = field(default_factory=list)  # relative to the repository, in order of first use


@dataclass
class Entry:
    """A message as a .ts file holds it."""

    context: str
    source: str
    numerus: bool
    translation: str | list[str]  # plural forms for a numerus message
    state: str = ""  # "", "unfinished", "vanished" or "obsolete"
    files: list[str] = field(default_factory=list)


# -- extraction ---------------------------------------------------------------------------------------


def extract(package: Path = PACKAGE) -> tuple[list[Message], list[str]]:
    """Every translatable string in the package's modules, in context order, and the problems found
    (a `tr` call whose text is not a literal cannot be translated)."""
    helpers: dict[Path, dict[str, tuple[str, bool]]] = {}
    trees = {path: ast.parse(path.read_text("utf-8"), str(path)) for path in sorted(package.rglob("*.py"))}

    def helpers_of(path: Path, seen: frozenset = frozenset()) -> dict[str, tuple[str, bool]]:
        if path in helpers:
            return helpers[path]
        found: dict[str, tuple[str, bool]] = {}
        tree = trees.get(path)
        for node in tree.body if tree else []:
            if isinstance(node, ast.FunctionDef):
                context = _helper_context(node)
                if context is not None:
                    found[node.name] = (context, len(node.args.args) > 1)
            elif isinstance(node, ast.ImportFrom) and path not in seen:
                source = _module_path(path, node, package)
                if source is None:
                    continue
                theirs = helpers_of(source, seen | {path})
                for alias in node.names:
                    if alias.name in theirs:
                        found[alias.asname or alias.name] = theirs[alias.name]
        helpers[path] = found
        return found

    calls: list[tuple[str, int, int, str, str, bool]] = []
    problems: list[str] = []
    for path, tree in trees.items():
        mine = helpers_of(path)
        where = path.relative_to(package.parent).as_posix()
        inside_helpers = {id(n) for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in mine
                          for n in ast.walk(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in inside_helpers:
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in mine:
                context, counted = mine[func.id]
                text, numerus = (node.args[0] if node.args else None), len(node.args) > 1 or bool(node.keywords)
            elif (isinstance(func, ast.Attribute) and func.attr == "translate" and isinstance(func.value, ast.Name)
                  and func.value.id in QT_TRANSLATE and node.args and _literal(node.args[0]) is not None):
                context, counted = _literal(node.args[0]), True
                text, numerus = (node.args[1] if len(node.args) > 1 else None), len(node.args) > 3
            else:
                continue
            if _literal(text) is None:
                problems.append(f"{where}:{node.lineno}: the text given to {ast.unparse(func)}() is not a literal")
                continue
            calls.append((where, node.lineno, node.col_offset, context, _literal(text), numerus and counted))
    messages: dict[tuple[str, str], Message] = {}
    for where, _line, _col, context, text, numerus in sorted(calls):
        message = messages.setdefault((context, text), Message(context, text))
        message.numerus = message.numerus or numerus
        if where not in message.files:
            message.files.append(where)
    ordered = sorted(messages.values(), key=lambda m: m.context.lower())  # stable: first use within a context
    return ordered, problems


def _helper_context(function: ast.FunctionDef) -> str | None:
    """The context of a helper whose body calls `QCoreApplication.translate("Context", text, ...)`."""
    if function.name != "tr":
        return None
    for node in ast.walk(function):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
                and isinstance(node.func.value, ast.Name) and node.func.value.id in QT_TRANSLATE and node.args):
            return _literal(node.args[0])
    return None


def _module_path(path: Path, node: ast.ImportFrom, package: Path) -> Path | None:
    if node.level:
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
    elif node.module and node.module.split(".")[0] == package.name:
        base, parts = package, node.module.split(".")[1:]
    else:
        return None
    target = base.joinpath(*parts)
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# -- .ts files ----------------------------------------------------------------------------------------


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"cjm_designer_{language}.ts"


def qm_path(language: str) -> Path:
    return ts_path(language).with_suffix(".qm")


def read_ts(path: Path) -> dict[tuple[str, str], Entry]:
    entries: dict[tuple[str, str], Entry] = {}
    if not path.is_file():
        return entries
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                text: str | list[str] = [] if numerus else ""
                state = "unfinished"
            else:
                forms = [f.text or "" for f in translation.iter("numerusform")]
                text = forms if numerus else (translation.text or "")
                state = translation.get("type", "")
            files = [loc.get("filename", "") for loc in message.iter("location")]
            entries[(name, source)] = Entry(name, source, numerus, text, state, files)
    return entries


def merge(messages: list[Message], old: dict[tuple[str, str], Entry], language: str) -> list[Entry]:
    """The .ts entries for `messages`, keeping the translations of `old`; old entries no longer in
    the code stay as vanished ones (translated) or are dropped (never translated)."""
    forms = LANGUAGES[language][1]
    entries = []
    wanted = [m for m in messages if language != SOURCE_LANGUAGE or m.numerus]
    for message in wanted:
        files = [_relative(f) for f in message.files]
        previous = old.get((message.context, message.source))
        if previous is None:
            entries.append(Entry(message.context, message.source, message.numerus,
                                 [""] * forms if message.numerus else "", "unfinished", files))
            continue
        translation, state = previous.translation, previous.state
        if message.numerus and not isinstance(translation, list):
            translation, state = [translation] * forms, "unfinished"
        elif not message.numerus and isinstance(translation, list):
            translation, state = (translation[0] if translation else ""), "unfinished"
        if message.numerus and len(translation) != forms:
            translation, state = (translation + [""] * forms)[:forms], "unfinished"
        if state in ("vanished", "obsolete"):
            state = "" if _finished(translation) else "unfinished"
        entries.append(Entry(message.context, message.source, message.numerus, translation, state, files))
    current = {(m.context, m.source) for m in wanted}
    for key, entry in old.items():
        if key not in current and _finished(entry.translation):
            entries.append(Entry(entry.context, entry.source, entry.numerus, entry.translation, "vanished", []))
    return entries


def _finished(translation: str | list[str]) -> bool:
    return all(translation) if isinstance(translation, list) else bool(translation)


def _relative(name: str) -> str:
    return "../../" + name


def write_ts(path: Path, entries: list[Entry], language: str) -> str:
    """The .ts text for `entries` (contexts in the order they first appear), written to `path`."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{LANGUAGES[language][0]}" sourcelanguage="en_US">']
    contexts: dict[str, list[Entry]] = {}
    for entry in entries:
        contexts.setdefault(entry.context, []).append(entry)
    for context, members in contexts.items():
        lines += ["<context>", f"    <name>{_xml(context)}</name>"]
        for entry in members:
            lines.append('    <message numerus="yes">' if entry.numerus else "    <message>")
            lines += [f'        <location filename="{_xml(name)}"/>' for name in entry.files]
            lines.append(f"        <source>{_xml(entry.source)}</source>")
            state = f' type="{entry.state}"' if entry.state else ""
            if entry.numerus:
                lines.append(f"        <translation{state}>")
                lines += [f"            <numerusform>{_xml(form)}</numerusform>" for form in entry.translation]
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{state}>{_xml(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")
    return text


def _xml(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&apos;"})


# -- .qm files ----------------------------------------------------------------------------------------


def lrelease() -> str:
    """The pyside6-lrelease beside this Python, or the one on PATH."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.is_file() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install the project with `pip install -e .[test]`")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile `ts`; lrelease refuses translations that lose an accelerator, a place marker (%1, %n),
    the surrounding spaces or the ending punctuation of their source."""
    subprocess.run([lrelease(), "-silent", "-fail-on-invalid", str(ts), "-qm", str(qm)], check=True, timeout=120)


# -- the command --------------------------------------------------------------------------------------


def update() -> dict[str, int]:
    """Update both .ts files from the code and compile them; the number of unfinished strings a language."""
    messages, problems = extract()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    unfinished = {}
    for language in LANGUAGES:
        entries = merge(messages, read_ts(ts_path(language)), language)
        write_ts(ts_path(language), entries, language)
        compile_qm(ts_path(language), qm_path(language))
        unfinished[language] = sum(e.state == "unfinished" for e in entries)
    return unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    unfinished = update()
    for language, count in unfinished.items():
        print(f"{ts_path(language).relative_to(ROOT)}: {count} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
