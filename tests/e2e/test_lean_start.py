"""Issue 18's lean-start benchmark in the real window (not run by the test command):
how long the release app takes from launch to a painted library of 1,000 episodes and
500 notes, how much memory all its processes hold (PSS) once idle, both beside a bare
Tauri 2 window (`tests/bench/bare-window`) measured the same way in the same run; and
how much that memory grows over an hour of playback.

Run: `tests/bench/run-lean-start.sh` (see docs/benchmarks.md), which builds both
release binaries and sets EARMARK_BARE_WINDOW and EARMARK_APP_BINARY. Figures go to
`tests/e2e/artifacts/<test>.json`.

Memory is read from plain launches, without WebDriver. A launch is timed from the WebDriver request that starts the process to the
"library-painted" User Timing mark, which each page sets in the second animation
frame after its content is in the DOM (so after the first frame that shows it):
`performance.timeOrigin + mark.startTime` against the wall clock before the request.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.driver import TauriDriver
from harness.earmark_app import RunningApp
from harness.earmark_cli import cli
from harness.earmark_page import EarmarkPage
from harness.processes import ChildProcess, wait_for

BARE_WINDOW = os.environ.get("EARMARK_BARE_WINDOW")
PLAYBACK_MINUTES = float(os.environ.get("EARMARK_BENCH_PLAYBACK_MINUTES", "60"))
RUNS = 5
SHOWS, EPISODES_PER_SHOW, NOTES = 20, 50, 500

needs_bare_window = pytest.mark.skipif(
    not BARE_WINDOW, reason="a benchmark: run tests/bench/run-lean-start.sh (sets EARMARK_BARE_WINDOW)"
)


def make_library(data_dir: Path) -> None:
    """1,000 episodes in 20 shows, and 500 notes on the newest 100 episodes."""
    cli(data_dir, "list")  # makes the library
    notes = "A show note about listening, memory and keeping what you hear. " * 8
    with sqlite3.connect(data_dir / "earmark.db") as db:
        for show in range(SHOWS):
            podcast = db.execute(
                "INSERT INTO podcasts (title, feed_url) VALUES (?, ?)",
                (f"Show {show + 1}", f"http://127.0.0.1:9/feed{show}"),
            ).lastrowid
            db.executemany(
                "INSERT INTO episodes (podcast_id, guid, title, description, published, audio_url, duration_ms) "
                "VALUES (?, ?, ?, ?, ?, 'http://127.0.0.1:9/a.mp3', 3600000)",
                (
                    (podcast, f"s{show}e{n}", f"Episode {n} of show {show + 1}", notes, f"{2000 + n // 5:04d}-01-01T00:00:00Z")
                    for n in range(EPISODES_PER_SHOW)
                ),
            )
        newest = [row[0] for row in db.execute("SELECT id FROM episodes ORDER BY published DESC LIMIT 100")]
        db.executemany(
            "INSERT INTO notes (episode_id, at_ms, text) VALUES (?, ?, ?)",
            ((newest[n % len(newest)], 1000 * n, f"Note {n}: the point made here.") for n in range(NOTES)),
        )


def process_tree(root: int) -> list[int]:
    """`root` and every process below it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    tree, added = {root}, True
    while added:
        below = {pid for pid, parent in parents.items() if parent in tree and pid not in tree}
        tree |= below
        added = bool(below)
    return sorted(tree)


#: The test sound server's shared buffers (JACK's dummy backend): mapped by the app
#: only because the tests play into JACK, some 50 MB of PSS that a desktop's sound
#: server (PipeWire, PulseAudio) does not cost, so they are left out.
SOUND_SERVER_SHM = "/dev/shm/jack-"


def pss_kb(pid: int) -> tuple[str, int]:
    """A process's name and proportional set size (kB), the test sound server's shared
    buffers left out; 0 when it is gone."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        smaps = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return "", 0
    total, counted = 0, True
    for line in smaps.splitlines():
        if line[:1] in "0123456789abcdef" and "-" in line.split(" ", 1)[0]:
            fields = line.split()
            counted = not (len(fields) > 5 and fields[5].startswith(SOUND_SERVER_SHM))
        elif counted and line.startswith("Pss:"):
            total += int(line.split()[1])
    return name, total


def memory_of(root: int) -> dict[str, int]:
    """PSS in kB by process name over `root`'s tree."""
    by_name: dict[str, int] = {}
    for pid in process_tree(root):
        name, kb = pss_kb(pid)
        if name:
            by_name[name] = by_name.get(name, 0) + kb
    return by_name


def idle_memory(root: int) -> dict[str, int]:
    """The tree's memory once it settled: six readings 0.5 s apart within 1 MB."""
    readings: list[dict[str, int]] = []

    def settled() -> dict[str, int] | None:
        readings.append(memory_of(root))
        totals = [sum(r.values()) for r in readings[-6:]]
        return readings[-1] if len(totals) == 6 and max(totals) - min(totals) < 1024 else None

    return wait_for(settled, 60, "the app's memory never settled", poll=0.5)


def launch_time(binary: Path, env: dict[str, str], workdir: Path) -> dict[str, float]:
    """One launch of `binary` through WebDriver, in ms: to the painted library
    (`total`); of that, from the process's start to the page's (`page_start`); and
    from the page's start to its scripts run (`dom_ready`, DOMContentLoaded)."""
    tauri_driver = TauriDriver(env, log_path=workdir / f"{binary.name}.tauri-driver.log", cwd=workdir)
    tauri_driver.start()
    try:
        started = time.time() * 1000
        driver = tauri_driver.open_session(binary)
        painted, mark = wait_for(
            lambda: driver.execute_script(
                "const m = performance.getEntriesByName('library-painted')[0];"
                "return m ? [performance.timeOrigin + m.startTime, m.startTime] : null;"
            ),
            60,
            f"{binary.name} never marked library-painted",
        )
        dom = driver.execute_script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        driver.quit()
        return {"total": painted - started, "page_start": painted - started - mark, "dom_ready": dom}
    finally:
        tauri_driver.stop()


def idle_memory_of_launch(binary: Path, env: dict[str, str], workdir: Path) -> dict[str, int]:
    """One plain launch of `binary`, as a user starts it (WebDriver's automation
    session costs the app's process some 50 MB): its memory by process once idle."""
    app = ChildProcess(binary.name, [str(binary)], workdir / f"{binary.name}.log", env=env, cwd=workdir)
    try:
        wait_for(
            lambda: any(pss_kb(pid)[0].startswith("WebKitWebProc") for pid in process_tree(app.pid)),
            60,
            f"{binary.name} started no web process",
            alive=app,
        )
        memory = idle_memory(app.pid)
        return memory
    finally:
        app.stop()


@needs_bare_window
def test_launch_to_a_painted_library_and_idle_memory_beside_a_bare_tauri_window(
    app_binary: Path, app_env: dict[str, str], data_dir: Path, tmp_path: Path, measurements
) -> None:
    make_library(data_dir)
    results: dict[str, dict] = {}
    for name, binary in (("earmark", app_binary), ("bare_tauri", Path(str(BARE_WINDOW)).resolve())):
        phases = [launch_time(binary, app_env, tmp_path) for _ in range(RUNS)]
        launches = [round(p["total"]) for p in phases]
        memories = [idle_memory_of_launch(binary, app_env, tmp_path) for _ in range(RUNS)]
        totals = [sum(m.values()) // 1024 for m in memories]
        results[name] = {
            "launch_ms": launches,
            "launch_median_ms": statistics.median(launches),
            "process_to_page_start_ms": [round(p["page_start"]) for p in phases],
            "page_start_to_scripts_run_ms": [round(p["dom_ready"]) for p in phases],
            "pss_total_mb": totals,
            "pss_median_mb": statistics.median(totals),
            "pss_by_process_mb_last": {k: round(v / 1024, 1) for k, v in memories[-1].items()},
        }
    measurements.update(results)
    assert results["earmark"]["launch_ms"] and results["bare_tauri"]["launch_ms"]


def hour_of_audio(path: Path, seconds: int) -> Path:
    """A mono MP3 of `seconds`: a slow sweep, as the playback benchmarks use."""
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=220:sample_rate=22050:duration={seconds}",
         "-ac", "1", "-b:a", "32k", "-y", str(path)],
        check=True,
    )
    return path


@needs_bare_window
def test_memory_after_an_hour_of_playback(
    launch_app: Callable[..., RunningApp], tmp_path: Path, measurements
) -> None:
    seconds = int(PLAYBACK_MINUTES * 60)
    audio = hour_of_audio(tmp_path / "long.mp3", seconds + 120)
    app = launch_app(args=[str(audio)])
    page = app.page
    page.wait_until(lambda d: page.title() == "long" or False, "the long file was not opened", 60)
    page.click_play_toggle()
    page.wait_for_position_past(60_000, timeout=120)
    before = idle_free_reading(app.pid())
    played_past(page, 60_000 + seconds * 1000, timeout=seconds + 600)
    after = idle_free_reading(app.pid())
    growth_mb = (sum(after.values()) - sum(before.values())) / 1024
    measurements.update(
        {
            "played_minutes": PLAYBACK_MINUTES,
            "pss_after_1_min_mb": {k: round(v / 1024, 1) for k, v in before.items()},
            "pss_after_playback_mb": {k: round(v / 1024, 1) for k, v in after.items()},
            "growth_mb": round(growth_mb, 1),
        }
    )
    assert page.play_state() == "playing"


def played_past(page: EarmarkPage, ms: float, timeout: float) -> None:
    """Waits until playback passed `ms`, reading the position once a minute: WebDriver
    keeps every element it was handed for the life of the page, so polling it many
    times a second for an hour would measure WebDriver's memory, not the app's."""
    deadline = time.monotonic() + timeout
    while page.position_ms() <= ms:
        assert time.monotonic() < deadline, f"position never passed {ms} ms"
        time.sleep(min(60.0, max(1.0, (ms - page.position_ms()) / 1000)))


def idle_free_reading(root: int) -> dict[str, int]:
    """Memory while playing: the median total of five readings a second apart."""
    readings = []
    for _ in range(5):
        readings.append(memory_of(root))
        time.sleep(1)
    readings.sort(key=lambda r: sum(r.values()))
    return readings[2]
