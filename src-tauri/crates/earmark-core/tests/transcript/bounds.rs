//! Issue 13 on the parse side: NUL characters never reach the library (U+FFFD, as
//! WebVTT says, in every format), a speaker's name is one line whatever line breaks
//! it holds (encoded ones included), a lone `\r` is a line break, and nesting deep
//! enough to crash or stall a parser is bounded before it runs.

use earmark_core::transcript::{parse_as, parse_bytes, Transcript, TranscriptFormat};

use crate::TestResult;

const NUL_INPUTS: &[(TranscriptFormat, &str)] = &[
    (
        TranscriptFormat::Vtt,
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann\0Lee>hello\0world\n",
    ),
    (
        TranscriptFormat::Srt,
        "1\n00:00:00,000 --> 00:00:01,000\nAnn\0Lee: hello\0world\n",
    ),
    (
        TranscriptFormat::Json,
        r#"{"segments":[{"speaker":"Ann\u0000Lee","startTime":0,"endTime":1,"body":"hello\u0000world"}]}"#,
    ),
    (
        TranscriptFormat::Html,
        "<cite>Ann\0Lee:</cite><time>00:00:00</time><p>hello\0world</p><time>00:00:01</time><p>more</p>",
    ),
    (TranscriptFormat::Text, "hello\0world\n\nsecond paragraph\n"),
];

fn everything(t: &Transcript) -> String {
    format!("{t:?}")
}

#[test]
fn nul_becomes_the_replacement_character_in_every_format() -> TestResult {
    for (format, input) in NUL_INPUTS {
        let t = parse_as(input, *format)?;
        assert!(!everything(&t).contains('\0'), "{format:?}: {t:?}");
        assert!(
            t.segments.iter().any(|s| s.text.contains('\u{fffd}')
                || s.speaker.as_deref().is_some_and(|n| n.contains('\u{fffd}'))),
            "{format:?}: the NUL is marked, not silently dropped: {t:?}"
        );
    }
    Ok(())
}

#[test]
fn nul_in_word_timings_is_replaced_too() -> TestResult {
    let t = parse_as(
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<00:00.000>one\0 <00:01.000>two\n",
        TranscriptFormat::Vtt,
    )?;
    assert!(!everything(&t).contains('\0'), "{t:?}");
    Ok(())
}

#[test]
fn speaker_names_with_line_breaks_are_one_line() -> TestResult {
    let cases: &[(TranscriptFormat, &str)] = &[
        (
            TranscriptFormat::Vtt,
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann&#10;Lee>hello\n\n\
             00:01.000 --> 00:02.000\n<v Ann&#13;&#x0A;Lee>again\n\n\
             00:02.000 --> 00:03.000\n<v Ann&#x2028;Lee>once more\n",
        ),
        (
            TranscriptFormat::Json,
            r#"{"segments":[{"speaker":"Ann\nLee","startTime":0,"endTime":1,"body":"hello"},
                {"speaker":"Ann\r\n\r\nLee","startTime":1,"endTime":2,"body":"again"},
                {"speaker":"Ann\rLee","startTime":2,"endTime":3,"body":"once more"}]}"#,
        ),
    ];
    for (format, input) in cases {
        let t = parse_as(input, *format)?;
        assert_eq!(t.segments.len(), 3, "{format:?}: {t:?}");
        for segment in &t.segments {
            assert_eq!(segment.speaker.as_deref(), Some("Ann Lee"), "{format:?}");
        }
    }
    let blank = parse_as(
        r#"{"segments":[{"speaker":"\n\r ","startTime":0,"endTime":1,"body":"hi"}]}"#,
        TranscriptFormat::Json,
    )?;
    assert_eq!(
        blank.segments[0].speaker, None,
        "a name of line breaks is no name"
    );
    Ok(())
}

#[test]
fn a_lone_carriage_return_is_a_line_break() -> TestResult {
    let srt =
        "1\r00:00:00,000 --> 00:00:01,000\rfirst\r\r2\r00:00:01,000 --> 00:00:02,000\rsecond\r";
    let vtt = "WEBVTT\r\r00:00.000 --> 00:01.000\rfirst\r\r00:01.000 --> 00:02.000\rsecond\r";
    let text = "first\r\rsecond\r";
    for (format, input) in [
        (TranscriptFormat::Srt, srt),
        (TranscriptFormat::Vtt, vtt),
        (TranscriptFormat::Text, text),
    ] {
        let t = parse_as(input, format)?;
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["first", "second"], "{format:?}");
    }
    Ok(())
}

#[test]
fn html_nested_50000_deep_keeps_its_text() -> TestResult {
    let depth = 50_000;
    let page = format!(
        "<html><body><p>before</p>{}<p>the deep words</p>{}<p>after</p></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let t = parse_as(&page, TranscriptFormat::Html)?;
    let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["before", "the deep words", "after"]);
    Ok(())
}

#[test]
fn json_nested_past_the_recursion_limit_is_an_error_not_a_crash() {
    for depth in [200, 100_000] {
        let body = format!(
            "{{\"segments\":[{{\"startTime\":0,\"body\":\"x\",\"deep\":{}1{}}}]}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let e = parse_bytes(body.as_bytes(), None).unwrap_err();
        let message = e.to_string();
        assert!(message.ends_with('.'), "a sentence: {message}");
    }
}
