"""Exporting from the window through the native save dialog, as a person does it:
an episode's notes and highlights (Markdown, JSON, Readwise CSV) from the notes
panel's Export menu, and the transcript (WebVTT, SRT, JSON, Markdown; an untimed
one with or without its estimated times) from the transcript's Export menu. The
files written are read back and checked.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage
from harness.library_page import show_item
from harness.native_dialog import answer_file_dialog
from harness.notes_page import HIGHLIGHT_ITEM, NOTE_INPUT, NOTE_ITEM, TOAST, press
from harness.transcript_view import DEMO_TEXT, add_untimed

NOTE = "Spacing beats cramming"
READWISE_COLUMNS = ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]


def written(path: Path, page: EarmarkPage) -> str:
    """The file's text, once the app has written it."""
    page.wait_until(lambda d: path.exists() and path.stat().st_size > 0, f"{path.name} was not written", 20)
    return path.read_text(encoding="utf-8")


def export_notes(page: EarmarkPage, display_env: dict, format: str, path: Path) -> str:
    """Chooses `format` in the notes panel's Export menu and saves to `path`."""
    Select(page.wait_visible('[data-testid="notes-export"]')).select_by_value(format)
    answer_file_dialog(display_env, "Export notes and highlights", path, save=True)
    page.wait_until(lambda d: str(path) in page.wait_visible(TOAST).text, "no toast saying where it was saved")
    return written(path, page)


def export_transcript(page: EarmarkPage, format: str, estimated: bool | None = None) -> None:
    """Opens the transcript's Export menu, sets "With estimated times" (when given)
    and picks `format`."""
    page.wait_visible('[data-testid="export-open"]').click()
    if estimated is not None:
        box = page.wait_visible(".export-estimated input")
        if box.is_selected() != estimated:
            box.click()
    page.wait_visible(f'[data-testid="export-{format}"]').click()


def test_notes_export_to_markdown_json_and_readwise_csv(
    app: RunningApp, display, tmp_path: Path, demo_episode: DemoEpisode
) -> None:
    page = app.page
    # The demo is filed under its show, not under "Local files", so exports name it.
    assert show_item(page, demo_episode.podcast).get_attribute("data-show") != "local"
    assert not page.find_all('[data-testid="podcast-item"][data-show="local"]'), "a \"Local files\" group"
    line = page.play_from_line(14, 500)
    paused_at = page.pause()  # the note is stamped here
    press(page, "n")
    box = page.wait_visible(NOTE_INPUT)
    box.send_keys(NOTE, Keys.ENTER)
    page.wait_visible(NOTE_ITEM)
    press(page, "b")
    page.wait_visible(HIGHLIGHT_ITEM)

    markdown = export_notes(page, display.env, "md", tmp_path / "notes.md")
    assert markdown.startswith("---\n"), markdown[:200]
    assert f'episode: "{demo_episode.title}"' in markdown, f"front matter names the episode: {markdown[:400]}"
    assert demo_episode.podcast == "Earmark Demo", demo_episode
    assert f'podcast: "{demo_episode.podcast}"' in markdown, f"front matter names the show: {markdown[:400]}"
    minutes, seconds = divmod(int(paused_at) // 1000, 60)
    assert f"## [{minutes}:{seconds:02}" in markdown, f"the note's timestamp near {minutes}:{seconds:02}: {markdown}"
    assert NOTE in markdown and line.text[-25:] in markdown, "the note and the quoted line are in the Markdown"

    document = json.loads(export_notes(page, display.env, "json", tmp_path / "notes.json"))
    (episode,) = document["episodes"]
    assert episode["title"] == demo_episode.title
    assert [n["text"] for n in episode["notes"]] == [NOTE], episode["notes"]
    assert abs(episode["notes"][0]["at_ms"] - paused_at) < 50, (episode["notes"][0], paused_at)
    assert len(episode["highlights"]) == 1, "the earmark is exported as a highlight"

    rows = list(csv.reader(io.StringIO(export_notes(page, display.env, "csv", tmp_path / "notes.csv"))))
    assert rows[0] == READWISE_COLUMNS, rows[0]
    assert len(rows) == 3, f"one row for the note and one for the earmark: {rows}"
    noted = [r for r in rows[1:] if r[4] == NOTE]
    assert noted and noted[0][1] == demo_episode.title, rows
    assert noted[0][2] == demo_episode.podcast, f"Readwise's Author is the show: {rows}"


def test_transcript_export_menu_saves_through_the_dialog(
    launch_app: Callable[..., RunningApp], display, tmp_path: Path
) -> None:
    page = launch_app().page
    page.segments(at_least=10)

    # The demo's timed transcript as Podcasting 2.0 JSON.
    export_transcript(page, "json")
    answer_file_dialog(display.env, "Export the transcript", tmp_path / "timed.json", save=True)
    segments = json.loads(written(tmp_path / "timed.json", page))["segments"]
    shown = page.segment_of(page.segments()[2])
    assert len(segments) >= len(page.segments()), "every line is exported"
    assert segments[2]["body"] in shown.text and abs(segments[2]["startTime"] * 1000 - shown.start_ms) <= 1, (
        segments[2], shown)

    # An untimed transcript, with its estimated times, as WebVTT.
    add_untimed(page, DEMO_TEXT)
    export_transcript(page, "vtt", estimated=True)
    answer_file_dialog(display.env, "Export the transcript", tmp_path / "estimated.vtt", save=True)
    vtt = written(tmp_path / "estimated.vtt", page)
    assert vtt.startswith("WEBVTT") and "<v Maya Lindqvist>Welcome" in vtt, vtt[:300]
    assert vtt.count("-->") >= 10, "every line has its estimated time"

    # Without the estimated times, a timed format is refused, and says why.
    export_transcript(page, "srt", estimated=False)
    page.wait_until(lambda d: "without its estimated times" in page.notice_now(), "no reason given")
    assert not (tmp_path / "estimated.srt").exists()
    assert page.driver.find_elements(By.CSS_SELECTOR, '[data-testid="export-open"]'), "the menu is still there"
