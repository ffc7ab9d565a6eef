"""Downloads in the window: progress on the show's page and in the downloads view,
listening offline by chapter, a failed download saying why and retried, one
cancelled, one resumed after a restart, a download deleted without losing notes
(which still open the episode), an episode not yet downloaded offering it and then playing,
a web page served instead of the audio refused with Retry, and a stalled download
letting the next one in the queue finish.

Audio comes from a real HTTP server on 127.0.0.1 (the `server` fixture) that
honours `Range`/`If-Range` and can be slowed down, made to answer 404, or stopped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli, episode_titled
from harness.feed_server import FeedServer, Route
from harness.library_feed import DEMO_AUDIO, SHOW
from harness.library_page import (
    click_download_action, css, open_show, queue_states, row, screenshot, subscribe, wait_control,
)
from harness.notes_page import open_from_notebook, opened_without_audio


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
    open_show(page, SHOW)
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
    episode = episode_titled(data_dir, "Pilot")["id"]
    cli(data_dir, "notes", "add", str(episode), "--at", "61000", "Remember the curve")
    click_download_action(page, "Pilot", "delete")
    wait_control(page, "Pilot", "none")
    assert not list((data_dir / "downloads").rglob("*.mp3")), "the audio file is gone"
    notes = cli(data_dir, "notes", "list", str(episode))["notes"]
    assert [n["text"] for n in notes] == ["Remember the curve"], notes

    # The note still opens its episode: beside its notes, the header offers the
    # download again, and nothing is reported as an error.
    open_from_notebook(page, "Remember the curve")
    opened_without_audio(page, "Pilot", "Remember the curve")
    page.wait_visible('[data-testid="episode-download"] [data-testid="download-download"]')
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-testid="notice"]').get_attribute("hidden") is not None, (
        "a deleted download is an offer in the header, not a warning"
    )


def test_an_episode_not_yet_downloaded_offers_it_and_then_plays(
    app: RunningApp, server: FeedServer, data_dir: Path, artifacts_dir: Path
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
    tool = '[data-testid="transcript-transcribe"]'
    transcribe = page.wait_until(
        lambda d: (b := page.wait_visible(tool)).get_attribute("disabled") is not None and b,
        "Transcribe is offered before the audio is here",
    )
    assert transcribe.get_attribute("title").startswith("Download the episode first"), transcribe.get_attribute("title")
    screenshot(page, artifacts_dir, "not-downloaded-episode")
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
    page.wait_until(
        lambda d: page.wait_visible(tool).get_attribute("disabled") is None, "Transcribe stayed off after the download"
    )
    page.click_play_toggle()
    page.wait_for_state("playing")
    page.wait_for_position_past(500)


def test_a_web_page_is_not_a_download_and_a_stalled_one_lets_the_queue_go_on(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path
) -> None:
    cli(data_dir, "list")  # makes the library
    with sqlite3.connect(data_dir / "earmark.db") as db:
        # A stall is fewer than 4 KB in 2 s for this test (the default: 16 KB in 30 s).
        db.execute(
            "INSERT INTO settings (key, value) VALUES ('downloads.min_rate', ?)",
            (json.dumps({"bytes": 4096, "window_ms": 2000}),),
        )
    sign_in = """<!DOCTYPE html><html><head><title>Sign in</title></head>
<body><h1>Please sign in to listen</h1></body></html>"""
    server.set("/audio/1.mp3", Route(sign_in.encode(), "text/html; charset=utf-8"))
    page = launch_app().page
    page.segments()
    subscribe(page, server.url("/feed.xml"))

    # A sign-in page where the audio should be: failed, said plainly, with Retry.
    click_download_action(page, "Pilot", "download")
    wait_control(page, "Pilot", "failed")
    reason = row(page, "Pilot").find_element(By.CSS_SELECTOR, '[data-testid="download-status"]').text
    assert reason.startswith('The server sent a web page instead of the audio of "Pilot"'), reason
    assert row(page, "Pilot").find_elements(By.CSS_SELECTOR, '[data-testid="download-retry"]')
    listed = {e["title"]: e["downloaded"] for e in cli(data_dir, "list")["episodes"]}
    assert not listed["Pilot"], listed
    assert not [p for p in (data_dir / "downloads").rglob("*") if p.is_file()], "nothing of the page was kept"

    # One episode's server trickles a byte at a time; the one queued after it still
    # downloads, and the stalled one fails with Retry.
    server.set("/audio/2.mp3", Route(DEMO_AUDIO, "audio/mpeg", trickle=0.2))
    server.set("/audio/1.mp3", Route(DEMO_AUDIO, "audio/mpeg"))
    click_download_action(page, "Hearing It Twice", "download")
    wait_control(page, "Hearing It Twice", "downloading")
    click_download_action(page, "Pilot", "retry")
    wait_control(page, "Pilot", "done")
    wait_control(page, "Hearing It Twice", "failed")
    stalled = row(page, "Hearing It Twice").find_element(By.CSS_SELECTOR, '[data-testid="download-status"]').text
    assert stalled.startswith('The download of "Hearing It Twice" stalled'), stalled
    assert row(page, "Hearing It Twice").find_elements(By.CSS_SELECTOR, '[data-testid="download-retry"]')
    pilot_get = [s for s in server.requests_for("/audio/1.mp3") if s.status == 200]
    assert len(pilot_get) == 2, f"the page, then the audio after the stall: {server.requests_for('/audio/1.mp3')}"
    listed = {e["title"]: e["downloaded"] for e in cli(data_dir, "list")["episodes"]}
    assert listed["Pilot"] and not listed["Hearing It Twice"], listed
