"""`tauri-driver` and a Selenium WebDriver session on the app.

tauri-driver (2.1) is a WebDriver intermediary: it takes
`{"tauri:options": {"application": PATH}}`, starts Debian's `WebKitWebDriver`
on `--native-port`, which launches PATH with its automation flags. The app
inherits tauri-driver's environment (through WebKitWebDriver), and nothing in
the capabilities can set environment variables: so DISPLAY, ALSA_CONFIG_PATH,
EARMARK_DATA_DIR, XDG_* are set on the tauri-driver process, and each app
launch with a different environment gets a tauri-driver of its own (it starts
in a fraction of a second).

Both ports are picked free (bind to port 0, read it back) so parallel runs
don't clash; readiness is "both ports accept a connection", not a sleep.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Mapping
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection

from .processes import ChildProcess, wait_for


def find_tauri_driver() -> str:
    """`$TAURI_DRIVER`, else `tauri-driver` on PATH, else `~/.cargo/bin/tauri-driver`."""
    candidates = [
        os.environ.get("TAURI_DRIVER"),
        shutil.which("tauri-driver"),
        str(Path.home() / ".cargo" / "bin" / "tauri-driver"),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(
        "tauri-driver not found (set TAURI_DRIVER, or run tests/setup/install-system-deps.sh, "
        "which runs `cargo install tauri-driver --locked`)"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class TauriOptions(ArgOptions):
    """WebDriver options for a Tauri app: `tauri:options` and no `browserName`."""

    def __init__(self, application: Path, args: list[str] | None = None) -> None:
        super().__init__()
        tauri_options: dict[str, object] = {"application": str(application)}
        if args:
            tauri_options["args"] = list(args)
        self.set_capability("tauri:options", tauri_options)

    @property
    def default_capabilities(self) -> dict:
        return {}


class TauriDriver:
    """A running tauri-driver whose environment the launched app will inherit."""

    def __init__(self, env: Mapping[str, str], log_path: Path, cwd: Path | None = None) -> None:
        self.env = dict(env)
        self.log_path = log_path
        self.cwd = cwd
        self.port: int | None = None
        self.native_port: int | None = None
        self._process: ChildProcess | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> TauriDriver:
        self.port, self.native_port = free_port(), free_port()
        while self.native_port == self.port:
            self.native_port = free_port()
        self._process = ChildProcess(
            "tauri-driver",
            [find_tauri_driver(), "--port", str(self.port), "--native-port", str(self.native_port)],
            log_path=self.log_path,
            env=self.env,
            cwd=self.cwd,
        )
        # tauri-driver listens at once but proxies to WebKitWebDriver, which it
        # starts alongside: a session requested before *that* listens fails with
        # "tcp connect error". Ready means both ports accept connections.
        wait_for(
            lambda: _accepts_connections(self.port) and _accepts_connections(self.native_port),
            timeout,
            f"tauri-driver (port {self.port}) or WebKitWebDriver (port {self.native_port}) did not listen",
            alive=self._process,
        )
        return self

    def open_session(
        self, application: Path, args: list[str] | None = None, timeout: float = 60.0
    ) -> webdriver.Remote:
        """Launch the app and return a WebDriver session on its webview.

        `timeout` bounds every WebDriver command, session creation included (an
        app that never shows its webview fails the test instead of hanging it).
        """
        if self._process is None or not self._process.is_running():
            raise RuntimeError("tauri-driver is not running")
        connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=self.url, timeout=timeout))
        try:
            return webdriver.Remote(command_executor=connection, options=TauriOptions(application, args))
        except Exception as error:
            raise RuntimeError(f"could not open a session on {application}:\n{self.log_tail()}") from error

    def log_tail(self) -> str:
        return self._process.log_tail() if self._process else ""

    @property
    def pid(self) -> int:
        """tauri-driver's process id (the app runs below it)."""
        if self._process is None:
            raise RuntimeError("tauri-driver is not running")
        return self._process.pid

    def stop(self) -> None:
        """Stop tauri-driver and everything it started (WebKitWebDriver, the app)."""
        if self._process is not None:
            self._process.stop()
            self._process = None

    def __enter__(self) -> TauriDriver:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
