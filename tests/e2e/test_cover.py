"""A local audio file's embedded cover picture is shown with the episode."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from harness.earmark_app import RunningApp
from harness.earmark_cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "audio" / "mp3-id3-picture-48k-mono.mp3"
COVER = '[data-testid="episode-cover"]'


def cover_state(app: RunningApp) -> dict:
    return app.page.driver.execute_script(
        """
        const img = document.querySelector(arguments[0]);
        return {hidden: img.hidden, width: img.naturalWidth, height: img.naturalHeight,
                src: (img.getAttribute('src') || '').slice(0, 22)};
        """,
        COVER,
    )


def test_a_local_file_shows_its_embedded_cover(
    launch_app: Callable[..., RunningApp], data_dir: Path, tmp_path: Path
) -> None:
    audio = tmp_path / "with-cover.mp3"
    shutil.copy(FIXTURE, audio)
    episode = cli(data_dir, "import", str(audio))["id"]

    app = launch_app()
    page = app.page
    item = page.wait_until(
        lambda d: next((i for i in page.episode_items() if i.get_attribute("data-episode-id") == str(episode)), False),
        f"episode {episode} is not in the library",
    )
    item.click()
    shown = page.wait_until(
        lambda d: s if not (s := cover_state(app))["hidden"] and s["width"] else False,
        "the episode's cover is not shown",
    )
    assert (shown["width"], shown["height"]) == (64, 64), shown
    # Kept in the artwork cache, written again as a plain JPEG or PNG.
    assert shown["src"].startswith(("data:image/jpeg;base64", "data:image/png;base64")), shown

    # The demo episode has no picture: the cover goes away.
    demo = next(i for i in page.episode_items() if i.get_attribute("data-episode-id") != str(episode))
    demo.click()
    page.segments(at_least=10)
    page.wait_until(lambda d: cover_state(app)["hidden"], "the cover stays on an episode without one")
