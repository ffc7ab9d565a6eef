"""Finding kept moments again: the notebook (every episode's notes, newest first,
filtered by podcast; a click opens the episode at that moment), an entry of the
notes panel beside the transcript (a click plays from it), and a search result in
another episode than the open one (it opens that episode at that moment).

Notes are written with `earmark-cli` on the app's data directory while it runs, a
second apart so that "newest first" has one answer. Episode B (a second show) is the
`episode_b` fixture (harness/episode_b.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_cli import cli, episode_titled
from harness.earmark_page import CURRENT_SEGMENT, EarmarkPage
from harness.episode_b import B_TITLE
from harness.notes_page import (
    NOTE_ITEM, NOTEBOOK_ITEM, SEARCH_HIT, SEARCH_INPUT, open_from_notebook, opened_without_audio,
)

#: (episode title or None for the demo, at_ms, text), oldest first.
NOTES = [(None, 65_000, "Oldest thought on the demo"), (B_TITLE, 20_000, "Second show aside"),
         (None, 100_000, "Newest thought on the demo")]
#: Where the player may be after opening at a moment (the shown position, paused).
AT_TOLERANCE_MS = 50


def add_notes_a_second_apart(page: EarmarkPage, data_dir: Path, demo_title: str) -> None:
    for title, at_ms, text in NOTES:
        started = int(time.time())
        cli(data_dir, "notes", "add", str(episode_titled(data_dir, title or demo_title)["id"]), "--at", str(at_ms), text)
        # `created` is kept to the second: the next note is a second newer.
        page.wait_until(lambda d, s=started: int(time.time()) > s, "the clock stood still")


def notebook_texts(page: EarmarkPage) -> list[str]:
    return page.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(i => i.textContent)", NOTEBOOK_ITEM
    )


def filter_by(page: EarmarkPage, podcast: str, count: int) -> list[str]:
    Select(page.wait_visible(".notebook-filter")).select_by_value(podcast)
    return page.wait_until(lambda d: t if len(t := notebook_texts(page)) == count else False,
                           f"filtering by {podcast!r} did not leave {count} entries")


def opened_at(page: EarmarkPage, title: str, at_ms: int) -> None:
    """Waits until `title` is open with the player at `at_ms` and that line lit."""
    page.wait_until(lambda d: page.title() == title, f"{title!r} did not open")
    position = page.wait_until(lambda d: p if abs((p := page.position_ms()) - at_ms) <= AT_TOLERANCE_MS else False,
                               f"{title!r} did not open at {at_ms} ms (it is at {page.position_ms()} ms)")
    lit = page.segment_of(page.wait_visible(CURRENT_SEGMENT))
    assert lit.start_ms <= position <= lit.end_ms + 2_000, f"at {position} ms, line {lit} is lit"


def test_notebook_panel_and_search_open_each_moment(
    episode_b: Path, launch_app: Callable[..., RunningApp], data_dir: Path, demo_episode: DemoEpisode
) -> None:
    page = launch_app().page
    page.segments(at_least=10)
    add_notes_a_second_apart(page, data_dir, demo_episode.title)

    # The notebook: every episode's notes, newest first, filtered by podcast.
    page.wait_visible('[data-testid="notebook-nav"]').click()
    page.wait_until(lambda d: len(notebook_texts(page)) == 3, "the notebook does not list the three notes")
    shown = notebook_texts(page)
    assert [text for _, _, text in reversed(NOTES)] == [next(t for _, _, t in NOTES if t in s) for s in shown], shown
    assert B_TITLE in shown[1] and "1:40" in shown[0], f"each entry says its episode and moment: {shown}"
    assert all("Oldest" in t or "Newest" in t for t in filter_by(page, "Earmark Demo", 2))
    assert "Second show aside" in filter_by(page, "Second Show", 1)[0]
    filter_by(page, "", 3)

    # A click on an entry opens its episode at that moment.
    next(i for i in page.find_all(NOTEBOOK_ITEM) if "Second show" in i.text).click()
    opened_at(page, B_TITLE, 20_000)
    assert page.play_state() == "paused", "opening at a moment does not start playing"

    # A search hit in the demo, while B is open, opens the demo at the note.
    box = page.wait_visible(SEARCH_INPUT)
    box.send_keys("Oldest", Keys.ENTER)
    page.wait_visible(f'{SEARCH_HIT}[data-kind="note"]').click()
    opened_at(page, demo_episode.title, 65_000)

    # The notes panel beside the transcript: a click on an entry plays from it.
    entry = page.wait_until(
        lambda d: next((i for i in page.find_all(NOTE_ITEM) if "Newest" in i.text), False), "no Newest entry in the panel"
    )
    entry.click()
    page.wait_for_state("playing")
    position = page.wait_for_position_past(100_000)
    assert position < 100_000 + 3_000, f"played from {position} ms, not from the note at 100000 ms"
    page.pause()


def test_a_note_opens_its_episode_when_the_audio_file_is_gone(
    episode_b: Path, launch_app: Callable[..., RunningApp], data_dir: Path
) -> None:
    """Episode B's file deleted from disk: its note opens it with its transcript and
    notes, and the notice says why the audio cannot play."""
    note = "Said before the file went"
    cli(data_dir, "notes", "add", str(episode_titled(data_dir, B_TITLE)["id"]), "--at", "20000", note)
    episode_b.unlink()
    page = launch_app().page
    page.segments()
    open_from_notebook(page, note)
    opened_without_audio(page, B_TITLE, note)
    page.segments(at_least=10)
    notice = page.wait_until(
        lambda d: t if episode_b.name in (t := page.notice_now()) else False, "no notice names the missing file"
    )
    assert notice.startswith("Could not open"), notice
