"""A private X display (Xvfb) for the app's window, and screenshots of it.

Xvfb picks a free display number itself with `-displayfd`: it writes the number
to the given file descriptor once it accepts connections, which is both the
"which display" answer and the readiness condition — no guessing, no sleep.
There is no window manager: the app's window sits at 0,0 undecorated.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import tempfile
import time
from pathlib import Path

from .processes import ChildProcess, wait_for


class Display:
    """A running Xvfb server. Use as a context manager; `.env` gives DISPLAY."""

    def __init__(self, workdir: Path | None = None, size: str = "1400x900x24") -> None:
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="earmark-display-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.size = size
        self.number: int | None = None
        self._xvfb: ChildProcess | None = None

    @property
    def name(self) -> str:
        if self.number is None:
            raise RuntimeError("display not started")
        return f":{self.number}"

    @property
    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.name}

    def start(self, timeout: float = 10.0) -> Display:
        read_end, write_end = os.pipe()
        try:
            self._xvfb = ChildProcess(
                "Xvfb",
                [
                    "Xvfb", "-displayfd", str(write_end),
                    "-screen", "0", self.size,
                    "-nolisten", "tcp", "-noreset",
                ],
                log_path=self.workdir / "xvfb.log",
                pass_fds=[write_end],
            )
            os.close(write_end)
            write_end = -1
            self.number = int(self._read_display_number(read_end, timeout))
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)
        return self

    def _read_display_number(self, fd: int, timeout: float) -> str:
        assert self._xvfb is not None
        deadline = time.monotonic() + timeout
        text = b""
        while not text.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"Xvfb gave no display number within {timeout} s:\n{self._xvfb.log_tail()}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 64)
            if not chunk:  # Xvfb closed the pipe: it exited
                self._xvfb.popen.wait(timeout=5)
                raise RuntimeError(self._xvfb.describe_exit())
            text += chunk
        return text.decode().strip()

    def stop(self) -> None:
        if self._xvfb is not None:
            self._xvfb.stop()
            self._xvfb = None

    def __enter__(self) -> Display:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def screenshot(self, path: Path) -> Path:
        """Save the whole screen as a PNG (ImageMagick's `import -window root`)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-display", self.name, "-window", "root", str(path)],
            check=True,
            capture_output=True,
            timeout=30,
        )
        return path

    def screenshot_when_painted(self, path: Path, timeout: float = 5.0) -> Path:
        """Screenshot once the screen shows more than flat fills, or after `timeout`.

        WebKitGTK can put a page on the X screen a second or more after its DOM
        is ready (measured ~1.5 s here), so a test that ends quickly would
        otherwise leave a blank picture. Best effort: the last shot is kept.
        """
        with contextlib.suppress(TimeoutError):
            wait_for(lambda: _distinct_colors(self.screenshot(path)) > 2, timeout, "screen stayed blank", poll=0.1)
        return path


def _distinct_colors(png: Path) -> int:
    result = subprocess.run(["identify", "-format", "%k", str(png)], capture_output=True, text=True, timeout=30)
    return int(result.stdout.strip() or 0) if result.returncode == 0 else 0
