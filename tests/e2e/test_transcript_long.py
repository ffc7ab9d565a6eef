"""A 4-hour transcript of 10,000 lines: it opens within budget (first paint, and
again from the library), the page holds a bounded number of rows while scrolling,
find reaches lines that are not rendered, and a click far down plays from there.
Numbers measured go to `artifacts/<test>.json`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.artifacts import Measurements
from harness.earmark_app import RunningApp
from harness.earmark_page import SEGMENT, EarmarkPage
from harness.transcript_view import REPO, add_transcript, measures, wait_for_lines

#: Budgets from the issue (docs/benchmarks.md has the figures measured). The test
#: records the figure and fails only well past the budget, as the machine may be busy:
#: a view that rendered every line would take seconds, not milliseconds.
FIRST_PAINT_BUDGET_MS = 150
FIRST_PAINT_FAIL_MS = 1000
#: Rows and elements the view may have in the page at once, whatever the length.
MAX_ROWS = 120
MAX_ELEMENTS = 1500

MAKE_LONG_TRANSCRIPT = REPO / "tests" / "bench" / "make-long-transcript.py"


def dom_stats(page: EarmarkPage) -> dict:
    return page.driver.execute_script(
        """
        const lines = document.querySelector('.transcript-lines');
        const rows = [...lines.querySelectorAll('.transcript-row')];
        return {
          rows: rows.length,
          elements: lines.querySelectorAll('*').length,
          first: rows.length ? Number(rows[0].dataset.row) : -1,
          last: rows.length ? Number(rows[rows.length - 1].dataset.row) : -1,
          height: lines.getBoundingClientRect().height,
        };
        """
    )


def write_long_vtt(path: Path) -> Path:
    """A 4-hour WebVTT of 10,000 cues, three speakers, lines of varied length: the
    benchmarks' transcript, written by their script."""
    subprocess.run([sys.executable, str(MAKE_LONG_TRANSCRIPT), str(path)], check=True)
    return path


def test_ten_thousand_lines_open_fast_and_stay_bounded(
    app: RunningApp, tmp_path: Path, measurements: Measurements
) -> None:
    page = app.page
    page.segments(at_least=10)
    vtt = write_long_vtt(tmp_path / "four-hours.vtt")
    add_transcript(page, vtt)
    wait_for_lines(page, "lines.some(l => l.textContent.includes('Line 0:'))", "the long transcript is not shown", 30)
    paint = page.wait_until(lambda d: measures(page, "transcript-first-paint")[1:] or False, "no first-paint measure")
    render = measures(page, "transcript-render")[-1]
    stats = dom_stats(page)
    measurements.update({"first_paint_ms": paint[-1], "render_ms": render, "dom_at_open": stats})
    assert stats["rows"] <= MAX_ROWS and stats["elements"] <= MAX_ELEMENTS, stats
    assert stats["height"] > 100_000, f"the list is not as tall as 10,000 lines: {stats}"
    measurements["first_paint_within_budget"] = paint[-1] <= FIRST_PAINT_BUDGET_MS
    assert paint[-1] <= FIRST_PAINT_FAIL_MS, f"first paint took {paint[-1]:.0f} ms"

    # Opening the episode again: from the click in the library to the painted view,
    # through the library (the stored 10,000 lines) and the window's IPC.
    reopen = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const before = performance.getEntriesByName('transcript-first-paint').length;
        const clicked = performance.now();
        document.querySelector('[data-testid=episode-item]').click();
        const poll = () => {
          const paints = performance.getEntriesByName('transcript-first-paint');
          if (paints.length > before) {
            const paint = paints[paints.length - 1];
            done({total_ms: paint.startTime + paint.duration - clicked, view_ms: paint.duration});
          } else setTimeout(poll, 5);
        };
        poll();
        """
    )
    measurements["reopen"] = reopen
    wait_for_lines(page, "lines.some(l => l.textContent.includes('Line 0:'))", "the reopened transcript is not shown")

    # Scroll through it: the middle, then the end; the page never holds more rows.
    seen = []
    for fraction in (0.5, 0.999, 0.25):
        page.driver.execute_script(
            "const s = document.querySelector('.transcript'); s.scrollTop = s.scrollHeight * arguments[0];", fraction
        )
        page.wait_until(
            lambda d, f=fraction: abs(dom_stats(page)["first"] - 10_000 * f) < 200 or False,
            f"rows near {fraction:.0%} were not rendered ({dom_stats(page)})",
        )
        stats = dom_stats(page)
        seen.append(stats)
        assert stats["rows"] <= MAX_ROWS and stats["elements"] <= MAX_ELEMENTS, stats
    measurements["dom_while_scrolling"] = seen

    # Find works on lines that are not rendered: line 9,876 is found and scrolled to.
    ActionChains(page.driver).key_down(Keys.CONTROL).send_keys("f").key_up(Keys.CONTROL).perform()
    field = page.wait_visible('[data-testid="find-input"]')
    field.send_keys("Line 9876:")
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text == "1 of 1",
                    "the find count is not '1 of 1'")
    mark = page.wait_visible('[data-testid="find-current"]')
    assert mark.text == "Line 9876:"
    assert mark.find_element(By.XPATH, "./ancestor::p").get_attribute("data-index") == "9876"
    field.clear()
    field.send_keys("memory notes")

    def counted(d) -> bool:
        # The count of the whole phrase, not of a prefix typed on the way.
        element = d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]')
        return element.get_attribute("data-query") == "memory notes" and " of " in element.text

    page.wait_until(counted, "no count for a common phrase")
    count = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text
    field.send_keys(Keys.ENTER)
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text != count,
                    "Enter did not move to the next match")
    field.send_keys(Keys.SHIFT, Keys.ENTER)
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text == count,
                    "Shift+Enter did not move back")
    measurements["find_count"] = count
    field.send_keys(Keys.ESCAPE)
    page.wait_until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".segment mark"), "marks stay after closing")

    # A click far down plays from that line.
    element = page.find_all(SEGMENT)[len(page.find_all(SEGMENT)) // 2]
    index = int(element.get_attribute("data-index"))
    start_ms = int(element.get_attribute("data-start-ms"))
    element.click()
    page.wait_for_state("playing")
    snapshot = page.wait_until(
        lambda d: s if (s := page.snapshot()).current and s.position_ms >= start_ms else False,
        f"playback never reached the clicked line's start {start_ms} ms",
    )
    page.click_play_toggle()
    assert snapshot.current.index == index, f"clicked {index}, lit {snapshot.current.index}"
