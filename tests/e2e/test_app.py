"""End-to-end tests of the Earmark app: a real window, real-time sound, a person's clicks.

Each test starts the app on a fresh data directory, on the private display,
playing into the recording sound sink (see conftest.py). What the ear would
hear is checked against the episode's own audio, decoded with ffmpeg.
Measured numbers go to `artifacts/<test>.json`, the screen to
`artifacts/<test>.png`, the sound to `artifacts/<test>.capture.wav`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.artifacts import Measurements, artifact_name
from harness.audio_compare import decode_audio, first_non_silent, locate, onset_error_ms, rms_dbfs
from harness.audio_sink import AudioSink, play_a_moment, write_no_device_alsa_config, write_wav
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT, EPISODE_TITLE, NOTICE, EarmarkPage

#: How far the lit line may be from the shown position (the UI polls ~10 Hz).
LINE_TOLERANCE_MS = 300
#: Where, after a click on a line, the line's audio must begin in the capture.
CLICK_SEARCH_S = 1.5
#: How much of the line's audio is looked for.
REFERENCE_MS = 2000
#: How far from the line's start playback may begin (media time).
ONSET_TOLERANCE_MS = 50


def text_content(page: EarmarkPage, css: str) -> str:
    """An element's text as written in the DOM (not as CSS transforms it)."""
    element = page.wait_visible(css)
    return " ".join((element.get_attribute("textContent") or "").split())


def wait_for_frames(page: EarmarkPage, sink: AudioSink, since: int, seconds: float, timeout: float = 20.0) -> int:
    """Wait until `seconds` of sound have been recorded after bookmark `since`."""

    def enough(_: object) -> int | bool:
        rate = sink.capture_rate()
        written = sink.frames_written() - since
        return written if rate and written >= seconds * rate else False

    return page.wait_until(enough, f"the app did not play {seconds} s of sound", timeout)


def save_capture(sink: AudioSink, since: int, request: pytest.FixtureRequest, artifacts_dir: Path) -> None:
    signal, rate = sink.read_capture(since)
    write_wav(artifacts_dir / f"{artifact_name(request.node.name)}.capture.wav", signal, rate)


def test_demo_episode_opens_on_start(app: RunningApp, demo_episode: DemoEpisode) -> None:
    page = app.page
    items = page.wait_until(lambda d: page.episode_items() or False, "the library lists no episode")
    assert all(item.get_attribute("data-episode-id") for item in items), "an episode item has no data-episode-id"

    if demo_episode.title:
        page.wait_until(
            lambda d: text_content(page, EPISODE_TITLE) == demo_episode.title,
            f"episode title is not {demo_episode.title!r}",
        )
        library_text = " ".join(" ".join((item.get_attribute("textContent") or "").split()) for item in items)
        assert demo_episode.title in library_text, f"the library does not show {demo_episode.title!r}"
    else:
        assert text_content(page, EPISODE_TITLE), "the episode title is empty"

    segments = page.segments(at_least=10)
    first = page.segment_of(segments[0])
    assert first.text, "the first transcript line is empty"
    assert 0 <= first.start_ms < first.end_ms, first


def test_play_makes_sound(
    app: RunningApp,
    audio_sink: AudioSink,
    demo_episode: DemoEpisode,
    measurements: Measurements,
    request: pytest.FixtureRequest,
    artifacts_dir: Path,
) -> None:
    page = app.page
    page.segments(at_least=10)
    since, measurements["position_ms_when_checked"] = play_a_moment(page, audio_sink)

    save_capture(audio_sink, since, request, artifacts_dir)
    capture, rate = audio_sink.read_capture(since)
    measurements["capture_rate"] = rate
    measurements["captured_s"] = len(capture) / rate
    speech = first_non_silent(capture, rate)
    assert speech is not None, "playing made no sound: the capture is silent"
    level = rms_dbfs(capture[speech : speech + rate])
    measurements["first_sound_after_click_ms"] = speech * 1000 / rate
    measurements["speech_rms_dbfs"] = level
    assert level > -45, f"the speech is too quiet: {level:.1f} dBFS"

    # And it is the episode's own sound, from its start.
    reference = decode_audio(demo_episode.audio, 0, 1000, rate)
    match = locate(reference, capture, rate)
    measurements["episode_start_found_at_ms"] = match.offset_ms
    measurements["episode_start_score"] = match.score
    assert match.score > 0.6, f"the sound played is not the episode's opening ({match})"


def test_lit_line_follows_playback(app: RunningApp, measurements: Measurements) -> None:
    page = app.page
    page.segments(at_least=10)
    page.click_play_toggle()
    page.wait_for_state("playing")

    seen = []
    previous_index = None
    for _ in range(3):  # the first lit line, then two changes of line
        snapshot = page.wait_until(
            lambda d, after=previous_index: s if (s := page.snapshot()).current and s.current.index != after else False,
            f"no line lit after line {previous_index}",
            timeout=20,
        )
        line = snapshot.current
        assert line is not None
        seen.append(
            {"index": line.index, "start_ms": line.start_ms, "end_ms": line.end_ms, "position_ms": snapshot.position_ms}
        )
        assert line.start_ms - LINE_TOLERANCE_MS <= snapshot.position_ms <= line.end_ms + LINE_TOLERANCE_MS, (
            f"line {line.index} [{line.start_ms}, {line.end_ms}] ms is lit at position {snapshot.position_ms} ms"
        )
        lit = page.find_all(CURRENT_SEGMENT)
        assert len(lit) == 1, f"{len(lit)} lines are lit at once"
        assert lit[0].get_attribute("aria-current") == "true", "the lit line lacks aria-current=true"
        previous_index = line.index

    measurements["lines_seen"] = seen
    page.click_play_toggle()
    page.wait_for_state("paused")


def test_clicking_a_line_plays_that_line(
    app: RunningApp,
    audio_sink: AudioSink,
    demo_episode: DemoEpisode,
    measurements: Measurements,
    request: pytest.FixtureRequest,
    artifacts_dir: Path,
) -> None:
    page = app.page
    element = page.segments(at_least=10)[5]
    line = page.segment_of(element)
    measurements["line"] = {"index": line.index, "start_ms": line.start_ms, "end_ms": line.end_ms, "text": line.text}

    since = audio_sink.frames_written()
    page.click_segment(element)
    page.wait_for_state("playing")
    # The line may begin anywhere in the first CLICK_SEARCH_S; look at REFERENCE_MS of it.
    needed_s = CLICK_SEARCH_S + REFERENCE_MS / 1000
    wait_for_frames(page, audio_sink, since, needed_s)
    # Position bookkeeping: the shown position and the audio written, read together.
    shown_ms = page.position_ms()
    written = audio_sink.frames_written() - since
    page.click_play_toggle()
    page.wait_for_state("paused")

    save_capture(audio_sink, since, request, artifacts_dir)
    capture, rate = audio_sink.read_capture(since)
    reference = decode_audio(demo_episode.audio, line.start_ms, REFERENCE_MS, rate)
    before = decode_audio(demo_episode.audio, line.start_ms - 1000, 1000, rate)
    window = capture[: int(needed_s * rate)]
    match = locate(reference, window, rate, max_offset=int(CLICK_SEARCH_S * rate))
    onset_ms = onset_error_ms(capture, match.offset, before, reference, rate)
    written_media_ms = line.start_ms + (written - match.offset) * 1000 / rate
    measurements.update(
        {
            "capture_rate": rate,
            "click_to_line_audio_ms": match.offset_ms,  # from the click to the line's first sample written
            "score": match.score,
            "onset_error_ms": onset_ms,  # < 0: audio from before the line played; > 0: its start was skipped
            "shown_position_ms": shown_ms,
            "written_media_ms": written_media_ms,
            "written_ahead_of_shown_ms": written_media_ms - shown_ms,
        }
    )
    print(f"click on line {line.index}: {measurements.values}")

    assert match.score > 0.6, (
        f"line {line.index}'s audio (from {line.start_ms} ms) is not in the first {CLICK_SEARCH_S} s "
        f"after the click (best {match})"
    )
    assert abs(onset_ms) <= ONSET_TOLERANCE_MS, (
        f"playback began {onset_ms:+.0f} ms (media time) from the line's start {line.start_ms} ms"
    )
    # The shown position is the speaker's: at most an output buffer behind what was written.
    assert -150 <= written_media_ms - shown_ms <= 1000, (
        f"shown position {shown_ms:.0f} ms vs audio written up to {written_media_ms:.0f} ms"
    )


def test_no_sound_device_is_reported_and_the_app_keeps_working(
    launch_app, tmp_path: Path, measurements: Measurements
) -> None:
    config = write_no_device_alsa_config(tmp_path / "no-sound-device.conf")
    app: RunningApp = launch_app({"ALSA_CONFIG_PATH": str(config)})
    page = app.page

    page.wait_until(
        lambda d: "No audio output device found" in text_content(page, NOTICE),
        "no notice says 'No audio output device found'",
    )
    title = text_content(page, EPISODE_TITLE)
    assert title, "the episode title is empty"
    segments = page.segments(at_least=10)

    page.click_segment(segments[5])
    # Still alive and answering: the page, the title, the notice.
    assert app.driver.execute_script("return document.readyState") == "complete"
    assert text_content(page, EPISODE_TITLE) == title
    assert "No audio output device found" in text_content(page, NOTICE)
    assert len(page.segments(at_least=10)) >= 10
    measurements["play_state_after_click"] = page.play_state()
