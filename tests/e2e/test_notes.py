"""Notes, highlights, earmarks and search, as a listener uses them in the window.

What the window shows as saved is checked in the database too, through
`earmark-cli` on the same data directory while the app runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.earmark_page import CURRENT_SEGMENT, EarmarkPage
from harness.notes_page import HIGHLIGHT_ITEM, NOTE_INPUT, NOTE_ITEM, SEARCH_HIT, SEARCH_INPUT, TOAST, press
from harness.settings_dialog import close_settings, open_settings, set_number
from harness.transcript_view import drag_select

def start_playing_at_line(page: EarmarkPage, index: int) -> int:
    return page.play_from_line(index).start_ms


def test_a_note_by_key_while_the_audio_keeps_playing(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    start_playing_at_line(page, 6)
    press(page, "n")
    box = page.wait_visible(NOTE_INPUT)
    at_open = page.position_ms()
    box.send_keys("The forgetting curve is steepest in the first hour")
    box.send_keys(Keys.ENTER)
    item = page.wait_visible(NOTE_ITEM)
    assert "forgetting curve" in item.text, f"the note shows in the panel: {item.text!r}"
    assert page.play_state() == "playing", "writing a note did not stop the audio"
    page.wait_for_position_past(at_open + 500)  # the audio goes on after the note is saved

    episode = int(page.find_all('[data-testid="episode-item"]')[0].get_attribute("data-episode-id"))
    notes = cli(data_dir, "notes", "list", str(episode))["notes"]
    assert [n["text"] for n in notes] == ["The forgetting curve is steepest in the first hour"], notes
    assert abs(notes[0]["at_ms"] - at_open) < 1000, f"stamped at the moment N was pressed: {notes[0]}"
    marker = page.find_all('[data-testid="seek-marker"]')
    assert marker, "the note is marked on the seek bar"


def test_highlight_by_selecting_transcript_text(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    line = page.segment_of(page.scroll_into_view(page.segments(at_least=12)[11]))
    selected = " ".join(drag_select(page, line.index).split())
    swatch = page.wait_visible('[data-testid="highlight-green"]')
    ActionChains(page.driver).move_to_element(swatch).click().perform()
    item = page.wait_visible(HIGHLIGHT_ITEM)
    assert selected in " ".join(item.text.split()), f"the highlight quotes the selection {selected!r}: {item.text!r}"
    assert item.get_attribute("data-color") == "green"
    assert page.play_state() == "paused", "selecting text did not start playback"

    # It is painted on the line it quotes, in its colour.
    def painted(_: object) -> tuple[set[str], str] | bool:
        pieces = page.driver.execute_script(
            """
            return [...document.querySelectorAll(
                `.segment[data-index="${arguments[0]}"] [data-testid=transcript-highlight]`)]
              .map((el) => [el.dataset.color, el.textContent]);
            """,
            line.index,
        )
        return ({color for color, _ in pieces}, "".join(text for _, text in pieces)) if pieces else False

    colors, text = page.wait_until(painted, "the highlight is not painted in the transcript")
    assert colors == {"green"}, colors
    assert " ".join(text.split()) == selected, f"painted {text!r}, selected {selected!r}"

    hits = cli(data_dir, "search", max(selected.split(), key=len).strip(".,?!"))["hits"]
    kinds = {h["kind"] for h in hits}
    assert "highlight" in kinds, f"the highlight is stored and searchable: {hits}"

    # A note on the highlight, written in place.
    ActionChains(page.driver).move_to_element(item).perform()
    item.find_element(By.CSS_SELECTOR, "[data-action=edit]").click()
    editor = page.wait_visible('[data-testid="annotation-editor"]')
    editor.send_keys("Quote this in the essay")
    editor.send_keys(Keys.ENTER)
    page.wait_until(
        lambda d: "Quote this in the essay" in page.wait_visible(HIGHLIGHT_ITEM).text, "the highlight's note is not shown"
    )
    hits = cli(data_dir, "search", "essay")["hits"]
    assert [h["kind"] for h in hits] == ["highlight"], f"the highlight's note is stored and searchable: {hits}"


def test_h_highlights_the_selected_text(app: RunningApp, data_dir: Path) -> None:
    """The key the help and the README name: H highlights the selection, in the
    first colour, while the audio plays on."""
    page = app.page
    line = page.play_from_line(14)
    # While playing, the lit line is followed: select in a line that stays in view.
    selected = " ".join(drag_select(page, line.index).split())
    press(page, "h")
    item = page.wait_visible(HIGHLIGHT_ITEM)
    assert selected in " ".join(item.text.split()), f"the highlight quotes the selection {selected!r}: {item.text!r}"
    assert item.get_attribute("data-color") == "yellow", "H uses the first colour"
    assert page.driver.execute_script("return window.getSelection().isCollapsed"), "the selection is taken"
    assert page.play_state() == "playing", "highlighting by key did not stop the audio"
    episode = int(page.find_all('[data-testid="episode-item"]')[0].get_attribute("data-episode-id"))
    (stored,) = cli(data_dir, "export", str(episode), "--format", "json")["episodes"][0]["highlights"]
    assert " ".join(stored["text"].split()) == selected and stored["start_ms"] == line.start_ms, stored


def test_earmark_keeps_the_last_seconds_without_typing(app: RunningApp) -> None:
    page = app.page
    start_playing_at_line(page, 8)
    current = page.wait_visible(CURRENT_SEGMENT)
    current_text = page.segment_of(current).text
    press(page, "b")
    item = page.wait_visible(HIGHLIGHT_ITEM)
    assert "Earmark" in item.text, f"an earmark is listed: {item.text!r}"
    # The line element also shows its time ("0:22") before the words: compare the end.
    assert current_text[-20:] in item.text, "it quotes the line playing when B was pressed"
    assert page.play_state() == "playing", "earmarking did not stop the audio"


def write_note(page: EarmarkPage, text: str) -> WebElement:
    """Opens a note with N, types `text`, saves it with Enter; returns its entry in the panel."""
    press(page, "n")
    box = page.wait_visible(NOTE_INPUT)
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    return page.wait_until(
        lambda d: next((i for i in page.find_all(NOTE_ITEM) if text in i.text), False), f"no note says {text!r}"
    )


def click_item_action(page: EarmarkPage, item: WebElement, action: str) -> None:
    """Hovers a notes-panel entry (its buttons show on hover) and clicks its `action` button."""
    ActionChains(page.driver).move_to_element(item).perform()
    item.find_element(By.CSS_SELECTOR, f"[data-action={action}]").click()


def test_deleting_a_note_can_be_undone(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    page.segments(at_least=3)
    click_item_action(page, write_note(page, "Keep me"), "delete")
    page.wait_until(lambda d: not page.find_all(NOTE_ITEM), "the note was not removed")
    toast = page.wait_visible(TOAST)
    toast.find_element(By.CSS_SELECTOR, "[data-action=undo]").click()
    restored = page.wait_visible(NOTE_ITEM)
    assert "Keep me" in restored.text


def test_editing_a_note_can_be_undone(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    page.segments(at_least=3)
    click_item_action(page, write_note(page, "Ebbinghaus, 1885"), "edit")
    editor = page.wait_visible('[data-testid="annotation-editor"]')
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys("Ebbinghaus, 1880")
    editor.send_keys(Keys.ENTER)
    page.wait_until(lambda d: "1880" in page.wait_visible(NOTE_ITEM).text, "the edited text is not shown")
    assert "Note edited" in page.wait_visible(TOAST).text
    episode = int(page.find_all('[data-testid="episode-item"]')[0].get_attribute("data-episode-id"))
    assert [n["text"] for n in cli(data_dir, "notes", "list", str(episode))["notes"]] == ["Ebbinghaus, 1880"]

    # Ctrl+Z (README's keys) puts the text back as it was before the edit.
    ActionChains(page.driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    page.wait_until(lambda d: "1885" in page.wait_visible(NOTE_ITEM).text, "Undo did not bring the old text back")
    assert len(page.find_all(NOTE_ITEM)) == 1, "the same note, not a second one"
    assert [n["text"] for n in cli(data_dir, "notes", "list", str(episode))["notes"]] == ["Ebbinghaus, 1885"]


@pytest.mark.parametrize("query", ["Tironian"])
def test_a_search_result_opens_the_episode_at_that_moment(app: RunningApp, query: str) -> None:
    page = app.page
    page.segments(at_least=3)
    box = page.wait_visible(SEARCH_INPUT)
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    hit = page.wait_visible(f'{SEARCH_HIT}[data-kind="transcript"]')
    assert query.lower() in hit.text.lower(), f"the hit shows the match: {hit.text!r}"
    marks = hit.find_elements(By.CSS_SELECTOR, "mark")
    assert marks and query.lower() in marks[0].text.lower(), "the match is marked"
    hit.click()
    lit = page.wait_until(
        lambda d: el if query.lower() in (el := page.wait_visible(CURRENT_SEGMENT)).text.lower() else False,
        "the line with the match is not lit",
    )
    start = page.segment_of(lit).start_ms
    assert abs(page.position_ms() - start) < 600, "the player is at that line"


def test_the_pause_while_typing_setting_pauses_for_a_note(app: RunningApp) -> None:
    page = app.page
    page.segments(at_least=8)
    open_settings(page)
    checkbox = page.wait_visible('[data-testid="setting-pause-while-typing"]')
    assert not checkbox.is_selected(), "off by default: notes do not interrupt listening"
    checkbox.click()
    page.wait_until(lambda d: checkbox.is_selected(), "the setting was not ticked")
    close_settings(page)
    start_playing_at_line(page, 7)
    press(page, "n")
    page.wait_visible(NOTE_INPUT)
    page.wait_for_state("paused")


def test_the_earmark_length_is_set_in_settings_and_shown_in_the_help(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    page.play_from_line(14)  # past the first 10 s
    at_ms = page.pause()
    open_settings(page)
    set_number(page, "setting-earmark-seconds", 10, "notes.earmark_ms", 10_000)
    close_settings(page)
    press(page, "?")
    help_text = page.wait_until(
        lambda d: t if "Earmark the last" in (t := page.wait_visible('[data-testid="help"]').text) else False,
        "the help does not say how long an earmark is",
    )
    assert "Earmark the last 10 seconds" in help_text and "Earmark the last 30" not in help_text, help_text
    press(page, "?")
    page.wait_until(lambda d: not page.find_all('[data-testid="help"]:not([hidden])'), "the help stayed open")

    press(page, "b")
    assert "last 10 seconds" in page.wait_visible(TOAST).text
    page.wait_visible(HIGHLIGHT_ITEM)
    episode = int(page.find_all('[data-testid="episode-item"]')[0].get_attribute("data-episode-id"))
    (earmark,) = cli(data_dir, "export", str(episode), "--format", "json")["episodes"][0]["highlights"]
    span = earmark["end_ms"] - earmark["start_ms"]
    # Snapped out to whole lines: at least the 10 s asked for (less a line's edge), far from 30 s.
    assert 8_000 <= span <= 18_000 and earmark["end_ms"] >= at_ms - 100, f"earmark {earmark} for 10 s at {at_ms} ms"
