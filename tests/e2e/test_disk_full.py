"""A download that fills the disk: the window says so plainly, nothing is lost,
and the same download goes through once there is room.

The app's data directory is a small tmpfs mounted for the test (`mount -t tmpfs`,
which needs root: the tests run as root here and in CI), with room for the
library but not for the episode the feed server sends.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.page_screenshot import save_page_screenshot
from harness.feed_server import FeedServer, Route
from harness.library_feed import DEMO_AUDIO, FIRST, SHOW, feed, item
from harness.library_page import click_download_action, open_show, row, wait_control

#: Free space left on the data directory's disk once the library is in it: less
#: than the episode (1.3 MB), plenty for the library database.
HEADROOM = 512 * 1024


def mount_tmpfs(path: Path, size: int) -> None:
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if done.returncode != 0:
        pytest.fail(f"could not mount a tmpfs on {path} (this test needs root): {done.stderr.strip()}", pytrace=False)


def resize_tmpfs(path: Path, size: int) -> None:
    done = subprocess.run(
        ["mount", "-o", f"remount,size={size}", str(path)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, f"could not resize the tmpfs on {path}: {done.stderr.strip()}"


def used_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize


def free_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """EARMARK_DATA_DIR on a tmpfs of its own (8 MB until the test shrinks it).

    Unmounted after the app is closed (the app's fixtures depend on this one, so
    they are torn down first).
    """
    path = tmp_path / "earmark-data"
    path.mkdir()
    mount_tmpfs(path, 8 * 1024 * 1024)
    yield path
    done = subprocess.run(["umount", str(path)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:  # something still holds a file there: detach it anyway
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.set(
            "/feed.xml",
            Route(feed(running.base, [item(1, "Pilot", FIRST, audio="/audio/1.mp3")]), "application/rss+xml"),
        )
        # Slow enough to watch the file grow, fast enough to fill the disk in a second or two.
        running.set("/audio/1.mp3", Route(DEMO_AUDIO, "audio/mpeg", rate=600_000))
        yield running


def test_a_full_disk_says_so_keeps_the_library_and_the_download_goes_on_later(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path
) -> None:
    # The library, with a note, before the app starts; no demo episode to copy in.
    cli(data_dir, "feed", "add", server.url("/feed.xml"))
    pilot = next(e["id"] for e in cli(data_dir, "list")["episodes"] if e["title"] == "Pilot")
    cli(data_dir, "notes", "add", str(pilot), "--at", "61000", "Remember the curve")
    with sqlite3.connect(data_dir / "earmark.db") as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('demo_installed', 'true')")
    resize_tmpfs(data_dir, used_bytes(data_dir) + HEADROOM)
    assert free_bytes(data_dir) < len(DEMO_AUDIO), "the episode must not fit"

    running = launch_app()
    page = running.page
    open_show(page, SHOW)
    page.wait_until(lambda d: page.wait_visible('[data-testid="podcast-title"]').text == SHOW, "the show did not open")
    click_download_action(page, "Pilot", "download")
    downloads = data_dir / "downloads"
    page.wait_until(
        lambda d: any(p.stat().st_size > 0 for p in downloads.rglob("*.part")), "the download never started writing", 30
    )
    wait_control(page, "Pilot", "failed", timeout=60)

    # What the window says: the disk is full, how big the episode is, what to do.
    status = row(page, "Pilot").find_element(By.CSS_SELECTOR, '[data-testid="download-status"]')
    assert status.text == (
        f'The disk is full: there is no room for "Pilot" (1.3 MB) in {downloads / "the-listening-room"}. '
        "Free some space and download it again."
    ), status.text
    assert "is-problem" in (status.get_attribute("class") or ""), "shown as a problem, not as being offline"
    assert row(page, "Pilot").find_elements(By.CSS_SELECTOR, '[data-testid="download-retry"]'), "a Retry button"
    page.wait_visible('[data-testid="downloads-nav"]').click()
    queued = page.wait_visible('[data-testid="download-item"] [data-testid="download-status"]').text
    assert queued.startswith("The disk is full"), f"the downloads view says it too: {queued!r}"
    save_page_screenshot(page.driver, artifacts_dir / "disk-full-downloads.png")

    # Nothing half-written is left in the way, and the space is given back.
    left = [p.relative_to(data_dir) for p in downloads.rglob("*") if p.is_file()]
    assert left == [], f"no partial file left behind: {left}"
    assert free_bytes(data_dir) > HEADROOM // 2, f"the space is free again: {free_bytes(data_dir)} bytes"

    # The library lost nothing and can still save: the note from before is there,
    # a new one is kept, the episode is still listed and not marked downloaded.
    cli(data_dir, "notes", "add", str(pilot), "--at", "1000", "Written after the disk filled")
    notes = [n["text"] for n in cli(data_dir, "notes", "list", str(pilot))["notes"]]
    assert sorted(notes) == ["Remember the curve", "Written after the disk filled"], notes
    episode = next(e for e in cli(data_dir, "list")["episodes"] if e["id"] == pilot)
    assert not episode["downloaded"], episode
    log = running.tauri_driver.log_path.read_text(errors="replace")
    assert "could not save" not in log and "disk is full" not in log, f"the app saved what it had to:\n{log[-2000:]}"

    # With room on the disk, Retry downloads the whole episode, byte for byte.
    resize_tmpfs(data_dir, used_bytes(data_dir) + 4 * len(DEMO_AUDIO))
    open_show(page, SHOW)
    click_download_action(page, "Pilot", "retry")
    wait_control(page, "Pilot", "done", timeout=60)
    files = [p for p in downloads.rglob("*") if p.is_file()]
    assert [p.suffix for p in files] == [".mp3"] and files[0].read_bytes() == DEMO_AUDIO, files
    assert next(e for e in cli(data_dir, "list")["episodes"] if e["id"] == pilot)["downloaded"]
