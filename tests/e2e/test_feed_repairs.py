"""Feeds as other people make them (issue 14): a feed in Latin-1 whose only word on
its encoding is the server's `Content-Type`, with bare ampersands and a final
`</rss` without its `>`. Subscribing through the Add dialog keeps every episode with
its accents, and says what was repaired; a later check names the show in the
library's status line, the repairs in its tooltip."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.feed_server import FeedServer, Route
from harness.library_feed import DEMO_AUDIO, SHOW
from harness.library_page import add_feed, screenshot, sidebar_titles

TITLES = ["Crème brûlée & naïve façades", "Kesäkuun ääni: Öljy & Ärrä"]
REPAIRS = [
    "4 bare “&” characters were read as text.",
    "The feed's last elements were not closed; they were closed.",
]


def latin1_feed(server: FeedServer) -> bytes:
    """Two episodes, in Latin-1, with bare ampersands and a cut-off end."""
    items = "".join(
        f"<item><title>{title}</title><guid>rep-{n}</guid>"
        f'<enclosure url="{server.url(f"/audio/{n}.mp3")}?a=1&b={n}" type="audio/mpeg" length="{len(DEMO_AUDIO)}"/></item>'
        for n, title in enumerate(TITLES, start=1)
    )
    text = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{SHOW}</title>{items}</channel></rss'
    return text.encode("latin-1")


def test_a_latin1_feed_with_broken_xml_keeps_every_episode_and_says_what_was_repaired(
    app: RunningApp, server: FeedServer, data_dir: Path, artifacts_dir: Path
) -> None:
    server.set("/feed.xml", Route(latin1_feed(server), "application/rss+xml; charset=ISO-8859-1"))
    page = app.page
    page.segments()
    page.wait_visible('[data-testid="add-open"]').click()
    said = add_feed(page, server.url("/feed.xml"), "Subscribed", "subscribing did not say what it did")
    assert said.split("\n") == [f"Subscribed to “{SHOW}”: 2 episodes.", *REPAIRS], said
    screenshot(page, artifacts_dir, "feed-repairs-add-dialog")
    page.driver.find_element(By.CSS_SELECTOR, '[data-action="close-add"]').click()
    page.wait_until(lambda d: set(TITLES) <= set(sidebar_titles(page)), "the accented titles did not come in whole")
    stored = sorted(e["title"] for e in cli(data_dir, "list")["episodes"] if e["podcast"] == SHOW)
    assert stored == sorted(TITLES), stored

    page.driver.execute_script("document.activeElement && document.activeElement.blur()")
    ActionChains(page.driver).send_keys("r").perform()  # "Check for new episodes"
    status = page.wait_until(
        lambda d: s if "checked" in (s := d.find_element(By.CSS_SELECTOR, '[data-testid="library-status"]')).text else False,
        "checking for new episodes did not say what it found",
    )
    assert status.text.endswith(f"· notes on “{SHOW}”"), status.text
    assert (status.get_attribute("title") or "").split("\n") == [f"{SHOW}: {r}" for r in REPAIRS]
