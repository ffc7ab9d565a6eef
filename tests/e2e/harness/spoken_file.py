"""Short spoken audio files made on the spot, as a person's own recordings: espeak-ng
speaks the words, ffmpeg encodes them by the file's suffix and tags the title and show."""

from __future__ import annotations

import subprocess
from pathlib import Path

#: The show the files are tagged with unless told otherwise.
SHOW = "Dropped In"


def make_talk(path: Path, title: str, words: str, show: str = SHOW) -> Path:
    """A short spoken episode (espeak-ng, encoded by ffmpeg by the suffix), tagged
    with its title and the show."""
    wav = path.with_name(path.stem + ".speech.wav")
    subprocess.run(["espeak-ng", "-w", str(wav), words], check=True, capture_output=True, timeout=60)
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(wav),
         "-metadata", f"title={title}", "-metadata", f"artist={show}", "-metadata", f"album={show}", str(path)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    wav.unlink()
    return path
