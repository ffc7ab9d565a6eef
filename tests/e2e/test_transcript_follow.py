"""Auto-follow: the transcript keeps the lit line in view until the reader takes
over, by scrolling (the wheel, the scrollbar) or by selecting text; then the view
stays where the reader is while the lit line moves on, "Back to now" appears, and a
click on it returns to the lit line.

The selection is made with real input: a mouse drag across the words of a line
(`drag_select`; a drag inside one line selects, a plain click would play from it).
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT, EarmarkPage
from harness.transcript_view import BACK_TO_NOW, SCROLLER, drag_select, line_in_view


def scroll_top(page: EarmarkPage) -> float:
    return page.driver.execute_script("return document.querySelector(arguments[0]).scrollTop", SCROLLER)


def wait_until_still(page: EarmarkPage) -> float:
    """The transcript's scroll position once it has stopped moving (a smooth scroll
    to the lit line takes a few frames); read on successive polls."""
    last: list[float] = []

    def still(_: object) -> float | bool:
        now = scroll_top(page)
        steady = bool(last) and abs(now - last[-1]) < 1
        last.append(now)
        return now if steady else False

    return page.wait_until(still, "the transcript kept scrolling")


def test_auto_follow_yields_to_the_reader_and_back_to_now_returns(app: RunningApp) -> None:
    page = app.page
    page.segments(at_least=10)
    page.click_play_toggle()
    page.wait_for_state("playing")
    page.wait_for_position_past(1_000)
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "the lit line is not followed")

    # The reader scrolls away: a wheel turn, then the scrollbar (a plain scroll).
    page.driver.execute_script(
        """
        const s = document.querySelector('.transcript');
        s.dispatchEvent(new WheelEvent('wheel', {deltaY: 600, bubbles: true}));
        s.scrollTop = s.scrollHeight;
        """
    )
    back = page.wait_visible(BACK_TO_NOW)
    # What the reader sees: the line at the top of the view, and where it is.
    top_line = """
        const view = document.querySelector('.transcript').getBoundingClientRect();
        const line = [...document.querySelectorAll('[data-testid=segment]')]
          .find((l) => l.getBoundingClientRect().top >= view.top);
        return line && [Number(line.dataset.index), line.getBoundingClientRect().top];
    """
    # Rows just scrolled to get measured over a few frames: wait until the view is still.
    previous: list = []

    def settled(d) -> list | bool:
        now = d.execute_script(top_line)
        steady = now and now == previous[-1:][0] if previous else False
        previous.append(now)
        return now if steady else False

    seen = page.wait_until(settled, "the view never settled")
    lit_before = page.snapshot().current
    # Far from the lit line, it is not even rendered: wait on the clock instead.
    ends_ms = lit_before.end_ms if lit_before else page.position_ms() + 3000
    page.wait_for_position_past(ends_ms + 300, timeout=20)
    still = page.driver.execute_script(top_line)
    assert still[0] == seen[0] and abs(still[1] - seen[1]) < 2, (
        f"auto-follow fought the reader: line {seen[0]} at {seen[1]:.0f}px became line {still[0]} at {still[1]:.0f}px"
    )
    assert not line_in_view(page, CURRENT_SEGMENT), "the lit line should be out of view while reading elsewhere"

    # A plain scroll by script, with no wheel, also counts as the reader's.
    back.click()
    page.wait_until(lambda d: not d.find_element(By.CSS_SELECTOR, BACK_TO_NOW).is_displayed(), "Back to now stays")
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "Back to now did not bring the lit line back")
    page.driver.execute_script("document.querySelector('.transcript').scrollTop = 0;")
    page.wait_visible(BACK_TO_NOW)
    page.driver.find_element(By.CSS_SELECTOR, BACK_TO_NOW).click()
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "Back to now did not return the second time")
    page.click_play_toggle()


def test_auto_follow_yields_to_a_selection_and_back_to_now_returns(app: RunningApp) -> None:
    page = app.page
    # From line 14 (below the first screen), following centres every line it lights.
    page.play_from_line(14)
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "the lit line is not followed")
    wait_until_still(page)
    back = page.driver.find_element(By.CSS_SELECTOR, BACK_TO_NOW)
    assert not back.is_displayed(), "Back to now shows while following"

    lit = page.snapshot().current
    assert lit is not None, "no line lit while playing"
    selected = drag_select(page, lit.index)
    assert page.driver.execute_script(
        "return document.querySelector('.transcript-lines').contains(window.getSelection().anchorNode)"
    ), f"the selection {selected!r} is not in the transcript"
    page.wait_visible(BACK_TO_NOW)
    assert page.play_state() == "playing", "a selection is not a click: playback goes on"
    # Where the reader is now, and the line lit then.
    top = wait_until_still(page)
    lit = page.snapshot().current
    assert lit is not None, "no line lit while playing"
    selected = page.driver.execute_script("return window.getSelection().toString()")

    # The lit line moves on twice; following would have centred it each time.
    moved_to = page.wait_until(
        lambda d: c.index if (c := page.snapshot().current) and c.index >= lit.index + 2 else False,
        f"playback never lit line {lit.index + 2}",
        40,
    )
    assert abs(scroll_top(page) - top) < 2, (
        f"auto-follow fought the selection: the view scrolled from {top:.0f}px to {scroll_top(page):.0f}px "
        f"while line {moved_to} was lit"
    )
    assert page.driver.execute_script("return window.getSelection().toString()") == selected, (
        "the reader's selection was lost"
    )
    assert page.driver.find_element(By.CSS_SELECTOR, BACK_TO_NOW).is_displayed()

    page.driver.find_element(By.CSS_SELECTOR, BACK_TO_NOW).click()
    page.wait_until(lambda d: not d.find_element(By.CSS_SELECTOR, BACK_TO_NOW).is_displayed(), "Back to now stays")
    page.wait_until(
        lambda d: abs(scroll_top(page) - top) > 10 and line_in_view(page, CURRENT_SEGMENT),
        "Back to now did not bring the lit line back",
    )
    page.pause()
