"""A show to subscribe to, as the library tests serve it: "The Listening Room", a
feed of two episodes (the newer with chapters and show notes that try to run
script), their audio (the demo's MP3) and chapters, on a `FeedServer`.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from .feed_server import FeedServer, Route

DEMO_AUDIO = (Path(__file__).resolve().parents[3] / "assets" / "demo" / "demo.mp3").read_bytes()

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
    """One episode of the feed (`{base}` stands for the server's address until `feed`)."""
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
    """The show's RSS with `items`, served from `base`."""
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
    """The feed's items at first: "Hearing It Twice" (newest) and "Pilot"."""
    return [
        item(2, "Hearing It Twice", SECOND, audio="/audio/2.mp3", notes=HOSTILE_NOTES, chapters=True),
        item(1, "Pilot", FIRST, audio="/audio/1.mp3", notes="Where it all began."),
    ]


def serve_show(server: FeedServer) -> None:
    """The feed at /feed.xml, the newer episode's chapters, and audio for three episodes."""
    server.set("/feed.xml", Route(feed(server.base, two_episodes(server)), "application/rss+xml"))
    server.set("/chapters/2.json", Route(json.dumps(CHAPTERS).encode(), "application/json+chapters"))
    for n in (1, 2, 3):
        server.set(f"/audio/{n}.mp3", Route(DEMO_AUDIO, "audio/mpeg"))
