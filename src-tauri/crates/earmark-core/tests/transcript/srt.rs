//! SRT.

use earmark_core::transcript::{parse_bytes, FormatHint, TranscriptFormat};

use crate::{fixture_bytes, parse_fixture, rows, TestResult};

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
