"""The Settings dialog, driven as a person drives it: open it from the sidebar,
type a number into a field (or tick a box), close it with Escape.

A change is saved when the field fires `change`; `set_number` waits until the app
answers with the new value, so what the test does next sees it.
"""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .earmark_page import EarmarkPage

SETTINGS = '[data-testid="settings"]'
SETTINGS_OPEN = '[data-testid="settings-open"]'


def open_settings(page: EarmarkPage) -> None:
    page.wait_visible(SETTINGS_OPEN).click()
    page.wait_visible(SETTINGS)


def close_settings(page: EarmarkPage) -> None:
    ActionChains(page.driver).send_keys(Keys.ESCAPE).perform()
    page.wait_until(lambda d: not page.find_all(f"{SETTINGS}:not([hidden])"), "settings stayed open")


def saved_setting(page: EarmarkPage, key: str) -> object:
    """The value the app has stored under `key` (None when unset)."""
    return page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        window.__TAURI__.core.invoke('settings_get', {key: arguments[0]}).then(done, () => done(null));
        """,
        key,
    )


def set_number(page: EarmarkPage, testid: str, value: int, key: str, stored: object) -> None:
    """Types `value` into the open dialog's field `testid` and leaves it (which saves
    it); waits until the setting `key` reads `stored`."""
    field = page.wait_visible(f'[data-testid="{testid}"]')
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(str(value), Keys.TAB)
    page.wait_until(lambda d: saved_setting(page, key) == stored, f"{key} was not saved as {stored!r}")


def set_text(page: EarmarkPage, testid: str, value: str, key: str) -> None:
    """Types `value` into the open dialog's text field `testid` and leaves it (which
    saves it); waits until the setting `key` reads it."""
    field = page.wait_visible(f'[data-testid="{testid}"]')
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(value, Keys.TAB)
    page.wait_until(lambda d: saved_setting(page, key) == value, f"{key} was not saved as {value!r}")
