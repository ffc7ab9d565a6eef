"""Backing up the library and restoring it from Settings, through the native save and
open dialogs, as a person does it: the backup file is checked to be a whole Earmark
library holding the note, and a restore brings back the library as it was backed up
(the note written after the backup is gone, the backed-up one is in the window
again), keeping the library it replaced.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_cli import cli, episode_titled
from harness.native_dialog import answer_file_dialog
from harness.notes_page import NOTE_ITEM, open_from_notebook
from harness.settings_dialog import open_settings

KEPT = "Spacing beats cramming, kept in the backup"
LATER = "Written after the backup"
STATUS = '[data-testid="backup-status"]'


def status_text(page) -> str:
    """What the Settings dialog's library line says."""
    return page.driver.execute_script(f"return document.querySelector('{STATUS}').textContent")


def notes_in(path: Path) -> list[str]:
    """The notes of the library file at `path`, read with SQLite itself."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",), f"{path} is damaged"
        assert db.execute("PRAGMA user_version").fetchone()[0] >= 1, f"{path} has no Earmark schema"
        return [text for (text,) in db.execute("SELECT text FROM notes ORDER BY id")]


def test_back_up_and_restore_from_settings(
    app: RunningApp, display, data_dir: Path, tmp_path: Path, demo_episode: DemoEpisode
) -> None:
    page = app.page
    page.segments(at_least=1)
    episode = str(episode_titled(data_dir, demo_episode.title)["id"])
    cli(data_dir, "notes", "add", episode, "--at", "5000", KEPT)

    backup = tmp_path / "Earmark backup.db"
    open_settings(page)
    page.wait_visible('[data-testid="library-backup"]').click()
    answer_file_dialog(display.env, "Back up library", backup, save=True)
    said = page.wait_until(
        lambda d: (text := status_text(page)).startswith("Backed up") and text,
        "no word that the backup was made",
        30,
    )
    assert str(backup) in said and "1 note" in said, said
    assert page.wait_visible(STATUS).is_displayed()
    assert notes_in(backup) == [KEPT], "the backup is a valid library holding the note"
    assert not Path(f"{backup}-wal").exists(), "the backup is one file"

    cli(data_dir, "notes", "add", episode, "--at", "9000", LATER)
    page.wait_visible('[data-testid="library-restore"]').click()
    answer_file_dialog(display.env, "Restore from backup", backup)
    # The window reloads on the restored library and says what came back.
    page.wait_until(
        lambda d: any("Restored" in t.text for t in page.find_all('[data-testid="toast"]')),
        "no word that the library was restored",
        30,
    )
    listed = [n["text"] for n in cli(data_dir, "notes", "list", episode)["notes"]]
    assert listed == [KEPT], f"the library is the backup's: {listed}"
    kept = list((data_dir / "backups").glob("library-before-restore-*.db"))
    assert len(kept) == 1 and notes_in(kept[0]) == [KEPT, LATER], f"the replaced library is kept: {kept}"

    open_from_notebook(page, KEPT)
    # The texts are read inside the wait: the panel may re-render between reads.
    shown = page.wait_until(
        lambda d: (texts := [i.text for i in page.find_all(NOTE_ITEM)]) and any(KEPT in t for t in texts) and texts,
        "the restored note is not in the window",
    )
    assert not any(LATER in t for t in shown), f"the later note is gone: {shown}"
