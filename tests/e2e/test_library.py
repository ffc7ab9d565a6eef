"""The library in the window: subscribing by feed address and a show's page,
checking for new episodes on demand and in the background (its progress, and
which shows failed and why), a show of 10,000 episodes, and OPML and local files through the file dialogs. Downloads are in
`test_downloads.py`.

Feeds and audio come from a real HTTP server on 127.0.0.1 (`harness/feed_server.py`,
the show in `harness/library_feed.py`, served by the `server` fixture). What the
window shows is checked in the database too, through `earmark-cli` on the same
data directory.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.feed_server import FeedServer, Route
from harness.library_feed import DEMO_AUDIO, SECOND, SHOW, THIRD, feed, item, two_episodes
from harness.library_page import add_feed, control_state, css, screenshot, show_new_count, sidebar_titles, subscribe
from harness.native_dialog import answer_file_dialog
from harness.settings_dialog import close_settings, open_settings, set_text


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
    message = add_feed(page, server.url("/missing.xml"), "404", "a feed that is not there says so")
    assert "404 Not found" in message, message
    screenshot(page, artifacts_dir, f"library-add-dialog-{name}")


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
    badge = page.wait_until(lambda d: show_new_count(page, SHOW), "no count of new episodes on the show")
    assert badge == "3", "three episodes not yet opened"
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


#: The issue's budget for opening the library view of 10,000 episodes; the test fails
#: only far past it (a debug build on a shared machine), and records the figure.
LARGE_LIBRARY_BUDGET_MS = 200
LARGE_LIBRARY_FAIL_MS = 1000


def small_feed(server: FeedServer, title: str) -> bytes:
    """A show called `title` with one episode."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title>
<item><title>{title}: one</title><guid>{title}-1</guid>
<enclosure url="{server.url('/audio/1.mp3')}" type="audio/mpeg" length="1"/></item>
</channel></rss>""".encode()


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG picture of one colour."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_a_show_found_by_name_subscribes_in_one_click(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    server.set("/tide/feed.xml", Route(small_feed(server, "The Tide Show"), "application/rss+xml"))
    server.set("/art/tide.png", Route(png(64, 64, (40, 90, 120)), "image/png"))
    itunes = {
        "resultCount": 1,
        "results": [
            {
                "collectionName": "The Tide Show",
                "artistName": "Sea People",
                "feedUrl": server.url("/tide/feed.xml"),
                "artworkUrl600": server.url("/art/tide.png"),
                "trackCount": 212,
            }
        ],
    }
    gpodder = [{"url": "https://low.example/rss", "title": "Low Water", "author": None}]
    server.set("/itunes/search", Route(json.dumps(itunes).encode(), "text/javascript"))
    server.set("/gpodder/search.json", Route(json.dumps(gpodder).encode(), "application/json"))
    page = launch_app(
        {
            "EARMARK_ITUNES_SEARCH_URL": server.url("/itunes/search"),
            "EARMARK_GPODDER_SEARCH_URL": server.url("/gpodder/search.json"),
            "GTK_THEME": theme,
        }
    ).page
    page.segments()
    page.wait_visible('[data-testid="add-open"]').click()
    page.wait_visible('[data-testid="feed-url"]').send_keys("tide show")
    button = page.wait_visible('[data-testid="subscribe"]')
    assert button.text == "Search", "words search, the button says so"
    button.click()
    said = page.wait_until(
        lambda d: m.text if "found" in (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text else False,
        "the search did not say what it found",
    )
    assert said == "2 shows found.", said
    hits = css(page, '[data-testid="directory-hit"]')
    text = lambda hit, part: hit.find_element(By.CSS_SELECTOR, f'[data-testid="directory-{part}"]').get_attribute("textContent")  # noqa: E731
    assert [text(h, "title") for h in hits] == ["The Tide Show", "Low Water"]
    assert text(hits[0], "meta") == "Sea People · 212 episodes"
    art = page.wait_until(
        lambda d: i if (i := hits[0].find_element(By.CSS_SELECTOR, "img")).is_displayed() else False, "no artwork"
    )
    assert (art.get_attribute("src") or "").startswith("data:image/png;base64,")
    screenshot(page, artifacts_dir, f"library-directory-search-{name}")
    hits[0].find_element(By.CSS_SELECTOR, '[data-testid="directory-subscribe"]').click()
    said = page.wait_until(
        lambda d: m.text if (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text.startswith("Subscribed") else False,
        "subscribing from a hit did not say what it did",
    )
    assert said == "Subscribed to “The Tide Show”: 1 episode.", said
    assert not css(page, '[data-testid="directory-hit"]'), "the results go once subscribed"
    assert "The Tide Show" in [p["title"] for p in cli(data_dir, "feed", "list")["podcasts"]]

    server.stop()  # the network goes away
    page.wait_visible('[data-testid="feed-url"]').send_keys("tide")
    page.wait_visible('[data-testid="subscribe"]').click()
    said = page.wait_until(
        lambda d: m.text if "network" in (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text else False,
        "no network did not say so",
    )
    assert said.startswith("Could not reach 127.0.0.1") and said.endswith("once the network is back."), said


def test_podcast_index_is_searched_with_the_users_own_key(
    launch_app: Callable[..., RunningApp], server: FeedServer, artifacts_dir: Path
) -> None:
    index = {
        "status": "true",
        "feeds": [{"title": "Deep Water Weekly", "url": "https://deep.example/rss", "author": "Diver Dan",
                   "image": "https://deep.example/art.jpg", "episodeCount": 48}],
        "count": 1,
    }
    server.set("/itunes/search", Route(b'{"resultCount": 0, "results": []}', "application/json"))
    server.set("/gpodder/search.json", Route(b"[]", "application/json"))
    server.set("/pi/search/byterm", Route(json.dumps(index).encode(), "application/json"))
    page = launch_app(
        {
            "EARMARK_ITUNES_SEARCH_URL": server.url("/itunes/search"),
            "EARMARK_GPODDER_SEARCH_URL": server.url("/gpodder/search.json"),
            "EARMARK_PODCASTINDEX_SEARCH_URL": server.url("/pi/search/byterm"),
        }
    ).page
    page.segments()

    def search(terms: str) -> str:
        page.wait_visible('[data-testid="add-open"]').click()
        box = page.wait_visible('[data-testid="feed-url"]')
        box.clear()
        box.send_keys(terms)
        page.wait_visible('[data-testid="subscribe"]').click()
        said = page.wait_until(
            lambda d: m.text if "found" in (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]')).text
            else False,
            "the search did not say what it found",
        )
        page.driver.find_element(By.CSS_SELECTOR, '[data-action="close-add"]').click()
        return said

    assert search("deep water").startswith("No shows found"), "without a key Podcast Index is not asked"
    assert not [s for s in server.seen if s.path.startswith("/pi/")]
    open_settings(page)
    set_text(page, "setting-podcastindex-key", "KEY123", "directory.podcastindex_key")
    set_text(page, "setting-podcastindex-secret", "s3cr3t", "directory.podcastindex_secret")
    screenshot(page, artifacts_dir, "settings-podcast-index")
    close_settings(page)
    assert search("deep water") == "1 show found."
    assert [h.get_attribute("textContent") for h in css(page, '[data-testid="directory-title"]')] == ["Deep Water Weekly"]
    asked = [s for s in server.seen if s.path.startswith("/pi/search/byterm?")]
    key, date, signature = asked[-1].auth
    assert key == "KEY123" and date and date.isdigit()
    assert signature == hashlib.sha1(f"KEY123s3cr3t{date}".encode()).hexdigest(), "signed as Podcast Index documents"


def test_an_episodes_web_page_subscribes_to_its_show_and_opens_that_episode(
    app: RunningApp, server: FeedServer, data_dir: Path
) -> None:
    page = app.page
    page.segments()
    items = "".join(
        f"""<item><title>{title}</title><guid>tide-{n}</guid><link>{server.url(f"/episodes/{n}/")}</link>
        <pubDate>Mon, 0{n} Jan 2024 10:00:00 GMT</pubDate>
        <enclosure url="{server.url('/audio/1.mp3')}" type="audio/mpeg" length="1"/></item>"""
        for n, title in ((2, "High Water"), (1, "Low Tide"))
    )
    show_feed = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
        <title>The Tide Show</title>{items}</channel></rss>"""
    server.set("/tide/feed.xml", Route(show_feed.encode(), "application/rss+xml"))
    html = (
        "<!doctype html><html><head><title>Low Tide</title>"
        '<link rel="alternate" type="application/rss+xml" href="/tide/feed.xml"></head>'
        "<body><h1>Low Tide</h1><script>window.__pwned = true</script></body></html>"
    )
    server.set("/episodes/1", Route(html.encode(), "text/html; charset=utf-8"))
    page.wait_visible('[data-testid="add-open"]').click()
    said = add_feed(page, server.url("/episodes/1"), "Subscribed", "pasting an episode's page did not subscribe")
    assert said == "Subscribed to “The Tide Show”: 2 episodes.", said
    page.wait_until(lambda d: page.title() == "Low Tide", "the page's episode did not open")
    shows = {p["title"]: p for p in cli(data_dir, "feed", "list")["podcasts"]}
    assert shows["The Tide Show"]["feed_url"] == server.url("/tide/feed.xml"), "the feed's address is kept"
    assert page.driver.execute_script("return window.__pwned === undefined"), "the page's script never ran"


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_checking_every_show_shows_its_progress_and_lists_calmly_what_failed_and_why(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    # A host that asks to wait holds back its other feeds in that check, so the busy
    # show lives on another host name ("localhost" is 127.0.0.1 here).
    busy_url = server.url("/busy.xml").replace("127.0.0.1", "localhost")
    shows = {
        "/slow.xml": ("Slow Show", server.url("/slow.xml")),
        "/gone.xml": ("Gone Show", server.url("/gone.xml")),
        "/busy.xml": ("Busy Show", busy_url),
    }
    for path, (title, url) in shows.items():
        server.set(path, Route(small_feed(server, title), "application/rss+xml"))
        cli(data_dir, "feed", "add", url)
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()
    held = threading.Event()
    server.set("/slow.xml", Route(small_feed(server, "Slow Show"), "application/rss+xml", hold=held))
    server.set("/gone.xml", Route(b"gone", "text/plain", status=404))
    server.set("/busy.xml", Route(b"slow down", "text/plain", status=429, headers={"Retry-After": "600"}))
    try:
        page.wait_visible('[data-testid="refresh-feeds"]').click()
        status = page.wait_until(
            lambda d: s if "2 of 3 shows" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
            "no progress while the slow show was being checked",
        )
        assert status.text == "Checking 2 of 3 shows…", status.text
        bar = page.wait_visible('[data-testid="refresh-progress"]')
        assert (bar.get_attribute("value"), bar.get_attribute("max")) == ("2", "3")
        screenshot(page, artifacts_dir, f"library-refresh-progress-{name}")
    finally:
        held.set()
    status = page.wait_until(
        lambda d: s if "checked" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
        "checking did not say what it found",
    )
    assert re.match(r"No new episodes · checked \d", status.text), status.text
    trouble = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="refresh-trouble"]')
    assert trouble.text == "“Gone Show” could not be checked · “Busy Show” asks to wait", trouble.text
    assert not page.driver.find_element(By.CSS_SELECTOR, '[data-testid="refresh-progress"]').is_displayed()
    problems = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="refresh-problems"]')
    assert not problems.is_displayed(), "the reasons wait for a click"
    trouble.click()
    items = page.wait_until(lambda d: r if len(r := css(page, '[data-testid="refresh-problem"]')) == 2 else False, "no list of reasons")
    assert items[0].text == f"Gone Show 404 Not found: there is nothing at {server.url('/gone.xml')}.", items[0].text
    assert items[1].text.startswith(f"Busy Show 429 Too many requests: the server at {busy_url}"), items[1].text
    assert items[1].text.endswith("It asked to wait 10 min."), items[1].text
    screenshot(page, artifacts_dir, f"library-refresh-problems-{name}")

    # Asked again at once, the busy server is left alone: it asked for ten minutes.
    page.driver.find_element(By.CSS_SELECTOR, '[data-testid="refresh-feeds"]').click()
    page.wait_until(
        lambda d: "checked" in d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]').text
        and len(server.requests_for("/gone.xml")) == 3,
        "the second check did not finish",
    )
    page.driver.find_element(By.CSS_SELECTOR, '[data-testid="refresh-trouble"]').click()
    items = page.wait_until(lambda d: r if len(r := css(page, '[data-testid="refresh-problem"]')) == 2 else False, "no list of reasons")
    assert items[1].text == "Busy Show Not checked: its server asked Earmark to slow down, so it is asked again in 10 min.", items[1].text
    assert len(server.requests_for("/busy.xml")) == 2, "subscribed once, asked once, then left alone"


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
        [...document.querySelectorAll('[data-testid="podcast-item"]')]
          .find((item) => item.textContent.includes('Ten Thousand')).click();
        const check = () => {
          const rows = document.querySelectorAll('[data-testid="episode-row"]').length;
          const title = document.querySelector('[data-testid="podcast-title"]').textContent;
          if (rows === 100 && title === 'Ten Thousand') done(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
        """
    )
    # What the sidebar is drawn from: every show with its newest episodes and counts.
    listed = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        window.__TAURI__.core.invoke('library_sidebar', {current: null}).then((shows) =>
          done([shows.map((s) => [s.title, s.total, s.new_count, s.episodes.length]), performance.now() - start]));
        """
    )
    first_page = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const podcast = Number([...document.querySelectorAll('[data-testid="podcast-item"]')]
          .find((item) => item.textContent.includes('Ten Thousand')).dataset.show);
        const start = performance.now();
        window.__TAURI__.core.invoke('podcast_episodes', {podcast, offset: 0, limit: 100})
          .then(() => done(performance.now() - start));
        """
    )
    measurements.update(
        {
            "show_page_10k_ms": round(elapsed),
            "first_page_ipc_ms": round(first_page),
            "library_sidebar_10k_ms": round(listed[1]),
            "budget_ms": LARGE_LIBRARY_BUDGET_MS,
        }
    )
    assert ["Ten Thousand", 10_000, 10_000, 5] in listed[0], listed[0]
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
    podcasts = cli(data_dir, "feed", "list")["podcasts"]
    assert [p["title"] for p in podcasts if p["feed_url"]] == [SHOW], "the demo's show has no feed"

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
    before = {e["id"] for e in cli(data_dir, "list")["episodes"]}
    page.wait_visible('[data-testid="add-files"]').click()
    answer_file_dialog(display.env, "Add audio to the library", talk)
    assert said("Added") == "Added 1 file."
    # Filed by its album under the demo's show, beside the demo.
    filed = [e for e in cli(data_dir, "list")["episodes"] if e["podcast"] == "Earmark Demo"]
    assert len(filed) == 2, filed
    added = [e for e in filed if e["id"] not in before]
    assert len(added) == 1, filed
    assert added[0]["title"].startswith("Hearing It Twice"), "the title from the file's tags"
    assert added[0]["has_transcript"] and added[0]["downloaded"], added[0]
    assert added[0]["duration_ms"] == cli(data_dir, "probe", str(talk))["duration_ms"], "the exact, probed length"


def test_a_feed_turned_hostile_fails_calmly_and_the_other_shows_stay(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path
) -> None:
    """Issue 13: a subscribed feed that, on a later check, nests 2,000 elements deep
    (which used to overflow the stack and abort the app) is reported by the show's name as
    one that could not be checked (why, in the tooltip); the app runs on, and both shows and their episodes stay."""
    other = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Other Show</title>'
        f'<item><title>Other One</title><guid>other-1</guid><enclosure url="{server.url("/audio/3.mp3")}" '
        'type="audio/mpeg"/></item></channel></rss>'
    )
    server.set("/other.xml", Route(other.encode(), "application/rss+xml"))
    cli(data_dir, "feed", "add", server.url("/feed.xml"))
    cli(data_dir, "feed", "add", server.url("/other.xml"))
    page = launch_app().page
    page.segments()
    before = sorted(e["title"] for e in cli(data_dir, "list")["episodes"])  # the demo episode too
    assert len(before) == 4, before
    deep = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:x="https://example.com/x"><channel>'
        f"<title>{SHOW}</title><item><title>Deep</title>"
        f'<enclosure url="{server.url("/audio/1.mp3")}" type="audio/mpeg"/>'
        + "<x:a>" * 2000
        + "</x:a>" * 2000
        + "</item></channel></rss>"
    )
    server.set("/feed.xml", Route(deep.encode(), "application/rss+xml"))
    page.driver.execute_script("document.activeElement && document.activeElement.blur()")
    ActionChains(page.driver).send_keys("r").perform()  # "Check for new episodes"
    status = page.wait_until(
        lambda d: s if "checked" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
        "checking for new episodes did not say what it found",
    )
    assert status.text.startswith("No new episodes · checked"), status.text
    assert status.text.endswith(f"“{SHOW}” could not be checked"), status.text
    why = status.get_attribute("title") or ""
    assert why.startswith(f"{SHOW}: The feed at {server.url('/feed.xml')}"), why
    assert "nested more than 100 deep" in why, why
    page.wait_until(
        lambda d: {"Hearing It Twice", "Pilot", "Other One"} <= set(sidebar_titles(page)),
        "an episode went missing from the library after the failed check",
    )
    assert sorted(e["title"] for e in cli(data_dir, "list")["episodes"]) == before, "every episode is still there"
