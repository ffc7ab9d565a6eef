"""End-to-end tests of the transcript view: sync with what is heard (the lit line,
the lit word), a click plays from the clicked line, speakers by name and colour,
copy with timestamps, and a bad file refused.

Auto-follow is in `test_transcript_follow.py`, untimed transcripts in
`test_untimed.py`, a 10,000-line transcript (and find) in `test_transcript_long.py`.
Numbers measured go to `artifacts/<test>.json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.artifacts import Measurements
from harness.audio_compare import decode_audio, locate
from harness.audio_sink import AudioSink
from harness.demo_episode import DemoEpisode
from harness.earmark_app import RunningApp
from harness.earmark_page import CURRENT_SEGMENT, SEGMENT, EarmarkPage
from harness.transcript_view import DEMO_VTT, add_transcript, line_in_view, measures, p95, parse_clock

#: How far the lit line may be from the shown position (extrapolated each frame).
LINE_TOLERANCE_MS = 150
#: The issue's budget for highlight work per frame (docs/benchmarks.md has the
#: figures measured); the test records it and fails only well past the budget.
HIGHLIGHT_BUDGET_MS = 2.0
HIGHLIGHT_FAIL_MS = 2 * HIGHLIGHT_BUDGET_MS


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
    page.wait_until(lambda d: "could not be read" in page.notice_now(), "no notice about the bad file")
    notice = page.notice_text()
    assert "junk.vtt" in notice and "does not look like a transcript" in notice, notice
    after = [page.segment_of(e).text for e in page.segments(at_least=10)[:5]]
    assert after == before, "the transcript changed after a bad file"
