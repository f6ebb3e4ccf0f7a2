"""The wheel carries the program with its resources and icons, and runs from any folder."""

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("cjm_designer", "resources", "icons", "pyproject.toml", "README.md", "LICENSE")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the sources, so the checkout gets no build folders."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist,
                    source], check=True, timeout=300)
    return next(dist.glob("cjm_designer-*.whl"))


@pytest.mark.slow
def test_wheel_contains_resources_and_icons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "resources" / "templates").glob("*.cjm"):
        assert f"cjm_designer/resources/templates/{template.name}" in names
    assert "cjm_designer/icons/LICENSE-lucide.txt" in names
    assert "cjm_designer/icons/lucide/phone.svg" in names
    for language in ("ru", "en"):  # the interface's translations, compiled
        assert f"cjm_designer/resources/translations/cjm_designer_{language}.qm" in names
    assert {f"cjm_designer/resources/html_page/page.{kind}" for kind in ("html", "js", "css")} <= names
    assert {"cjm_designer/model/document.py", "cjm_designer/io/cjm.py", "cjm_designer/cli.py"} <= names


@pytest.mark.slow
def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    """A fresh venv gets the wheel alone; its dependencies come from this environment by a .pth
    file (the editable install of this checkout is not seen there, as .pth files are not followed)."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q",
                    wheel], check=True, timeout=300)
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = env_dir / "bin" / "cjm-designer"

    def run(*args):
        return subprocess.run([script, *args], cwd=elsewhere, capture_output=True, text=True, timeout=120)

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("cjm-designer ")
    listing = run("templates", "--lang", "ru")
    assert listing.returncode == 0, listing.stderr
    assert "window-installation" in listing.stdout and "Пустая карта" in listing.stdout
    new = run("new", "--template", "five-stages", "-o", "map.cjm")
    assert new.returncode == 0, new.stderr
    assert run("validate", "map.cjm").returncode == 0
    where = subprocess.run([python, "-c", "import cjm_designer.paths as p; print(p.templates_dir())"],
                           cwd=elsewhere, capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(site), where
    code = "import cjm_designer.i18n as i; print(i.translations_dir() / 'cjm_designer_ru.qm')"
    qm = subprocess.run([python, "-c", code], cwd=elsewhere, capture_output=True, text=True, check=True).stdout.strip()
    assert qm.startswith(site) and Path(qm).is_file(), qm
