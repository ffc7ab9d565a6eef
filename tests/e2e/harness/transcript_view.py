"""The transcript view as the tests drive it: the demo's transcript files, adding a
transcript through the view's file input (`[data-testid="transcript-file"]`, which
sends the file's bytes to the same command chain a dropped or picked file goes
through: parse, store, show) or through the native file dialog its "Add
transcript…" button opens, selecting a line's words with a mouse drag, and reading
the lines it renders.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector

from .earmark_page import EarmarkPage
from .native_dialog import answer_file_dialog

REPO = Path(__file__).resolve().parents[3]
DEMO_TEXT = REPO / "assets" / "demo" / "demo.txt"
DEMO_VTT = REPO / "assets" / "demo" / "demo.vtt"

#: The title of the native dialog "Add transcript…" opens (src-tauri/src/commands/transcript.rs).
ADD_DIALOG_TITLE = "Add a transcript"

SCROLLER = ".transcript"
FILE_INPUT = '[data-testid="transcript-file"]'
BACK_TO_NOW = '[data-testid="back-to-now"]'


def add_transcript(page: EarmarkPage, path: Path) -> None:
    """Choose `path` in the transcript view's file input (the driver runs on this
    machine: the path is given as is, not uploaded)."""
    page.driver.file_detector = UselessFileDetector()
    page.driver.find_element(By.CSS_SELECTOR, FILE_INPUT).send_keys(str(path))


def choose_in_dialog(page: EarmarkPage, display_env: Mapping[str, str], path: Path) -> None:
    """Opens "Add transcript" (or "Replace transcript"), clicks "From a file…" and
    picks `path` in the native file dialog it opens, as a person would."""
    page.wait_visible('[data-testid="transcript-add-open"]').click()
    page.wait_visible('[data-testid="transcript-add"]').click()
    answer_file_dialog(display_env, ADD_DIALOG_TITLE, path)


def add_untimed(page: EarmarkPage, path: Path) -> None:
    """Adds an untimed transcript and waits until its lines show estimated times."""
    add_transcript(page, path)
    wait_for_estimated(page)


def wait_for_estimated(page: EarmarkPage) -> None:
    """Waits until the view shows an untimed transcript: its lines with estimated times."""
    wait_for_lines(page, "lines.length > 5 && lines.every(l => l.dataset.timing === 'estimated')",
                   "the untimed transcript is not shown with estimated times")


def wait_for_lines(page: EarmarkPage, predicate: str, message: str, timeout: float = 15) -> object:
    """Wait until the JS expression `predicate` (over `lines`, the rendered segments) is truthy."""
    script = f"const lines = [...document.querySelectorAll('[data-testid=segment]')]; return ({predicate});"
    return page.wait_until(lambda d: d.execute_script(script) or False, message, timeout)


def line_in_view(page: EarmarkPage, css: str) -> bool:
    """Whether the element is (at least half) inside the transcript's viewport."""
    return page.driver.execute_script(
        """
        const el = document.querySelector(arguments[0]);
        const view = document.querySelector(arguments[1]).getBoundingClientRect();
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const middle = (r.top + r.bottom) / 2;
        return middle >= view.top && middle <= view.bottom;
        """,
        css,
        SCROLLER,
    )


#: Where the first line of a segment's text is on the screen (viewport pixels).
_FIRST_TEXT_LINE_JS = """
const text = document.querySelector(`[data-testid=segment][data-index="${arguments[0]}"] .segment-text`);
const r = text.getClientRects()[0];
return {left: r.left, right: r.right, middle: (r.top + r.bottom) / 2};
"""


def drag_select(page: EarmarkPage, index: int) -> str:
    """Presses on the first word of line `index`, drags across the line and releases;
    returns the text selected. The line must be rendered; the drag starts once it
    stands still (rows just scrolled to are measured over a few frames)."""
    last: list[dict] = []

    def still(_: object) -> dict | bool:
        now = page.driver.execute_script(_FIRST_TEXT_LINE_JS, index)
        steady = last[-1:] == [now]
        last.append(now)
        return now if steady else False

    spot = page.wait_until(still, f"line {index} kept moving")
    start_x = round(spot["left"]) + 3
    end_x = round(min(spot["right"] - 3, spot["left"] + 220))
    y = round(spot["middle"])
    actions = ActionChains(page.driver)
    actions.w3c_actions.pointer_action.move_to_location(start_x, y)
    actions.w3c_actions.pointer_action.pointer_down()
    for x in range(start_x + 20, end_x, 20):
        actions.w3c_actions.pointer_action.move_to_location(x, y)
    actions.w3c_actions.pointer_action.move_to_location(end_x, y)
    actions.w3c_actions.pointer_action.pointer_up()
    actions.perform()
    return page.wait_until(
        lambda d: d.execute_script("return window.getSelection().toString()") or False,
        f"dragging across line {index} selected nothing",
    )


def segment_attrs(page: EarmarkPage, index: int) -> dict | None:
    return page.driver.execute_script(
        """
        const el = document.querySelector(`[data-testid="segment"][data-index="${arguments[0]}"]`);
        if (!el) return null;
        return {start: el.dataset.startMs == null ? null : Number(el.dataset.startMs),
                end: el.dataset.endMs == null ? null : Number(el.dataset.endMs),
                timing: el.dataset.timing || null,
                time: el.querySelector('.segment-time').textContent,
                text: el.querySelector('.segment-text').textContent};
        """,
        index,
    )


def measures(page: EarmarkPage, name: str) -> list[float]:
    return page.driver.execute_script(
        "return performance.getEntriesByName(arguments[0]).map(e => e.duration);", name
    )


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def parse_clock(text: str) -> int:
    """A WebVTT or SRT clock ("00:01:02.500", "01:02,500") in ms."""
    parts = text.replace(",", ".").split(":")
    seconds = float(parts[-1]) + 60 * int(parts[-2]) + (3600 * int(parts[-3]) if len(parts) > 2 else 0)
    return round(seconds * 1000)
