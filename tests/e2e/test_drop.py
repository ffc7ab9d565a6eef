"""Files dropped on the window, with a real X11 drag-and-drop (XDND).

A GTK drag source offers the files as `text/uri-list` and the pointer is moved
with `xdotool` onto the app's window and released (`harness/file_drag.py`): the
app gets the drop the way it gets one from a file manager. Audio files and
folders are imported into the library (with a same-named transcript beside
them); a transcript file dropped alone is attached to the episode being viewed.

What the window shows is read over WebDriver; what the library holds, through
`earmark-cli` on the same data directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException

from harness.display import Display
from harness.earmark_app import RunningApp
from harness.earmark_page import EarmarkPage
from harness.file_drag import FileDrag
from harness.page_screenshot import save_page_screenshot
from harness.earmark_cli import cli, episode_titled
from harness.library_page import open_from_sidebar, sidebar_titles
from harness.spoken_file import SHOW, make_talk

TALK_VTT = """WEBVTT

00:00:00.000 --> 00:00:01.200
<v Ada>Spaced repetition beats cramming.

00:00:01.200 --> 00:00:02.400
<v Ada>Test yourself the next morning.
"""

SIDE_SRT = """1
00:00:00,000 --> 00:00:01,000
Ben: An index card for every idea.

2
00:00:01,000 --> 00:00:02,000
Ben: Shuffle the deck before you look.
"""


@pytest.fixture
def drag(display: Display, tmp_path: Path) -> FileDrag:
    return FileDrag(display.env, tmp_path)


# --- reading the window ------------------------------------------------------------


def segment_texts(page: EarmarkPage) -> list[str]:
    return page.driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=\"segment\"]')].map(s => s.textContent)"
    )


def wait_lines(page: EarmarkPage, wanted: list[str], what: str) -> None:
    """Waits until the transcript view shows exactly the lines `wanted` (speaker
    labels may come before the words)."""
    try:
        page.wait_until(
            lambda d: len(shown := segment_texts(page)) == len(wanted) and all(w in s for w, s in zip(wanted, shown)),
            what,
            20,
        )
    except TimeoutException:
        raise AssertionError(f"{what}: the transcript view shows {segment_texts(page)!r}") from None


def shot(page: EarmarkPage, artifacts_dir: Path, name: str) -> None:
    """The page as painted now, for a person to look at."""
    save_page_screenshot(page.driver, artifacts_dir / f"{name}.png")


def local_episodes(data_dir: Path) -> dict[str, dict]:
    """The episodes of the dropped files' show (from their tags), by title."""
    return {e["title"]: e for e in cli(data_dir, "list")["episodes"] if e["podcast"] == SHOW}


# --- tests ---------------------------------------------------------------------


def test_a_dropped_audio_file_comes_in_with_its_transcript(
    app: RunningApp, drag: FileDrag, data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = app.page
    page.segments()  # the demo episode is open
    folder = tmp_path / "from the file manager"
    folder.mkdir()
    talk = make_talk(folder / "spacing works.mp3", "Spacing Works", "Spaced repetition beats cramming. Test yourself.")
    (folder / "spacing works.vtt").write_text(TALK_VTT)

    sent = drag.drop([talk])
    assert sent == [talk.as_uri()], f"the app fetched what was dropped: {sent}"

    page.wait_until(lambda d: "Spacing Works" in sidebar_titles(page), "the dropped file never showed in the library", 30)
    toast = page.wait_until(
        lambda d: t if "Added" in (t := d.execute_script(
            "return [...document.querySelectorAll('[data-testid=\"toast\"]')].map(t => t.textContent).join(' ')"
        )) else False,
        "the window never said the file was added",
    )
    assert "Added 1 file to the library." in toast, toast
    shot(page, artifacts_dir, "drop-audio-file-added")

    added = local_episodes(data_dir)
    assert list(added) == ["Spacing Works"], f"one episode, titled from its tags: {list(added)}"
    episode = added["Spacing Works"]
    assert episode["downloaded"] and episode["has_transcript"], episode
    assert episode["duration_ms"] == cli(data_dir, "probe", str(talk))["duration_ms"], "the exact, probed length"

    open_from_sidebar(page, "Spacing Works")
    wait_lines(page, ["Spaced repetition beats cramming.", "Test yourself the next morning."], "the dropped file's VTT")
    hits = cli(data_dir, "search", "cramming")["hits"]
    assert any(h["episode"] == episode["id"] for h in hits), f"the transcript is searchable: {hits}"
    shot(page, artifacts_dir, "drop-audio-file-opened")


def test_audio_dropped_with_its_transcript_comes_in_as_a_pair(
    app: RunningApp, drag: FileDrag, data_dir: Path, tmp_path: Path
) -> None:
    """Both files selected and dropped together: the transcript goes with the audio,
    not onto the episode open in the window."""
    page = app.page
    page.segments()  # the demo episode is open
    demo_lines = segment_texts(page)
    talk = make_talk(tmp_path / "spacing works.mp3", "Spacing Works", "Spaced repetition beats cramming.")
    vtt = tmp_path / "spacing works.vtt"
    vtt.write_text(TALK_VTT)

    sent = drag.drop([talk, vtt])
    assert sent == [talk.as_uri(), vtt.as_uri()], sent

    page.wait_until(lambda d: "Spacing Works" in sidebar_titles(page), "the dropped pair never showed in the library", 30)
    assert local_episodes(data_dir)["Spacing Works"]["has_transcript"]
    assert segment_texts(page) == demo_lines, "the open episode's transcript is left alone"
    assert len(cli(data_dir, "list")["episodes"]) == 2, "the demo and the dropped episode"
    open_from_sidebar(page, "Spacing Works")
    wait_lines(page, ["Spaced repetition beats cramming.", "Test yourself the next morning."], "the pair's VTT")


def test_a_dropped_folder_brings_in_the_audio_inside(
    app: RunningApp, drag: FileDrag, data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = app.page
    page.segments()
    folder = tmp_path / "Lectures"
    (folder / "week 2").mkdir(parents=True)
    make_talk(folder / "one.mp3", "Lecture One", "The forgetting curve.")
    # Ogg's tags are not read (ID3 and MP4 are): titled by its file name.
    make_talk(folder / "week 2" / "Lecture Two.ogg", "Lecture Two", "Sleep on it.")
    (folder / "reading list.pdf").write_bytes(b"%PDF-1.4 not audio")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff not audio")

    drag.drop([folder])

    page.wait_until(
        lambda d: {"Lecture One", "Lecture Two"} <= set(sidebar_titles(page)),
        "the folder's audio never showed in the library",
        30,
    )
    shot(page, artifacts_dir, "drop-folder-added")
    listed = cli(data_dir, "list")["episodes"]
    added = {e["title"]: e for e in listed if e["title"].startswith("Lecture")}
    assert sorted(added) == ["Lecture One", "Lecture Two"], f"the two audio files: {sorted(added)}"
    assert all(e["downloaded"] and e["duration_ms"] > 0 for e in added.values()), added
    assert len(listed) == 3, f"the demo and the folder's two files, not the PDF or the JPEG: {listed}"


def test_a_transcript_dropped_on_an_open_episode_is_attached_to_it(
    launch_app, drag: FileDrag, data_dir: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    # Imported without a transcript (the command line titles it by its file name).
    bare = make_talk(tmp_path / "Index Cards.mp3", "Index Cards", "An index card for every idea.")
    episode_id = cli(data_dir, "import", str(bare))["id"]
    assert not episode_titled(data_dir, "Index Cards")["has_transcript"], "no transcript before the drop"
    page = launch_app().page
    open_from_sidebar(page, "Index Cards")
    page.wait_until(lambda d: segment_texts(page) == [], "the demo's lines stayed in the transcript view")

    srt = tmp_path / "cards (edited).srt"
    srt.write_text(SIDE_SRT)
    drag.drop([srt])

    wait_lines(page, ["An index card for every idea.", "Shuffle the deck before you look."], "the dropped SRT")
    shot(page, artifacts_dir, "drop-transcript-attached")
    after = episode_titled(data_dir, "Index Cards")
    assert after["id"] == episode_id and after["has_transcript"], after
    assert page.title() == "Index Cards", "still the same episode"
    hits = cli(data_dir, "search", "shuffle")["hits"]
    assert [h["episode"] for h in hits] == [episode_id], f"the dropped lines belong to that episode: {hits}"
    demo = [e for e in cli(data_dir, "list")["episodes"] if e["title"] != "Index Cards"]
    assert all(e["has_transcript"] for e in demo), "the demo keeps its own transcript"
