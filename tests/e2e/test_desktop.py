"""Earmark on a desktop session: the media keys and the desktop's player controls
(MPRIS2, driven with `playerctl` and `dbus-send` as a desktop shell drives them), and
one window per library (a second `earmark FILE` or `earmark podcast://…` is handed to
the running window and ends).

Each test has a session bus of its own (`harness/session_bus.py`); every other test
runs with none, which is how the app is known to start without one.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from selenium.webdriver.common.by import By

from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.earmark_page import EarmarkPage
from harness.feed_server import FeedServer
from harness.library_feed import SHOW
from harness.page_screenshot import save_page_screenshot
from harness.session_bus import SessionBus
from harness.spoken_file import make_talk

PLAYER = "earmark"
PICTURED = Path(__file__).resolve().parents[1] / "fixtures" / "audio" / "mp3-id3-picture-48k-mono.mp3"
MPRIS_PATH = "/org/mpris/MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"


def playerctl(bus: SessionBus, *args: str) -> str:
    return bus.run("playerctl", "-p", PLAYER, *args).stdout.strip()


def bus_names(bus: SessionBus) -> list[str]:
    listed = bus.run(
        "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
        "org.freedesktop.DBus.ListNames",
    ).stdout  # fmt: skip
    return [line.split('"')[1] for line in listed.splitlines() if line.strip().startswith('string "')]


def mpris_name(page: EarmarkPage, bus: SessionBus) -> str:
    """The app's MPRIS name, once it is on the bus."""
    return page.wait_until(
        lambda d: next((n for n in bus_names(bus) if n.startswith(f"org.mpris.MediaPlayer2.{PLAYER}.")), False),
        "the app offers no media controls on the session bus",
    )


def player_property(bus: SessionBus, name: str, prop: str, interface: str = PLAYER_INTERFACE) -> str:
    """A property as `dbus-send` prints it (`double 1.5`)."""
    reply = bus.run(
        "dbus-send", "--session", "--print-reply", f"--dest={name}", MPRIS_PATH,
        "org.freedesktop.DBus.Properties.Get", f"string:{interface}", f"string:{prop}",
    ).stdout  # fmt: skip
    return reply.splitlines()[-1].split("variant", 1)[1].strip()


def metadata(bus: SessionBus) -> dict[str, str]:
    """The metadata the desktop reads; empty while there is none (playerctl fails)."""
    keys = ["title", "album", "artist", "mpris:length", "mpris:trackid", "mpris:artUrl"]
    try:
        shown = playerctl(bus, "metadata", "--format", "\t".join("{{" + k + "}}" for k in keys))
    except subprocess.CalledProcessError:
        return {}
    return dict(zip(keys, shown.split("\t")))


class SeekedSignals:
    """Every `Seeked` signal on the bus, as `dbus-monitor` prints them."""

    def __init__(self, bus: SessionBus) -> None:
        self._monitor = subprocess.Popen(
            ["dbus-monitor", "--address", bus.address, f"type='signal',interface='{PLAYER_INTERFACE}',member='Seeked'"],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.positions: queue.Queue[int] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._monitor.stdout is not None
        for line in self._monitor.stdout:
            if line.strip().startswith("int64 "):
                self.positions.put(int(line.split()[1]))

    def next_ms(self, timeout: float = 10.0) -> int:
        return self.positions.get(timeout=timeout) // 1000

    def stop(self) -> None:
        self._monitor.terminate()


def volume_shown(page: EarmarkPage) -> float:
    return float(page.driver.find_element(By.CSS_SELECTOR, ".volume-slider").get_attribute("value"))


def near(page: EarmarkPage, target_ms: int, what: str, within_ms: int = 1500) -> float:
    """Waits until the window shows a position within `within_ms` after `target_ms`."""
    return page.wait_until(
        lambda d: p if target_ms - 300 <= (p := page.position_ms()) <= target_ms + within_ms else False,
        f"the window is not at {target_ms} ms after {what} (it is at {page.position_ms()} ms)",
    )


def test_the_desktops_player_controls_play_seek_and_read_the_episode(
    launch_app: Callable[..., RunningApp], session_bus: SessionBus, demo_episode: DemoEpisode
) -> None:
    page = launch_app(session_bus.env).page
    page.segments()
    name = mpris_name(page, session_bus)
    shown = page.wait_until(lambda d: (m := metadata(session_bus)).get("title") and m, "no metadata")
    assert shown["title"] == demo_episode.title
    assert shown["album"] == demo_episode.podcast and shown["artist"] == demo_episode.podcast
    assert abs(int(shown["mpris:length"]) / 1000 - 176_268) < 1_000, shown
    assert shown["mpris:trackid"].strip("'").startswith("/app/earmark/desktop/episode/"), shown
    assert playerctl(session_bus, "status") == "Paused"
    # The desktop finds the app's name and its entry (the package's Earmark.desktop).
    assert player_property(session_bus, name, "Identity", "org.mpris.MediaPlayer2") == 'string "Earmark"'
    assert player_property(session_bus, name, "DesktopEntry", "org.mpris.MediaPlayer2") == 'string "Earmark"'
    seeked = SeekedSignals(session_bus)
    try:
        # Play-pause, as a media key sends it: the window plays, the desktop reads it.
        playerctl(session_bus, "play-pause")
        page.wait_for_state("playing")
        page.wait_until(lambda d: playerctl(session_bus, "status") == "Playing", "the status is not Playing")
        page.wait_for_position_past(1_000)
        assert float(playerctl(session_bus, "position")) > 0.5

        # SetPosition and Seek move the window, and the desktop hears Seeked.
        playerctl(session_bus, "position", "60")
        near(page, 60_000, "SetPosition")
        assert abs(seeked.next_ms() - 60_000) < 200
        playerctl(session_bus, "position", "10-")
        near(page, 50_000, "a seek 10 s back")
        assert abs(seeked.next_ms() - 50_000) < 1_000
        assert abs(float(playerctl(session_bus, "position")) - 50) < 3

        # Next and Previous without chapters: the skip distances (30 s on, 15 s back).
        playerctl(session_bus, "next")
        near(page, 80_000, "Next", within_ms=3_000)
        playerctl(session_bus, "previous")
        near(page, 65_000, "Previous", within_ms=4_000)

        # Volume and speed set from the desktop show in the window, and read back.
        playerctl(session_bus, "volume", "0.4")
        page.wait_until(lambda d: abs(volume_shown(page) - 0.4) < 1e-3, "the volume slider did not follow")
        assert abs(float(playerctl(session_bus, "volume")) - 0.4) < 1e-3
        session_bus.run(
            "dbus-send", "--session", "--print-reply", f"--dest={name}", MPRIS_PATH,
            "org.freedesktop.DBus.Properties.Set", f"string:{PLAYER_INTERFACE}", "string:Rate", "variant:double:1.5",
        )  # fmt: skip
        speed = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="speed"]')
        page.wait_until(lambda d: speed.text == "1.5×", f"the speed shown is {speed.text!r}")
        assert player_property(session_bus, name, "Rate") == "double 1.5"

        # Pause, then Stop: stopped, with the listener's place kept.
        playerctl(session_bus, "pause")
        page.wait_for_state("paused")
        page.wait_until(lambda d: playerctl(session_bus, "status") == "Paused", "the status is not Paused")
        kept = page.settled_position_ms()
        playerctl(session_bus, "stop")
        page.wait_until(lambda d: playerctl(session_bus, "status") == "Stopped", "the status is not Stopped")
        assert abs(page.settled_position_ms() - kept) < 300, "Stop keeps the place"
        playerctl(session_bus, "play")
        page.wait_for_state("playing")
        page.wait_until(lambda d: playerctl(session_bus, "status") == "Playing", "Play after Stop plays again")
        assert page.position_ms() >= kept - 300, "from where it stopped"
    finally:
        seeked.stop()


def test_a_second_launch_hands_files_and_feed_links_to_the_running_window(
    launch_app: Callable[..., RunningApp],
    session_bus: SessionBus,
    app_binary: Path,
    app_env: dict[str, str],
    server: FeedServer,
    data_dir: Path,
    tmp_path: Path,
    artifacts_dir: Path,
) -> None:
    page = launch_app(session_bus.env).page
    page.segments()
    mpris_name(page, session_bus)
    page.wait_until(
        lambda d: any(n.startswith("app.earmark.desktop.Library") for n in bus_names(session_bus)),
        "the window is not findable on the session bus",
    )
    talk = make_talk(tmp_path / "later talk.mp3", "A Later Talk", "Sleep on it, then test yourself.", show="Handed Over")

    def second_launch(*args: str) -> None:
        done = subprocess.run(
            [str(app_binary), *args], cwd=tmp_path, env={**app_env, **session_bus.env},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, f"the second launch failed: {done.stderr}"

    # A file, named relative to where the second launch ran: it opens in the window.
    second_launch(talk.name)
    page.wait_until(lambda d: page.title() == "A Later Talk", f"the file did not open (shown: {page.title()!r})")
    listed = [e["title"] for e in cli(data_dir, "list")["episodes"]]
    assert listed.count("A Later Talk") == 1, listed
    # The desktop's controls follow the switch.
    page.wait_until(
        lambda d: (m := metadata(session_bus)).get("title") == "A Later Talk" and m["album"] == "Handed Over",
        "the media controls still show the old episode",
    )

    # A file with a cover: the desktop shows the picture, from the artwork cache.
    pictured = tmp_path / "pictured.mp3"
    shutil.copy(PICTURED, pictured)
    second_launch(str(pictured))
    art = page.wait_until(
        lambda d: (m := metadata(session_bus)).get("title") == "Fixture with a cover" and m.get("mpris:artUrl"),
        "the media controls show no picture for the file with a cover",
    )
    assert art.startswith("file://"), art
    picture = Path(unquote(art.removeprefix("file://")))
    assert picture.is_file() and data_dir in picture.parents, picture
    assert picture.read_bytes()[:3] == b"\xff\xd8\xff" or picture.read_bytes()[:4] == b"\x89PNG", picture

    # A podcast: link asks to subscribe to the feed it names.
    feed = server.url("/feed.xml")
    second_launch(feed.replace("http://", "podcast://"))
    box = page.wait_visible('[data-testid="feed-url"]')
    page.wait_until(lambda d: box.get_attribute("value") == feed, f"the Add dialog shows {box.get_attribute('value')!r}")
    message = page.wait_visible('[data-testid="add-message"]').text
    assert message.startswith("Subscribe to this feed?"), message
    save_page_screenshot(page.driver, artifacts_dir / "second-launch-feed-offer.png")
    page.wait_visible('[data-testid="subscribe"]').click()
    page.wait_until(
        lambda d: page.wait_visible('[data-testid="podcast-title"]').text == SHOW, "subscribing did not open the show"
    )


def test_files_and_subscription_lists_given_at_the_first_launch_open(
    launch_app: Callable[..., RunningApp], server: FeedServer, data_dir: Path, tmp_path: Path
) -> None:
    """`earmark FILE LIST.opml`, as a file manager's "Open with" runs it, with no
    session bus: the file opens, the list's feeds are subscribed to."""
    talk = make_talk(tmp_path / "first words.mp3", "First Words", "Write the note while it is fresh.")
    subscriptions = tmp_path / "from another app.opml"
    subscriptions.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        f'<outline type="rss" text="{SHOW}" xmlUrl="{server.url("/feed.xml")}"/></body></opml>'
    )
    page = launch_app(args=[f"file://{talk.as_posix().replace(' ', '%20')}", str(subscriptions)]).page
    page.wait_until(lambda d: page.title() == "First Words", f"the file did not open (shown: {page.title()!r})")
    said = page.wait_until(
        lambda d: (m := d.find_element(By.CSS_SELECTOR, '[data-testid="add-message"]').text).startswith("Subscribed")
        and m,
        "the subscription list was not imported",
    )
    assert said == "Subscribed to 1 of 1 feeds.", said
    assert SHOW in [p["title"] for p in cli(data_dir, "feed", "list")["podcasts"]]


def test_a_file_earmark_cannot_open_given_at_launch_says_so(
    launch_app: Callable[..., RunningApp], tmp_path: Path
) -> None:
    """`earmark notes.docx`: nothing is added, and the window says why rather than
    starting as if it had been given nothing."""
    document = tmp_path / "notes.docx"
    document.write_bytes(b"PK\x03\x04 not audio")
    page = launch_app(args=[str(document)]).page
    said = page.wait_until(
        lambda d: "No audio files were found" in (text := page.notice_now()) and text,
        "the window did not say the file cannot be opened",
    )
    assert "Added" not in said, said
