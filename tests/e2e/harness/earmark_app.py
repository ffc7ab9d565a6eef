"""The app under test: started under tauri-driver, closed with its evidence kept.

`launch` starts a tauri-driver with the app's environment, opens a WebDriver
session (which launches the app) and wraps its page. `close` saves a screenshot
of the screen and the app's output, then ends the session and stops
tauri-driver with everything it started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

from .display import Display
from .driver import TauriDriver
from .earmark_page import EarmarkPage
from .page_screenshot import save_page_screenshot
from .processes import descendants_running, process_alive, wait_for


@dataclass
class RunningApp:
    """The app under test: its WebDriver session, its page, its tauri-driver."""

    driver: WebDriver
    page: EarmarkPage
    tauri_driver: TauriDriver
    env: dict[str, str]
    binary: Path

    def pid(self) -> int:
        """The app's process id: the process started under this app's tauri-driver
        (through WebKitWebDriver) that runs the app's binary."""
        return wait_for(
            lambda: next(iter(descendants_running(self.tauri_driver.pid, self.binary)), None),
            10,
            f"no process of {self.binary} under tauri-driver",
        )

    def kill(self) -> None:
        """SIGKILLs the app's process (no chance to save anything) and waits until it is gone."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not process_alive(pid), 10, f"the app (pid {pid}) outlived SIGKILL")

    def close(self, display: Display, screenshot: Path, log: Path) -> None:
        """Keep a screenshot and the log, then stop the app. Never raises."""
        save_screenshot(self.driver, display, screenshot)
        with contextlib.suppress(Exception):  # the app may be gone already; the screenshot tells
            self.driver.quit()
        keep_log(self.tauri_driver, log)
        self.tauri_driver.stop()


def launch(
    binary: Path, env: Mapping[str, str], workdir: Path, failure_log: Path, args: list[str] | None = None
) -> RunningApp:
    """Start the app with `env` and `args` (its working directory: `workdir`).

    If the session can't be opened, tauri-driver's output (the app's included)
    is kept at `failure_log` before the error propagates.
    """
    tauri_driver = TauriDriver(env, log_path=workdir / f"{failure_log.stem}.tauri-driver.log", cwd=workdir)
    tauri_driver.start()
    try:
        driver = tauri_driver.open_session(binary, args)
    except Exception:
        keep_log(tauri_driver, failure_log)
        tauri_driver.stop()
        raise
    return RunningApp(
        driver=driver, page=EarmarkPage(driver), tauri_driver=tauri_driver, env=dict(env), binary=binary.resolve()
    )


def save_screenshot(driver: WebDriver, display: Display, path: Path) -> None:
    """The window's page as WebKit renders it now; the X screen if the page can't be read.

    The page is asked first: without a compositor, the X screen can lag the page by
    seconds under load (seen here: a screen still blank after the test had clicked
    through the transcript), while WebKit's own snapshot is always current.
    """
    try:
        if save_page_screenshot(driver, path):
            return
    except Exception:
        pass
    with contextlib.suppress(Exception):
        display.screenshot_when_painted(path)


def keep_log(tauri_driver: TauriDriver, path: Path) -> None:
    """Copy tauri-driver's output (WebKitWebDriver's and the app's too) to `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tauri_driver.log_path, path)
    except OSError:
        pass
