"""The notes panel, search and toasts as the tests drive them: their `data-testid`
hooks, and typing a key to the page."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains

from .earmark_page import EarmarkPage

NOTE_ITEM = '[data-testid="note-item"]'
HIGHLIGHT_ITEM = '[data-testid="highlight-item"]'
NOTE_INPUT = '[data-testid="note-input"]'
SEARCH_INPUT = '[data-testid="search-input"]'
SEARCH_HIT = '[data-testid="search-hit"]'
TOAST = '[data-testid="toast"]'


def press(page: EarmarkPage, key: str) -> None:
    """Types a key to the page, as a person would (not into an input)."""
    ActionChains(page.driver).send_keys(key).perform()
