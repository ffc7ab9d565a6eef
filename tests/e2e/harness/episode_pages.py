"""Episode web pages as shows publish them, for the page-transcript tests: a
WordPress-like page of "The Tide Show"'s episode (navigation, a bulleted summary, a
"Transcript" heading over `Name: paragraph` text with unnamed continuations, cut off
with "..." and a "Read more" link, a sidebar of other episodes with Finnish dates and
lengths, a footer and a script), and its feed, whose items link those pages. The
transcript is the demo episode's own text (assets/demo/demo.txt), so it can be
aligned to the demo's audio.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .feed_server import FeedServer, Route
from .library_feed import DEMO_AUDIO

DEMO_TEXT = Path(__file__).resolve().parents[3] / "assets" / "demo" / "demo.txt"

SHOW = "The Tide Show"
#: The demo's length, as the feed gives it (the audio is the demo's).
DURATION_MS = 176_000
EPISODE = "Hearing It Twice"


def demo_paragraphs() -> list[str]:
    """The demo's transcript paragraphs, its title line left out."""
    blocks = [b.strip() for b in DEMO_TEXT.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks[1:]


def transcript_html(paragraphs: list[str], *, cut: bool) -> str:
    """`Name: text` paragraphs, the speaker in bold; cut off with "..." and a link."""
    shown = []
    for text in paragraphs:
        name, colon, rest = text.partition(": ")
        if colon and len(name) < 30:
            shown.append(f"<p><strong>{escape(name)}:</strong> {escape(rest)}</p>")
        else:
            shown.append(f"<p>{escape(text)}</p>")
    if cut:
        shown[-1] = shown[-1].removesuffix("</p>") + '...</p>\n<p><a href="/members">Read more</a></p>'
    return "\n".join(shown)


def episode_page(paragraphs: list[str], *, cut: bool, feed_path: str = "/tide/feed.xml") -> bytes:
    """A WordPress-like episode page, with a script that tries to write into it."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{EPISODE} – {SHOW}</title>
<link rel="alternate" type="application/rss+xml" title="{SHOW}" href="{feed_path}">
<script>document.addEventListener('DOMContentLoaded', () => {{ window.__pwned = true; }});</script>
</head><body class="single-post">
<header class="site-header"><nav><a href="/">Home</a> <a href="/episodes/">Episodes</a> <a href="/about/">About us</a></nav></header>
<main id="main"><article class="post">
<h1 class="entry-title">{EPISODE}</h1>
<ul class="summary"><li>Why a podcast fades by dinner time</li><li>Tironian notes and road signs</li></ul>
<h2>Transcript</h2>
{transcript_html(paragraphs, cut=cut)}
<div class="share"><a href="https://social.example/share">Share this episode</a></div>
</article></main>
<aside class="sidebar"><h3>Muut jaksot</h3><ul>
<li><a href="/episodes/low-tide/">Low Tide</a><p>Maya talks to a harbour master about the sea and her notebooks.</p><span>5 Kesä 2024</span> <span>38min</span></li>
<li><a href="/episodes/spring/">Spring Water</a><p>A long talk about wells.</p><span>28 Maj</span> <span>41min</span></li>
</ul></aside>
<footer><p>© The Tide Show. All rights reserved.</p></footer>
<script>document.write('<p>Maya Lindqvist: injected by script</p>');</script>
</body></html>""".encode()


def serve_tide_show(server: FeedServer, paragraphs: list[str], *, cut: bool) -> str:
    """Serves the show's feed, the demo's audio, and the episode's page; its address."""
    page = server.url("/episodes/hearing-it-twice/")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>{SHOW}</title><link>{server.url("/")}</link>
<item><title>{EPISODE}</title><guid>tide-2</guid><link>{page}</link>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><itunes:duration>{DURATION_MS // 1000}</itunes:duration>
<enclosure url="{server.url('/audio/tide.mp3')}" type="audio/mpeg" length="{len(DEMO_AUDIO)}"/></item>
<item><title>Low Tide</title><guid>tide-1</guid><link>{server.url("/episodes/low-tide/")}</link>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="{server.url('/audio/tide.mp3')}" type="audio/mpeg" length="{len(DEMO_AUDIO)}"/></item>
</channel></rss>"""
    server.set("/tide/feed.xml", Route(feed.encode(), "application/rss+xml"))
    server.set("/audio/tide.mp3", Route(DEMO_AUDIO, "audio/mpeg"))
    server.set("/episodes/hearing-it-twice/", Route(episode_page(paragraphs, cut=cut), "text/html; charset=utf-8"))
    return page
