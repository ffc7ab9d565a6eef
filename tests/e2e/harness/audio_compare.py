"""Comparing what was played with what should have been played.

Signals are mono float arrays at one rate (the capture's, 48 kHz). The main
question a test asks is "where in the capture does this piece of the episode
start, and how sure are we?" — answered by normalized cross-correlation,
computed with FFTs so a few seconds against a few seconds takes milliseconds.
"""

from __future__ import annotations

import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SILENCE_DBFS = -45.0


@dataclass(frozen=True)
class Match:
    """Where a reference was found in a signal."""

    offset: int  # sample index in the searched signal where the reference starts
    score: float  # normalized cross-correlation at that offset, -1..1
    rate: int

    @property
    def offset_ms(self) -> float:
        return self.offset * 1000.0 / self.rate


def decode_audio(path: Path, start_ms: float, duration_ms: float, rate: int = 48_000) -> np.ndarray:
    """Decode `[start_ms, start_ms + duration_ms)` of a media file to mono float32.

    `-ss` is given after `-i`, so ffmpeg decodes from the start and drops what
    comes before: exact even on VBR MP3, where demuxer-level seeking is not.
    ffmpeg trims the encoder delay when the file's LAME/Xing header records it.
    """
    argv = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
        "-i", str(path),
        "-ss", f"{max(start_ms, 0.0) / 1000.0:.6f}",
        "-t", f"{duration_ms / 1000.0:.6f}",
        "-ac", "1", "-ar", str(rate), "-f", "f32le", "-",
    ]
    result = subprocess.run(argv, capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg could not decode {path}: {result.stderr.decode(errors='replace')}")
    signal = np.frombuffer(result.stdout, dtype="<f4").astype(np.float32)
    if start_ms < 0:  # before the start of the file: silence
        signal = np.concatenate([np.zeros(round(-start_ms * rate / 1000), np.float32), signal])
    return signal


def locate(reference: np.ndarray, signal: np.ndarray, rate: int, max_offset: int | None = None) -> Match:
    """Find the offset in `signal` where `reference` fits best.

    Score is the normalized cross-correlation: 1.0 for the same waveform at any
    gain, about 0 for unrelated sound. Windows of `signal` with (almost) no
    energy score 0. `max_offset` limits the search to offsets 0..max_offset.
    """
    reference = np.asarray(reference, dtype=np.float64)
    signal = np.asarray(signal, dtype=np.float64)
    n = len(reference)
    if n == 0 or len(signal) < n:
        raise ValueError(f"signal ({len(signal)} samples) shorter than reference ({n})")
    reference = reference - reference.mean()
    ref_norm = np.linalg.norm(reference)
    if ref_norm == 0:
        raise ValueError("reference is silent: nothing to look for")

    size = 1 << math.ceil(math.log2(len(signal) + n))
    spectrum = np.fft.rfft(signal, size) * np.conj(np.fft.rfft(reference, size))
    dot = np.fft.irfft(spectrum, size)[: len(signal) - n + 1]

    # Energy (about the window mean) of every n-sample window of the signal.
    cumsum = np.concatenate([[0.0], np.cumsum(signal)])
    cumsum_sq = np.concatenate([[0.0], np.cumsum(signal * signal)])
    window_sum = cumsum[n:] - cumsum[:-n]
    window_energy = np.maximum(cumsum_sq[n:] - cumsum_sq[:-n] - window_sum**2 / n, 0.0)
    window_norm = np.sqrt(window_energy)

    # A window far quieter than the reference can't be it (and would divide by ~0).
    floor = ref_norm * 1e-3
    scores = np.where(window_norm > floor, dot / (ref_norm * np.maximum(window_norm, floor)), 0.0)
    if max_offset is not None:
        scores = scores[: max_offset + 1]
    best = int(np.argmax(scores))
    return Match(offset=best, score=float(scores[best]), rate=rate)


def rms_dbfs(signal: np.ndarray) -> float:
    """Loudness of a signal in dB relative to full scale (-inf for digital silence)."""
    signal = np.asarray(signal, dtype=np.float64)
    if len(signal) == 0:
        return float("-inf")
    rms = math.sqrt(float(np.mean(signal * signal)))
    return 20.0 * math.log10(rms) if rms > 0 else float("-inf")


def first_non_silent(
    signal: np.ndarray, rate: int, threshold_dbfs: float = SILENCE_DBFS, window_ms: float = 10.0
) -> int | None:
    """Index of the first `window_ms` block louder than `threshold_dbfs`, or None."""
    block = max(1, round(rate * window_ms / 1000.0))
    count = len(signal) // block
    if count == 0:
        return None
    blocks = np.asarray(signal[: count * block], dtype=np.float64).reshape(count, block)
    threshold = 10.0 ** (threshold_dbfs / 20.0)
    loud = np.flatnonzero(np.sqrt(np.mean(blocks * blocks, axis=1)) > threshold)
    return int(loud[0] * block) if len(loud) else None


def _block_correlation(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    denominator = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b)) / denominator if denominator > 0 else 0.0


def onset_error_ms(
    signal: np.ndarray,
    found_at: int,
    before: np.ndarray,
    reference: np.ndarray,
    rate: int,
    block_ms: float = 20.0,
    match_score: float = 0.7,
    silence_dbfs: float = SILENCE_DBFS,
) -> float:
    """How far from the reference's first sample playback really started.

    `reference` (media time T onward) was found in `signal` at `found_at`;
    `before` is the media just before T (ending at T). Compare the two sides
    block by block, where the media is loud enough to tell anything:

    - walking back from `found_at`, blocks of `signal` that still match `before`
      mean playback started *earlier* than T: the result is minus that span;
    - walking forward, loud reference blocks that do *not* match before the
      first one that does mean the start of the reference was skipped: the
      result is plus that span.

    Quiet media blocks are skipped (an early or late start over silence can't
    be heard and can't be measured). Precision is one block.
    """
    block = max(1, round(rate * block_ms / 1000.0))
    threshold = 10.0 ** (silence_dbfs / 20.0)

    def loud(x: np.ndarray) -> bool:
        return len(x) > 0 and math.sqrt(float(np.mean(np.asarray(x, np.float64) ** 2))) > threshold

    # Backwards: did audio from before T come out right before the found offset?
    early = 0
    for j in range(1, len(before) // block + 1):
        start = found_at - j * block
        if start < 0:
            break
        media = before[len(before) - j * block : len(before) - (j - 1) * block]
        if not loud(media):
            continue
        if _block_correlation(signal[start : start + block], media) >= match_score:
            early = j * block
        else:
            break

    # Forwards: was the start of the reference missing?
    late = 0
    for j in range(len(reference) // block):
        media = reference[j * block : (j + 1) * block]
        played = signal[found_at + j * block : found_at + (j + 1) * block]
        if len(played) < block:
            break
        if not loud(media):
            continue
        if _block_correlation(played, media) >= match_score:
            break
        late = (j + 1) * block

    samples = late if late else -early
    return samples * 1000.0 / rate
