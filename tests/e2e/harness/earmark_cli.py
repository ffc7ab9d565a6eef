"""`earmark-cli` on the app's data directory, as the tests use it to set up and
check what the window shows (the app may be running: the library is shared)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def cli(data_dir: Path, *args: str) -> dict:
    """Runs `earmark-cli --json` on the app's data directory and returns its output."""
    # Same default as ./earmark-dev: the target directory outside the work tree.
    target = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache" / "earmark-target"))
    binary = os.environ.get("EARMARK_CLI_BINARY", str(target / "debug" / "earmark-cli"))
    done = subprocess.run(
        [binary, "--data-dir", str(data_dir), "--json", *args], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, f"earmark-cli {' '.join(args)} failed: {done.stderr}"
    return json.loads(done.stdout)


def episode_titled(data_dir: Path, title: str) -> dict:
    """The library's episode titled `title`, as `earmark-cli list` has it."""
    return next(e for e in cli(data_dir, "list")["episodes"] if e["title"] == title)
