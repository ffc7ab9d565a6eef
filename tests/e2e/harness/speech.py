"""Episodes of recorded speech (tests/fixtures/speech) brought into the library
without a transcript, for the transcription tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from .earmark_cli import cli
from .earmark_page import EarmarkPage
from .library_page import open_from_sidebar

SPEECH = Path(__file__).resolve().parents[2] / "fixtures" / "speech"
TITLE = "A Reading"
#: A script: the text of the transcript lines on screen.
LINES_TEXT = "return [...document.querySelectorAll('[data-testid=segment]')].map((e) => e.textContent).join(' ');"
#: A script: whether the transcript shown is marked machine-made.
MACHINE_MADE = "const s = document.querySelector('[data-testid=transcript-machine-made]'); return !!s && !s.hidden;"


def import_reading(data_dir: Path, audio: Path, folder: Path) -> None:
    """Imports a copy of `audio` (made in `folder`) as the local episode TITLE."""
    copy = folder / f"reading{audio.suffix}"
    if copy != audio:
        shutil.copy(audio, copy)
    cli(data_dir, "import", str(copy), "--title", TITLE)


def open_reading(page: EarmarkPage) -> None:
    """Opens TITLE from the sidebar and waits until it is the episode shown."""
    open_from_sidebar(page, TITLE)
    page.wait_until(lambda d: page.title() == TITLE, "the reading did not open")
