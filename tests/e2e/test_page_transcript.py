"""Issue 19, "the transcript from the episode's page": pasting an episode's web page
subscribes to its show, opens that episode and gives it the transcript the page
shows, marked as from the episode's page; a page that cut the transcript off is
marked so, its estimated times are not stretched over the episode, and once the
audio is downloaded the transcript is aligned in the background, the rest of the
audio said to have no text. "Add transcript" → "From a web page" does the same for
any address. Pages and audio come from a real HTTP server on 127.0.0.1
(`harness/episode_pages.py`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.earmark_page import EarmarkPage
from harness.episode_pages import DURATION_MS, EPISODE, SHOW, demo_paragraphs, episode_page, serve_tide_show
from harness.feed_server import FeedServer, Route
from harness.library_page import add_feed, screenshot
from harness.transcript_view import segment_attrs, wait_for_lines

SOURCE = '[data-testid="transcript-source"]'


def source_text(page: EarmarkPage) -> str:
    """The "From the episode's page" line, or "" when it is hidden."""
    return page.driver.execute_script(
        "const s = document.querySelector(arguments[0]); return s && !s.hidden ? s.textContent : '';", SOURCE
    )


def last_line(page: EarmarkPage, count: int) -> dict:
    """The last line's attributes, once it is drawn (the list draws what is in view)."""
    page.driver.execute_script("const s = document.querySelector('section.transcript'); s.scrollTop = s.scrollHeight;")
    return page.wait_until(lambda d: segment_attrs(page, count - 1), "the last line was not drawn")


def wait_notice(page: EarmarkPage, words: str) -> str:
    """The notice, once it says `words` (it says "Reading…" first)."""

    def said(_: object) -> str | bool:
        text = page.notice_now()
        return text if words in text else False

    return page.wait_until(said, f"the notice never said {words!r}", timeout=120)


def add_from_page(page: EarmarkPage, url: str, shot: Callable[[], None] = lambda: None) -> None:
    """Add (or Replace) transcript → From a web page: types `url` and adds it
    (`shot` runs with the menu open and the address typed)."""
    page.wait_visible('[data-testid="transcript-add-open"]').click()
    page.wait_visible('[data-testid="transcript-page-url"]').send_keys(url)
    shot()
    page.wait_visible('[data-testid="transcript-page-add"]').click()


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_an_episode_page_brings_its_show_that_episode_and_its_transcript_aligned(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    paragraphs = demo_paragraphs()
    kept = paragraphs[:18]  # about half (see earmark-cli's cut-off alignment test)
    url = serve_tide_show(server, kept, cut=True)
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()
    page.wait_visible('[data-testid="add-open"]').click()
    said = add_feed(page, url, "Subscribed", "pasting an episode's page did not subscribe")
    assert said.startswith(f"Subscribed to “{SHOW}”"), said
    page.driver.find_element(By.CSS_SELECTOR, '[data-action="close-add"]').click()
    page.wait_until(lambda d: page.title() == EPISODE, "the page's episode did not open")

    # The page's transcript, and nothing else from the page.
    lines = wait_for_lines(page, "lines.length > 3 && lines.every(l => l.dataset.timing === 'estimated') && lines",
                           "the page's transcript was not shown with estimated times")
    texts = [line.text for line in lines]
    assert "Welcome to the Earmark demo" in texts[0], texts[0]
    shown = " ".join(texts)
    for stranger in ("Home", "Why a podcast fades", "harbour master", "Kesä", "All rights reserved", "injected"):
        assert stranger not in shown, f"{stranger!r} is not part of the transcript"
    assert "From the episode's page" in source_text(page) and "cut off" in source_text(page), source_text(page)
    assert page.driver.execute_script("return window.__pwned === undefined"), "the page's scripts never ran"

    # Cut off: the text lasts as long as saying it takes, not the whole episode.
    end = last_line(page, len(kept))
    assert end["start"] < 0.75 * DURATION_MS, f"the cut text is not stretched: {end} of {DURATION_MS} ms"

    # The command line reads the same page the same way.
    fetched = cli(data_dir, "transcript", "fetch", url)
    assert fetched["source_url"] == url and fetched["incomplete"] is True, fetched
    assert len(fetched["segments"]) == len(kept) and not fetched["timed"]
    assert fetched["segments"][0]["speaker"] == "Maya Lindqvist", fetched["segments"][0]
    screenshot(page, artifacts_dir, f"page-transcript-estimated-{name}")

    # Downloaded, it is aligned in the background; the untranscribed rest is said.
    page.wait_visible('[data-testid="episode-download"] [data-testid="download-download"]').click()
    wait_for_lines(page, "lines.length > 3 && lines.every(l => l.dataset.timing === 'given')",
                   "the page's transcript was not aligned once the audio arrived", timeout=120)
    wait_notice(page, "has no text")
    with sqlite3.connect(data_dir / "earmark.db") as db:
        stored = db.execute("SELECT page_url, incomplete, timed FROM transcripts t JOIN episodes e "
                            "ON e.id = t.episode_id WHERE e.title = ?", (EPISODE,)).fetchone()
    assert stored == (url, 1, 1), f"aligned, still marked as the page's and cut off: {stored}"
    assert "cut off" in source_text(page)
    screenshot(page, artifacts_dir, f"page-transcript-aligned-{name}")


def test_add_transcript_from_a_web_page_replaces_it_and_a_page_without_one_changes_nothing(
    app: RunningApp, server: FeedServer, data_dir: Path, artifacts_dir: Path
) -> None:
    page = app.page
    before = page.segment_texts(at_least=5)
    server.set("/show-notes", Route(b"<html><body><h1>Notes</h1><ul><li>Links</li></ul></body></html>", "text/html"))
    add_from_page(page, server.url("/show-notes"))
    wait_notice(page, "This page has no transcript that Earmark could find.")
    assert page.segment_texts(at_least=5)[:3] == before[:3], "a page without one changes nothing"

    whole = demo_paragraphs()
    server.set("/whole", Route(episode_page(whole, cut=False), "text/html; charset=utf-8"))
    add_from_page(page, server.url("/whole"), lambda: screenshot(page, artifacts_dir, "page-transcript-add-menu"))
    # The demo's audio is on disk: the page's transcript is aligned at once.
    page.wait_until(lambda d: source_text(page), "the transcript did not say it is from the page")
    # One line per paragraph now (the demo's own file has one per sentence), timed.
    wait_for_lines(page, "lines.length > 5 && lines.every(l => l.dataset.timing === 'given') "
                         "&& lines[0].textContent.includes('With me are Ines')",
                   "the page's transcript did not replace the demo's and get aligned", timeout=120)
    assert source_text(page) == "From the episode's page", source_text(page)
    title = page.driver.find_element(By.CSS_SELECTOR, SOURCE).get_attribute("title")
    assert title.startswith("127.0.0.1:"), f"the page's host is in its tooltip: {title!r}"
    assert "cut off" not in source_text(page)
    with sqlite3.connect(data_dir / "earmark.db") as db:
        stored = db.execute("SELECT page_url, incomplete FROM transcripts").fetchall()
    assert stored == [(server.url("/whole"), 0)], stored
    assert len(cli(data_dir, "search", "Tironian")["hits"]) >= 1, "the page's text is searchable"
