"""What the benchmarks share: each measurement in a child process of its own (so that peak memory is
its own), on generated maps saved to a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_child(script: str, *args: object) -> dict:
    """Run `script --child ARGS...` and return the JSON object it prints last."""
    done = subprocess.run([sys.executable, script, "--child", *map(str, args)], capture_output=True, text=True,
                          check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def generated_map(folder: str, cards: int) -> str:
    """A generated map of `cards` cards (10 stages × 10 lanes) saved in `folder`; its path."""
    sys.path.insert(0, str(ROOT))
    from cjm_designer.io import save
    from cjm_designer.model.synthetic import generate_map

    path = os.path.join(folder, f"map-{cards}.cjm")
    save(generate_map(cards), path)
    return path
