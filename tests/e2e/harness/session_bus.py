"""A private D-Bus session bus for one test (`dbus-daemon --session`), as a desktop
session has: the app finds its running window on it (one instance per library) and
offers its media controls there (MPRIS); `playerctl`, `dbus-send` and `dbus-monitor`
talk to it. Other tests run with no session bus at all, as a bare machine does."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SessionBus:
    """A running session bus; `.env` points a process at it."""

    def __init__(self, workdir: Path) -> None:
        self._socket = workdir / "session-bus"
        self._process: subprocess.Popen[str] | None = None
        self.address = ""

    def start(self) -> SessionBus:
        # A session bus that starts no services: a desktop's would start portals the
        # app's toolkit asks for, which a bare test machine cannot run.
        config = self._socket.with_suffix(".conf")
        config.write_text(_CONFIG.format(socket=self._socket))
        self._process = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        # The daemon prints its address once it listens.
        self.address = self._process.stdout.readline().strip()
        if not self.address:
            raise RuntimeError("dbus-daemon did not start")
        return self

    @property
    def env(self) -> dict[str, str]:
        return {"DBUS_SESSION_BUS_ADDRESS": self.address}

    def run(self, *command: str, timeout: float = 20.0) -> subprocess.CompletedProcess[str]:
        """Runs a D-Bus client (`playerctl …`) on this bus; its output, checked."""
        env = {**os.environ, **self.env}
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=True)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None
