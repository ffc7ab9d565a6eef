"""Untimed transcripts (a website's plain text): picked in the native file dialog
and kept, shown at once with estimated times (snapped to the audio's pauses), lines
playing from them, a pin ("this line starts now") re-timing the lines around it and
kept across a restart, and every export format rendered from the estimated times.
"""

from __future__ import annotations

import json

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from harness.artifacts import Measurements
from harness.display import Display
from harness.earmark_app import RunningApp
from harness.earmark_page import SEGMENT
from harness.transcript_view import DEMO_TEXT, add_untimed, choose_in_dialog, segment_attrs, wait_for_estimated


def test_a_transcript_picked_in_the_file_dialog_is_shown_and_kept(launch_app, display: Display) -> None:
    page = launch_app().page
    page.segments(at_least=10)
    assert segment_attrs(page, 0)["timing"] != "estimated", "the demo opens with its timed transcript"
    choose_in_dialog(page, display.env, DEMO_TEXT)
    wait_for_estimated(page)
    first = segment_attrs(page, 0)
    assert first["text"].startswith("Welcome") and first["time"].startswith("≈"), first

    # It is the episode's transcript now: a restart opens the episode with it.
    page.driver.quit()
    page = launch_app().page
    wait_for_estimated(page)
    assert segment_attrs(page, 0)["text"].startswith("Welcome")


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
