"""The notes panel, the notebook, search and toasts as the tests drive them: their
`data-testid` hooks, typing a key to the page, opening a note from the notebook."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .earmark_page import EarmarkPage

NOTE_ITEM = '[data-testid="note-item"]'
HIGHLIGHT_ITEM = '[data-testid="highlight-item"]'
NOTE_INPUT = '[data-testid="note-input"]'
SEARCH_INPUT = '[data-testid="search-input"]'
SEARCH_HIT = '[data-testid="search-hit"]'
TOAST = '[data-testid="toast"]'
NOTEBOOK_ITEM = '[data-testid="notebook-item"]'


def press(page: EarmarkPage, key: str) -> None:
    """Types a key to the page, as a person would (not into an input)."""
    ActionChains(page.driver).send_keys(key).perform()


def open_from_notebook(page: EarmarkPage, text: str) -> None:
    """Opens the notebook and clicks the entry of the note that says `text`."""
    page.wait_visible('[data-testid="notebook-nav"]').click()
    entry = page.wait_until(
        lambda d: next((i for i in page.find_all(NOTEBOOK_ITEM) if text in i.text), False),
        f"the notebook does not list {text!r}",
    )
    entry.click()


def opened_without_audio(page: EarmarkPage, title: str, note: str) -> None:
    """Waits until the episode view shows `title` with its audio marked missing and
    the note that says `note` in its notes panel."""
    page.wait_until(lambda d: page.title() == title, f"{title!r} did not open")
    page.wait_until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-view="episode"]').get_attribute("data-audio") == "missing",
        f"{title!r} is not shown with its audio missing",
    )
    page.wait_until(
        lambda d: any(note in i.text for i in page.find_all(NOTE_ITEM)), f"the notes panel does not show {note!r}"
    )
