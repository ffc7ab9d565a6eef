"""Earmark in Finnish and in Swedish: the library, an episode with its transcript,
the notes panel, an error and the help overlay, each in the listener's language,
with no word cut off, in the light and the dark theme.

Finnish comes from the system (LANG=fi_FI.UTF-8, the locale built for the test with
`localedef`), Swedish from the Settings' Language menu. Screenshots of each view go
to `artifacts/language-<lang>-<theme>-<view>.png`.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage
from harness.feed_server import FeedServer, Route
from harness.native_dialog import answer_file_dialog
from harness.notes_page import NOTE_INPUT, NOTE_ITEM, press
from harness.page_screenshot import save_page_screenshot
from harness.settings_dialog import close_settings, open_settings, saved_setting


@dataclass(frozen=True)
class Words:
    """What the window says in one language, for the checks below."""

    library: str
    notes_empty_starts: str
    note_kind: str
    find: str
    not_found_starts: str
    no_feed_on_page: str
    export_notes_dialog: str
    help_heading: str
    help_play: str
    help_skip_back: str
    duration: re.Pattern[str]


FINNISH = Words(
    library="Kirjasto",
    notes_empty_starts="Paina N kirjoittaaksesi",
    note_kind="Muistiinpano",
    find="Etsi",
    not_found_starts="404 Ei löydy: osoitteessa",
    no_feed_on_page="on verkkosivu, joka ei nimeä podcastin syötettä",
    export_notes_dialog="Vie muistiinpanot ja korostukset",
    help_heading="Pikanäppäimet",
    help_play="Toista tai tauko",
    help_skip_back="Taaksepäin 15 sekuntia (muuta asetuksissa)",
    duration=re.compile(r"^\d+ min$"),
)
SWEDISH = Words(
    library="Bibliotek",
    notes_empty_starts="Tryck på N för att skriva",
    note_kind="Anteckning",
    find="Sök",
    not_found_starts="404 Hittades inte: det finns inget på",
    no_feed_on_page="är en webbsida som inte nämner något poddflöde",
    export_notes_dialog="Exportera anteckningar och markeringar",
    help_heading="Kortkommandon",
    help_play="Spela eller pausa",
    help_skip_back="Bakåt 15 sekunder (ändra i Inställningar)",
    duration=re.compile(r"^\d+ min$"),
)

# Every element whose words come from the catalogues, and the controls around them,
# that is shown and cuts its text off (its content wider or taller than its box, with
# the overflow hidden) or reaches past the window's right edge: what a long Finnish
# word does to a tight button, or a long Swedish one to the grid.
_CUT_OFF_JS = """
const root = arguments[0] ? document.querySelector(arguments[0]) : document;
const cut = [];
for (const el of root.querySelectorAll(
  "[data-i18n], button, select, summary, label, .tool-button, .nav-item, .download-status, .episode-kicker, .library-status"
)) {
  if (!el.getClientRects().length || el.closest("[hidden]")) continue;
  const style = getComputedStyle(el);
  const hides = (o) => o === "hidden" || o === "clip";
  const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  const offScreen = el.getBoundingClientRect().right > innerWidth + 1;
  if ((wide || tall || offScreen) && el.textContent.trim()) cut.push(el.textContent.trim().slice(0, 60));
}
return cut;
"""


def finnish_locale(tmp_path: Path) -> dict[str, str]:
    """The environment of a Finnish system: fi_FI.UTF-8, built here for the test."""
    locales = tmp_path / "locales"
    locales.mkdir()
    subprocess.run(
        ["localedef", "-i", "fi_FI", "-f", "UTF-8", str(locales / "fi_FI.UTF-8")], check=True, capture_output=True
    )
    return {"LOCPATH": str(locales), "LANG": "fi_FI.UTF-8"}


def not_cut_off(page: EarmarkPage, scope: str | None = None) -> None:
    cut = page.driver.execute_script(_CUT_OFF_JS, scope)
    assert cut == [], f"text cut off: {cut}"


def shoot(page: EarmarkPage, artifacts_dir: Path, name: str) -> None:
    save_page_screenshot(page.driver, artifacts_dir / f"language-{name}.png", blur=True)


def check_library_episode_and_notes(page: EarmarkPage, words: Words) -> None:
    """The sidebar, the episode with its transcript and the notes panel, in `words`."""
    page.wait_until(
        lambda d: page.wait_visible(".sidebar-heading").get_attribute("textContent") == words.library,
        "the sidebar is not in the language",
    )
    meta = page.wait_visible('[data-testid="episode-item"] .episode-item-meta').text
    assert words.duration.search(meta.split(" · ")[-1]), f"the episode's length reads {meta!r}"
    assert len(page.segments(at_least=9)) >= 9, "the transcript shows"
    assert page.wait_visible('[data-testid="find-open"]').text == words.find
    empty = page.wait_visible('[data-testid="annotation-list"] .annotation-empty').text
    assert empty.startswith(words.notes_empty_starts), f"the empty notes panel says {empty!r}"
    press(page, "n")
    page.wait_visible(NOTE_INPUT).send_keys("Ebbinghaus", Keys.ENTER)
    item = page.wait_visible(NOTE_ITEM)
    assert words.note_kind in item.text, f"the note reads {item.text!r}"


def subscribe_says(page: EarmarkPage, url: str, before: str = "") -> str:
    """What the Add dialog says after subscribing to `url` (other than `before`)."""
    field = page.wait_visible('[data-testid="feed-url"]')
    field.clear()
    field.send_keys(url)
    page.wait_visible('[data-testid="subscribe"]').click()
    return page.wait_until(
        lambda d: t if (t := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]').text) not in ("", before) else False,
        f"the Add dialog said nothing about {url}",
    )


def check_error(page: EarmarkPage, server: FeedServer, words: Words) -> str:
    """Errors from the app, said in `words` with the values they carry: a feed address
    that is not there (the network's error), and a web page that names no feed (a
    subscription's own error, with the address in it)."""
    page.wait_visible('[data-testid="add-open"]').click()
    said = subscribe_says(page, server.url("/gone.xml"))
    assert said.startswith(words.not_found_starts), f"the error reads {said!r}"
    server.set("/about.html", Route(b"<!doctype html><title>About</title><p>Nothing here.</p>", "text/html"))
    page_url = server.url("/about.html")
    said_page = subscribe_says(page, page_url, before=said)
    assert page_url in said_page and words.no_feed_on_page in said_page, f"the error reads {said_page!r}"
    return said_page


def check_export(page: EarmarkPage, display_env: dict, words: Words, path: Path) -> None:
    """The notes panel's Markdown export: the native save dialog is titled in the
    language, and the note in the file is called what the language calls it."""
    Select(page.wait_visible('[data-testid="notes-export"]')).select_by_value("md")
    answer_file_dialog(display_env, words.export_notes_dialog, path, save=True)
    page.wait_until(lambda d: path.exists() and path.stat().st_size > 0, f"{path.name} was not written", 20)
    text = path.read_text(encoding="utf-8")
    assert "Ebbinghaus" in text and words.note_kind in text, text[:500]


def check_help(page: EarmarkPage, words: Words) -> None:
    press(page, "?")
    help_text = page.wait_until(
        lambda d: t if words.help_skip_back in (t := page.wait_visible('[data-testid="help"]').text) else False,
        "the help does not say the skip length in the language",
    )
    assert words.help_heading in help_text and words.help_play in help_text, help_text


def run_through(
    app: RunningApp, server: FeedServer, display_env: dict, artifacts_dir: Path, words: Words, name: str
) -> None:
    page = app.page
    check_library_episode_and_notes(page, words)
    notes_file = artifacts_dir / f"language-{name}-notes.md"
    notes_file.unlink(missing_ok=True)
    check_export(page, display_env, words, notes_file)
    not_cut_off(page)
    not_cut_off(page)
    shoot(page, artifacts_dir, f"{name}-episode")
    check_error(page, server, words)
    not_cut_off(page, '[data-testid="add-dialog"]')
    shoot(page, artifacts_dir, f"{name}-error")
    page.driver.find_element(By.CSS_SELECTOR, '[data-action="close-add"]').click()
    check_help(page, words)
    not_cut_off(page, '[data-testid="help"]')
    shoot(page, artifacts_dir, f"{name}-help")
    press(page, "?")
    open_settings(page)
    not_cut_off(page, '[data-testid="settings"]')
    shoot(page, artifacts_dir, f"{name}-settings")
    close_settings(page)


THEMES = pytest.mark.parametrize("theme", ["Adwaita", "Adwaita:dark"], ids=["light", "dark"])


@THEMES
def test_finnish_from_the_system(
    launch_app: Callable[..., RunningApp], server: FeedServer, display, artifacts_dir: Path, tmp_path: Path, theme: str
) -> None:
    app = launch_app({**finnish_locale(tmp_path), "GTK_THEME": theme})
    app.page.wait_until(
        lambda d: d.execute_script("return document.documentElement.lang") == "fi",
        "a Finnish system does not give Finnish (the window's languages: "
        f"{app.page.driver.execute_script('return navigator.languages')})",
    )
    run_through(app, server, display.env, artifacts_dir, FINNISH, f"fi-{'dark' if 'dark' in theme else 'light'}")


@THEMES
def test_swedish_from_the_setting(
    launch_app: Callable[..., RunningApp], server: FeedServer, display, artifacts_dir: Path, theme: str
) -> None:
    app = launch_app({"GTK_THEME": theme})
    page = app.page
    page.wait_until(
        lambda d: page.wait_visible(".sidebar-heading").get_attribute("textContent") == "Library", "a C system is English"
    )
    page.segments(at_least=9)  # started
    open_settings(page)
    Select(page.wait_visible('[data-testid="setting-language"]')).select_by_value("sv")
    # The window starts again in Swedish.
    page.wait_until(lambda d: saved_setting(page, "ui.language") == "sv", "the language was not saved")
    page.wait_until(
        lambda d: d.execute_script("return document.documentElement.lang") == "sv", "the window did not turn Swedish"
    )
    run_through(app, server, display.env, artifacts_dir, SWEDISH, f"sv-{'dark' if 'dark' in theme else 'light'}")
