"""The library in the window: subscribing by feed address, a show's page, the
download queue (progress, cancel, retry, resume after a restart, clear messages),
deleting a download without losing notes, chapters, checking for new episodes on
demand and in the background, and what the app says with the network gone.

Feeds and audio come from a real HTTP server on 127.0.0.1 (`harness/feed_server.py`)
that honours `Range`/`If-Range` and can be slowed down, made to answer 404, or
stopped. What the window shows is checked in the database too, through
`earmark-cli` on the same data directory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage
from harness.feed_server import FeedServer, Route
from harness.native_dialog import answer_file_dialog
from harness.page_screenshot import save_page_screenshot
from test_notes import cli

DEMO_AUDIO = (Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo.mp3").read_bytes()
#: The demo's length: 2:56.
DEMO_MS = 176_268

CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": "Hello"},
        {"startTime": 60, "title": "The forgetting curve"},
        {"startTime": 120, "title": "What helps"},
    ],
}

#: Show notes that try to run script: they must arrive as text.
HOSTILE_NOTES = (
    '<p>Why we <b>forget</b> &amp; what helps.</p><script>window.__pwned = 1</script>'
    '<img src="x" onerror="window.__pwned = 2">'
)

SHOW = "The Listening Room"


def item(number: int, title: str, published: datetime, *, audio: str, notes: str = "", chapters: bool = False) -> str:
    extras = '<podcast:chapters url="{base}/chapters/%d.json" type="application/json+chapters"/>' % number
    return f"""
    <item>
      <title>{escape(title)}</title>
      <guid isPermaLink="false">ep-{number}</guid>
      <pubDate>{format_datetime(published)}</pubDate>
      <itunes:duration>2:56</itunes:duration>
      <enclosure url="{{base}}{audio}" type="audio/mpeg" length="{len(DEMO_AUDIO)}"/>
      <description><![CDATA[{notes}]]></description>
      {extras if chapters else ""}
    </item>"""


def feed(base: str, items: list[str]) -> bytes:
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>{SHOW}</title>
    <link>{{base}}/</link>
    <description>Conversations about memory, notes and listening well.</description>
    {"".join(items)}
  </channel>
</rss>"""
    return body.replace("{base}", base).encode()


FIRST = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
SECOND = datetime(2024, 5, 8, 12, 0, tzinfo=timezone.utc)
THIRD = datetime(2024, 5, 15, 12, 0, tzinfo=timezone.utc)


def two_episodes(server: FeedServer) -> list[str]:
    return [
        item(2, "Hearing It Twice", SECOND, audio="/audio/2.mp3", notes=HOSTILE_NOTES, chapters=True),
        item(1, "Pilot", FIRST, audio="/audio/1.mp3", notes="Where it all began."),
    ]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.set("/feed.xml", Route(feed(running.base, two_episodes(running)), "application/rss+xml"))
        running.set("/chapters/2.json", Route(json.dumps(CHAPTERS).encode(), "application/json+chapters"))
        for n in (1, 2, 3):
            running.set(f"/audio/{n}.mp3", Route(DEMO_AUDIO, "audio/mpeg"))
        yield running


# --- helpers -----------------------------------------------------------------


def css(page: EarmarkPage, selector: str):
    return page.driver.find_elements(By.CSS_SELECTOR, selector)


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


def episode_id(data_dir: Path, title: str) -> int:
    episodes = cli(data_dir, "list")["episodes"]
    return next(e["id"] for e in episodes if e["title"] == title)


def screenshot(page: EarmarkPage, artifacts_dir: Path, name: str) -> None:
    """Saves the page as painted now, focus taken away."""
    save_page_screenshot(page.driver, artifacts_dir / f"{name}.png", blur=True)


# --- tests ---------------------------------------------------------------------


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_subscribe_and_read_the_show_like_its_own_page(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()  # the demo episode is open
    subscribe(page, server.url("/feed.xml"))

    rows = css(page, '[data-testid="episode-row"]')
    titles = [r.find_element(By.CSS_SELECTOR, '[data-testid="episode-row-title"]').text for r in rows]
    assert titles == ["Hearing It Twice", "Pilot"], f"newest first: {titles}"
    newest = rows[0]
    shown_date = newest.find_element(By.CSS_SELECTOR, '[data-testid="episode-date"]').text
    local_date = page.driver.execute_script(
        "return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'}).format(new Date(arguments[0]))",
        SECOND.isoformat(),
    )
    assert shown_date == local_date, f"the date reads in the user's locale: {shown_date!r} vs {local_date!r}"
    assert newest.find_element(By.CSS_SELECTOR, '[data-testid="episode-duration"]').text == "3 min"
    assert newest.find_element(By.CSS_SELECTOR, '[data-testid="episode-state"]').text == "New"
    excerpt = newest.find_element(By.CSS_SELECTOR, '[data-testid="episode-excerpt"]').get_attribute("textContent").strip()
    assert excerpt == "Why we forget & what helps.", f"show notes arrive as sanitized text: {excerpt!r}"
    assert page.driver.execute_script("return window.__pwned === undefined"), "script in show notes never runs"
    assert not css(page, '[data-testid="podcast-episodes"] script, [data-testid="podcast-episodes"] img')
    assert control_state(page, "Pilot") == "none", "not downloaded yet: a Download button"

    show = page.wait_visible('[data-testid="podcast-item"][aria-current]')
    assert SHOW in show.get_attribute("textContent") and show.find_element(By.CSS_SELECTOR, '[data-testid="new-count"]').text == "2"
    in_db = {e["title"]: e for e in cli(data_dir, "list")["episodes"]}
    assert in_db["Pilot"]["podcast"] == SHOW and not in_db["Pilot"]["downloaded"]
    screenshot(page, artifacts_dir, f"library-show-page-{name}")

    page.wait_visible('[data-testid="add-open"]').click()
    page.wait_visible('[data-testid="feed-url"]').send_keys(server.url("/missing.xml"))
    page.wait_visible('[data-testid="subscribe"]').click()
    message = page.wait_until(
        lambda d: m.text if (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text.startswith("404") else False,
        "a feed that is not there says so",
    )
    assert "404 Not found" in message, message
    screenshot(page, artifacts_dir, f"library-add-dialog-{name}")


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_download_with_progress_then_listen_offline_by_chapter(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    server.set("/audio/2.mp3", Route(DEMO_AUDIO, "audio/mpeg", rate=300_000))
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    click_download_action(page, "Hearing It Twice", "download")

    # The bar fills while bytes arrive, on the page and in the downloads view.
    wait_control(page, "Hearing It Twice", "downloading")
    page.wait_visible('[data-testid="downloads-count"]')
    page.wait_visible('[data-testid="downloads-nav"]').click()
    status = page.wait_until(
        lambda d: t
        if (t := d.execute_script(
            "return document.querySelector('[data-testid=download-item] [data-testid=download-status]')?.textContent"
        ) or "").endswith("of 1.3 MB") and not t.startswith("1.3 MB")
        else False,
        "progress in bytes was never shown mid-download",
    )
    widths = page.driver.execute_script(
        "return [...document.querySelectorAll('[data-view=downloads] .download-bar > span')].map(s => parseFloat(s.style.width))"
    )
    assert len(widths) == 2, f"one bar for the whole queue and one for the episode: {widths}"
    assert all(0 < w < 100 for w in widths), f"bars part-filled mid-download ({status}): {widths}"
    screenshot(page, artifacts_dir, f"library-downloading-{name}")
    page.wait_until(lambda d: queue_states(page) == ["done"], "the download never finished", 60)
    downloaded = {e["title"]: e for e in cli(data_dir, "list")["episodes"]}["Hearing It Twice"]
    assert downloaded["downloaded"], downloaded
    assert server.requests_for("/chapters/2.json"), "the chapters were fetched"

    # With the server gone, the downloaded episode still plays, chapter by chapter.
    server.stop()
    page.driver.find_element(By.CSS_SELECTOR, '[data-testid="download-item"] .download-title').click()
    page.wait_until(lambda d: page.title() == "Hearing It Twice", "the episode did not open")
    chapters = page.wait_until(lambda d: c if len(c := css(page, '[data-testid="chapter"]')) == 3 else False, "no chapters")
    ticks = css(page, '[data-testid="chapter-tick"]')
    assert [int(t.get_attribute("data-start-ms")) for t in ticks] == [60_000, 120_000], "a tick per chapter after the start"
    page.driver.find_element(By.CSS_SELECTOR, '[data-testid="chapters"] summary').click()
    titles = [c.find_element(By.CSS_SELECTOR, ".chapter-title").text for c in chapters]
    assert titles == ["Hello", "The forgetting curve", "What helps"], titles
    chapters[1].click()
    page.wait_for_state("playing")
    position = page.wait_for_position_past(60_000)
    assert position < 65_000, f"playing from the chapter's start, not elsewhere: {position}"
    page.wait_until(
        lambda d: chapters[1].get_attribute("aria-current") == "true", "the chapter playing is marked in the list"
    )
    ticks[1].click()
    page.wait_for_position_past(120_000)
    page.click_play_toggle()
    page.wait_for_state("paused")

    page.wait_visible('[data-testid="refresh-feeds"]').click()
    status = page.wait_until(
        lambda d: s.text if "offline" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
        "a refresh without network says so calmly",
    )
    assert status == "You're offline. Downloaded episodes, transcripts, notes and search all still work."
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-testid="notice"]').get_attribute("hidden") is not None, (
        "no warning bar for being offline"
    )
    screenshot(page, artifacts_dir, f"library-episode-chapters-{name}")

    # A download without network says so, without alarm, and can be tried again later.
    page.wait_visible('[data-testid="podcast-item"]').click()
    click_download_action(page, "Pilot", "download")
    wait_control(page, "Pilot", "failed")
    status = row(page, "Pilot").find_element(By.CSS_SELECTOR, '[data-testid="download-status"]')
    assert "Could not reach 127.0.0.1" in status.text, status.text
    assert "is-problem" not in (status.get_attribute("class") or ""), "no network is not shown as an error"
    assert row(page, "Pilot").find_elements(By.CSS_SELECTOR, '[data-testid="download-retry"]')


def test_a_failed_download_says_why_and_retries_and_one_can_be_cancelled(
    app: RunningApp, server: FeedServer, data_dir: Path
) -> None:
    server.set("/audio/1.mp3", Route(b"gone", "text/html", status=404))
    server.set("/audio/2.mp3", Route(DEMO_AUDIO, "audio/mpeg", rate=60_000))
    page = app.page
    page.segments()
    subscribe(page, server.url("/feed.xml"))

    click_download_action(page, "Pilot", "download")
    wait_control(page, "Pilot", "failed")
    reason = row(page, "Pilot").find_element(By.CSS_SELECTOR, '[data-testid="download-status"]').text
    assert reason.startswith("Could not download \"Pilot\": 404 Not found"), reason

    server.set("/audio/1.mp3", Route(DEMO_AUDIO, "audio/mpeg"))
    click_download_action(page, "Pilot", "retry")
    wait_control(page, "Pilot", "done")

    click_download_action(page, "Hearing It Twice", "download")
    wait_control(page, "Hearing It Twice", "downloading")
    click_download_action(page, "Hearing It Twice", "cancel")
    wait_control(page, "Hearing It Twice", "none")
    listed = {e["title"]: e["downloaded"] for e in cli(data_dir, "list")["episodes"]}
    assert listed["Pilot"] and not listed["Hearing It Twice"], listed


def test_a_download_resumes_after_a_restart(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, display, artifacts_dir: Path
) -> None:
    server.set("/audio/2.mp3", Route(DEMO_AUDIO, "audio/mpeg", rate=100_000))
    first = launch_app()
    page = first.page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    click_download_action(page, "Hearing It Twice", "download")
    downloads = data_dir / "downloads"
    part = page.wait_until(
        lambda d: p if (p := next(downloads.rglob("*.part"), None)) and p.stat().st_size > 300_000 else False,
        "no partial file grew",
        30,
    )
    first.close(display, artifacts_dir / "resume-download-before.png", artifacts_dir / "resume-download-before.log")
    kept = part.stat().st_size
    assert 0 < kept < len(DEMO_AUDIO), kept

    page = launch_app().page
    page.wait_visible('[data-testid="downloads-nav"]').click()
    page.wait_until(lambda d: queue_states(page) == ["done"], "the queue was not taken up again after the restart", 60)
    resumed = [s for s in server.requests_for("/audio/2.mp3") if s.status == 206]
    assert resumed, f"the second run asked for the rest with Range: {server.requests_for('/audio/2.mp3')}"
    start = int(resumed[-1].range.removeprefix("bytes=").split("-")[0])
    assert start >= kept - 65_536 and start > 0, f"resumed from {start}, {kept} bytes were on disk"
    assert resumed[-1].if_range == '"v1"', "only the same file may be continued (If-Range)"
    episode = {e["title"]: e for e in cli(data_dir, "list")["episodes"]}["Hearing It Twice"]
    assert episode["downloaded"]
    files = [p for p in downloads.rglob("*") if p.is_file() and p.suffix == ".mp3"]
    assert [p.read_bytes() == DEMO_AUDIO for p in files] == [True], f"one complete, exact file: {files}"


def test_deleting_a_download_keeps_the_notes(app: RunningApp, server: FeedServer, data_dir: Path) -> None:
    page = app.page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    click_download_action(page, "Pilot", "download")
    wait_control(page, "Pilot", "done")
    episode = episode_id(data_dir, "Pilot")
    cli(data_dir, "notes", "add", str(episode), "--at", "61000", "Remember the curve")
    click_download_action(page, "Pilot", "delete")
    wait_control(page, "Pilot", "none")
    assert not list((data_dir / "downloads").rglob("*.mp3")), "the audio file is gone"
    notes = cli(data_dir, "notes", "list", str(episode))["notes"]
    assert [n["text"] for n in notes] == ["Remember the curve"], notes


def test_checking_for_new_episodes_counts_them(app: RunningApp, server: FeedServer, data_dir: Path) -> None:
    page = app.page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    newer = [item(3, "Third Time Lucky", THIRD, audio="/audio/3.mp3")] + two_episodes(server)
    server.set("/feed.xml", Route(feed(server.base, newer), "application/rss+xml"))
    page.driver.execute_script("document.activeElement && document.activeElement.blur()")
    ActionChains(page.driver).send_keys("r").perform()  # the key for "Check for new episodes"
    status = page.wait_until(
        lambda d: s.text if "checked" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
        "checking for new episodes did not say what it found",
    )
    assert status.startswith("1 new episode · checked"), status
    rows = page.wait_until(lambda d: r if len(r := css(page, '[data-testid="episode-row"]')) == 3 else False, "page not updated")
    assert rows[0].find_element(By.CSS_SELECTOR, '[data-testid="episode-row-title"]').text == "Third Time Lucky"
    badge = page.wait_visible('[data-testid="podcast-item"] [data-testid="new-count"]')
    assert badge.text == "3", "three episodes not yet opened"
    assert len(cli(data_dir, "list")["episodes"]) == 4, "demo + three episodes"


def test_new_episodes_come_in_by_themselves(launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path) -> None:
    cli(data_dir, "feed", "add", server.url("/feed.xml"))
    with sqlite3.connect(data_dir / "earmark.db") as db:
        # Background checks every 3 seconds for this test (the default is an hour).
        db.execute("INSERT INTO settings (key, value) VALUES ('library.refresh_minutes', '0.05')")
    page = launch_app().page
    page.segments()
    assert "Third Time Lucky" not in sidebar_titles(page)
    newer = [item(3, "Third Time Lucky", THIRD, audio="/audio/3.mp3")] + two_episodes(server)
    server.set("/feed.xml", Route(feed(server.base, newer), "application/rss+xml"))
    page.wait_until(
        lambda d: "Third Time Lucky" in sidebar_titles(page), "a background check did not bring the new episode in", 30
    )
    assert len(cli(data_dir, "list")["episodes"]) == 4, "demo + three episodes"


def test_an_episode_not_yet_downloaded_offers_it_and_then_plays(
    app: RunningApp, server: FeedServer, data_dir: Path
) -> None:
    server.set("/audio/1.mp3", Route(DEMO_AUDIO, "audio/mpeg", rate=400_000))
    page = app.page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    titles = css(page, '[data-testid="episode-row-title"]')
    next(t for t in titles if t.text == "Pilot").click()
    page.wait_until(lambda d: page.title() == "Pilot", "the episode did not open")
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-view="episode"]').get_attribute("data-audio") == "missing"
    header = page.wait_visible('[data-testid="episode-download"] [data-testid="download-download"]')
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-testid="notice"]').get_attribute("hidden") is not None, (
        "not downloaded yet is an offer in the header, not a warning"
    )
    header.click()
    page.wait_until(
        lambda d: d.execute_script(
            "return document.querySelector('[data-testid=episode-download] [data-testid=download-control]')?.dataset.state"
        )
        == "done",
        "the header never showed the episode downloaded",
        30,
    )
    page.wait_until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-view="episode"]').get_attribute("data-audio") == "ready",
        "the episode was not loaded once its audio arrived",
    )
    page.click_play_toggle()
    page.wait_for_state("playing")
    page.wait_for_position_past(500)


#: The issue's budget for opening the library view of 10,000 episodes; the test fails
#: only far past it (a debug build on a shared machine), and records the figure.
LARGE_LIBRARY_BUDGET_MS = 200
LARGE_LIBRARY_FAIL_MS = 1000


def test_a_show_with_ten_thousand_episodes_opens_quickly(
    launch_app: Callable[..., RunningApp], data_dir: Path, measurements
) -> None:
    cli(data_dir, "list")  # makes the library
    notes = "A long show note about memory, listening and notes. " * 20
    with sqlite3.connect(data_dir / "earmark.db") as db:
        show = db.execute(
            "INSERT INTO podcasts (title, feed_url) VALUES ('Ten Thousand', 'http://127.0.0.1:9/feed')"
        ).lastrowid
        db.executemany(
            "INSERT INTO episodes (podcast_id, guid, title, description, published, audio_url, duration_ms) "
            "VALUES (?, ?, ?, ?, ?, 'http://127.0.0.1:9/a.mp3', 3600000)",
            (
                (show, f"g{n}", f"Episode {n}", notes, f"{2000 + n // 500:04d}-01-01T00:00:00Z")
                for n in range(10_000)
            ),
        )
    page = launch_app().page
    page.wait_visible('[data-testid="podcast-item"]')
    # Start-up opens an episode by itself: let it finish, or it would switch views
    # (and take the time) in the middle of the measurement.
    page.wait_until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="episode-title"]').text.strip() or False,
        "no episode was opened at start",
    )
    elapsed = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        document.querySelector('[data-testid="podcast-item"][data-show]:not([data-show="local"])').click();
        const check = () => {
          const rows = document.querySelectorAll('[data-testid="episode-row"]').length;
          const title = document.querySelector('[data-testid="podcast-title"]').textContent;
          if (rows === 100 && title === 'Ten Thousand') done(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
        """
    )
    # The whole library list (what the sidebar groups), as the window receives it.
    listed = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        window.__TAURI__.core.invoke('library_list').then((list) => done([list.length, performance.now() - start]));
        """
    )
    first_page = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const podcast = Number(document.querySelector('[data-testid="podcast-item"]:not([data-show="local"])').dataset.show);
        const start = performance.now();
        window.__TAURI__.core.invoke('podcast_episodes', {podcast, offset: 0, limit: 100})
          .then(() => done(performance.now() - start));
        """
    )
    measurements.update(
        {
            "show_page_10k_ms": round(elapsed),
            "first_page_ipc_ms": round(first_page),
            "library_list_10k_ms": round(listed[1]),
            "budget_ms": LARGE_LIBRARY_BUDGET_MS,
        }
    )
    assert listed[0] == 10_001, "every episode is listed (and the demo)"
    kicker = page.wait_visible(".podcast-kicker").text
    assert "10000 EPISODES" in kicker.upper().replace(",", ""), kicker
    assert elapsed < LARGE_LIBRARY_FAIL_MS, f"the show's page took {elapsed:.0f} ms to open"


def test_opml_and_local_files_through_the_file_dialogs(
    app: RunningApp, server: FeedServer, data_dir: Path, display, tmp_path: Path
) -> None:
    page = app.page
    page.segments()
    message = '[data-testid="add-message"]'

    def said(start: str) -> str:
        return page.wait_until(
            lambda d: t if (t := d.find_element(By.CSS_SELECTOR, message).text).startswith(start) else False,
            f"the dialog never said {start!r}",
            30,
        )

    # OPML in: every feed of the file is subscribed to.
    opml = tmp_path / "from another app.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        f'<outline type="rss" text="{SHOW}" xmlUrl="{server.url("/feed.xml")}"/></body></opml>'
    )
    page.wait_visible('[data-testid="add-open"]').click()
    page.wait_visible('[data-testid="opml-import"]').click()
    answer_file_dialog(display.env, "Import subscriptions", opml)
    assert said("Subscribed to") == "Subscribed to 1 of 1 feeds."
    assert [p["title"] for p in cli(data_dir, "feed", "list")["podcasts"]] == [SHOW]

    # OPML out.
    exported = tmp_path / "exported.opml"
    page.wait_visible('[data-testid="opml-export"]').click()
    answer_file_dialog(display.env, "Export subscriptions", exported, save=True)
    said("Saved your subscriptions")
    assert f'xmlUrl="{server.url("/feed.xml")}"' in exported.read_text(), exported.read_text()

    # Audio files: tags give the title and the show, the transcript beside comes along.
    talk = tmp_path / "talk.mp3"
    talk.write_bytes(DEMO_AUDIO)
    (tmp_path / "talk.vtt").write_bytes((Path(__file__).resolve().parents[2] / "assets/demo/demo.vtt").read_bytes())
    page.wait_visible('[data-testid="add-files"]').click()
    answer_file_dialog(display.env, "Add audio to the library", talk)
    assert said("Added") == "Added 1 file."
    added = [e for e in cli(data_dir, "list")["episodes"] if e["podcast"] == "Earmark Demo"]
    assert len(added) == 1, added
    assert added[0]["title"].startswith("Hearing It Twice"), "the title from the file's tags"
    assert added[0]["has_transcript"] and added[0]["downloaded"], added[0]
    assert added[0]["duration_ms"] == cli(data_dir, "probe", str(talk))["duration_ms"], "the exact, probed length"
