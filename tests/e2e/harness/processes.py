"""Child processes the harness starts, waits on, and stops by process id.

Each child is started as the leader of a new process group (`start_new_session`),
so stopping it also stops whatever it spawned (tauri-driver starts
WebKitWebDriver, which starts the app) — by that group id, never by name.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.wait import WebDriverWait

T = TypeVar("T")


class ChildProcess:
    """A process the harness started, with its output going to a log file."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        pass_fds: Sequence[int] = (),
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(
            self.argv,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=dict(env) if env is not None else None,
            cwd=cwd,
            pass_fds=tuple(pass_fds),
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def is_running(self) -> bool:
        return self.popen.poll() is None

    def log_tail(self, max_chars: int = 4000) -> str:
        """The end of what the process printed, for error messages."""
        self._log.flush()
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return text[-max_chars:]

    def describe_exit(self) -> str:
        return (
            f"{self.name} (pid {self.pid}) exited with status {self.popen.returncode}; "
            f"log {self.log_path}:\n{self.log_tail()}"
        )

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the process group this process leads: SIGTERM, then SIGKILL."""
        try:
            if self.is_running():
                _signal_group(self.pid, signal.SIGTERM)
                try:
                    self.popen.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    _signal_group(self.pid, signal.SIGKILL)
                    self.popen.wait(timeout=timeout)
            # Children left behind in the group (the leader exited first).
            _signal_group(self.pid, signal.SIGKILL)
        finally:
            self._log.close()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)


def wait_for(
    condition: Callable[[], T],
    timeout: float,
    message: str,
    poll: float = 0.05,
    alive: ChildProcess | None = None,
) -> T:
    """Poll `condition` until it returns something truthy; return that value.

    Raises TimeoutError with `message` after `timeout` seconds, or at once when
    `alive` is given and that process has exited (so a crash is reported as a
    crash, with its log, and not as a slow timeout).
    """

    def check(_: object) -> T | bool:
        if alive is not None and not alive.is_running():
            raise RuntimeError(alive.describe_exit())
        return condition()

    try:
        return WebDriverWait(None, timeout, poll_frequency=poll).until(check)
    except TimeoutException as timeout_error:
        details = f"\n{alive.name} log:\n{alive.log_tail()}" if alive else ""
        raise TimeoutError(f"{message} (after {timeout} s){details}") from timeout_error


def _stat_fields(pid: int) -> list[str] | None:
    """/proc/PID/stat's fields after the command name (state, ppid, ...); None when gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2 :].split()


def process_alive(pid: int) -> bool:
    """Whether `pid` exists and has not exited (an exited child not yet reaped is a zombie)."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def descendants_running(ancestor: int, binary: Path) -> list[int]:
    """The live descendants of process `ancestor` whose executable is `binary`."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))) and fields[0] not in ("Z", "X"):
            parents[int(entry.name)] = int(fields[1])

    def descends(pid: int) -> bool:
        while pid in parents and pid != ancestor:
            pid = parents[pid]
        return pid == ancestor

    found = []
    for pid in parents:
        with contextlib.suppress(OSError):
            # A binary rebuilt while it runs reads "PATH (deleted)".
            exe = os.readlink(f"/proc/{pid}/exe").removesuffix(" (deleted)")
            if pid != ancestor and descends(pid) and Path(exe) == binary:
                found.append(pid)
    return found
