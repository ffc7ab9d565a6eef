"""Two episodes in one sitting: a line clicked in the episode on screen plays that
episode from that line, even when another one was playing, and the one left keeps
its own position (never the other's).

Episode A is the demo; episode B (harness/episode_b.py, the `episode_b` fixture) is
a local file made from the demo's audio starting a minute in, so what is heard tells
the two apart.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from harness.artifacts import Measurements
from harness.audio_compare import decode_audio, locate
from harness.audio_sink import AudioSink
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_cli import episode_titled
from harness.episode_b import B_TITLE
from harness.library_page import open_from_sidebar

#: B's line clicked in the tests, and A's.
B_LINE = 8
A_LINE = 5
#: How far A's saved position may be from where it was when B was opened (the
#: switch pauses A within a few hundred ms of the click, on a busy machine).
KEPT_TOLERANCE_MS = 1_500


def heard_from(audio_sink: AudioSink, since: int, audio: Path, at_ms: float) -> float:
    """How well the first seconds played since `since` match `audio` at `at_ms` (1.0: the same)."""
    capture, rate = audio_sink.read_capture(since)
    return locate(decode_audio(audio, at_ms, 1000, rate), capture[: rate * 3], rate).score


def play_a_then_open_b(app: RunningApp, data_dir: Path, demo_episode: DemoEpisode) -> float:
    """Plays the demo from a line, opens B while it plays; returns A's position then."""
    page = app.page
    open_from_sidebar(page, demo_episode.title)
    page.play_from_line(A_LINE, 2_500)
    playing_at = page.position_ms()
    open_from_sidebar(page, B_TITLE)
    page.segments(at_least=B_LINE + 1)
    return playing_at


def test_a_line_clicked_after_switching_plays_the_episode_on_screen(
    episode_b: Path, launch_app: Callable[..., RunningApp], audio_sink: AudioSink, data_dir: Path,
    demo_episode: DemoEpisode, measurements: Measurements,
) -> None:
    app = launch_app()  # B is in the library already
    page = app.page
    playing_at = play_a_then_open_b(app, data_dir, demo_episode)
    page.wait_for_state("paused")
    a_saved = episode_titled(data_dir, demo_episode.title)["position_ms"]
    b_saved = episode_titled(data_dir, B_TITLE)["position_ms"]
    measurements.update({"a_playing_at_ms": playing_at, "a_saved_ms": a_saved, "b_saved_ms": b_saved})
    assert playing_at <= a_saved <= playing_at + KEPT_TOLERANCE_MS, (
        f"A was at {playing_at} ms when B was opened, and kept {a_saved} ms"
    )
    assert b_saved == 0, f"B was never played, yet it was saved at {b_saved} ms (A's position?)"

    since = audio_sink.frames_written()
    start = page.play_from_line(B_LINE, 2_000).start_ms
    page.pause()
    score = heard_from(audio_sink, since, episode_b, start)
    measurements.update({"b_line_start_ms": start, "b_heard_score": score})
    assert score > 0.6, f"B's audio from line {B_LINE} ({start} ms) was not what played after the click ({score:.2f})"
    assert episode_titled(data_dir, demo_episode.title)["position_ms"] == a_saved, "playing B moved A's position"


def test_a_line_clicked_in_an_episode_whose_audio_came_late_plays_it(
    episode_b: Path, launch_app: Callable[..., RunningApp], audio_sink: AudioSink, data_dir: Path,
    demo_episode: DemoEpisode,
    measurements: Measurements,
) -> None:
    """B's file is away when B is opened (the demo playing), back before a line is
    clicked: the click loads B's audio rather than seeking whatever was loaded."""
    app = launch_app()
    page = app.page
    away = episode_b.with_name("elsewhere.mp3")
    episode_b.rename(away)
    playing_at = play_a_then_open_b(app, data_dir, demo_episode)
    page.wait_until(
        lambda d: d.find_element("css selector", '[data-view="episode"]').get_attribute("data-audio") == "missing",
        "B opened as if its audio were there",
    )
    page.wait_for_state("paused")
    a_saved = episode_titled(data_dir, demo_episode.title)["position_ms"]
    assert playing_at <= a_saved <= playing_at + KEPT_TOLERANCE_MS, (a_saved, playing_at)
    away.rename(episode_b)

    since = audio_sink.frames_written()
    start = page.play_from_line(B_LINE, 2_000).start_ms
    page.pause()
    score = heard_from(audio_sink, since, episode_b, start)
    measurements.update({"b_line_start_ms": start, "b_heard_score": score,
                         "a_heard_score": heard_from(audio_sink, since, demo_episode.audio, start)})
    assert score > 0.6, f"B's audio from line {B_LINE} was not what played after the click ({score:.2f})"
    assert episode_titled(data_dir, demo_episode.title)["position_ms"] == a_saved, "playing B moved A's position"
