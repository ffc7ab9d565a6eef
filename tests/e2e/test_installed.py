"""The installed .deb: what `sudo apt install ./Earmark_….deb` gives a person.

Skipped unless EARMARK_INSTALLED=1, which tests/e2e/run-installed.sh sets after
`dpkg -i` (the last step of ./earmark-dev test); it removes the package after
these tests and checks that the library in EARMARK_INSTALLED_DATA_DIR, which
the installed app wrote here, is still there.

The app under test is /usr/bin/earmark (not the workspace's build): it opens on
the demo episode it carries and plays it into the recording sound sink;
/usr/bin/earmark-cli answers and reads the library the app wrote.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from harness.artifacts import Measurements
from harness.audio_compare import decode_audio, first_non_silent, locate, rms_dbfs
from harness.audio_sink import AudioSink, play_a_moment
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import EPISODE_TITLE

pytestmark = pytest.mark.skipif(
    os.environ.get("EARMARK_INSTALLED") != "1",
    reason="the .deb is not installed (tests/e2e/run-installed.sh installs it and sets EARMARK_INSTALLED=1)",
)

INSTALLED_APP = Path("/usr/bin/earmark")
INSTALLED_CLI = Path("/usr/bin/earmark-cli")
DESKTOP_FILE = Path("/usr/share/applications/Earmark.desktop")
METAINFO = Path("/usr/share/metainfo/app.earmark.desktop.metainfo.xml")
ICON_SIZES = (32, 48, 64, 128, 256, 512)
#: What the desktop entry must offer to open: the audio Earmark plays, OPML, transcripts, podcast links.
MIME_TYPES = (
    "audio/mpeg audio/mp4 audio/x-m4a audio/aac audio/ogg audio/opus audio/flac audio/x-flac "
    "audio/wav audio/x-wav audio/aiff text/x-opml text/vtt application/x-subrip "
    "x-scheme-handler/podcast x-scheme-handler/feed x-scheme-handler/itpc x-scheme-handler/pcast"
).split()


@pytest.fixture
def app_binary() -> Path:
    """The installed app, whatever EARMARK_APP_BINARY or the target directory hold."""
    assert INSTALLED_APP.is_file() and os.access(INSTALLED_APP, os.X_OK), f"{INSTALLED_APP} is not installed"
    return INSTALLED_APP


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The installed app's library: EARMARK_INSTALLED_DATA_DIR (kept, to outlive the package), else fresh."""
    path = Path(os.environ.get("EARMARK_INSTALLED_DATA_DIR") or tmp_path / "earmark-data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INSTALLED_CLI), *args], capture_output=True, text=True, timeout=30, check=False)


def package_version() -> str:
    return subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "earmark"], capture_output=True, text=True, check=True
    ).stdout


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_package_installs_the_desktop_entry_icons_and_metainfo() -> None:
    owned = subprocess.run(["dpkg-query", "-L", "earmark"], capture_output=True, text=True, check=True).stdout
    for path in (INSTALLED_APP, INSTALLED_CLI, DESKTOP_FILE, METAINFO):
        assert str(path) in owned.splitlines(), f"the package does not install {path}"
    for size in ICON_SIZES:
        icon = Path(f"/usr/share/icons/hicolor/{size}x{size}/apps/earmark.png")
        assert icon.is_file(), f"no {size} px icon at {icon}"

    entry = desktop_entry()
    assert entry["Name"] == "Earmark"
    assert entry["Exec"] == "earmark %U"
    assert entry["Icon"] == "earmark"
    assert entry["Categories"] == "AudioVideo;Audio;Player;"
    offered = entry["MimeType"].rstrip(";").split(";")
    assert sorted(offered) == sorted(MIME_TYPES), f"MimeType is {entry['MimeType']}"

    # desktop-file-utils' dpkg trigger (update-desktop-database) registered the handlers.
    cache = Path("/usr/share/applications/mimeinfo.cache")
    if Path("/usr/bin/update-desktop-database").exists():
        handlers = dict(line.split("=", 1) for line in cache.read_text().splitlines() if "=" in line)
        for mime in ("audio/mpeg", "x-scheme-handler/podcast", "text/x-opml"):
            assert "Earmark.desktop" in handlers.get(mime, ""), f"{cache} does not offer Earmark for {mime}"


def test_installed_app_opens_on_the_demo_episode_and_plays_it(
    app: RunningApp,
    audio_sink: AudioSink,
    demo_episode: DemoEpisode,
    data_dir: Path,
    measurements: Measurements,
) -> None:
    # The window is the installed binary's.
    measurements["app_pid"] = app.pid()
    assert app.binary == INSTALLED_APP

    page = app.page
    page.wait_until(lambda d: page.episode_items() or False, "the library lists no episode")
    if demo_episode.title:
        page.wait_until(
            lambda d: " ".join((page.wait_visible(EPISODE_TITLE).get_attribute("textContent") or "").split())
            == demo_episode.title,
            f"the episode on screen is not the demo, {demo_episode.title!r}",
        )
    page.segments(at_least=10)
    since, measurements["position_ms_when_checked"] = play_a_moment(page, audio_sink)

    capture, rate = audio_sink.read_capture(since)
    speech = first_non_silent(capture, rate)
    assert speech is not None, "playing made no sound: the capture is silent"
    level = rms_dbfs(capture[speech : speech + rate])
    measurements["speech_rms_dbfs"] = level
    assert level > -45, f"the speech is too quiet: {level:.1f} dBFS"
    match = locate(decode_audio(demo_episode.audio, 0, 1000, rate), capture, rate)
    measurements["episode_start_score"] = match.score
    assert match.score > 0.6, f"the sound played is not the demo episode's opening ({match})"

    # The demo the binary carries was written into the user's library, which no
    # package owns; the installed earmark-cli reads the same library.
    assert (data_dir / "demo" / "demo.mp3").read_bytes() == demo_episode.audio.read_bytes()
    listed = run_cli("--data-dir", str(data_dir), "--json", "list")
    assert listed.returncode == 0, listed.stderr
    titles = [episode["title"] for episode in json.loads(listed.stdout)["episodes"]]
    assert demo_episode.title in titles, titles


def test_installed_cli_answers() -> None:
    version = run_cli("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"earmark-cli {package_version()}", version.stdout
