"""The README's test command is the one CI runs, and it first installs the Debian packages the tests
need (tools/install_debian_packages.py), doing nothing when they are there."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "tools" / "install_debian_packages.py"


def installer():
    spec = importlib.util.spec_from_file_location("install_debian_packages", INSTALLER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ci_runs_the_readme_test_command():
    command = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert command.startswith("python3 tools/install_debian_packages.py && ")
    assert command.endswith("python -m pytest")
    assert f"\n{command}\n" in (ROOT / "README.md").read_text()


def test_the_package_list_names_one_package_a_line_each_with_why():
    lines = [line for line in installer().LIST.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert installer().wanted("\n".join(lines)) == ["librsvg2-bin", "fonts-dejavu-core", "fonts-droid-fallback",
                                                     "chromium", "chromium-driver", "libreoffice-impress",
                                                     "libreoffice-calc"]
    assert all("#" in line and line.split("#", 1)[1].strip() for line in lines)


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_the_installer_does_nothing_when_every_package_is_there_and_sees_a_missing_one():
    done = subprocess.run([sys.executable, str(INSTALLER)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")  # the tests' packages are installed
    assert installer().missing(["librsvg2-bin", "cjm-designer-no-such-package"]) == ["cjm-designer-no-such-package"]
