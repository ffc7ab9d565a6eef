"""Artwork as podcast apps show it: a feed's `itunes:image` (the show's, and an
episode's own) is fetched once into the data directory, scaled down, and shown in
the sidebar, on the show's page, in the episode header and in the player bar — and
still there after a restart with the server gone (from the cache, not the web).

The feed and its pictures come from a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.earmark_app import RunningApp
from harness.feed_server import FeedServer, Route
from harness.library_feed import SHOW, feed, two_episodes
from harness.library_page import open_from_sidebar, open_show, screenshot, subscribe


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A `width`×`height` PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b"")


SHOW_ART = solid_png(800, 800, (214, 92, 40))
EPISODE_ART = solid_png(700, 700, (40, 110, 200))


def serve_pictures(server: FeedServer) -> None:
    """The show's feed with a picture for the show and one for "Hearing It Twice"."""
    body = feed(server.base, two_episodes(server)).decode()
    body = body.replace(f"<title>{SHOW}</title>", f'<title>{SHOW}</title><itunes:image href="{server.base}/art/show.png"/>', 1)
    body = body.replace("<guid isPermaLink=\"false\">ep-2</guid>", f'<guid isPermaLink="false">ep-2</guid><itunes:image href="{server.base}/art/ep-2.png"/>', 1)
    server.set("/feed.xml", Route(body.encode(), "application/rss+xml"))
    server.set("/art/show.png", Route(SHOW_ART, "image/png"))
    server.set("/art/ep-2.png", Route(EPISODE_ART, "image/png"))


#: What the picture at selector arguments[0] shows: its size and the colour at its middle.
_PICTURE = """
const img = document.querySelector(arguments[0]);
if (!img || img.hidden || !img.complete || !img.naturalWidth) return null;
const canvas = document.createElement('canvas');
canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
const g = canvas.getContext('2d');
g.drawImage(img, 0, 0);
const [r, gr, b] = g.getImageData(img.naturalWidth >> 1, img.naturalHeight >> 1, 1, 1).data;
return {width: img.naturalWidth, height: img.naturalHeight, rgb: [r, gr, b],
        src: img.getAttribute('src').slice(0, 15), shownWidth: img.getBoundingClientRect().width};
"""


def picture(app: RunningApp, selector: str, why: str) -> dict:
    page = app.page
    return page.wait_until(lambda d: d.execute_script(_PICTURE, selector), why)


def near(rgb: list[int], want: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(rgb, want))


def check_pictures(app: RunningApp) -> None:
    """The show's picture in the sidebar and on its page, the episode's own in the
    header and the player bar, each a data: URL of the size kept for it."""
    page = app.page
    open_show(page, SHOW)
    art = picture(app, '[data-testid="podcast-item"][aria-current] [data-testid="show-art"]', "no picture in the sidebar")
    assert (art["width"], art["height"]) == (96, 96) and near(art["rgb"], (214, 92, 40)), art
    assert art["src"].startswith("data:image/"), art
    big = picture(app, '[data-testid="podcast-art"]', "no picture on the show's page")
    assert (big["width"], big["height"]) == (512, 512) and near(big["rgb"], (214, 92, 40)), big
    open_from_sidebar(page, "Hearing It Twice")
    head = picture(app, '[data-testid="episode-cover"]', "no picture in the episode header")
    assert head["width"] == 512 and near(head["rgb"], (40, 110, 200)), f"the episode's own picture: {head}"
    bar = picture(app, '[data-testid="player-art"]', "no picture in the player bar")
    assert near(bar["rgb"], (40, 110, 200)) and bar["shownWidth"] <= 48, bar
    open_from_sidebar(page, "Pilot")
    page.wait_until(
        lambda d: (p := d.execute_script(_PICTURE, '[data-testid="player-art"]')) and near(p["rgb"], (214, 92, 40)),
        "an episode without its own picture shows its show's",
    )


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_the_feeds_pictures_are_shown_and_kept_for_offline(
    launch_app: Callable[..., RunningApp], display, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    with FeedServer() as server:
        serve_pictures(server)
        first = launch_app({"GTK_THEME": theme})
        first.page.segments()  # the demo episode is open
        subscribe(first.page, server.url("/feed.xml"))
        check_pictures(first)
        open_show(first.page, SHOW)
        screenshot(first.page, artifacts_dir, f"artwork-show-page-{name}")
        asked = [s.path for s in server.seen if s.path.startswith("/art/")]
        assert sorted(asked) == ["/art/ep-2.png", "/art/show.png"], f"each picture fetched once: {asked}"
        first.close(display, artifacts_dir / f"artwork-before-restart-{name}.png", artifacts_dir / f"artwork-before-restart-{name}.log")
    kept = sorted(p.name for p in (data_dir / "artwork").iterdir() if p.suffix in (".jpg", ".png"))
    assert len(kept) == 4, f"two pictures, at 96 and 512 px each: {kept}"

    again = launch_app({"GTK_THEME": theme})  # it reopens "Pilot": no transcript to wait for
    check_pictures(again)
    screenshot(again.page, artifacts_dir, f"artwork-offline-episode-{name}")
