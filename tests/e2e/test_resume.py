"""Resume: an episode reopens where the listener left it, after a restart: paused,
killed mid-play (the position is saved every few seconds), or closed while playing
(it is saved on exit); an episode played to its end is marked played.

What the app saved is read from its database (read-only, beside the running app).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from harness.display import Display
from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT, EarmarkPage
from harness.processes import process_alive, wait_for
from harness.window_close import click_close_button

#: How far the restored position may be from the paused one (the UI shows whole ms).
RESUME_TOLERANCE_MS = 100
#: How often the app saves the position while playing (src-tauri/src/session.rs SAVE_EVERY).
SAVE_EVERY_MS = 5_000
#: How far the shown position may be from the engine's last clock (~10 a second,
#: extrapolated between them) on a loaded machine.
CLOCK_SLACK_MS = 500


def seek_indexes(data_dir: Path) -> dict[str, int]:
    """The MP3 seek indexes the library keeps: audio file name -> bytes."""
    db = sqlite3.connect(f"file:{data_dir / 'earmark.db'}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT audio_path, length(data) FROM seek_index").fetchall()
    finally:
        db.close()
    return {Path(path).name: size for path, size in rows}


def stored(data_dir: Path, episode: int) -> tuple[int, bool]:
    """What the library holds for `episode`: its saved position (ms) and whether it is played."""
    db = sqlite3.connect(f"file:{data_dir / 'earmark.db'}?mode=ro", uri=True)
    try:
        position, played = db.execute("SELECT position_ms, played FROM episodes WHERE id = ?", (episode,)).fetchone()
    finally:
        db.close()
    return position, bool(played)


def open_episode_id(page: EarmarkPage) -> int:
    """The episode open in the window (the sidebar marks it current)."""
    item = page.wait_visible('[data-testid="episode-item"][aria-current="true"]')
    return int(item.get_attribute("data-episode-id"))


def restored_position(app: RunningApp) -> float:
    """The position a freshly started app shows for the episode it reopened."""
    page = app.page
    page.segments(at_least=12)
    return page.wait_until(
        lambda d: p if (p := page.position_ms()) > 0 else False, "the position was not restored"
    )


def play_last_line(page: EarmarkPage) -> None:
    """Scrolls the transcript to its end and clicks its last line, once rendered there
    (the transcript is virtualized: lines far from the view are not in the page, and
    rows are redrawn as they are measured)."""
    seen: list[int] = []

    def at_end(_: object) -> int | bool:
        index = page.driver.execute_script(
            """
            const scroller = document.querySelector('.transcript');
            scroller.scrollTop = scroller.scrollHeight;
            return Math.max(...[...scroller.querySelectorAll('[data-testid=segment]')].map((l) => Number(l.dataset.index)));
            """
        )
        steady = seen[-1:] == [index]
        seen.append(index)
        return index if steady else False

    last = page.wait_until(at_end, "the transcript did not settle at its end")

    def clicked(_: object) -> bool:
        try:
            page.click_segment(page.driver.find_element(By.CSS_SELECTOR, f'[data-testid=segment][data-index="{last}"]'))
            return True
        except StaleElementReferenceException:
            return False  # redrawn between finding and clicking

    page.wait_until(clicked, f"the last line ({last}) could not be clicked")


def listening_state(page: EarmarkPage, episode: int) -> str | None:
    """The sidebar's state of `episode` ("new", "progress", "played", ...), read in one
    script call (the list is redrawn when the library changes)."""
    return page.driver.execute_script(
        "return document.querySelector(`[data-testid=episode-item][data-episode-id=\"${arguments[0]}\"]`)"
        "?.dataset.state ?? null;",
        episode,
    )


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
    restored = restored_position(second)
    assert abs(restored - paused_at) <= RESUME_TOLERANCE_MS, (
        f"paused at {paused_at} ms, reopened at {restored} ms"
    )
    current = page.find_all(CURRENT_SEGMENT)
    assert current, "the line at the restored position is lit"
    assert int(current[0].get_attribute("data-index")) >= 11, "the lit line is the one where we paused"
    assert page.play_state() == "paused", "a restart does not start playing on its own"


def test_the_position_is_saved_every_few_seconds_while_playing(
    launch_app: Callable[..., RunningApp], display: Display, artifacts_dir: Path
) -> None:
    first = launch_app()
    page = first.page
    line = page.play_from_line(11)
    # Two save intervals and more: the saves since the click were made by the timer.
    page.wait_for_position_past(line.start_ms + 2 * SAVE_EVERY_MS + CLOCK_SLACK_MS, timeout=40)
    killed_at = page.position_ms()
    since = time.monotonic()
    first.kill()  # SIGKILL: no pause, no exit, nothing saved on the way out
    played_on_ms = (time.monotonic() - since) * 1000
    first.close(display, artifacts_dir / "resume-killed.png", artifacts_dir / "resume-killed.log")

    restored = restored_position(launch_app())
    assert killed_at - SAVE_EVERY_MS - CLOCK_SLACK_MS <= restored <= killed_at + played_on_ms + CLOCK_SLACK_MS, (
        f"killed while playing at {killed_at:.0f} ms (saves every {SAVE_EVERY_MS} ms), reopened at {restored:.0f} ms"
    )


def test_the_position_is_saved_when_the_app_is_closed_while_playing(
    launch_app: Callable[..., RunningApp], display: Display, artifacts_dir: Path, data_dir: Path
) -> None:
    first = launch_app()
    page = first.page
    episode = open_episode_id(page)
    line = page.play_from_line(11)
    # Close just after a save by the timer: the next one is SAVE_EVERY away, so a
    # position saved nearer the close than that was saved on exit.
    timer_save = wait_for(
        lambda: p if (p := stored(data_dir, episode)[0]) > line.start_ms + 1_000 else None,
        SAVE_EVERY_MS / 1000 + 20,
        "no position was saved while playing",
    )
    page.wait_for_position_past(timer_save + 1_000)
    closing_at = page.position_ms()
    pid = first.pid()
    since = time.monotonic()
    click_close_button(display.env, pid)
    wait_for(lambda: not process_alive(pid), 30, "the app did not exit when its window was closed")
    played_on_ms = (time.monotonic() - since) * 1000
    first.close(display, artifacts_dir / "resume-closed.png", artifacts_dir / "resume-closed.log")

    saved, _ = stored(data_dir, episode)
    assert closing_at - CLOCK_SLACK_MS <= saved <= closing_at + played_on_ms + CLOCK_SLACK_MS, (
        f"closed while playing at {closing_at:.0f} ms (last timer save {timer_save} ms); saved {saved} ms"
    )
    restored = restored_position(launch_app())
    assert abs(restored - saved) <= RESUME_TOLERANCE_MS, f"saved {saved} ms on exit, reopened at {restored:.0f} ms"


def test_an_episode_played_to_its_end_is_marked_played(
    launch_app: Callable[..., RunningApp], display: Display, artifacts_dir: Path, data_dir: Path
) -> None:
    first = launch_app()
    page = first.page
    episode = open_episode_id(page)
    assert listening_state(page, episode) != "played", "a fresh demo is not played yet"
    play_last_line(page)
    page.wait_for_state("playing")
    page.wait_for_state("paused", timeout=30)  # at the end, on its own
    page.wait_until(
        lambda d: listening_state(page, episode) == "played",
        "the library list does not show the episode played",
    )
    assert stored(data_dir, episode)[1], "the library holds the episode as played"
    first.close(display, artifacts_dir / "resume-played.png", artifacts_dir / "resume-played.log")

    page = launch_app().page
    page.segments()
    assert page.wait_until(lambda d: listening_state(page, episode), "the episode is not listed") == "played", (
        "still played after a restart"
    )
