"""Skip back and forward from the player bar: 15 s and 30 s by default, the
distances set in Settings once changed (and shown on the buttons)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage
from harness.settings_dialog import close_settings, open_settings, set_number

SKIP_BACK = '[data-action="skip-back"]'
SKIP_FORWARD = '[data-action="skip-forward"]'
#: Paused, a skip is exact: the shown position is the engine's, in whole ms.
EXACT_MS = 2


def skip_by(page: EarmarkPage, button: str) -> float:
    """Clicks a skip button while paused; returns how far the position moved."""
    before = page.settled_position_ms()
    page.driver.find_element(By.CSS_SELECTOR, button).click()
    page.wait_until(lambda d: page.position_ms() != before, f"{button} did not move the position")
    return page.settled_position_ms() - before


def test_skip_buttons_move_by_the_default_then_the_configured_distances(app: RunningApp) -> None:
    page = app.page
    page.play_from_line(12)  # far enough in for a 15 s skip back
    page.pause()
    moved = [skip_by(page, SKIP_FORWARD), skip_by(page, SKIP_BACK)]
    assert abs(moved[0] - 30_000) <= EXACT_MS, f"skip forward moved {moved[0]} ms, not 30 s"
    assert abs(moved[1] + 15_000) <= EXACT_MS, f"skip back moved {moved[1]} ms, not 15 s"

    open_settings(page)
    set_number(page, "setting-skip-back-seconds", 5, "playback.skip_back_ms", 5_000)
    set_number(page, "setting-skip-forward-seconds", 10, "playback.skip_forward_ms", 10_000)
    close_settings(page)
    moved = [skip_by(page, SKIP_FORWARD), skip_by(page, SKIP_BACK)]
    assert abs(moved[0] - 10_000) <= EXACT_MS, f"skip forward moved {moved[0]} ms after setting 10 s"
    assert abs(moved[1] + 5_000) <= EXACT_MS, f"skip back moved {moved[1]} ms after setting 5 s"
    labels = [page.driver.find_element(By.CSS_SELECTOR, b).get_attribute("aria-label") for b in (SKIP_BACK, SKIP_FORWARD)]
    assert labels == ["Back 5 seconds", "Forward 10 seconds"], f"the buttons say {labels}"


def test_a_distance_past_the_limit_is_shown_as_stored(app: RunningApp) -> None:
    """A setting's field shows the value the app answers with once saved: 400 s is
    kept as the 300 s the setting allows, and the field says 300 at once."""
    page = app.page
    open_settings(page)
    set_number(page, "setting-skip-back-seconds", 400, "playback.skip_back_ms", 300_000)
    field = page.wait_visible('[data-testid="setting-skip-back-seconds"]')
    page.wait_until(lambda d: field.get_property("value") == "300", "the field does not show the stored 300")
    close_settings(page)
