"""Transcription in the background: with Settings' box ticked, an episode with no
transcript is transcribed without a click, its progress shown while it is open;
playback of another episode meanwhile has no underrun; and a transcription cut
short by the app's end goes on by itself at the next start, from the chunks it had
finished.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from harness.display import Display
from harness.earmark_app import RunningApp
from harness.earmark_page import POSITION
from harness.library_page import screenshot
from harness.processes import wait_for
from harness.settings_dialog import close_settings, open_settings, saved_setting
from harness.speech import LINES_TEXT, MACHINE_MADE, SPEECH, TITLE, import_reading, open_reading



def test_ticking_the_box_transcribes_the_open_episode_in_the_background(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    import_reading(data_dir, SPEECH / "sense-0870.flac", tmp_path)
    page = launch_app().page
    page.segments()
    open_reading(page)
    assert not page.find_all('[data-testid="segment"]'), "it has no transcript yet"

    open_settings(page)
    page.wait_visible('[data-testid="setting-auto-transcribe"]').click()
    page.wait_until(lambda d: saved_setting(page, "speech.auto_transcribe") is True, "the box was not saved")
    close_settings(page)

    page.segments(timeout=180)
    page.wait_until(
        lambda d: "Dashwood" in d.execute_script(LINES_TEXT), "the spoken words did not arrive without a click"
    )
    page.wait_until(lambda d: d.execute_script(MACHINE_MADE), "the transcript is not marked machine-made")
    page.wait_until(
        lambda d: not page.find_all('[data-testid="align-progress"]:not([hidden])'), "the progress bar stayed"
    )
    screenshot(page, artifacts_dir, "transcribed-in-the-background")


def long_reading(path: Path) -> Path:
    """About four minutes of read speech (the LibriVox clips over again, with
    pauses): three chunks or more for the recogniser."""
    clips = sorted(str(p) for p in SPEECH.glob("sense-*.flac"))
    parts = (clips + [str(SPEECH / "goforward.flac")]) * 9
    subprocess.run(["sox", *parts, str(path), "pad", "0", "0.4"], check=True, capture_output=True)
    return path


def finished_chunks(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "earmark.db", timeout=5) as db:
        return db.execute("SELECT COUNT(*) FROM transcription_chunks").fetchone()[0]


def kept_segments_or_none(data_dir: Path) -> list[dict] | None:
    """The lines kept for the reading, once it has a transcript."""
    with sqlite3.connect(data_dir / "earmark.db", timeout=5) as db:
        row = db.execute(
            "SELECT segments_json FROM transcripts t JOIN episodes e ON e.id = t.episode_id WHERE e.title = ?",
            (TITLE,),
        ).fetchone()
    return json.loads(row[0]) if row else None


def test_a_transcription_cut_short_by_a_quit_goes_on_at_the_next_start(
    launch_app: Callable[..., RunningApp], display: Display, data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    import_reading(data_dir, long_reading(tmp_path / "reading.flac"), tmp_path)
    first = launch_app()
    page = first.page
    page.segments()
    open_reading(page)
    page.wait_visible('[data-testid="transcript-transcribe"]').click()
    wait_for(lambda: finished_chunks(data_dir) >= 1, 180, "no chunk was finished")
    first.kill()  # SIGKILL: nothing is tidied on the way out
    first.close(display, artifacts_dir / "transcribe-killed.png", artifacts_dir / "transcribe-killed.log")
    assert finished_chunks(data_dir) >= 1, "the finished chunks are kept"

    # No click: the next start goes on with it, and the open episode shows it.
    page = launch_app().page
    open_reading(page)
    page.segments(timeout=240)
    page.wait_until(lambda d: d.execute_script(MACHINE_MADE), "the transcript is not marked machine-made")
    segments = kept_segments_or_none(data_dir)
    assert segments, "the reading's transcript is kept"
    text = " ".join(s["text"] for s in segments)
    assert text.count("Dashwood") >= 5, f"the whole reading is transcribed, first chunk and all: {text!r}"
    assert segments[-1]["end_ms"] > 200_000, "to its end"
    wait_for(lambda: finished_chunks(data_dir) == 0, 30, "the finished chunks were not forgotten once kept")


def test_playback_never_stutters_while_another_episode_is_transcribed(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path
) -> None:
    import_reading(data_dir, long_reading(tmp_path / "reading.flac"), tmp_path)
    page = launch_app().page
    page.segments()  # the demo episode
    page.play_from_line(0)
    open_settings(page)
    page.wait_visible('[data-testid="setting-auto-transcribe"]').click()
    close_settings(page)
    wait_for(lambda: finished_chunks(data_dir) >= 1, 180, "the transcription did not start")
    heard_from = page.position_ms()
    wait_for(lambda: kept_segments_or_none(data_dir), 240, "the reading was not transcribed")
    assert page.play_state() == "playing", "the demo played on throughout"
    assert page.position_ms() > heard_from + 2_000, "and its position moved on"
    underruns = page.driver.execute_script("return document.querySelector(arguments[0]).dataset.underruns;", POSITION)
    assert underruns == "0", f"the output ran dry {underruns} times while the reading was transcribed"
