"""The window follows the system's light or dark theme, and reads well in both.

Each test leaves a screenshot of the episode mid-playback, with a line lit, in
`artifacts/` (the README's screenshots are taken from these).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT

_BACKGROUND_LUMINANCE_JS = """
const rgb = getComputedStyle(document.body).backgroundColor.match(/\\d+(\\.\\d+)?/g).map(Number);
const [r, g, b] = rgb.map((c) => c / 255);
return 0.2126 * r + 0.7152 * g + 0.0722 * b;
"""


def show_a_lit_line(app: RunningApp) -> None:
    """Plays from the 9th line, waits until it is lit, pauses, moves the pointer away."""
    page = app.page
    line = page.segments(at_least=9)[8]
    page.click_segment(line)
    page.wait_for_state("playing")
    page.wait_until(
        lambda d: line.get_attribute("class") and "is-current" in line.get_attribute("class"),
        "the clicked line was never lit",
    )
    page.click_play_toggle()
    page.wait_for_state("paused")
    page.driver.execute_script("document.activeElement && document.activeElement.blur()")
    assert page.find_all(CURRENT_SEGMENT), "a line stays lit while paused"


@pytest.mark.parametrize(
    ("theme", "dark"),
    [("Adwaita", False), ("Adwaita:dark", True)],
    ids=["light", "dark"],
)
def test_window_follows_the_system_theme(
    launch_app: Callable[..., RunningApp], theme: str, dark: bool
) -> None:
    app = launch_app({"GTK_THEME": theme})
    page = app.page
    page.segments(at_least=9)
    luminance = page.driver.execute_script(_BACKGROUND_LUMINANCE_JS)
    if dark:
        assert luminance < 0.2, f"dark theme asked for, but the background luminance is {luminance:.2f}"
    else:
        assert luminance > 0.8, f"light theme asked for, but the background luminance is {luminance:.2f}"
    show_a_lit_line(app)
