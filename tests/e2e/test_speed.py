"""Playback speed from the player bar: media goes twice as fast at 2.0×, the voice keeps
its pitch, the shown position keeps up, and the speed (and skip silence) are
remembered after a restart.

What was heard is read from the capture, never from the app's own numbers:

- how fast media went: the loudness envelope (10 ms blocks) of the capture is
  matched against the episode's own envelope read at several speeds; the rhythm of
  syllables only lines up at the speed really played;
- the pitch: the median fundamental frequency of voiced 40 ms frames
  (autocorrelation), in the capture and in the same stretch of the episode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from harness.artifacts import Measurements, artifact_name
from harness.audio_compare import decode_audio, first_non_silent
from harness.audio_sink import AudioSink, write_wav
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage

SPEED = '[data-testid="speed"]'
SPEED_MENU = '[data-testid="speed-menu"]'
SKIP_SILENCE = '[data-testid="skip-silence"]'

#: Seconds of capture analysed at 2.0×.
LISTEN_S = 6.0
#: Envelope block.
BLOCK_MS = 10
#: Speeds tried when matching the envelope.
CANDIDATE_SPEEDS = np.round(np.arange(1.5, 2.51, 0.02), 2)


def envelope(signal: np.ndarray, rate: int) -> np.ndarray:
    """Log loudness per BLOCK_MS block."""
    block = rate * BLOCK_MS // 1000
    count = len(signal) // block
    blocks = np.asarray(signal[: count * block], dtype=np.float64).reshape(count, block)
    return np.log10(np.sqrt(np.mean(blocks * blocks, axis=1)) + 1e-4)


def played_speed(capture_env: np.ndarray, media_env: np.ndarray) -> tuple[float, float, int]:
    """The speed (and its score, and the media block it starts at) at which the media's
    envelope best matches the capture's."""
    best = (0.0, -1.0, 0)
    steps = np.arange(len(capture_env))
    for speed in CANDIDATE_SPEEDS:
        for offset in range(0, 150):
            index = np.round(offset + steps * speed).astype(int)
            if index[-1] >= len(media_env):
                break
            score = float(np.corrcoef(media_env[index], capture_env)[0, 1])
            if score > best[1]:
                best = (float(speed), score, offset)
    return best


def median_pitch_hz(signal: np.ndarray, rate: int) -> float:
    """Median fundamental (60–400 Hz) of the clearly voiced 40 ms frames."""
    frame = rate * 40 // 1000
    found = []
    for start in range(0, len(signal) - frame, frame):
        x = np.asarray(signal[start : start + frame], dtype=np.float64)
        x = x - x.mean()
        if np.sqrt(np.mean(x * x)) < 0.02:
            continue
        ac = np.correlate(x, x, "full")[frame - 1 :]
        lo, hi = rate // 400, rate // 60
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.6 * ac[0]:
            found.append(rate / lag)
    assert len(found) >= 20, f"only {len(found)} voiced frames: is this speech?"
    return float(np.median(found))


def open_speed_menu(page: EarmarkPage) -> None:
    page.wait_until(ec.element_to_be_clickable((By.CSS_SELECTOR, SPEED)), "speed button not clickable").click()
    page.wait_visible(SPEED_MENU)


def shown_speed(page: EarmarkPage) -> str:
    return (page.wait_visible(SPEED).get_attribute("textContent") or "").strip()


def test_double_speed_plays_media_twice_as_fast_with_the_pitch_kept(
    app: RunningApp,
    audio_sink: AudioSink,
    demo_episode: DemoEpisode,
    measurements: Measurements,
    request: pytest.FixtureRequest,
    artifacts_dir: Path,
) -> None:
    page = app.page
    page.segments(at_least=10)
    assert shown_speed(page) == "1.0×", "a fresh start plays at normal speed"
    open_speed_menu(page)
    page.driver.find_element(By.CSS_SELECTOR, f'{SPEED_MENU} [data-speed="2"]').click()
    page.wait_until(lambda d: shown_speed(page) == "2.0×", "the speed button does not show 2.0×")

    since = audio_sink.frames_written()
    page.click_play_toggle()
    page.wait_for_state("playing")
    first_shown = page.wait_for_position_past(1000)
    first_written = audio_sink.frames_written()
    rate = page.wait_until(lambda d: audio_sink.capture_rate() or False, "nothing was recorded")
    page.wait_until(
        lambda d: audio_sink.frames_written() - first_written >= LISTEN_S * rate,
        f"the app did not play {LISTEN_S} s of sound",
        timeout=30,
    )
    last_shown = page.position_ms()
    last_written = audio_sink.frames_written()
    page.click_play_toggle()
    page.wait_for_state("paused")

    capture, rate = audio_sink.read_capture(since)
    write_wav(artifacts_dir / f"{artifact_name(request.node.name)}.capture.wav", capture, rate)
    speech = first_non_silent(capture, rate)
    assert speech is not None, "playing at 2.0x made no sound"
    heard = capture[speech : speech + int(LISTEN_S * rate)]
    media = decode_audio(demo_episode.audio, 0, LISTEN_S * 2 * 1000 + 3000, rate)

    speed, score, offset = played_speed(envelope(heard, rate), envelope(media, rate))
    shown_rate = (last_shown - first_shown) / ((last_written - first_written) * 1000 / rate)
    media_from_ms = offset * BLOCK_MS
    heard_pitch = median_pitch_hz(heard, rate)
    media_span = media[int(media_from_ms * rate / 1000) : int((media_from_ms + LISTEN_S * speed * 1000) * rate / 1000)]
    media_pitch = median_pitch_hz(media_span, rate)
    # The media moment written last, by the envelope match, against the shown position.
    written_media_ms = media_from_ms + (last_written - since - speech) * 1000 / rate * speed
    measurements.update(
        {
            "capture_rate": rate,
            "speed_from_audio": speed,
            "envelope_score": score,
            "media_start_ms": media_from_ms,
            "shown_position_rate": shown_rate,
            "heard_pitch_hz": heard_pitch,
            "media_pitch_hz": media_pitch,
            "shown_position_ms": last_shown,
            "written_media_ms": written_media_ms,
        }
    )
    print(f"2.0x: {measurements.values}")

    assert score > 0.7, f"the capture's rhythm matches no speed of the episode well (best {speed}x, {score:.2f})"
    assert abs(speed - 2.0) <= 0.04, f"media went {speed}x as fast as the sound played, not 2x"
    assert abs(shown_rate - 2.0) <= 0.1, f"the shown position moved {shown_rate:.3f} ms per ms of sound"
    assert abs(heard_pitch / media_pitch - 1) <= 0.06, (
        f"the voice is at {heard_pitch:.0f} Hz, the episode at {media_pitch:.0f} Hz: pitch not kept"
    )
    # The shown position is the speaker's: at most an output buffer (in media time at 2x) behind.
    assert -300 <= written_media_ms - last_shown <= 2000, (
        f"shown position {last_shown:.0f} ms vs audio written up to {written_media_ms:.0f} ms"
    )


def test_speed_and_skip_silence_are_remembered_after_a_restart(
    launch_app: Callable[..., RunningApp], display, artifacts_dir: Path
) -> None:
    first = launch_app()
    page = first.page
    page.segments(at_least=10)
    keys = ActionChains(page.driver)
    for _ in range(10):
        keys.send_keys("]")
    keys.perform()
    page.wait_until(lambda d: shown_speed(page) == "1.5×", f"ten ] presses show {shown_speed(page)}")
    ActionChains(page.driver).send_keys("[").perform()
    page.wait_until(lambda d: shown_speed(page) == "1.45×", f"[ shows {shown_speed(page)}")
    toggle = page.wait_until(ec.element_to_be_clickable((By.CSS_SELECTOR, SKIP_SILENCE)), "no skip silence toggle")
    toggle.click()
    page.wait_until(lambda d: toggle.get_attribute("aria-pressed") == "true", "skip silence did not turn on")
    # The settings are saved by the commands; the clock's rate confirms the engine took the speed.
    page.wait_until(
        lambda d: d.execute_script("return document.querySelector('[data-testid=saved]').hidden === false"),
        "the saved-time label is not shown with skip silence on",
    )
    first.close(display, artifacts_dir / "speed-before-restart.png", artifacts_dir / "speed-before-restart.log")

    second = launch_app()
    page = second.page
    page.segments(at_least=10)
    page.wait_until(lambda d: shown_speed(page) == "1.45×", f"after a restart the speed shows {shown_speed(page)}")
    page.wait_until(
        lambda d: d.find_element(By.CSS_SELECTOR, SKIP_SILENCE).get_attribute("aria-pressed") == "true",
        "skip silence is off after a restart",
    )
    ActionChains(page.driver).send_keys("\\").perform()
    page.wait_until(lambda d: shown_speed(page) == "1.0×", "\\ does not reset the speed")
