"""Self-test of the harness; needs no app.

Proves on this machine that the sound sink plays in real time and records
exactly what was played, that the comparison finds a sound where it is, and
that the display starts and can be photographed.
"""

from __future__ import annotations

import os
import struct
import subprocess
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from harness.audio_compare import decode_audio, first_non_silent, locate, onset_error_ms, rms_dbfs
from harness.audio_sink import AudioSink, write_wav
from harness.display import Display
from harness.processes import wait_for

SPEECH = (
    "Testing the recorder. One, two, three. "
    "If you can hear this sentence, the sink plays in real time."
)


def make_chirp_wav(path: Path, rate: int = 44_100, seconds: float = 4.0) -> Path:
    """A 4 s rising chirp with a wobbling envelope: no two stretches look alike."""
    t = np.arange(int(rate * seconds)) / rate
    phase = 2 * np.pi * (200 * t + (1800 / (2 * seconds)) * t * t)
    envelope = 0.5 + 0.3 * np.sin(2 * np.pi * 1.3 * t)
    write_wav(path, (0.6 * envelope * np.sin(phase)).astype(np.float32), rate)
    return path


def make_speech_wav(path: Path) -> Path:
    """espeak-ng speaking `SPEECH` (22.05 kHz mono 16-bit)."""
    subprocess.run(["espeak-ng", "-w", str(path), SPEECH], check=True, capture_output=True)
    return path


def wav_duration_and_rate(path: Path) -> tuple[float, int]:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate(), wav.getframerate()


def play_and_watch(sink: AudioSink, wav: Path) -> dict[str, float]:
    """Play `wav` with aplay through the sink; time how fast the capture grows.

    The capture keeps the player's rate, which for aplay is the file's.
    """
    duration, rate = wav_duration_and_rate(wav)
    start_frame = sink.frames_written()
    began = time.monotonic()
    player = subprocess.Popen(
        ["aplay", "-q", str(wav)],
        env={**os.environ, **sink.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # Two marks on the way: the capture's growth between them is its pace.
    early, late = 0.5 * rate, (duration - 0.5) * rate

    def frames_past(count: float) -> float | bool:
        return time.monotonic() if sink.frames_written() - start_frame >= count else False

    t_early = wait_for(lambda: frames_past(early), duration + 5, "capture never reached 0.5 s")
    t_late = wait_for(lambda: frames_past(late), duration + 5, f"capture never reached {duration - 0.5:.1f} s")
    _, errors = player.communicate(timeout=duration + 10)
    wall = time.monotonic() - began
    assert player.returncode == 0, f"aplay failed: {errors.decode(errors='replace')}"
    captured = sink.frames_written() - start_frame
    assert sink.read_capture(start_frame)[1] == rate, "the capture is not at the player's rate"
    return {
        "file_s": duration,
        "wall_s": wall,
        "captured_s": captured / rate,
        "pace": (late - early) / rate / (t_late - t_early),
        "start_frame": start_frame,
    }


@pytest.fixture(scope="module")
def sink(tmp_path_factory: pytest.TempPathFactory):
    """A sink of this module's own, so its capture holds only these tests' sound."""
    with AudioSink(tmp_path_factory.mktemp("harness-sink")) as running:
        yield running


def test_sink_plays_a_chirp_in_real_time_and_records_it_exactly(sink: AudioSink, tmp_path: Path) -> None:
    wav = make_chirp_wav(tmp_path / "chirp.wav")
    timing = play_and_watch(sink, wav)
    print(f"chirp pacing: {timing}")

    assert timing["captured_s"] == pytest.approx(timing["file_s"], rel=0.10), timing
    assert timing["pace"] == pytest.approx(1.0, rel=0.10), f"capture grew at {timing['pace']:.3f}x real time"
    assert timing["wall_s"] == pytest.approx(timing["file_s"], rel=0.10), f"aplay took {timing['wall_s']:.2f} s"

    captured, rate = sink.read_capture(timing["start_frame"])
    assert rms_dbfs(captured) > -20, f"capture too quiet: {rms_dbfs(captured):.1f} dBFS"
    reference = decode_audio(wav, 1500, 1000, rate)
    match = locate(reference, captured, rate)
    print(f"chirp 1.5 s mark found at {match.offset_ms:.2f} ms, score {match.score:.4f}")
    assert match.score > 0.99, match
    assert match.offset_ms == pytest.approx(1500, abs=0.1), match


def test_sink_records_speech_at_the_right_offset(sink: AudioSink, tmp_path: Path) -> None:
    wav = make_speech_wav(tmp_path / "speech.wav")
    timing = play_and_watch(sink, wav)
    print(f"speech pacing: {timing}")
    assert timing["pace"] == pytest.approx(1.0, rel=0.10), timing
    assert timing["captured_s"] == pytest.approx(timing["file_s"], rel=0.10), timing

    captured, rate = sink.read_capture(timing["start_frame"])
    speech_starts = first_non_silent(captured, rate)
    assert speech_starts is not None, "the capture is silent"
    assert rms_dbfs(captured[speech_starts : speech_starts + rate]) > -45

    for start_ms in (800, 2000, 3500):
        reference = decode_audio(wav, start_ms, 1500, rate)
        match = locate(reference, captured, rate)
        print(f"speech at {start_ms} ms found at {match.offset_ms:.2f} ms, score {match.score:.4f}")
        assert match.score > 0.99, (start_ms, match)
        assert match.offset_ms == pytest.approx(start_ms, abs=0.1), (start_ms, match)


def test_sink_records_every_reopen_after_the_last(sink: AudioSink, tmp_path: Path) -> None:
    # The file stage writes PLAYED.raw.0001, ... on later opens; the capture is their sequence.
    wav = make_chirp_wav(tmp_path / "short.wav", seconds=1.0)
    files_before, frames_before = len(sink.capture_files()), sink.frames_written()
    for _ in range(2):
        subprocess.run(["aplay", "-q", str(wav)], env={**os.environ, **sink.env}, check=True)
    assert len(sink.capture_files()) == files_before + 2, sink.capture_files()
    captured, rate = sink.read_capture(frames_before)
    assert len(captured) == sink.frames_written() - frames_before
    assert len(captured) / rate == pytest.approx(2.0, rel=0.10)
    reference = decode_audio(wav, 200, 600, rate)
    half = len(captured) // 2
    first, second = locate(reference, captured[:half], rate), locate(reference, captured[half:], rate)
    assert first.score > 0.99 and second.score > 0.99, (first, second)


# --- audio_compare on synthetic signals -----------------------------------------------


def test_locate_and_onset_error_on_known_splices() -> None:
    rate = 48_000
    media = np.random.default_rng(7).normal(0, 0.1, rate * 6).astype(np.float32)
    t_ms = 3000
    t = t_ms * rate // 1000
    lead_in = np.zeros(rate * 3 // 10, np.float32)  # 300 ms of silence before playback
    reference = media[t : t + 2 * rate]
    before = media[t - rate // 2 : t]

    for started_ms, expected_error in ((t_ms, 0.0), (t_ms - 100, -100.0), (t_ms + 100, 100.0)):
        start = started_ms * rate // 1000
        capture = np.concatenate([lead_in, media[start : start + 3 * rate]])
        match = locate(reference, capture, rate)
        assert match.score > 0.6, (started_ms, match)
        expected_offset = 300 + (t_ms - started_ms)
        assert match.offset_ms == pytest.approx(expected_offset, abs=1), (started_ms, match)
        error = onset_error_ms(capture, match.offset, before, reference, rate)
        assert error == pytest.approx(expected_error, abs=20), (started_ms, error)


def test_loudness_measures() -> None:
    rate = 48_000
    sine = np.sin(2 * np.pi * 1000 * np.arange(rate) / rate).astype(np.float32)
    assert rms_dbfs(sine) == pytest.approx(-3.01, abs=0.05)
    assert rms_dbfs(np.zeros(100)) == float("-inf")
    signal = np.concatenate([np.zeros(rate // 2, np.float32), 0.1 * sine])
    assert first_non_silent(signal, rate) == pytest.approx(rate // 2, abs=rate // 100)
    assert first_non_silent(np.zeros(rate, np.float32), rate) is None


# --- display -----------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_display_starts_and_takes_a_screenshot(display: Display, artifacts_dir: Path) -> None:
    assert display.name.startswith(":")
    shot = display.screenshot(artifacts_dir / "test_display_starts_and_takes_a_screenshot.png")
    assert png_size(shot) == (1400, 900)
