"""Make git merge and diff `.cjm` files with this program: a merge driver and a diff textconv.

`.gitattributes` (shared with the team through the repository) sends `*.cjm` to the driver named
`cjm`; the repository's own config (each clone runs `git-setup` once) says what that driver runs:
this very Python with this very program, so the driver is the version that wrote the maps.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic

ATTRIBUTES = "*.cjm merge=cjm diff=cjm"
GIT_TIMEOUT = 30  # seconds; git config and rev-parse answer at once


class GitSetupError(Exception):
    """git-setup could not be done; the message is one line for the user."""


@dataclass(frozen=True)
class GitSetup:
    """What was set: the work tree, whether `.gitattributes` gained the line, and the config values."""

    top: Path
    attributes_added: bool
    config: dict[str, str]


def git_setup(repo: str | Path) -> GitSetup:
    """Register the merge driver and the textconv in the git work tree `repo`."""
    top = Path(_git(repo, "rev-parse", "--show-toplevel"))
    program = f"{shlex.quote(sys.executable)} -m cjm_designer"
    config = {
        "merge.cjm.name": "CJM Designer: three-way merge of maps by element id",
        "merge.cjm.driver": f"{program} merge %O %A %B",
        "diff.cjm.textconv": f"{program} text",
    }
    for key, value in config.items():
        _git(top, "config", key, value)
    return GitSetup(top, _add_attributes(top / ".gitattributes"), config)


def _add_attributes(path: Path) -> bool:
    """Add the `*.cjm` line to `.gitattributes` unless it is there; whether it was added."""
    try:
        text = path.read_text("utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise GitSetupError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
    if ATTRIBUTES in (line.strip() for line in text.splitlines()):
        return False
    separator = "" if not text or text.endswith("\n") else "\n"
    write_atomic(path, (text + separator + ATTRIBUTES + "\n").encode("utf-8"))
    return True


def _git(where: str | Path, *args: str) -> str:
    """Run git in `where`; its output, or GitSetupError with git's own first line."""
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitSetupError("git is not installed (or not on PATH)") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitSetupError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[0]
        if args[:1] == ("rev-parse",):
            raise GitSetupError(f"{where}: not a git work tree ({said})")
        raise GitSetupError(f"git {' '.join(args[:2])}: {said}")
    return done.stdout.strip()
