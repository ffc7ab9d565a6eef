"""End-to-end: a background job that fails is named in the window, and the app goes
on. The demo's audio file disappears from the library folder (deleted by hand, a
disk unplugged) after the app opened it; aligning its transcript then fails on the
missing file. The window says so in a notice, aligning is offered again (the job's
state was reset: a second try says the same, not "being aligned already"), and the
episode still plays.
"""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.transcript_view import DEMO_TEXT, add_untimed

ALIGN = '[data-testid="transcript-align"]'
NOTICE = '[data-testid="notice"]'


def shown(page, css: str) -> bool:
    return page.driver.execute_script(
        "const el = document.querySelector(arguments[0]); return !!el && !el.hidden;", css
    )


def notice(page) -> str:
    return page.driver.execute_script(
        "const el = document.querySelector(arguments[0]); return el && !el.hidden ? el.textContent : '';",
        NOTICE,
    )


def align_and_read_the_notice(page) -> str:
    """Clears the notice, starts aligning, and returns the notice the job leaves."""
    page.driver.execute_script("document.querySelector(arguments[0]).textContent = '';", NOTICE)
    page.wait_until(lambda d: shown(page, ALIGN), "aligning is not offered")
    page.driver.find_element(By.CSS_SELECTOR, ALIGN).click()
    return page.wait_until(lambda d: "demo.mp3" in notice(page) and notice(page),
                           "the failed alignment left no notice naming the file", timeout=30)


def test_a_job_whose_audio_vanished_says_so_and_the_app_goes_on(app: RunningApp, data_dir: Path) -> None:
    page = app.page
    page.segments(at_least=10)
    add_untimed(page, DEMO_TEXT)
    audio = data_dir / "demo" / "demo.mp3"
    assert audio.is_file(), "the demo's audio is in the library folder"
    audio.unlink()

    first = align_and_read_the_notice(page)
    assert "Could not open" in first, f"the notice says what went wrong: {first!r}"
    assert "internal error" not in first, f"a missing file is not a bug: {first!r}"
    page.wait_until(lambda d: shown(page, ALIGN), "aligning is not offered again")
    second = align_and_read_the_notice(page)
    assert second == first, f"the job ran again and failed the same way: {second!r}"

    # The app goes on: the episode it had open plays.
    page.click_play_toggle()
    page.wait_until(lambda d: page.snapshot().state == "playing", "the episode does not play after the failure")
    start = page.snapshot().position_ms
    page.wait_until(lambda d: page.snapshot().position_ms > start + 500, "the clock does not move")
