"""Unsubscribing from a show in the window: the show's page offers it, a dialog asks
first (Cancel changes nothing), and then the show leaves the sidebar with its
episodes and its downloaded audio, while the episode with the listener's note stays
under Local files with the note. Screenshots of the dialog in light and dark.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli, episode_titled
from harness.feed_server import FeedServer
from harness.library_feed import SHOW
from harness.library_page import click_download_action, screenshot, show_item, subscribe, wait_control
from harness.notes_page import press

#: The sidebar's show titles, read in one script call.
_SHOWS = "return [...document.querySelectorAll('[data-testid=\"podcast-item\"] .show-title')].map(t => t.textContent)"


def shows(data_dir: Path) -> list[str]:
    """The titles of the shows in the library (the demo's among them)."""
    return [p["title"] for p in cli(data_dir, "feed", "list")["podcasts"]]


@pytest.mark.parametrize(("theme", "name"), [("Adwaita", "light"), ("Adwaita:dark", "dark")], ids=["light", "dark"])
def test_unsubscribing_asks_then_removes_the_show_and_its_downloads_and_keeps_the_noted_episode(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, artifacts_dir: Path, theme: str, name: str
) -> None:
    page = launch_app({"GTK_THEME": theme}).page
    page.segments()
    subscribe(page, server.url("/feed.xml"))
    click_download_action(page, "Pilot", "download")
    wait_control(page, "Pilot", "done")
    downloads = data_dir / "downloads"
    assert len(list(downloads.rglob("*.mp3"))) == 1, "the download is on disk"
    noted = episode_titled(data_dir, "Hearing It Twice")["id"]
    cli(data_dir, "notes", "add", str(noted), "--at", "5000", "Worth keeping")

    # Asked first; Cancel changes nothing. Cancel has the focus: Space presses it,
    # and does not start or stop playback behind the dialog.
    page.wait_visible('[data-testid="unsubscribe"]').click()
    dialog = page.wait_visible('[data-testid="confirm-dialog"]')
    assert SHOW in dialog.text and "notes or highlights" in dialog.text, dialog.text
    playing = page.play_state()
    page.wait_until(
        lambda d: d.switch_to.active_element.get_attribute("data-testid") == "confirm-cancel", "Cancel has no focus"
    )
    press(page, " ")
    page.wait_until(lambda d: not dialog.is_displayed(), "Space on Cancel did not close the dialog")
    assert page.play_state() == playing, "Space in the dialog reached the player"
    assert SHOW in page.driver.execute_script(_SHOWS), "cancelled: the show stays"
    assert SHOW in shows(data_dir), "cancelled: still subscribed"

    page.wait_visible('[data-testid="unsubscribe"]').click()
    page.wait_visible('[data-testid="confirm-dialog"]')
    screenshot(page, artifacts_dir, f"unsubscribe-confirm-{name}")
    page.wait_visible('[data-testid="confirm-yes"]').click()
    said = page.wait_until(
        lambda d: t
        if "Unsubscribed" in (t := d.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"toast\"]')].map(t => t.textContent).join(' ')"
        ))
        else False,
        "no word that the show was left",
    )
    assert f"Unsubscribed from “{SHOW}”: 1 episode removed, 1 download deleted." in said, said
    assert "1 episode stayed under Local files." in said, said
    page.wait_until(lambda d: SHOW not in d.execute_script(_SHOWS), "the show is still in the sidebar")

    assert SHOW not in shows(data_dir), "no longer subscribed"
    assert not list(downloads.rglob("*.mp3")), "the show's download is deleted"
    kept = episode_titled(data_dir, "Hearing It Twice")
    assert kept["podcast"] is None, f"kept without a show: {kept}"
    assert [n["text"] for n in cli(data_dir, "notes", "list", str(noted))["notes"]] == ["Worth keeping"]
    show_item(page, "Local files")
