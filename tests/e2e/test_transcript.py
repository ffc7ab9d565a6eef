"""End-to-end tests of the transcript view: sync with what is heard, clicks, auto-follow,
untimed transcripts with estimated times and pins, a 10,000-line transcript, find,
copy, and bad files.

Transcripts are added the way a person can add them without the native dialog:
through the transcript view's file input (`[data-testid="transcript-file"]`), which
sends the file's bytes to the same command chain a dropped or picked file goes
through (parse, store, show). Numbers measured go to `artifacts/<test>.json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector

from harness.artifacts import Measurements
from harness.audio_compare import decode_audio, locate
from harness.audio_sink import AudioSink
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT, SEGMENT, EarmarkPage

REPO = Path(__file__).resolve().parents[2]
DEMO_TEXT = REPO / "assets" / "demo" / "demo.txt"
DEMO_VTT = REPO / "assets" / "demo" / "demo.vtt"

#: How far the lit line may be from the shown position (extrapolated each frame).
LINE_TOLERANCE_MS = 150
#: Budgets from the issue (docs/benchmarks.md has the figures measured). The tests
#: record the figure and fail only well past the budget, as the machine may be busy:
#: a view that rendered every line would take seconds, not milliseconds.
FIRST_PAINT_BUDGET_MS = 150
FIRST_PAINT_FAIL_MS = 1000
HIGHLIGHT_BUDGET_MS = 2.0
HIGHLIGHT_FAIL_MS = 2 * HIGHLIGHT_BUDGET_MS
#: Rows and elements the view may have in the page at once, whatever the length.
MAX_ROWS = 120
MAX_ELEMENTS = 1500

SCROLLER = ".transcript"
FILE_INPUT = '[data-testid="transcript-file"]'
BACK_TO_NOW = '[data-testid="back-to-now"]'


# --- helpers -----------------------------------------------------------------------


def add_transcript(page: EarmarkPage, path: Path) -> None:
    """Choose `path` in the transcript view's file input (the driver runs on this
    machine: the path is given as is, not uploaded)."""
    page.driver.file_detector = UselessFileDetector()
    page.driver.find_element(By.CSS_SELECTOR, FILE_INPUT).send_keys(str(path))


def add_untimed(page: EarmarkPage, path: Path) -> None:
    """Adds an untimed transcript and waits until its lines show estimated times."""
    add_transcript(page, path)
    wait_for_lines(page, "lines.length > 5 && lines.every(l => l.dataset.timing === 'estimated')",
                   "the untimed transcript is not shown with estimated times")


def dom_stats(page: EarmarkPage) -> dict:
    return page.driver.execute_script(
        """
        const lines = document.querySelector('.transcript-lines');
        const rows = [...lines.querySelectorAll('.transcript-row')];
        return {
          rows: rows.length,
          elements: lines.querySelectorAll('*').length,
          first: rows.length ? Number(rows[0].dataset.row) : -1,
          last: rows.length ? Number(rows[rows.length - 1].dataset.row) : -1,
          height: lines.getBoundingClientRect().height,
        };
        """
    )


def measures(page: EarmarkPage, name: str) -> list[float]:
    return page.driver.execute_script(
        "return performance.getEntriesByName(arguments[0]).map(e => e.duration);", name
    )


def line_in_view(page: EarmarkPage, css: str) -> bool:
    """Whether the element is (at least half) inside the transcript's viewport."""
    return page.driver.execute_script(
        """
        const el = document.querySelector(arguments[0]);
        const view = document.querySelector(arguments[1]).getBoundingClientRect();
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const middle = (r.top + r.bottom) / 2;
        return middle >= view.top && middle <= view.bottom;
        """,
        css,
        SCROLLER,
    )


def segment_attrs(page: EarmarkPage, index: int) -> dict | None:
    return page.driver.execute_script(
        """
        const el = document.querySelector(`[data-testid="segment"][data-index="${arguments[0]}"]`);
        if (!el) return null;
        return {start: el.dataset.startMs == null ? null : Number(el.dataset.startMs),
                end: el.dataset.endMs == null ? null : Number(el.dataset.endMs),
                timing: el.dataset.timing || null,
                time: el.querySelector('.segment-time').textContent,
                text: el.querySelector('.segment-text').textContent};
        """,
        index,
    )


def write_long_vtt(path: Path, cues: int = 10_000, span_ms: int = 4 * 3600 * 1000) -> Path:
    """A 4-hour WebVTT of `cues` cues, three speakers, lines of varied length."""
    words = (
        "memory notes listening transcript shorthand retrieval practice spacing curve speech "
        "attention reading highlight moment episode question answer example history machine"
    ).split()
    step = span_ms // cues
    out = ["WEBVTT", ""]
    for i in range(cues):
        start, end = i * step, i * step + step - 100
        length = 4 + (i * 7919) % 38
        text = " ".join(words[(i * 3 + k) % len(words)] for k in range(length))
        speaker = ("Maya", "Ines", "Theo")[(i // 3) % 3]
        out += [f"{clock(start)} --> {clock(end)}", f"<v {speaker}>Line {i}: {text}.", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def write_word_timed_json(path: Path) -> Path:
    """The demo's timed transcript as Podcasting 2.0 JSON with one segment per word
    (word times spread evenly over each cue), which Earmark groups into lines."""
    cues = []
    block: list[str] = []
    for raw in DEMO_VTT.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line:
            block.append(line)
            continue
        timing = next((b for b in block if "-->" in b), None)
        if timing:
            start, end = (parse_clock(t.split()[0]) for t in timing.split("-->"))
            body = " ".join(b for b in block[block.index(timing) + 1 :])
            speaker = body[3 : body.index(">")] if body.startswith("<v ") else None
            text = body[body.index(">") + 1 :] if speaker else body
            cues.append((start, end, speaker, text.split()))
        block = []
    segments = []
    for start, end, speaker, words in cues:
        step = (end - start) / max(1, len(words))
        for k, word in enumerate(words):
            segment = {"startTime": (start + k * step) / 1000, "endTime": (start + (k + 1) * step) / 1000, "body": word}
            if speaker:
                segment["speaker"] = speaker
            segments.append(segment)
    path.write_text(json.dumps({"version": "1.0.0", "segments": segments}), encoding="utf-8")
    return path


def clock(ms: int) -> str:
    return f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:{ms // 1000 % 60:02}.{ms % 1000:03}"


def parse_clock(text: str) -> int:
    parts = text.replace(",", ".").split(":")
    seconds = float(parts[-1]) + 60 * int(parts[-2]) + (3600 * int(parts[-3]) if len(parts) > 2 else 0)
    return round(seconds * 1000)


def wait_for_lines(page: EarmarkPage, predicate: str, message: str, timeout: float = 15) -> object:
    """Wait until the JS expression `predicate` (over `lines`, the rendered segments) is truthy."""
    script = f"const lines = [...document.querySelectorAll('[data-testid=segment]')]; return ({predicate});"
    return page.wait_until(lambda d: d.execute_script(script) or False, message, timeout)


# --- tests -------------------------------------------------------------------------


def test_lit_line_follows_the_audio_heard(
    app: RunningApp, audio_sink: AudioSink, demo_episode: DemoEpisode, measurements: Measurements
) -> None:
    page = app.page
    page.segments(at_least=10)
    since = audio_sink.frames_written()
    page.click_play_toggle()
    page.wait_for_state("playing")

    samples = []
    for moment_ms in (2_500, 7_500, 13_200, 17_000):
        page.wait_for_position_past(moment_ms, timeout=30)
        snapshot = page.snapshot()
        written = audio_sink.frames_written() - since
        assert snapshot.current is not None, f"no line lit at {snapshot.position_ms} ms"
        line = snapshot.current
        samples.append({"position_ms": snapshot.position_ms, "written_frames": written, "line": line.index,
                        "start_ms": line.start_ms, "end_ms": line.end_ms})
        assert line.start_ms - LINE_TOLERANCE_MS <= snapshot.position_ms <= line.end_ms + LINE_TOLERANCE_MS + 1500, (
            f"line {line.index} [{line.start_ms}, {line.end_ms}] is lit at {snapshot.position_ms} ms"
        )
        assert line_in_view(page, CURRENT_SEGMENT), f"the lit line {line.index} is out of view"
    page.click_play_toggle()
    page.wait_for_state("paused")

    # Where the episode's first second is in the capture gives the media time of every
    # frame written; the lit line must hold the time that was being heard.
    capture, rate = audio_sink.read_capture(since)
    start = locate(decode_audio(demo_episode.audio, 0, 1000, rate), capture[: rate * 3], rate)
    assert start.score > 0.6, f"the episode's opening is not in the capture ({start})"
    for sample in samples:
        heard_ms = (sample["written_frames"] - start.offset) * 1000 / rate
        sample["written_media_ms"] = heard_ms
        ahead = heard_ms - sample["position_ms"]
        sample["written_ahead_ms"] = ahead
        assert -150 <= ahead <= 1000, f"shown {sample['position_ms']} ms, audio written to {heard_ms:.0f} ms"
    measurements["samples"] = samples


def test_current_word_is_lit_with_word_timings(
    app: RunningApp, tmp_path: Path, measurements: Measurements
) -> None:
    page = app.page
    page.segments(at_least=10)
    add_transcript(page, write_word_timed_json(tmp_path / "demo-words.json"))
    page.click_play_toggle()
    page.wait_for_state("playing")
    seen = []
    for moment_ms in (3_000, 5_000, 9_000):
        page.wait_for_position_past(moment_ms, timeout=30)
        word = page.driver.execute_script(
            """
            const word = document.querySelector('.segment.is-current .word.is-current-word');
            const position = Number(document.querySelector('[data-testid=position]').dataset.ms);
            return word && {text: word.textContent, position,
                            words: document.querySelectorAll('.word').length,
                            inLit: !!word.closest('.segment.is-current')};
            """
        )
        assert word, f"no word is lit at {moment_ms} ms"
        assert word["inLit"], "the lit word is outside the lit line"
        seen.append(word)
    page.click_play_toggle()
    page.wait_for_state("paused")
    assert len({w["text"] for w in seen}) > 1, f"the lit word never moved: {seen}"
    counts = {w["words"] for w in seen}
    assert max(counts) < 60, f"word elements exist beyond the current line: {counts}"
    highlight = measures(page, "transcript-highlight")
    measurements.update({"words_seen": seen, "highlight_frames": len(highlight),
                         "highlight_max_ms": max(highlight), "highlight_p95_ms": p95(highlight)})
    assert p95(highlight) <= HIGHLIGHT_FAIL_MS, f"highlight work p95 {p95(highlight):.2f} ms per frame"


def test_click_lands_on_the_clicked_line(app: RunningApp, measurements: Measurements) -> None:
    page = app.page
    page.segments(at_least=10)
    total = page.driver.execute_script("return document.querySelectorAll('.transcript-row').length")
    target = 40  # far below the first screen: rendered only once scrolled to
    page.wait_until(
        lambda d: d.execute_script(
            """
            const s = document.querySelector('.transcript');
            const el = document.querySelector(`[data-testid='segment'][data-index='${arguments[0]}']`);
            if (el) { el.scrollIntoView({block: 'center'}); return true; }
            // Scroll towards it, as a reader would, until it is rendered.
            const rows = document.querySelectorAll('.transcript-row');
            const first = Number(rows[0].dataset.row);
            s.scrollTop += (first > arguments[0] ? -1 : 1) * s.clientHeight / 3;
            return false;
            """,
            target,
        ),
        f"line {target} never rendered while scrolling",
    )
    element = page.driver.find_element(By.CSS_SELECTOR, f'{SEGMENT}[data-index="{target}"]')
    line = page.segment_of(element)
    element.click()
    page.wait_for_state("playing")
    snapshot = page.wait_until(
        lambda d: s if (s := page.snapshot()).current and s.position_ms > line.start_ms else False,
        "nothing lit after the click",
    )
    page.click_play_toggle()
    measurements.update({"rows_at_start": total, "line": line.index, "start_ms": line.start_ms,
                         "position_after_click_ms": snapshot.position_ms, "lit": snapshot.current.index})
    assert snapshot.current.index == target, f"clicked line {target}, line {snapshot.current.index} is lit"
    assert line.start_ms <= snapshot.position_ms <= line.start_ms + 1500, snapshot


def test_auto_follow_yields_to_the_reader_and_back_to_now_returns(app: RunningApp) -> None:
    page = app.page
    page.segments(at_least=10)
    page.click_play_toggle()
    page.wait_for_state("playing")
    page.wait_for_position_past(1_000)
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "the lit line is not followed")

    # The reader scrolls away: a wheel turn, then the scrollbar (a plain scroll).
    page.driver.execute_script(
        """
        const s = document.querySelector('.transcript');
        s.dispatchEvent(new WheelEvent('wheel', {deltaY: 600, bubbles: true}));
        s.scrollTop = s.scrollHeight;
        """
    )
    back = page.wait_visible(BACK_TO_NOW)
    # What the reader sees: the line at the top of the view, and where it is.
    top_line = """
        const view = document.querySelector('.transcript').getBoundingClientRect();
        const line = [...document.querySelectorAll('[data-testid=segment]')]
          .find((l) => l.getBoundingClientRect().top >= view.top);
        return line && [Number(line.dataset.index), line.getBoundingClientRect().top];
    """
    # Rows just scrolled to get measured over a few frames: wait until the view is still.
    previous: list = []

    def settled(d) -> list | bool:
        now = d.execute_script(top_line)
        steady = now and now == previous[-1:][0] if previous else False
        previous.append(now)
        return now if steady else False

    seen = page.wait_until(settled, "the view never settled")
    lit_before = page.snapshot().current
    # Far from the lit line, it is not even rendered: wait on the clock instead.
    ends_ms = lit_before.end_ms if lit_before else page.position_ms() + 3000
    page.wait_for_position_past(ends_ms + 300, timeout=20)
    still = page.driver.execute_script(top_line)
    assert still[0] == seen[0] and abs(still[1] - seen[1]) < 2, (
        f"auto-follow fought the reader: line {seen[0]} at {seen[1]:.0f}px became line {still[0]} at {still[1]:.0f}px"
    )
    assert not line_in_view(page, CURRENT_SEGMENT), "the lit line should be out of view while reading elsewhere"

    # A plain scroll by script, with no wheel, also counts as the reader's.
    back.click()
    page.wait_until(lambda d: not d.find_element(By.CSS_SELECTOR, BACK_TO_NOW).is_displayed(), "Back to now stays")
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "Back to now did not bring the lit line back")
    page.driver.execute_script("document.querySelector('.transcript').scrollTop = 0;")
    page.wait_visible(BACK_TO_NOW)
    page.driver.find_element(By.CSS_SELECTOR, BACK_TO_NOW).click()
    page.wait_until(lambda d: line_in_view(page, CURRENT_SEGMENT), "Back to now did not return the second time")
    page.click_play_toggle()


def test_untimed_transcript_gets_estimated_times_and_pins_retime_it(
    launch_app, measurements: Measurements
) -> None:
    app: RunningApp = launch_app()
    page = app.page
    page.segments(at_least=10)
    add_untimed(page, DEMO_TEXT)
    first = segment_attrs(page, 0)
    assert first["time"].startswith("≈"), f"an estimated time reads {first['time']!r}"
    assert first["text"].startswith("Welcome"), first

    # Once the audio's pauses are found, "Hi Maya." starts where Ines says it (12.87 s).
    truth_ms = 12_872
    hi = page.wait_until(
        lambda d: a if (a := segment_attrs(page, 1)) and abs(a["start"] - truth_ms) < 400 else False,
        f"line 1 never got near its spoken start {truth_ms} ms ({segment_attrs(page, 1)})",
    )
    measurements["line1_estimated_ms"] = hi["start"]

    # Lines play from their estimated starts.
    page.driver.find_element(By.CSS_SELECTOR, f'{SEGMENT}[data-index="2"]').click()
    page.wait_for_state("playing")
    page.wait_for_position_past(segment_attrs(page, 2)["start"] + 2_500)
    page.click_play_toggle()
    page.wait_for_state("paused")
    at_ms = page.settled_position_ms()
    before = {i: segment_attrs(page, i) for i in range(3, 9)}

    # "This line starts now" on line 6, while the audio is in line 2-3.
    target = 6
    element = page.driver.find_element(By.CSS_SELECTOR, f'{SEGMENT}[data-index="{target}"]')
    page.scroll_into_view(element)
    ActionChains(page.driver).move_to_element(element).perform()
    pin = element.find_element(By.CSS_SELECTOR, '[data-testid="pin-line"]')
    page.wait_until(lambda d: pin.is_displayed(), "the pin button does not show on hover")
    pin.click()
    pinned = page.wait_until(
        lambda d: a if (a := segment_attrs(page, target))["timing"] == "pinned" else False,
        "the line was not pinned",
    )
    after = {i: segment_attrs(page, i) for i in range(3, 9)}
    measurements.update({"pinned_at_ms": at_ms, "before": before, "after": after})
    assert abs(pinned["start"] - at_ms) <= 50, f"pinned at {pinned['start']} ms, the moment was {at_ms} ms"
    assert not pinned["time"].startswith("≈"), pinned
    for i in (3, 4, 5):
        assert after[i]["start"] < pinned["start"], f"line {i} must start before the pinned line: {after[i]}"
        assert after[i]["start"] != before[i]["start"], f"line {i} was not re-timed: {before[i]} -> {after[i]}"
    assert after[5]["end"] <= pinned["start"], "the line before the pin ends where the pin starts"
    assert after[7]["start"] > pinned["start"], "the line after the pin starts after it"
    # The pinned line is now the lit one at that moment.
    page.wait_until(lambda d: page.snapshot().current and page.snapshot().current.index == target,
                    "the pinned line is not lit at its moment")

    # Pins are saved: after a restart the transcript and its pin are back.
    app.driver.quit()
    again: RunningApp = launch_app()
    page = again.page
    restored = page.wait_until(
        lambda d: a if (a := segment_attrs(page, target)) and a["timing"] == "pinned" else False,
        "the pin did not survive a restart",
    )
    assert abs(restored["start"] - pinned["start"]) <= 1, (restored, pinned)


def test_ten_thousand_lines_open_fast_and_stay_bounded(
    app: RunningApp, tmp_path: Path, measurements: Measurements
) -> None:
    page = app.page
    page.segments(at_least=10)
    vtt = write_long_vtt(tmp_path / "four-hours.vtt")
    add_transcript(page, vtt)
    wait_for_lines(page, "lines.some(l => l.textContent.includes('Line 0:'))", "the long transcript is not shown", 30)
    paint = page.wait_until(lambda d: measures(page, "transcript-first-paint")[1:] or False, "no first-paint measure")
    render = measures(page, "transcript-render")[-1]
    stats = dom_stats(page)
    measurements.update({"first_paint_ms": paint[-1], "render_ms": render, "dom_at_open": stats})
    assert stats["rows"] <= MAX_ROWS and stats["elements"] <= MAX_ELEMENTS, stats
    assert stats["height"] > 100_000, f"the list is not as tall as 10,000 lines: {stats}"
    measurements["first_paint_within_budget"] = paint[-1] <= FIRST_PAINT_BUDGET_MS
    assert paint[-1] <= FIRST_PAINT_FAIL_MS, f"first paint took {paint[-1]:.0f} ms"

    # Opening the episode again: from the click in the library to the painted view,
    # through the library (the stored 10,000 lines) and the window's IPC.
    reopen = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const before = performance.getEntriesByName('transcript-first-paint').length;
        const clicked = performance.now();
        document.querySelector('[data-testid=episode-item]').click();
        const poll = () => {
          const paints = performance.getEntriesByName('transcript-first-paint');
          if (paints.length > before) {
            const paint = paints[paints.length - 1];
            done({total_ms: paint.startTime + paint.duration - clicked, view_ms: paint.duration});
          } else setTimeout(poll, 5);
        };
        poll();
        """
    )
    measurements["reopen"] = reopen
    wait_for_lines(page, "lines.some(l => l.textContent.includes('Line 0:'))", "the reopened transcript is not shown")

    # Scroll through it: the middle, then the end; the page never holds more rows.
    seen = []
    for fraction in (0.5, 0.999, 0.25):
        page.driver.execute_script(
            "const s = document.querySelector('.transcript'); s.scrollTop = s.scrollHeight * arguments[0];", fraction
        )
        page.wait_until(
            lambda d, f=fraction: abs(dom_stats(page)["first"] - 10_000 * f) < 200 or False,
            f"rows near {fraction:.0%} were not rendered ({dom_stats(page)})",
        )
        stats = dom_stats(page)
        seen.append(stats)
        assert stats["rows"] <= MAX_ROWS and stats["elements"] <= MAX_ELEMENTS, stats
    measurements["dom_while_scrolling"] = seen

    # Find works on lines that are not rendered: line 9,876 is found and scrolled to.
    ActionChains(page.driver).key_down(Keys.CONTROL).send_keys("f").key_up(Keys.CONTROL).perform()
    field = page.wait_visible('[data-testid="find-input"]')
    field.send_keys("Line 9876:")
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text == "1 of 1",
                    "the find count is not '1 of 1'")
    mark = page.wait_visible('[data-testid="find-current"]')
    assert mark.text == "Line 9876:"
    assert mark.find_element(By.XPATH, "./ancestor::p").get_attribute("data-index") == "9876"
    field.clear()
    field.send_keys("memory notes")

    def counted(d) -> bool:
        # The count of the whole phrase, not of a prefix typed on the way.
        element = d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]')
        return element.get_attribute("data-query") == "memory notes" and " of " in element.text

    page.wait_until(counted, "no count for a common phrase")
    count = page.driver.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text
    field.send_keys(Keys.ENTER)
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text != count,
                    "Enter did not move to the next match")
    field.send_keys(Keys.SHIFT, Keys.ENTER)
    page.wait_until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="find-count"]').text == count,
                    "Shift+Enter did not move back")
    measurements["find_count"] = count
    field.send_keys(Keys.ESCAPE)
    page.wait_until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".segment mark"), "marks stay after closing")

    # A click far down plays from that line.
    element = page.find_all(SEGMENT)[len(page.find_all(SEGMENT)) // 2]
    index = int(element.get_attribute("data-index"))
    start_ms = int(element.get_attribute("data-start-ms"))
    element.click()
    page.wait_for_state("playing")
    snapshot = page.wait_until(
        lambda d: s if (s := page.snapshot()).current and s.position_ms >= start_ms else False,
        f"playback never reached the clicked line's start {start_ms} ms",
    )
    page.click_play_toggle()
    assert snapshot.current.index == index, f"clicked {index}, lit {snapshot.current.index}"


def speakers_shown(page: EarmarkPage) -> list[dict]:
    """Each rendered line, in order, with the speaker's name shown above its turn
    (as visible on the page) and that name's computed colour."""
    return page.driver.execute_script(
        """
        let speaker = null;
        const shown = [];
        for (const row of document.querySelectorAll('.transcript-row')) {
          const name = row.querySelector('.speaker');
          if (name) {
            const box = name.getBoundingClientRect();
            const style = getComputedStyle(name);
            speaker = {name: name.textContent, color: style.color,
                       visible: box.height > 0 && style.visibility === 'visible' && style.display !== 'none'};
          }
          const line = row.querySelector('[data-testid=segment]');
          shown.push({index: Number(line.dataset.index), text: line.querySelector('.segment-text').textContent,
                      ...(speaker ?? {name: null, color: null, visible: false})});
        }
        return shown;
        """
    )


def test_lines_show_their_speaker_and_copy_gives_timestamped_lines(app: RunningApp) -> None:
    page = app.page
    page.segments(at_least=10)

    # Each line is under its speaker's name, as the demo's WebVTT says; each speaker
    # has a colour of their own, the same on every turn.
    spoken_by = re.findall(r"^<v ([^>]+)>", DEMO_VTT.read_text(encoding="utf-8"), re.MULTILINE)
    shown = speakers_shown(page)
    assert shown and shown[0]["index"] == 0 and len(shown) >= 10, f"the first screen is not rendered: {shown[:3]}"
    for line in shown:
        assert line["name"] == spoken_by[line["index"]] and line["visible"], (
            f"line {line['index']} ({line['text']!r}) shows speaker {line['name']!r}, "
            f"it is {spoken_by[line['index']]!r}"
        )
    colours: dict[str, set[str]] = {}
    for line in shown:
        colours.setdefault(line["name"], set()).add(line["color"])
    assert set(colours) == {"Maya Lindqvist", "Ines Okafor", "Theo Marsh"}, colours
    assert all(len(c) == 1 for c in colours.values()), f"a speaker changes colour: {colours}"
    assert len({c for (c,) in colours.values()}) == 3, f"speakers share a colour: {colours}"

    page.driver.execute_script(
        """
        window.__copied = null;
        document.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); });
        const text = (i) => document.querySelector(`[data-index="${i}"] .segment-text`).firstChild;
        const range = document.createRange();
        range.setStart(text(1), 5);      // from inside line 1 ...
        range.setEnd(text(3), 8);        // ... into line 3
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        """
    )
    ActionChains(page.driver).key_down(Keys.CONTROL).send_keys("c").key_up(Keys.CONTROL).perform()
    copied = page.wait_until(lambda d: d.execute_script("return window.__copied"), "nothing was copied")
    lines = copied.split("\n")
    assert len(lines) == 3, copied
    assert lines[0].startswith("[0:02] Maya Lindqvist: "), copied
    assert lines[1].startswith("[0:07] Maya Lindqvist: With me are Ines"), copied
    assert lines[2] == "[0:12] Ines Okafor: Hi Maya.", copied


def test_a_bad_transcript_file_is_refused_and_nothing_is_lost(app: RunningApp, tmp_path: Path) -> None:
    page = app.page
    before = [page.segment_of(e).text for e in page.segments(at_least=10)[:5]]
    junk = tmp_path / "junk.vtt"
    junk.write_bytes(bytes((i * 37 + 11) % 256 for i in range(8192)))
    add_transcript(page, junk)
    page.wait_until(lambda d: "could not be read" in page.notice_text(), "no notice about the bad file")
    notice = page.notice_text()
    assert "junk.vtt" in notice and "does not look like a transcript" in notice, notice
    after = [page.segment_of(e).text for e in page.segments(at_least=10)[:5]]
    assert after == before, "the transcript changed after a bad file"


def test_export_renders_every_format(app: RunningApp) -> None:
    page = app.page
    page.segments(at_least=10)
    add_untimed(page, DEMO_TEXT)
    rendered = page.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const id = Number(document.querySelector('[data-testid=episode-item]').dataset.episodeId);
        const invoke = window.__TAURI__.core.invoke;
        Promise.all(['vtt', 'srt', 'json', 'md'].map((format) =>
            invoke('transcript_render', {id, format, estimated: true})))
          .then(done, (e) => done({error: e}));
        """
    )
    assert not isinstance(rendered, dict), rendered
    vtt, srt, podcast_json, markdown = rendered
    assert vtt.startswith("WEBVTT") and "<v Maya Lindqvist>Welcome" in vtt, vtt[:300]
    assert "00:00:0" in srt and "Maya Lindqvist: Welcome" in srt, srt[:300]
    document = json.loads(podcast_json)
    assert document["version"] == "1.0.0" and document["segments"][0]["speaker"] == "Maya Lindqvist"
    assert "[≈0:" in markdown and "**Ines Okafor**" in markdown, markdown[:300]


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]

