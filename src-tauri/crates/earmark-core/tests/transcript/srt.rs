//! SRT.

use earmark_core::transcript::{parse_as, parse_bytes, FormatHint, TranscriptFormat};

use crate::{all_text, fixture_bytes, parse_fixture, rows, TestResult};

#[test]
fn bom_crlf_tags_and_continuing_speakers() -> TestResult {
    let bytes = fixture_bytes("bom_crlf.srt")?;
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"),
        "the fixture has a BOM and CRLF"
    );
    let t = parse_bytes(&bytes, None)?;
    assert_eq!(
        t.format,
        TranscriptFormat::Srt,
        "an index and an arrow line mean SRT, whatever the name"
    );
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(1000),
                Some(4000),
                Some("ANA"),
                "Welcome to Deep Roots."
            ),
            (
                Some(4000),
                Some(7500),
                Some("ANA"),
                "Today: composting, worms, and what they eat."
            ),
            (Some(7500), Some(10_000), Some("BEN"), "Worms eat & eat."),
            (
                Some(10_000),
                Some(13_000),
                Some("BEN"),
                "Mostly at night, around 10:30 or so."
            ),
            (Some(13_000), Some(16_000), Some("ANA"), "Really?"),
            (Some(13_000), Some(16_000), Some("BEN"), "Really."),
            (Some(16_000), Some(19_000), Some("ANA"), "I had no idea."),
        ],
        "tags stripped, `.` or `,` before milliseconds, missing index, extra blank lines, \
         a prefix holds until the speaker changes, dialogue lines split"
    );
    Ok(())
}

#[test]
fn cues_without_speakers_and_numbers_as_text() -> TestResult {
    let t = parse_fixture("plain.srt")?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(500), Some(2000), None, "Hello there."),
            (
                Some(2000),
                Some(4250),
                None,
                "This file names no speakers at all. 42"
            ),
            (Some(4250), Some(6000), None, "42"),
        ],
        "a number is an index only when a timing line follows it"
    );
    Ok(())
}

#[test]
fn a_hint_does_not_override_clear_content() -> TestResult {
    let bytes = fixture_bytes("bom_crlf.srt")?;
    let t = parse_bytes(&bytes, Some(FormatHint::new(TranscriptFormat::Text)))?;
    assert_eq!(t.format, TranscriptFormat::Srt, "content beats a .txt name");
    Ok(())
}

/// Cues whose timing lines are broken in the ways pysrt's and webvtt-py's test
/// files break them: a one-dash arrow, a word for the end, an end before the start.
const BROKEN_CUES: &str = "1\n00:00:01,000 --> 00:00:02,500\nHello there.\n\n\
                           2\n00:00:05,000 -> 00:00:07,000\nBroken arrow.\n\n\
                           3\n00:00:08,000 --> garbage\nBroken end.\n\nStill broken.\n\n\
                           4\n00:00:10,000 --> 00:00:09,000\nBackwards.\n\n\
                           5\n00:00:11,000 --> 00:00:12,000\nGoodbye.\n";

#[test]
fn a_cue_with_a_broken_timing_line_is_left_out_not_glued() -> TestResult {
    let t = parse_as(BROKEN_CUES, TranscriptFormat::Srt)?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(1000), Some(2500), None, "Hello there."),
            (Some(11_000), Some(12_000), None, "Goodbye."),
        ],
        "the broken cues are gone, index, arrow line and text alike"
    );
    let text = all_text(&t);
    for junk in ["->", "Broken", "Still", "Backwards", "garbage"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
    assert_eq!(
        t.warnings,
        [
            "Cue 2 (line 5) was left out: its timing line could not be read.",
            "Cue 3 (line 9) was left out: its timing line could not be read.",
            "Cue 4 (line 15) was left out: it ends before it starts.",
        ]
    );
    Ok(())
}

#[test]
fn warnings_appear_in_json_only_when_a_cue_was_left_out() -> TestResult {
    let broken = serde_json::to_value(parse_as(BROKEN_CUES, TranscriptFormat::Srt)?)?;
    assert_eq!(broken["warnings"].as_array().map(Vec::len), Some(3));
    let clean = serde_json::to_value(parse_fixture("plain.srt")?)?;
    assert!(
        clean.get("warnings").is_none(),
        "no empty warnings field: {clean}"
    );
    Ok(())
}

#[test]
fn a_line_that_is_only_a_name_names_the_speaker_of_the_lines_after_it() -> TestResult {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nMaya:\nHello there.\n\n\
               2\n00:00:03,000 --> 00:00:04,000\nStill me.\n\n\
               3\n00:00:05,000 --> 00:00:06,000\nJonas:\nHi, Maya.\n\n\
               4\n00:00:07,000 --> 00:00:08,000\nNote:\n";
    let t = parse_as(srt, TranscriptFormat::Srt)?;
    let rows: Vec<(Option<&str>, &str)> = t
        .segments
        .iter()
        .map(|s| (s.speaker.as_deref(), s.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("Maya"), "Hello there."),
            (Some("Maya"), "Still me."),
            (Some("Jonas"), "Hi, Maya."),
            (Some("Jonas"), "Note:"),
        ],
        "a label alone on the cue's last line is text"
    );
    Ok(())
}
