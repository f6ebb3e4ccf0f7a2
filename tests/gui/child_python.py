"""Running a piece of the program in a child Python, for tests of what can crash the interpreter (freeing
scenes, windows and undo stacks): a crash there fails the test instead of ending the whole suite, and
glibc's heap checks (MALLOC_CHECK_) make a double free abort at once instead of corrupting memory quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_in_child(code: str) -> subprocess.CompletedProcess:
    """Runs `code` offscreen in a child Python from the project's folder; fails the calling test on a crash,
    a non-zero exit or any traceback the child printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MALLOC_CHECK_": "3", "PYTHONFAULTHANDLER": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, f"the child Python ended with {done.returncode}:\n{done.stderr[-4000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    return done
