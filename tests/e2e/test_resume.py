"""Resume: an episode reopens where the listener paused it, after a restart."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT

#: How far the restored position may be from the paused one (the UI shows whole ms).
RESUME_TOLERANCE_MS = 100


def seek_indexes(data_dir: Path) -> dict[str, int]:
    """The MP3 seek indexes the library keeps: audio file name -> bytes."""
    db = sqlite3.connect(f"file:{data_dir / 'earmark.db'}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT audio_path, length(data) FROM seek_index").fetchall()
    finally:
        db.close()
    return {Path(path).name: size for path, size in rows}


def test_position_is_restored_after_a_restart(
    launch_app: Callable[..., RunningApp], display, artifacts_dir: Path, data_dir: Path
) -> None:
    first = launch_app()
    page = first.page
    page.play_from_line(11, 1500)
    # The paused snapshot arrives with the state change; `pause` waits until the page shows it.
    paused_at = page.pause()
    first.close(display, artifacts_dir / "resume-before-restart.png", artifacts_dir / "resume-before-restart.log")

    # Opening the episode kept its MP3 seek index, so this reopening skips the scan.
    kept = seek_indexes(data_dir)
    assert any(name.endswith(".mp3") and size > 0 for name, size in kept.items()), (
        f"no seek index was kept for the demo's MP3: {kept}"
    )

    second = launch_app()
    page = second.page
    page.segments(at_least=12)
    restored = page.wait_until(
        lambda d: p if (p := page.position_ms()) > 0 else False,
        "the position was not restored",
    )
    assert abs(restored - paused_at) <= RESUME_TOLERANCE_MS, (
        f"paused at {paused_at} ms, reopened at {restored} ms"
    )
    current = page.find_all(CURRENT_SEGMENT)
    assert current, "the line at the restored position is lit"
    assert int(current[0].get_attribute("data-index")) >= 11, "the lit line is the one where we paused"
    assert page.play_state() == "paused", "a restart does not start playing on its own"
