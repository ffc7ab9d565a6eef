"""Transcribing in the window: an episode with no transcript (a LibriVox reading,
tests/fixtures/speech) offers Transcribe; the progress bar and Cancel show while
Whisper runs in its helper; the lines arrive marked machine-made, and a word only
spoken is then found by search, and its line plays from its time. Screenshots in
light and dark.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT
from harness.library_page import screenshot
from harness.notes_page import SEARCH_HIT, SEARCH_INPUT
from harness.settings_dialog import close_settings, open_settings, set_text
from harness.speech import SPEECH, import_reading, open_reading



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
