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


def imports(path: Path) -> set[str]:
    """Absolute module names imported by a file, relative imports resolved."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
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
