"""The layering: model/ knows nothing of Qt; io/ reads and writes through model/ only; layout/ is
pure geometry over model/; only editor/ changes a session's document, and the views (canvas/, ui/)
only through its Editor; and the wheel lists every package."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import cjm_designer

PACKAGE = Path(cjm_designer.__file__).parent
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
ALLOWED_INSIDE = {
    "model": {"model"},
    "io": {"model", "io", "bulk"},
    "layout": {"model", "layout", "paths", "bulk"},
    "editor": {"model", "editor"},
    "canvas": {"model", "layout", "editor", "canvas", "paths", "bulk", "i18n"},
    "ui": {"", "model", "io", "layout", "editor", "canvas", "export", "ui", "paths", "templates", "i18n", "map_export",
           "room"},
    "export": {"", "model", "layout", "editor", "canvas", "export", "paths", "bulk"},
    "room": {"model", "io", "room", "paths"},
}
NO_QT = ("model", "io", "layout", "room")
NO_QT_FILES = ("export/pdf*.py",)  # the PDF is drawn from the layout with reportlab; images come from the scene


def imports(path: Path, nodes=None) -> set[str]:
    """Absolute module names imported by a file (by `nodes` of it when given), relative imports resolved;
    `from P import m` of a module `m` of the program's counts as `P.m` (`from .. import canvas` imports
    canvas/, not just the package)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))) if nodes is None else nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names if is_module(f"{module}.{alias.name}")}
    return found


def is_module(name: str) -> bool:
    """Whether `name` is one of the program's modules or packages."""
    if not name.startswith("cjm_designer."):
        return False
    place = PACKAGE.parent.joinpath(*name.split("."))
    return place.with_suffix(".py").is_file() or (place / "__init__.py").is_file()


def test_layers_import_only_what_they_may():
    for layer, allowed in ALLOWED_INSIDE.items():
        files = sorted((PACKAGE / layer).rglob("*.py"))
        assert files
        for path in files:
            for name in imports(path):
                pure = layer in NO_QT or any(path.match(pattern) for pattern in NO_QT_FILES)
                assert not pure or not name.startswith(QT), f"{path.name} imports {name}"
                if name.startswith("cjm_designer"):
                    inner = name.split(".")[1] if "." in name else ""
                    assert inner in allowed, f"{layer}/{path.name} imports {name}"


# The modules beside the packages, each with what it may import of the program and whether it may use Qt:
# the command line and the export entry point work without a display, so they import no Qt at all.
TOP_LEVEL = {
    "__init__": (set(), False), "__main__": ({"cli"}, False), "bulk": (set(), False), "paths": (set(), False),
    "templates": ({"model", "io", "paths"}, False), "map_export": ({"model", "io", "export"}, False),
    "i18n": ({"paths"}, True), "app": ({"", "bulk", "model", "io", "paths", "i18n", "ui", "layout"}, True),  # layout:
    # imported before PySide at start, which then need not read its modules' source
    "cli": ({"", "app", "model", "io", "export", "map_export", "templates", "ui", "room"}, False),  # app: its top
    # imports no Qt (the window's modules load in `app.run`)
}
PDF_MAY_IMPORT = {"", "model", "layout", "paths", "bulk", "export"}  # export: the other pdf modules, Cancelled


def test_top_level_modules_import_only_what_they_may():
    found = {path.stem for path in PACKAGE.glob("*.py")}
    assert found == set(TOP_LEVEL), "a new top-level module: say here what it may import"
    for name, (allowed, qt) in TOP_LEVEL.items():
        path = PACKAGE / f"{name}.py"
        for module in imports(path):
            assert qt or not module.startswith(QT), f"{name}.py imports {module}"
            if module.startswith("cjm_designer"):
                inner = module.split(".")[1] if "." in module else ""
                assert inner in allowed, f"{name}.py imports {module}"


def test_pdf_modules_draw_from_the_layout_alone():
    """The PDF is drawn from the layout and the model: never from the canvas's items or the editor."""
    for path in sorted((PACKAGE / "export").glob("pdf*.py")):
        for module in imports(path):
            if module.startswith("cjm_designer"):
                parts = module.split(".")
                assert (parts[1] if len(parts) > 1 else "") in PDF_MAY_IMPORT, f"{path.name} imports {module}"
                assert parts[1:2] != ["export"] or len(parts) == 2 or parts[2].startswith("pdf"), \
                    f"{path.name} imports {module}"


CLEAN_STATE = {"setClean", "resetClean"}


def test_only_the_session_says_whether_the_map_is_saved():
    """Whether the map is what its file holds is the session's to set (`mark_saved`, `mark_unsaved`), not
    the undo stack's to be set by the window or the canvas: saving, recovering and a file deleted on
    disk all say so through it."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "editor":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in CLEAN_STATE:
                pytest.fail(f"{path.relative_to(PACKAGE)}:{node.lineno} sets the undo stack's clean state")


MEMOIZERS = {"cache", "lru_cache"}
FONT_LOADERS = {"text.metrics"}  # the bundled fonts, read once a process as their files are; nothing of a layout


def module_level_memos(path: Path) -> list[str]:
    """The functions of a module memoized for the whole process: decorated with `functools.cache` or
    `lru_cache`, or made by wrapping a function in one at the module's top."""
    def memoizer(node: ast.AST) -> bool:
        while isinstance(node, ast.Call):
            node = node.func
        return (isinstance(node, ast.Name) and node.id in MEMOIZERS) or \
            (isinstance(node, ast.Attribute) and node.attr in MEMOIZERS)

    found = []
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(memoizer, node.decorator_list)):
            found.append(node.name)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and memoizer(node.value.func):
            found += [ast.unparse(target) for target in node.targets]
    return [f"{path.stem}.{name}" for name in found]


def test_the_layout_keeps_no_module_global_memo():
    """What a layout remembers for the next is its caller's `LayoutMemo` (faces, marker rows, wrapped texts,
    routes): kept by the view that owns it, gone with it, never shared by two documents or two tests."""
    memos = [memo for path in sorted((PACKAGE / "layout").glob("*.py")) for memo in module_level_memos(path)]
    assert set(memos) == FONT_LOADERS, memos


def test_importing_model_io_and_layout_loads_no_qt():
    code = ("import sys, cjm_designer.model, cjm_designer.io, cjm_designer.layout; "
            "print(sorted(m for m in sys.modules if m.startswith(%r)))")
    for prefix in QT:
        done = subprocess.run([sys.executable, "-c", code % prefix], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "[]"


def test_every_package_is_in_the_wheel():
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(PACKAGE.parent).parts[:-1]) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed


EXPORTERS = ("reportlab", "svglib", "PIL", "cjm_designer.export", "cjm_designer.ui.export_dialog")


def module_level_imports(path: Path) -> set[str]:
    """What a file imports when it is imported, not what its functions import when called."""
    def outside_functions(node):
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield child
                yield from outside_functions(child)

    return imports(path, outside_functions(ast.parse(path.read_text("utf-8"))))


def test_the_window_imports_the_exporters_only_when_they_are_used():
    """What the window's first frame runs imports no exporter at its top; tests/test_startup_imports.py
    checks the same of a whole start."""
    started = [PACKAGE / name for name in ("__main__.py", "cli.py", "app.py", "templates.py", "i18n.py")]
    for folder in ("model", "io", "layout", "editor", "canvas", "ui"):
        started += sorted(p for p in (PACKAGE / folder).glob("*.py") if p.name != "export_dialog.py")
    for path in started:
        for name in module_level_imports(path):
            assert not name.startswith(EXPORTERS), f"{path.relative_to(PACKAGE)} imports {name} at its top"


BUILDERS = ("io", "templates.py", "room")  # they build new documents, which no session holds yet; room/: the headless
# `workshop` command's map, which no session holds either (the window's room changes its map through editor/)
LIST_CHANGES = {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"}
ITERATING = {"sorted", "reversed", "list", "tuple", "filter", "enumerate", "zip", "iter"}
COPIES = {"model_copy", "model_dump", "model_dump_json"}  # a copy of the document is not the document


def document_operations() -> set[str]:
    """The operations of `JourneyMap` that change it (add_, remove_, move_, place_, restore)."""
    tree = ast.parse((PACKAGE / "model" / "document.py").read_text("utf-8"))
    journey_map = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "JourneyMap")
    return {f.name for f in journey_map.body if isinstance(f, ast.FunctionDef)
            and f.name.startswith(("add_", "remove_", "move_", "place_", "restore"))}


class DocumentWrites:
    """Where one function (with the functions inside it) changes the document or a part of it.

    The document is `<anything>.doc` (a session's or an editor's map) or a parameter named `doc` or
    annotated `JourneyMap`. A part of it is what is read from it: attributes, items and the results of
    its methods (`doc.meta`, `doc.cards[0]`, `doc.card(i)`, a copy made by `model_copy` excepted), the
    elements of such lists (`for card in doc.cards`, a comprehension over them, `next(...)` of one), and
    every name bound to a part (`card = doc.card(i)`, `scene, doc = ..., self.session.doc`).
    A change is a call of one of the document's operations or of a list's changing method on a part,
    `setattr` of a part, and an assignment or `del` of an attribute or an item of a part."""

    def __init__(self, function: ast.AST, operations: set[str]):
        self.operations = operations
        self.parts: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for arg in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                    annotation = ast.unparse(arg.annotation) if arg.annotation is not None else ""
                    if arg.arg == "doc" or "JourneyMap" in annotation:
                        self.parts.add(arg.arg)
        known = -1
        while known != len(self.parts):  # bindings in any order: until nothing new is found
            known = len(self.parts)
            for node in ast.walk(function):
                self._bind(node)
        self.found = [f"line {node.lineno}: {ast.unparse(node)[:80]}" for node in ast.walk(function)
                      if self._changes(node)]

    def is_part(self, node: ast.AST) -> bool:
        match node:
            case ast.Attribute(attr="doc"):
                return True
            case ast.Name(id=name):
                return name in self.parts
            case ast.Attribute(value=value) | ast.Subscript(value=value):
                return self.is_part(value)
            case ast.Call(func=ast.Attribute(value=value, attr=method)):
                return method not in COPIES and self.is_part(value)
            case ast.Call(func=ast.Name(id="next"), args=[first, *_]):
                return self.yields_parts(first)
            case ast.IfExp(body=body, orelse=orelse):
                return self.is_part(body) or self.is_part(orelse)
            case ast.BoolOp(values=values):
                return any(self.is_part(v) for v in values)
        return False

    def yields_parts(self, node: ast.AST) -> bool:
        match node:
            case ast.ListComp(elt=elt) | ast.SetComp(elt=elt) | ast.GeneratorExp(elt=elt):
                return self.is_part(elt)
            case ast.Call(func=ast.Name(id=name), args=args) if name in ITERATING:
                return any(self.yields_parts(a) for a in args)
        return self.is_part(node)

    def _bind(self, node: ast.AST) -> None:
        match node:
            case ast.Assign(targets=targets, value=value):
                for target in targets:
                    self._bind_to(target, value, self.is_part)
            case ast.AnnAssign(target=target, value=value) | ast.NamedExpr(target=target, value=value) \
                    if value is not None:
                self._bind_to(target, value, self.is_part)
            case ast.For(target=target, iter=source) | ast.comprehension(target=target, iter=source):
                self._bind_to(target, source, self.yields_parts)

    def _bind_to(self, target: ast.AST, value: ast.AST, test) -> None:
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts):
                self._bind_to(t, v, test)
        elif test(value):
            self.parts |= set(_names(target))


    def _changes(self, node: ast.AST) -> bool:
        match node:
            case ast.Call(func=ast.Attribute(value=value, attr=method)) \
                    if method in self.operations or method in LIST_CHANGES:
                return self.is_part(value)
            case ast.Call(func=ast.Name(id="setattr"), args=[first, *_]):
                return self.is_part(first)
            case ast.Assign(targets=targets) | ast.Delete(targets=targets):
                return any(self._written(t) for t in targets)
            case ast.AugAssign(target=target) | ast.AnnAssign(target=target):
                return self._written(target)
        return False

    def _written(self, target: ast.AST) -> bool:
        if isinstance(target, (ast.Tuple, ast.List)):
            return any(self._written(t) for t in target.elts)
        return isinstance(target, (ast.Attribute, ast.Subscript)) and self.is_part(target.value)


def _names(target: ast.AST):
    """The names a target binds (`a`, `a, (b, *c)`; not those inside `x.a` or `x[a]`)."""
    match target:
        case ast.Name(id=name):
            yield name
        case ast.Tuple(elts=elts) | ast.List(elts=elts):
            for elt in elts:
                yield from _names(elt)
        case ast.Starred(value=value):
            yield from _names(value)


def document_writes(source: str, operations: set[str]) -> list[str]:
    """Every change of the document in a module's functions and at its top (see DocumentWrites)."""
    tree = ast.parse(source)
    top = [n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    functions += [f for c in tree.body if isinstance(c, ast.ClassDef) for f in ast.walk(c)
                  if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f in c.body]
    found = DocumentWrites(ast.Module(body=top, type_ignores=[]), operations).found
    for function in functions:
        found += DocumentWrites(function, operations).found
    return found


def test_only_the_editor_changes_the_document():
    """Every change of a map that a session holds is an editor/ operation, which pushes an undo
    command: no module outside model/ and editor/ calls the document's changing operations or writes
    its fields (the rule is DocumentWrites'). io/ and templates.py are not checked: they build new
    documents, which a session takes only once they are made."""
    operations = document_operations()
    assert {"add_card", "remove_cards", "move_cards", "move_card", "place_card", "add_stage", "remove_lane",
            "move_persona", "add_link", "restore"} <= operations
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        inner = path.relative_to(PACKAGE).parts
        if inner[0] in ("model", "editor") or inner[0] in BUILDERS:
            continue
        checked += 1
        assert document_writes(path.read_text("utf-8"), operations) == [], path.relative_to(PACKAGE)
    assert checked > 30


def test_the_document_rule_finds_each_kind_of_change():
    """The rule above on examples: each change is found, and look-alikes that change nothing are not."""
    operations = document_operations()
    changes = [
        "def f(self):\n    self.session.doc.add_card(card)",
        "def f(self):\n    self.session.doc.cards.append(card)",
        "def f(self):\n    del self.session.doc.cards[0]",
        "def f(self):\n    self.session.doc.meta.title = 'x'",
        "def f(session):\n    card = session.doc.card('a')\n    card.title = 'x'",
        "def f(self):\n    scene, doc = self.scene, self.session.doc\n    doc.lanes[0].name = 'x'",
        "def f(doc):\n    for card in doc.cards:\n        card.pain = True",
        "def f(doc):\n    lane = next(k for k in doc.lanes if k.id == 'a')\n    setattr(lane, 'name', 'x')",
        "def f(self):\n    card = self.session.doc.card('a')\n    def done():\n        card.tags.append('x')",
        "def f(m: JourneyMap):\n    m.restore(removal)",
    ]
    for source in changes:
        assert len(document_writes(source, operations)) == 1, source
    harmless = [
        "def f(painter):\n    painter.restore()",
        "def f(self):\n    self.personas.add_persona()",
        "def f(self):\n    cell = [c.id for c in self.session.doc.cards]\n    cell.append('x')",
        "def f(self):\n    copy = self.session.doc.model_copy(deep=True)\n    copy.meta.title = 'x'",
        "def f(self):\n    for card in self.card_items.values():\n        card.hovered = True",
        "def f(self):\n    self.layout = compute_layout(self.session.doc)",
    ]
    for source in harmless:
        assert document_writes(source, operations) == [], source


def test_no_operation_is_looked_up_by_a_name_built_at_run_time():
    """`getattr(doc, f"add_{kind}")` hides an operation's callers from every search: kinds are an enum
    (model.document.ElementKind) matched to the operations by name."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            match node:
                case ast.Call(func=ast.Name(id="getattr" | "setattr"), args=[_, ast.JoinedStr() | ast.BinOp(), *_]):
                    raise AssertionError(f"{path.relative_to(PACKAGE)}:{node.lineno}: {ast.unparse(node)}")


def test_the_views_change_the_map_only_through_the_editor():
    """canvas/ (its tools included) and ui/ turn events into calls of editor.Editor, which decides and
    pushes every change: they import no undo command, and push nothing, open no batch and no macro, and
    gather no notifications (which changes make one notification is the editor's to say)."""
    commands_py = PACKAGE / "editor" / "commands.py"
    commands = {node.name for node in ast.parse(commands_py.read_text("utf-8")).body if isinstance(node, ast.ClassDef)}
    assert {"AddCards", "MoveCards", "SetFieldsOfMany"} <= commands
    checked = 0
    for path in sorted((PACKAGE / "canvas").glob("*.py")) + sorted((PACKAGE / "ui").glob("*.py")):
        checked += 1
        where = path.relative_to(PACKAGE)
        assert "cjm_designer.editor.commands" not in imports(path), where
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            match node:
                case ast.ImportFrom(names=names):
                    assert not {alias.name for alias in names} & commands, f"{where}:{node.lineno}"
                case ast.Call(func=ast.Attribute(attr="push" | "batch" | "gathered" | "beginMacro" | "endMacro")):
                    raise AssertionError(f"{where}:{node.lineno}: {ast.unparse(node)}")
    assert checked > 20
