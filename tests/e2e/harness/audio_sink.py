"""A real-time sound output that records what was played.

ALSA's `null` and `file` outputs swallow a whole episode in milliseconds, so a
test of position, sync or seeking needs an output that plays at the speed of a
clock. This one is JACK's dummy backend (`jackd -d dummy`), reached through a
private ALSA configuration that also records, in real time, every sample the
app wrote:

    app ─▶ default: plug ─▶ recorder: file ─▶ jackout: plug ─▶ jack ─▶ jackd (dummy, 48 kHz)
           (to f32 LE,       (appends to        (to the server's
           stereo; rate      PLAYED.wav)        rate)
           kept)

Measured here (alsa-lib 1.2.8, jackd2 1.9.21):

- The `file` stage records the format *its client* writes: aplay of a 44.1 kHz
  mono s16 WAV records 44.1 kHz mono s16. The `plug` in front forces f32 LE
  stereo, so the sample format is always the same.
- The rate is *not* forced there on purpose: ALSA's rate plugin derives its
  ratio from whole period sizes, so a 44.1→48 kHz conversion before the file
  ran ~135 ppm fast with every converter tried (linear, speexrate,
  samplerate_best, lavrate), and a 2 s reference then correlated only ~0.87.
  Recording at the client's own rate is bit-exact (correlation 1.00000, 0
  samples of drift); the conversion to JACK's 48 kHz happens after the file.
  The file stage writes a WAV header from which the rate is read. (alsa-lib
  labels the float data "PCM" in that header; the data is f32 LE all the same.)
- The file grows in real time, a period at a time, ahead of the speaker by the
  output buffer.

`ALSA_CONFIG_PATH` replaces alsa-lib's whole configuration (`alsa.conf` and the
`conf.d` files it would load). Built-in types (`plug`, `file`, `hw`) still
work, and so does `type jack`: without a `pcm_type.jack` entry alsa-lib loads
`libasound_module_pcm_jack.so` from its plugin directory by name. The config
names that library explicitly anyway.

With `truncate false` the file stage never overwrites an earlier recording:
each later open of the device writes `PLAYED.wav.0001`, `.0002`, ...; the
capture is their concatenation in that order.
"""

from __future__ import annotations

import os
import struct
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .processes import ChildProcess, wait_for

#: Sample format of the capture: what the `plug` in front of the recorder converts to.
CAPTURE_CHANNELS = 2
CAPTURE_DTYPE = np.dtype("<f4")
FRAME_BYTES = CAPTURE_CHANNELS * CAPTURE_DTYPE.itemsize

#: The JACK server's rate (the capture keeps the app's own rate).
SERVER_RATE = 48_000
#: How long jackd waits for a late client before dropping it (its default is 500 ms).
CLIENT_TIMEOUT_MS = 2_000
#: JACK's registry holds at most 8 servers, and it frees the entry of a server
#: that died without cleaning up only when a new server takes the same name.
#: Names from this pool are reclaimed that way; a name in use by a live server
#: (another suite running at the same time) is skipped.
SERVER_NAMES = tuple(f"earmark-e2e-{slot}" for slot in range(8))
#: JACK's server registry in shared memory.
JACK_REGISTRY = Path("/dev/shm/jack-shm-registry")


def _jack_plugin_entry() -> str:
    """`pcm_type.jack` naming the plugin Debian's libasound2-plugins installs, if found."""
    for path in sorted(Path("/usr/lib").glob("*/alsa-lib/libasound_module_pcm_jack.so")):
        return f'pcm_type.jack {{\n    lib "{path}"\n}}\n'
    return ""  # alsa-lib then loads libasound_module_pcm_jack.so from its own directory

_ALSA_CONFIG = """\
# Written by the Earmark end-to-end harness; replaces alsa-lib's whole config.
{jack_plugin}pcm.jackout {{
    type plug
    slave.pcm {{
        type jack
        playback_ports {{
            0 system:playback_1
            1 system:playback_2
        }}
    }}
}}
pcm.recorder {{
    type file
    slave.pcm "jackout"
    file "{capture_path}"
    format "wav"
    truncate false
}}
pcm.!default {{
    type plug
    slave {{
        pcm "recorder"
        format FLOAT_LE
        channels {channels}
    }}
}}
"""

NO_DEVICE_ALSA_CONFIG = """\
# Written by the Earmark end-to-end harness: a machine with no sound device.
pcm.!default {
    type hw
    card 99
}
"""


def write_no_device_alsa_config(path: Path) -> Path:
    """Write an ALSA config whose default output does not exist; return its path."""
    path.write_text(NO_DEVICE_ALSA_CONFIG)
    return path


class AudioSink:
    """A running JACK dummy server plus the ALSA config that records into a file.

    Use as a context manager; pass `.env` to the program under test.
    """

    def __init__(self, workdir: Path | None = None, period: int = 1024) -> None:
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="earmark-sink-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.period = period
        self.server_name = SERVER_NAMES[0]
        self.capture_path = self.workdir / "PLAYED.wav"
        self.alsa_config_path = self.workdir / "asound.conf"
        self._jackd: ChildProcess | None = None

    @property
    def env(self) -> dict[str, str]:
        """Variables that send a program's ALSA output into this sink."""
        return {
            "ALSA_CONFIG_PATH": str(self.alsa_config_path),
            "JACK_DEFAULT_SERVER": self.server_name,
            # Never let a client start a jackd of its own (with a real backend).
            "JACK_NO_START_SERVER": "1",
        }

    def start(self, timeout: float = 10.0) -> AudioSink:
        self.alsa_config_path.write_text(
            _ALSA_CONFIG.format(
                jack_plugin=_jack_plugin_entry(),
                capture_path=self.capture_path,
                channels=CAPTURE_CHANNELS,
            )
        )
        for name in SERVER_NAMES:
            self.server_name = name
            log = self._try_server(timeout)
            if log is None:
                return self
            if "Too many servers" in log and not _jackd_running():
                # Every entry belongs to a dead server of another name (a run that
                # was killed): with no jackd alive, a fresh registry loses nothing.
                JACK_REGISTRY.unlink(missing_ok=True)
                if (log := self._try_server(timeout)) is None:
                    return self
            if "already active" not in log:
                raise RuntimeError(f"JACK server {name!r} did not come up:\n{log}")
        raise RuntimeError(f"every JACK server name in {SERVER_NAMES} is taken by a live server")

    def _try_server(self, timeout: float) -> str | None:
        """Starts jackd under `self.server_name`: None once it answers, else its log."""
        env = {**os.environ, **self.env, "JACK_NO_AUDIO_RESERVATION": "1"}
        self._jackd = ChildProcess(
            "jackd",
            [
                # A client late by up to CLIENT_TIMEOUT_MS (a loaded CI machine) is
                # waited for; at jackd's default 500 ms it was dropped mid-play.
                "jackd", "--no-realtime", "--name", self.server_name,
                "-t", str(CLIENT_TIMEOUT_MS),
                "-d", "dummy", "-r", str(SERVER_RATE), "-p", str(self.period),
            ],
            log_path=self.workdir / f"jackd-{self.server_name}.log",
            env=env,
        )
        try:
            wait_for(
                lambda: self._server_answers(env),
                timeout,
                f"JACK server {self.server_name!r} did not come up",
                poll=0.05,
                alive=self._jackd,
            )
        except RuntimeError:
            log = self._jackd.log_tail()
            self.stop()
            return log
        return None

    def _server_answers(self, env: dict[str, str]) -> bool:
        # Only our own jackd counts: one that found its name taken has exited, and
        # jack_lsp would be answered by the other server of that name.
        if self._jackd is None or not self._jackd.is_running():
            return False
        # jack_lsp exits 0 only once it could connect and list the ports; a server
        # busy waiting for a late client may not answer in time: ask again.
        try:
            result = subprocess.run(
                ["jack_lsp"], env=env, capture_output=True, text=True, timeout=5
            )
        except subprocess.TimeoutExpired:
            return False
        return result.returncode == 0 and "system:playback_1" in result.stdout

    def stop(self) -> None:
        if self._jackd is not None:
            self._jackd.stop()
            self._jackd = None

    def __enter__(self) -> AudioSink:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- the capture -------------------------------------------------------

    def capture_files(self) -> list[Path]:
        """The recording's files in the order they were written."""
        later = sorted(self.workdir.glob(self.capture_path.name + ".[0-9][0-9][0-9][0-9]"))
        first = [self.capture_path] if self.capture_path.exists() else []
        return first + later

    def _recordings(self) -> list[_Recording]:
        return [r for r in map(_Recording.of, self.capture_files()) if r is not None]

    def capture_rate(self) -> int | None:
        """The rate the app played at (None until it played anything)."""
        recordings = self._recordings()
        return recordings[0].rate if recordings else None

    def frames_written(self) -> int:
        """How many frames (samples per channel) have been recorded so far."""
        return sum(recording.frames() for recording in self._recordings())

    def read_capture(self, start_frame: int = 0) -> tuple[np.ndarray, int]:
        """The capture from `start_frame` on, as a mono float32 mixdown, and its rate.

        `start_frame` is a bookmark from `frames_written()`. Raises if nothing was
        recorded from there on, or if the device was reopened at another rate
        after it (the pieces could not be laid end to end).
        """
        pieces: list[np.ndarray] = []
        rates: set[int] = set()
        first = 0  # index of the current recording's first frame in the whole capture
        for recording in self._recordings():
            samples = recording.samples()
            if first + len(samples) > start_frame:
                pieces.append(samples[max(start_frame - first, 0) :])
                rates.add(recording.rate)
            first += len(samples)
        if not pieces:
            raise RuntimeError(f"nothing was played into the sink after frame {start_frame} ({self.workdir})")
        if len(rates) > 1:
            raise RuntimeError(f"the device was opened at several rates {sorted(rates)}: {self.capture_files()}")
        frames = np.concatenate(pieces)
        return frames.mean(axis=1, dtype=np.float32), rates.pop()

    def save_wav(self, path: Path, start_frame: int = 0) -> Path:
        """Write the capture from `start_frame` on as a 16-bit mono WAV, to listen to."""
        signal, rate = self.read_capture(start_frame)
        write_wav(path, signal, rate)
        return path


@dataclass(frozen=True)
class _Recording:
    """One file written by ALSA's file stage: a WAV header, then f32 LE stereo frames."""

    path: Path
    rate: int
    data_offset: int

    @classmethod
    def of(cls, path: Path) -> _Recording | None:
        """Parse the header; None while the file stage has not written it yet."""
        with open(path, "rb") as file:
            head = file.read(512)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None
        position, rate, channels = 12, None, None
        while position + 8 <= len(head):
            chunk_id = head[position : position + 4]
            (size,) = struct.unpack_from("<I", head, position + 4)
            if chunk_id == b"fmt ":
                # The format tag says PCM even for float data (alsa-lib): ignore it.
                channels, rate = struct.unpack_from("<HI", head, position + 10)
            elif chunk_id == b"data":
                # The chunk's size field stays 0 until the device is closed: read to EOF.
                if rate is None or channels != CAPTURE_CHANNELS:
                    raise RuntimeError(f"{path}: unexpected capture format ({channels} channels, rate {rate})")
                return cls(path=path, rate=rate, data_offset=position + 8)
            position += 8 + size + (size & 1)
        return None

    def frames(self) -> int:
        return max(self.path.stat().st_size - self.data_offset, 0) // FRAME_BYTES

    def samples(self) -> np.ndarray:
        """Whole frames only (a write may be in progress), shape (frames, 2)."""
        with open(self.path, "rb") as file:
            file.seek(self.data_offset)
            data = file.read()
        whole = len(data) // FRAME_BYTES * FRAME_BYTES
        return np.frombuffer(data[:whole], dtype=CAPTURE_DTYPE).reshape(-1, CAPTURE_CHANNELS)


def write_wav(path: Path, signal: np.ndarray, rate: int) -> None:
    """Write a mono float signal (-1..1) as a 16-bit PCM WAV file."""
    pcm = (np.clip(signal, -1.0, 1.0) * 32767.0).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


def _jackd_running() -> bool:
    """True when any jackd process runs on this machine."""
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == "jackd":
                return True
        except OSError:
            continue
    return False


def play_a_moment(page, sink: AudioSink, past_ms: float = 1500) -> tuple[int, float]:
    """Plays the open episode until it is `past_ms` in, then pauses; returns the sink's
    frame count before playing (to read what was heard) and the position reached."""
    since = sink.frames_written()
    page.click_play_toggle()
    page.wait_for_state("playing")
    reached = page.wait_for_position_past(past_ms)
    page.click_play_toggle()
    page.wait_for_state("paused")
    return since, reached
