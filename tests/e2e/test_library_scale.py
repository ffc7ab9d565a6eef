"""Issue 21's large-library benchmark in the real window (not run by the test command):
a library of 1,000 shows and some 200,000 episodes, made by
`earmark-bench refresh --keep DIR`, opened by the release app. It records how long
the sidebar takes to open (asking the store, the IPC and drawing it, as the window's
own User Timing measure "sidebar" says) and how long a show's page takes from the
click to its first 100 episodes painted; targets 200 ms and 100 ms.

Run: `EARMARK_SCALE_LIBRARY=DIR EARMARK_APP_BINARY=$CARGO_TARGET_DIR/release/earmark
tests/e2e/run.sh tests/e2e/test_library_scale.py` (see docs/benchmarks.md). The
library is copied first, so DIR stays as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp

SCALE_LIBRARY = os.environ.get("EARMARK_SCALE_LIBRARY")


@pytest.mark.skipif(not SCALE_LIBRARY, reason="a benchmark: set EARMARK_SCALE_LIBRARY to a library made by earmark-bench")
def test_a_thousand_shows_open_in_the_window(
    launch_app: Callable[..., RunningApp], tmp_path: Path, measurements
) -> None:
    library = tmp_path / "scale"
    shutil.copytree(str(SCALE_LIBRARY), library)
    page = launch_app({"EARMARK_DATA_DIR": str(library)}).page
    page.wait_until(lambda d: len(d.find_elements(By.CSS_SELECTOR, '[data-testid="podcast-item"]')) >= 1000, "the sidebar did not list the shows", 120)
    page.wait_until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="episode-title"]').text.strip() or False,
        "no episode was opened at start",
        60,
    )
    sidebar = page.driver.execute_script("return performance.getEntriesByName('sidebar').map((m) => m.duration)")
    shows = page.driver.execute_script("return document.querySelectorAll('[data-testid=\"podcast-item\"]').length")
    ipc = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        window.__TAURI__.core.invoke('library_sidebar', {current: null}).then(() => done(performance.now() - start));
        """
    )
    opens = []
    for nth in (10, 500, 990):
        opens.append(
            page.driver.execute_async_script(
                """
                const done = arguments[arguments.length - 1];
                const item = document.querySelectorAll('[data-testid="podcast-item"]')[arguments[0]];
                const title = item.querySelector('.show-title').textContent;
                const start = performance.now();
                item.click();
                const check = () => {
                  const rows = document.querySelectorAll('[data-testid="episode-row"]').length;
                  const shown = document.querySelector('[data-testid="podcast-title"]').textContent;
                  if (rows > 0 && shown === title) done(performance.now() - start);
                  else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
                """,
                nth,
            )
        )
    measurements.update(
        {
            "shows": shows,
            "sidebar_open_ms": [round(ms) for ms in sidebar],
            "sidebar_ipc_ms": round(ipc),
            "show_page_open_ms": [round(ms) for ms in opens],
        }
    )
    assert shows >= 1000
