"""Episode B, a second episode in another show for the tests that switch between
two: a local file made from the demo's audio starting a minute in (so what is heard
tells the two apart), with the demo's timed transcript beside it, imported by
`earmark-cli` before the app starts (the `episode_b` fixture in conftest.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .earmark_cli import cli

B_TITLE = "A Minute Later"
B_SHOW = "Second Show"
#: Where episode B's audio starts in the demo's.
B_OFFSET_MS = 60_000
_DEMO_VTT = Path(__file__).resolve().parents[3] / "assets" / "demo" / "demo.vtt"


def add_episode_b(folder: Path, data_dir: Path, demo_audio: Path) -> Path:
    """Makes episode B in `folder`, imports it into the library in `data_dir`, and
    returns its audio file."""
    audio = folder / "a-minute-later.mp3"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-ss", str(B_OFFSET_MS / 1000), "-t", "90", "-i", str(demo_audio),
         "-metadata", f"title={B_TITLE}", "-metadata", f"artist={B_SHOW}", "-metadata", f"album={B_SHOW}",
         str(audio)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    audio.with_suffix(".vtt").write_bytes(_DEMO_VTT.read_bytes())
    cli(data_dir, "import", str(audio))
    return audio
