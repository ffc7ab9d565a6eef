"""Fixtures for Earmark's end-to-end tests.

Session-wide: one X display (Xvfb) and one real-time sound sink (JACK dummy,
recording what is played). Per test: a fresh data directory and XDG folders,
and — through `app` or `launch_app` — the app itself under tauri-driver, with a
screenshot of the screen saved to `tests/e2e/artifacts/<test>.png` at the end of
every test, passed or failed, next to the app's log and any measurements.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from harness.artifacts import Measurements, artifact_name
from harness.audio_sink import AudioSink
from harness.demo_episode import DemoEpisode
from harness.display import Display
from harness.episode_b import add_episode_b
from harness.earmark_app import RunningApp, launch
from harness.feed_server import FeedServer
from harness.session_bus import SessionBus
from harness.library_feed import serve_show

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
ARTIFACTS_DIR = Path(os.environ.get("EARMARK_E2E_ARTIFACTS", E2E_DIR / "artifacts"))
DEMO_DIR = REPO_ROOT / "assets" / "demo"

# Variables from the developer's session that would send the app elsewhere.
_DROPPED_ENV = (
    "WAYLAND_DISPLAY",
    "DBUS_SESSION_BUS_ADDRESS",
    "PULSE_SERVER",
    "ALSA_CONFIG_PATH",
    # The window speaks the system's language: English unless a test asks for another.
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LC_TIME",
)


# --- session-wide services ------------------------------------------------------


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(scope="session")
def app_binary() -> Path:
    """The built app: $EARMARK_APP_BINARY, else $CARGO_TARGET_DIR/debug/earmark, else target/debug/earmark."""
    if os.environ.get("EARMARK_APP_BINARY"):
        candidate, source = Path(os.environ["EARMARK_APP_BINARY"]), "EARMARK_APP_BINARY"
    elif os.environ.get("CARGO_TARGET_DIR"):
        candidate, source = Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "earmark", "$CARGO_TARGET_DIR/debug"
    else:
        candidate, source = REPO_ROOT / "target" / "debug" / "earmark", "the default target dir"
    candidate = candidate.resolve()
    if not (candidate.is_file() and os.access(candidate, os.X_OK)):
        pytest.fail(
            f"Earmark app binary not found at {candidate} (from {source}). "
            "Build it first (`cargo build -p earmark`) or set EARMARK_APP_BINARY.",
            pytrace=False,
        )
    return candidate


@pytest.fixture(scope="session")
def display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Display]:
    with Display(tmp_path_factory.mktemp("display")) as running:
        yield running


@pytest.fixture(scope="session")
def audio_sink(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AudioSink]:
    with AudioSink(tmp_path_factory.mktemp("audio-sink")) as running:
        yield running


@pytest.fixture(scope="session")
def runtime_dir() -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR (mode 0700, as the spec requires)."""
    path = Path(tempfile.mkdtemp(prefix="earmark-e2e-runtime-"))
    path.chmod(0o700)
    yield path
    shutil.rmtree(path, ignore_errors=True)


# --- per test ---------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty EARMARK_DATA_DIR for this test."""
    path = tmp_path / "earmark-data"
    path.mkdir()
    return path


@pytest.fixture
def app_env(
    tmp_path: Path, display: Display, audio_sink: AudioSink, data_dir: Path, runtime_dir: Path
) -> dict[str, str]:
    """The environment the app is started with: private display, sound, data and XDG folders."""
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
    xdg = tmp_path / "xdg"
    for name in ("config", "data", "cache", "state"):
        (xdg / name).mkdir(parents=True)
    env.update(display.env)
    env.update(audio_sink.env)
    env.update(
        {
            "EARMARK_DATA_DIR": str(data_dir),
            "XDG_CONFIG_HOME": str(xdg / "config"),
            "XDG_DATA_HOME": str(xdg / "data"),
            "XDG_CACHE_HOME": str(xdg / "cache"),
            "XDG_STATE_HOME": str(xdg / "state"),
            "XDG_RUNTIME_DIR": str(runtime_dir),
            "GDK_BACKEND": "x11",
            "NO_AT_BRIDGE": "1",  # no accessibility bus on a headless machine
            "LANG": "C.UTF-8",
        }
    )
    return env


@pytest.fixture
def measurements(request: pytest.FixtureRequest, artifacts_dir: Path) -> Iterator[Measurements]:
    """Numbers the test measured: saved to artifacts/<test>.json, also on failure."""
    recorded = Measurements()
    yield recorded
    if recorded.values:
        recorded.save(artifacts_dir / f"{artifact_name(request.node.name)}.json")
        request.node.user_properties.extend(recorded.values.items())


@pytest.fixture
def launch_app(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    app_binary: Path,
    app_env: dict[str, str],
    display: Display,
    artifacts_dir: Path,
) -> Iterator[Callable[..., RunningApp]]:
    """Start the app, optionally with changed environment and arguments; all are
    closed at teardown.

    At teardown each launch leaves `artifacts/<test>.png` (the screen, as a person
    would see it, passed or failed) and `artifacts/<test>.log` (tauri-driver's and
    the app's output); a second launch in one test gets `<test>-2.*`.
    """
    launched: list[RunningApp] = []
    stem = artifact_name(request.node.name)

    def start(extra_env: Mapping[str, str] | None = None, args: list[str] | None = None) -> RunningApp:
        name = stem + (f"-{len(launched) + 1}" if launched else "")
        env = {**app_env, **(extra_env or {})}
        running = launch(app_binary, env, tmp_path, artifacts_dir / f"{name}.log", args)
        launched.append(running)
        return running

    yield start

    for number, running in enumerate(launched, start=1):
        name = stem + (f"-{number}" if number > 1 else "")
        running.close(display, screenshot=artifacts_dir / f"{name}.png", log=artifacts_dir / f"{name}.log")


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[SessionBus]:
    """A D-Bus session bus of the test's own; launch the app with its `.env`."""
    bus = SessionBus(tmp_path).start()
    yield bus
    bus.stop()


@pytest.fixture
def app(launch_app: Callable[..., RunningApp]) -> RunningApp:
    """The app, started with the recording sound sink, on a fresh data directory."""
    return launch_app()


@pytest.fixture(scope="session")
def demo_episode() -> DemoEpisode:
    """What the app opens on first start: from assets/demo/episode.json when present."""
    return DemoEpisode.load(DEMO_DIR)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 serving "The Listening Room" (harness/library_feed.py)."""
    with FeedServer() as running:
        serve_show(running)
        yield running


@pytest.fixture
def episode_b(tmp_path: Path, data_dir: Path, demo_episode: DemoEpisode) -> Path:
    """Episode B (harness/episode_b.py) in the library before the app starts: its audio file."""
    return add_episode_b(tmp_path, data_dir, demo_episode.audio)
