"""The layering: model/ knows nothing of Qt; io/ reads and writes through model/ only; layout/ is
pure geometry over model/; and the wheel lists every package."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import cjm_designer

PACKAGE = Path(cjm_designer.__file__).parent
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
ALLOWED_INSIDE = {
    "model": {"model"},
    "io": {"model", "io", "bulk"},
    "layout": {"model", "layout", "paths", "bulk"},
    "editor": {"model", "editor"},
    "canvas": {"model", "layout", "editor", "canvas", "paths", "bulk", "i18n"},
    "ui": {"", "model", "io", "layout", "editor", "canvas", "export", "ui", "paths", "templates", "i18n"},
    "export": {"", "model", "layout", "editor", "canvas", "export", "paths", "bulk"},
}
NO_QT = ("model", "io", "layout")
NO_QT_FILES = ("export/pdf*.py",)  # the PDF is drawn from the layout with reportlab; images come from the scene


def imports(path: Path, nodes=None) -> set[str]:
    """Absolute module names imported by a file (by `nodes` of it when given), relative imports resolved."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))) if nodes is None else nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module)
    return found


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
