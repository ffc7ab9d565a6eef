"""Dropping files on the app's window with a real X11 drag-and-drop (XDND).

WebDriver cannot make an operating-system drop, so the harness makes one the way
a file manager would: `drag_source.py` (GTK 3 through PyGObject, run with the
system Python that has it) shows a small window offering the files as
`text/uri-list`, and `xdotool` moves the real pointer (XTEST): press on that
window, move until GTK says a drag began, move onto the app's window until the
app says it would take the drop (XdndStatus), release. GTK and WebKitGTK speak
XDND between them; the app receives an ordinary drop.

Every step waits on what the drag source reports (its stdout, one line a step),
never on a fixed delay; the pointer is nudged by a pixel while waiting, since
XDND only talks when the pointer moves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from .processes import ChildProcess, wait_for

HELPER = Path(__file__).resolve().parent / "drag_source.py"
#: Where the drag source's window goes: the bottom-right corner of the screen.
SOURCE_SIZE = (140, 80)


def gi_python() -> str:
    """A Python with PyGObject and GTK 3: $EARMARK_GI_PYTHON, else the system's.

    The test venv (a pyenv Python, say) need not have `gi`; Debian's python3 does
    once `python3-gi` and `gir1.2-gtk-3.0` are installed.
    """
    candidates = [os.environ.get("EARMARK_GI_PYTHON"), "/usr/bin/python3", shutil.which("python3")]
    probe = "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk"
    for candidate in candidates:
        if candidate and subprocess.run([candidate, "-c", probe], capture_output=True, timeout=30).returncode == 0:
            return candidate
    raise FileNotFoundError(
        "no Python with PyGObject and GTK 3 (install python3-gi and gir1.2-gtk-3.0, "
        "see tests/setup/install-system-deps.sh, or set EARMARK_GI_PYTHON)"
    )


class FileDrag:
    """Drops files on a window of the display in `display_env`."""

    def __init__(self, display_env: Mapping[str, str], workdir: Path) -> None:
        self.env = {**os.environ, **display_env}
        self.workdir = workdir
        self.python = gi_python()
        self.count = 0

    # --- xdotool -------------------------------------------------------------

    def _xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def window_rect(self, title: str) -> tuple[int, int, int, int]:
        """The visible window titled exactly `title`: x, y, width, height."""
        found = wait_for(
            lambda: self._search(title), 15, f"no visible window titled {title!r} on {self.env.get('DISPLAY')}"
        )
        shell = dict(
            line.split("=", 1) for line in self._xdotool("getwindowgeometry", "--shell", found).split() if "=" in line
        )
        return int(shell["X"]), int(shell["Y"]), int(shell["WIDTH"]), int(shell["HEIGHT"])

    def _search(self, title: str) -> str | None:
        done = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return done.stdout.split()[0] if done.returncode == 0 and done.stdout.strip() else None

    def _move(self, x: int, y: int) -> None:
        self._xdotool("mousemove", "--sync", str(x), str(y))

    # --- the drag --------------------------------------------------------------

    def drop(self, paths: Sequence[Path], window_title: str = "Earmark", at: tuple[int, int] | None = None) -> list[str]:
        """Drags `paths` from the drag source onto the window titled `window_title`
        (at `at`, relative to the window; its middle by default) and drops them.

        Returns the URIs the app fetched. Fails if no drag began, if the window never
        offered to take the drop, or if the drop did not finish.
        """
        x, y, width, height = self.window_rect(window_title)
        target = (x + at[0], y + at[1]) if at else (x + width // 2, y + height // 2)
        screen_w, screen_h = (int(n) for n in self._xdotool("getdisplaygeometry").split())
        source_at = (screen_w - SOURCE_SIZE[0], screen_h - SOURCE_SIZE[1])
        self.count += 1
        helper = ChildProcess(
            "drag-source",
            [
                self.python, str(HELPER),
                "--at", str(source_at[0]), str(source_at[1]),
                "--size", str(SOURCE_SIZE[0]), str(SOURCE_SIZE[1]),
                *(str(p) for p in paths),
            ],
            log_path=self.workdir / f"drag-source-{self.count}.log",
            env=self.env,
        )
        try:
            return self._drag(helper, target)
        finally:
            try:
                self._xdotool("mouseup", "1")  # never leave the button held for the next test
            except AssertionError:
                pass
            helper.stop()

    def _drag(self, helper: ChildProcess, target: tuple[int, int]) -> list[str]:
        def said(word: str) -> list[str] | None:
            for line in helper.log_tail(20_000).splitlines():
                parts = line.split()
                if parts and parts[0] == word:
                    return parts[1:]
            return None

        ready = wait_for(lambda: said("ready"), 15, "the drag source never showed its window", alive=helper)
        sx, sy, sw, sh = (int(n) for n in ready)
        start = (sx + sw // 2, sy + sh // 2)
        self._move(*start)
        self._xdotool("mousedown", "1")

        # Past GTK's drag threshold, a pixel further each poll until the drag begins.
        step = [0]

        def begun() -> bool:
            step[0] += 4
            self._move(start[0] - step[0], start[1] - step[0])
            return said("begin") is not None

        wait_for(begun, 10, "pressing and moving on the drag source did not start a drag", poll=0.05, alive=helper)

        # Across the screen to the target, in steps, as a hand would.
        here = (start[0] - step[0], start[1] - step[0])
        for i in range(1, 11):
            self._move(here[0] + (target[0] - here[0]) * i // 10, here[1] + (target[1] - here[1]) * i // 10)

        # Wiggle on the target until it answers that it would take the files.
        wiggle = [0]

        def accepted() -> bool:
            wiggle[0] += 1
            self._move(target[0] + wiggle[0] % 2, target[1])
            lines = [line.split() for line in helper.log_tail(20_000).splitlines()]
            actions = [parts[1] for parts in lines if len(parts) == 2 and parts[0] == "action"]
            return bool(actions) and actions[-1] != "none"

        wait_for(
            accepted, 15, "the app's window never offered to take the drop (no XdndStatus with an action)", alive=helper
        )
        self._xdotool("mouseup", "1")
        wait_for(lambda: said("end") is not None, 15, "the drag did not end after the release", alive=None)
        failed = said("failed")
        assert failed is None, f"the drop failed: {failed}; drag source log:\n{helper.log_tail()}"
        data = said("data")
        assert data, f"the app never asked for the dropped files; drag source log:\n{helper.log_tail()}"
        return data
