"""Transcribing in the window: an episode with no transcript (a LibriVox reading,
tests/fixtures/speech) offers Transcribe; the progress bar and Cancel show while
Whisper runs in its helper; the lines arrive marked machine-made, and a word only
spoken is then found by search, and its line plays from its time. Screenshots in
light and dark. The demo episode's audio, transcribed without its published
transcript, lights each word where the audio says it.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.display import Display
from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.earmark_page import CURRENT_SEGMENT, POSITION
from harness.library_page import screenshot
from harness.notes_page import SEARCH_HIT, SEARCH_INPUT
from harness.page_screenshot import save_page_screenshot
from harness.settings_dialog import close_settings, open_settings, set_text
from harness.speech import LINES_TEXT, MACHINE_MADE, SPEECH, TITLE, import_reading, open_reading

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"



@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_an_episode_without_a_transcript_is_transcribed_offline_and_then_found_by_a_spoken_word(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    import_reading(data_dir, SPEECH / "sense-0870.flac", tmp_path)
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()
    open_reading(page)

    page.wait_visible('[data-testid="transcript-transcribe"]').click()
    page.wait_visible('[data-testid="align-progress"]')
    lines = page.segments(timeout=180)
    text = " ".join(line.text for line in lines)
    assert "Dashwood" in text, f"the spoken words are the transcript: {text!r}"
    page.wait_until(
        lambda d: d.execute_script(
            "const s = document.querySelector('[data-testid=transcript-machine-made]');"
            "return s && !s.hidden ? s.textContent : '';"
        )
        == "Machine-made",
        "the transcript is not marked machine-made",
    )
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-testid="transcript-transcribe"]').get_attribute(
        "hidden"
    ) is not None, "a transcribed episode offers no second transcription"
    screenshot(page, artifacts_dir, f"transcribed-{name}")

    # Everything a transcript offers: search finds the spoken word, and its line plays.
    box = page.wait_visible(SEARCH_INPUT)
    box.send_keys("Dashwood")
    box.send_keys(Keys.ENTER)
    page.wait_visible(f'{SEARCH_HIT}[data-kind="transcript"]').click()
    lit = page.wait_until(
        lambda d: el if "Dashwood" in (el := page.wait_visible(CURRENT_SEGMENT)).text else False,
        "the line with the spoken word is not lit",
    )
    start = page.segment_of(lit).start_ms
    assert abs(page.position_ms() - start) < 600, "the player is at that line"


def test_the_demo_audio_transcribed_lights_each_word_where_it_is_heard(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path
) -> None:
    # The demo episode's audio without its published transcript.
    import_reading(data_dir, DEMO / "demo.mp3", tmp_path)
    page = launch_app().page
    open_reading(page)
    page.wait_visible('[data-testid="transcript-transcribe"]').click()
    page.segments(timeout=180)
    page.wait_until(lambda d: d.execute_script(MACHINE_MADE), "the transcript is not marked machine-made")

    # A word only spoken in the copy: its search hit opens the copy at that line.
    box = page.wait_visible(SEARCH_INPUT)
    box.send_keys("shorthand")
    box.send_keys(Keys.ENTER)
    page.wait_until(
        lambda d: d.execute_script(
            "const hit = [...document.querySelectorAll(arguments[0])].find((h) => h.textContent.includes(arguments[1])"
            "  && h.dataset.kind === 'transcript'); if (hit) hit.click(); return !!hit;",
            SEARCH_HIT,
            TITLE,
        ),
        "no hit in the transcribed copy",
    )
    page.wait_until(lambda d: page.title() == TITLE, "the hit did not open the copy")
    if page.play_state() != "playing":
        page.click_play_toggle()
    lit_at = page.wait_until(
        lambda d: d.execute_script(
            "const w = document.querySelector('.segment.is-current .word.is-current-word');"
            "return w && /shorthand/i.test(w.textContent) ? Number(document.querySelector(arguments[0]).dataset.ms) : 0;",
            POSITION,
        ),
        "the spoken word was never lit",
        timeout=30,
    )
    # The published transcript's timing puts it inside a line that says it ...
    lines = cues_saying("shorthand")
    assert any(start <= lit_at <= end for start, end in lines), f"lit at {lit_at} ms, outside {lines}"
    # ... and the audio under the lit word says it.
    # (From half a second before the moment it was seen lit: the look at the page
    # lags the light, and the light the word's start.)
    clip = tmp_path / "lit-word.wav"
    start = max(0, lit_at - 500) / 1000
    subprocess.run(["sox", str(DEMO / "demo.mp3"), str(clip), "trim", f"{start:.3f}", "1.5"], check=True)
    heard = cli(data_dir, "transcribe", str(clip))
    words = " ".join(segment["text"] for segment in heard["segments"]).lower()
    assert "shorthand" in re.sub(r"[^a-z]", "", words), f"at the lit word ({lit_at} ms) the audio says {words!r}"


SELECT_WORD = """
const [word] = arguments;
const text = [...document.querySelectorAll('.segment .segment-text')].find((t) => t.textContent.includes(word));
if (!text) return false;
const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const at = node.data.indexOf(word);
  if (at < 0) continue;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + word.length);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return true;
}
return false;
"""


def test_a_misheard_word_is_corrected_in_place_and_the_correction_is_kept(
    launch_app: Callable[..., RunningApp], display: Display, data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    import_reading(data_dir, SPEECH / "goforward.flac", tmp_path)
    first = launch_app()
    page = first.page
    open_reading(page)
    page.wait_visible('[data-testid="transcript-transcribe"]').click()
    page.segments(timeout=180)
    assert page.driver.execute_script(SELECT_WORD, "forward"), "the word to correct is not shown"
    offered = page.wait_visible('[data-testid="correct-words"]')
    save_page_screenshot(page.driver, artifacts_dir / "correct-offered.png")
    offered.click()
    editor = page.wait_visible('[data-testid="correct-input"]')
    assert editor.get_attribute("value") == "forward", "the editor holds the selected words"
    save_page_screenshot(page.driver, artifacts_dir / "correct-word.png")  # focus kept: it is the editor's
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys("fourth ward", Keys.ENTER)
    page.wait_until(lambda d: "Go fourth ward" in d.execute_script(LINES_TEXT), "the line was not corrected")

    # Kept: the next start shows it, and search finds the words typed.
    first.kill()
    first.close(display, artifacts_dir / "corrected.png", artifacts_dir / "corrected.log")
    again = launch_app().page
    open_reading(again)
    again.wait_until(lambda d: "Go fourth ward" in d.execute_script(LINES_TEXT), "the correction was not kept")
    box = again.wait_visible(SEARCH_INPUT)
    box.send_keys("fourth")
    box.send_keys(Keys.ENTER)
    again.wait_visible(f'{SEARCH_HIT}[data-kind="transcript"]')


def cues_saying(word: str) -> list[tuple[int, int]]:
    """(start, end) in ms of the demo's published cues whose text has `word`."""
    found = []
    for block in (DEMO / "demo.vtt").read_text(encoding="utf-8").split("\n\n"):
        times = re.search(r"(\d+):(\d+):(\d+)\.(\d+) --> (\d+):(\d+):(\d+)\.(\d+)", block)
        if times and word in block.lower():
            h, m, sec, ms, h2, m2, sec2, ms2 = map(int, times.groups())
            found.append((((h * 60 + m) * 60 + sec) * 1000 + ms, ((h2 * 60 + m2) * 60 + sec2) * 1000 + ms2))
    return found


def test_the_speech_model_folder_named_in_settings_is_the_one_used(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path
) -> None:
    import_reading(data_dir, SPEECH / "goforward.flac", tmp_path)
    page = launch_app().page
    page.segments()
    missing = str(tmp_path / "no-model-here")
    open_settings(page)
    set_text(page, "setting-speech-model-dir", missing, "speech.model_dir")
    close_settings(page)
    open_reading(page)

    page.wait_visible('[data-testid="transcript-transcribe"]').click()
    page.wait_until(
        lambda d: "No speech model was found in " + missing in page.notice_now(),
        "the missing model folder is not named",
    )
    page.wait_visible('[data-testid="transcript-transcribe"]')
    assert not page.find_all('[data-testid="segment"]'), "no transcript was made up"
