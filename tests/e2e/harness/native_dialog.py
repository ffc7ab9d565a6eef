"""Answering the app's native (GTK) file dialogs the way a person would: find the
dialog's window by its title, type a path into it, press Enter.

GTK's file chooser takes a typed path in its location field (Ctrl+L in an open
dialog; a save dialog's name field takes a whole path in place of the name it
offers). Keys go in through XTEST with `xdotool` (Debian's `xdotool`); there is no
window manager under Xvfb, so the dialog is focused directly.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from .processes import wait_for

#: Tries at typing the path (see `answer_file_dialog`).
ATTEMPTS = 3
#: How long an accepted dialog may take to close.
CLOSE_TIMEOUT = 5.0


def _xdotool(env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["xdotool", *args], env=dict(env), capture_output=True, text=True, timeout=10)


def answer_file_dialog(
    display_env: Mapping[str, str], title: str, path: Path, *, save: bool = False, timeout: float = 15.0
) -> None:
    """Types `path` into the file dialog titled `title` (once it shows) and accepts it;
    in a save dialog (`save`), the typed path replaces the name it offers."""
    env = {**os.environ, **display_env}

    def dialog() -> str | None:
        found = _xdotool(env, "search", "--onlyvisible", "--name", f"^{title}$")
        return found.stdout.split()[0] if found.returncode == 0 and found.stdout.strip() else None

    window = wait_for(dialog, timeout, f"no file dialog titled {title!r} showed")
    _xdotool(env, "windowfocus", "--sync", window)
    for attempt in range(ATTEMPTS):
        # An open dialog's location field is opened with Ctrl+L, once. Ctrl+A then
        # selects what the field holds (a save dialog's offered name, or what an
        # earlier attempt typed), so the path typed replaces it.
        if attempt == 0 and not save:
            _key(env, "key", "ctrl+l")
        else:
            _key(env, "key", "ctrl+a")
        _key(env, "type", "--delay", "15", str(path))
        _key(env, "key", "Return")
        try:
            wait_for(lambda: dialog() is None, CLOSE_TIMEOUT, "the dialog stayed open")
            return
        except TimeoutError:
            # Keys typed while the location field appears can be lost; it has the
            # focus now, so the next attempt types the whole path again.
            continue
    raise AssertionError(f"the file dialog {title!r} did not take {path}")


def _key(env: Mapping[str, str], *args: str) -> None:
    done = _xdotool(env, *args)
    assert done.returncode == 0, f"xdotool {' '.join(args)} failed: {done.stderr}"
