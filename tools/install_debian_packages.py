"""Install the Debian packages the tests need (tools/debian-packages.txt) that are not installed yet.

    python3 tools/install_debian_packages.py

Run before the virtual environment exists (README's test command and .ci/run start with it), so it
uses the standard library only. It does nothing when every package is there; otherwise it installs
the missing ones with apt-get, as root or through passwordless sudo, and prints one line. When it
cannot (no dpkg, no root, apt-get failed) it says so in one line and exits 1, rather than letting a
test fail later for a missing program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

LIST = Path(__file__).resolve().with_name("debian-packages.txt")


def wanted(text: str) -> list[str]:
    """The package names of the list: the first word of each line, comments and blank lines skipped."""
    return [line.split("#", 1)[0].split()[0] for line in text.splitlines() if line.split("#", 1)[0].strip()]


def missing(packages: list[str]) -> list[str]:
    """The packages dpkg does not have installed."""
    query = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Abbrev} ${Package}\n", *packages],
                           capture_output=True, text=True)
    installed = {line.split()[-1] for line in query.stdout.splitlines() if line.startswith("ii")}
    return [package for package in packages if package not in installed]


def main() -> int:
    packages = wanted(LIST.read_text("utf-8"))
    if shutil.which("dpkg-query") is None or shutil.which("apt-get") is None:
        return _fail(f"no dpkg/apt-get here: install {' '.join(packages)} (or what provides them) yourself")
    needed = missing(packages)
    if not needed:
        return 0
    if os.geteuid() == 0:
        sudo = []
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        sudo = ["sudo", "-n"]
    else:
        names = " ".join(needed)
        return _fail(f"missing Debian packages {names}: run this as root, or `sudo apt-get install {names}`")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *needed]):
        done = subprocess.run([*sudo, *command], capture_output=True, text=True, env=environment)
        if done.returncode != 0:
            said = (done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}").splitlines()[-1]
            return _fail(f"`{' '.join(command)}` failed: {said}")
    still = missing(needed)
    if still:
        return _fail(f"apt-get did not install {' '.join(still)}")
    print(f"install_debian_packages: installed {' '.join(needed)}")
    return 0


def _fail(message: str) -> int:
    print(f"install_debian_packages: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
