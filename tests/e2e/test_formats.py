"""Audio formats that other players play (issue 14), in the real window: Opus, raw
ADTS AAC, AIFF and ALAC files imported into the library open with their exact,
probed length and play through to their end on their own, the shown position there
being that length."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from selenium.webdriver.common.by import By

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.library_page import open_from_sidebar

AUDIO = Path(__file__).resolve().parents[1] / "fixtures" / "audio"

#: Title in the library -> the fixture it is made from.
FILES = {
    "Opus in Ogg": "opus-48k-stereo.ogg",
    "Raw ADTS": "aac-adts-44k-stereo-nopns.aac",
    "AIFF": "aiff-s16-8k-mono.aiff",
    "Apple Lossless": "alac-8k-mono.m4a",
}


def test_opus_adts_aiff_and_alac_open_at_their_exact_length_and_play_to_the_end(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path
) -> None:
    lengths = {}
    for title, name in FILES.items():
        copy = tmp_path / name
        shutil.copy(AUDIO / name, copy)
        cli(data_dir, "import", str(copy), "--title", title)
        lengths[title] = cli(data_dir, "probe", str(copy))["duration_ms"]
    page = launch_app().page
    page.segments()
    for title, length in lengths.items():
        open_from_sidebar(page, title)
        shown = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="duration"]')
        page.wait_until(lambda d: shown.text == "0:02", f"{title}: its length is not shown")
        page.click_play_toggle()
        page.wait_for_state("playing")
        page.wait_for_state("paused", timeout=30)  # at the end, on its own
        end = page.settled_position_ms()
        assert abs(end - length) <= 50, f"{title}: ended at {end} ms of {length} ms"
