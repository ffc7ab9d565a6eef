"""The library's pages as the tests drive them: subscribing through the Add
dialog, a show's episode rows and their download controls, the downloads view,
the sidebar. Rows are redrawn as the library changes: they are read in one script
call, and a row replaced between finding and clicking is found again.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from .earmark_page import EarmarkPage
from .library_feed import SHOW
from .page_screenshot import save_page_screenshot


def css(page: EarmarkPage, selector: str):
    return page.driver.find_elements(By.CSS_SELECTOR, selector)


#: The sidebar's entry of the show titled arguments[0] (undefined when not listed).
_FIND_SHOW = """[...document.querySelectorAll('[data-testid="podcast-item"]')]
  .find((item) => item.querySelector('.show-title').textContent === arguments[0])"""


def show_item(page: EarmarkPage, title: str):
    """The sidebar's entry of the show titled `title`, once it is listed (shows are
    listed by title, the demo's "Earmark Demo" among them)."""
    return page.wait_until(
        lambda d: d.execute_script(f"return {_FIND_SHOW} ?? null;", title), f"the sidebar does not list {title!r}"
    )


def show_new_count(page: EarmarkPage, title: str) -> str | None:
    """The new-episode count on the sidebar's entry of `title`, read in one script call."""
    return page.driver.execute_script(
        f"return {_FIND_SHOW}?.querySelector('[data-testid=\"new-count\"]')?.textContent ?? null;", title
    )


def subscribe(page: EarmarkPage, url: str) -> None:
    """Subscribes through the Add dialog and waits for the show's page."""
    page.wait_visible('[data-testid="add-open"]').click()
    box = page.wait_visible('[data-testid="feed-url"]')
    box.send_keys(url)
    page.wait_visible('[data-testid="subscribe"]').click()
    page.wait_until(
        lambda d: page.wait_visible('[data-testid="podcast-title"]').text == SHOW, "the show's page did not open"
    )
    page.driver.find_element(By.CSS_SELECTOR, '[data-action="close-add"]').click()


def add_feed(page: EarmarkPage, url: str, said_starts: str, why: str) -> str:
    """Types `url` into the open Add dialog, subscribes, and waits for the dialog to say
    something starting with `said_starts`; returns all it said."""
    page.wait_visible('[data-testid="feed-url"]').send_keys(url)
    page.wait_visible('[data-testid="subscribe"]').click()
    return page.wait_until(
        lambda d: m.text
        if (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text.startswith(said_starts)
        else False,
        why,
    )


def row(page: EarmarkPage, title: str):
    """The row titled `title` on the show's page, found in one script call."""
    found = page.driver.execute_script(
        """
        return [...document.querySelectorAll('[data-testid="episode-row"]')]
          .find(r => r.querySelector('[data-testid="episode-row-title"]').textContent === arguments[0]) ?? null;
        """,
        title,
    )
    assert found is not None, f"no row for {title!r} on the show's page"
    return found


def control_state(page: EarmarkPage, title: str) -> str | None:
    """The download control's state on the row titled `title`, read in one script
    call (progress redraws the control a few times a second)."""
    return page.driver.execute_script(
        """
        for (const row of document.querySelectorAll('[data-testid="episode-row"]')) {
          if (row.querySelector('[data-testid="episode-row-title"]').textContent === arguments[0]) {
            return row.querySelector('[data-testid="download-control"]').dataset.state;
          }
        }
        return null;
        """,
        title,
    )


def click_download_action(page: EarmarkPage, title: str, action: str) -> None:
    """Clicks a download action (download, cancel, retry, delete) on a row, once it
    shows. The page redraws rows when the library changes: a row replaced between
    finding and clicking is found again."""

    def clicked(_: object) -> bool:
        try:
            buttons = row(page, title).find_elements(By.CSS_SELECTOR, f'[data-testid="download-{action}"]')
            if not buttons:
                return False
            buttons[0].click()
            return True
        except StaleElementReferenceException:
            return False

    page.wait_until(clicked, f"no {action} button on {title!r}")


def queue_states(page: EarmarkPage) -> list[str]:
    """The states of the downloads view's items, read in one script call."""
    return page.driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=\"download-item\"]')].map(i => i.dataset.state)"
    )


def sidebar_titles(page: EarmarkPage) -> list[str]:
    return page.driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=\"episode-item\"] .episode-item-title')].map(t => t.textContent)"
    )


def wait_control(page: EarmarkPage, title: str, state: str, timeout: float = 30) -> None:
    page.wait_until(
        lambda d: control_state(page, title) == state,
        f"the download control of {title!r} never showed {state!r} (it shows {control_state(page, title)!r})",
        timeout,
    )


def screenshot(page: EarmarkPage, artifacts_dir: Path, name: str) -> None:
    """Saves the page as painted now, focus taken away."""
    save_page_screenshot(page.driver, artifacts_dir / f"{name}.png", blur=True)


def click_until(page: EarmarkPage, find: Callable[[], object], done: Callable[[], bool], why: str) -> None:
    """Clicks what `find` gives until `done` holds. The sidebar is redrawn as the
    library changes (a refresh, a job ending): a click that landed on an entry while
    it was being replaced opens nothing, so it is made again, at most once a second."""
    clicked_at = [float("-inf")]

    def step(_: object) -> bool:
        if done():
            return True
        if time.monotonic() - clicked_at[0] < 1.0:
            return False
        element = find()
        if element is None:
            return False
        try:
            page.scroll_into_view(element).click()
        except StaleElementReferenceException:
            return False  # replaced between finding and clicking
        clicked_at[0] = time.monotonic()
        return False

    page.wait_until(step, why)


def open_show(page: EarmarkPage, title: str) -> None:
    """Clicks the sidebar's entry of the show titled `title` until its page is open."""
    click_until(
        page,
        lambda: page.driver.execute_script(f"return {_FIND_SHOW} ?? null;", title),
        lambda: page.driver.execute_script(f"return {_FIND_SHOW}?.hasAttribute('aria-current') ?? false;", title),
        f"the page of {title!r} did not open",
    )


def open_from_sidebar(page: EarmarkPage, title: str) -> None:
    """Clicks the library's item titled `title` until the episode is open."""
    click_until(
        page,
        lambda: page.driver.execute_script(
            """
            return [...document.querySelectorAll('[data-testid="episode-item"]')]
              .find(i => i.querySelector('.episode-item-title').textContent === arguments[0]) ?? null;
            """,
            title,
        ),
        lambda: page.driver.execute_script(
            "const h = document.querySelector('[data-testid=\"episode-title\"]');"
            " return h != null && h.checkVisibility() && h.textContent.trim() === arguments[0];",
            title,
        ),
        f"{title!r} did not open from the library list",
    )
