//! Choosing the format from content, file names and MIME types.

use std::path::Path;

use earmark_core::transcript::{detect, parse, FormatHint, TranscriptError, TranscriptFormat};

use crate::{fixture, TestResult};

#[test]
fn content_decides_first() -> TestResult {
    let cases = [
        ("interview.vtt", TranscriptFormat::Vtt),
        ("plain.srt", TranscriptFormat::Srt),
        ("episode.json", TranscriptFormat::Json),
        ("podcasting.html", TranscriptFormat::Html),
        ("article.html", TranscriptFormat::Html),
        ("hostile.html", TranscriptFormat::Html),
        ("website.txt", TranscriptFormat::Text),
        ("otter.txt", TranscriptFormat::Text),
    ];
    for (name, expected) in cases {
        let text = fixture(name)?;
        assert_eq!(detect(&text, None), expected, "{name} without a hint");
        let misleading = Some(FormatHint::new(TranscriptFormat::Text));
        if expected != TranscriptFormat::Text {
            assert_eq!(
                detect(&text, misleading),
                expected,
                "{name} with a misleading .txt hint"
            );
        }
    }
    Ok(())
}

#[test]
fn hints_decide_when_content_does_not() {
    let ambiguous = "just some words";
    assert_eq!(
        detect(ambiguous, None),
        TranscriptFormat::Text,
        "no hint: text"
    );
    assert_eq!(
        detect(ambiguous, FormatHint::from_mime("text/html; charset=utf-8")),
        TranscriptFormat::Html
    );
    let timing = "00:00:01.000 --> 00:00:02.000\n<v Ana>hi\n";
    assert_eq!(
        detect(timing, None),
        TranscriptFormat::Srt,
        "arrows without a header read as SRT"
    );
    assert_eq!(
        detect(timing, FormatHint::from_path(Path::new("a.VTT"))),
        TranscriptFormat::Vtt,
        "unless the name says WebVTT"
    );
    assert_eq!(
        detect(
            "[{\"body\":\"hi\"}]",
            FormatHint::from_mime("application/json")
        ),
        TranscriptFormat::Json
    );
}

#[test]
fn hints_from_names_and_mime_types() {
    let paths = [
        ("ep.vtt", Some(TranscriptFormat::Vtt)),
        ("ep.SRT", Some(TranscriptFormat::Srt)),
        ("ep.json", Some(TranscriptFormat::Json)),
        ("ep.htm", Some(TranscriptFormat::Html)),
        ("ep.txt", Some(TranscriptFormat::Text)),
        ("ep.mp3", None),
        ("ep", None),
    ];
    for (path, expected) in paths {
        assert_eq!(
            FormatHint::from_path(Path::new(path)).map(FormatHint::format),
            expected,
            "{path}"
        );
    }
    let mimes = [
        ("text/vtt", Some(TranscriptFormat::Vtt)),
        ("application/x-subrip", Some(TranscriptFormat::Srt)),
        ("application/srt", Some(TranscriptFormat::Srt)),
        ("application/json", Some(TranscriptFormat::Json)),
        ("TEXT/HTML", Some(TranscriptFormat::Html)),
        ("text/plain; charset=utf-8", Some(TranscriptFormat::Text)),
        ("audio/mpeg", None),
    ];
    for (mime, expected) in mimes {
        assert_eq!(
            FormatHint::from_mime(mime).map(FormatHint::format),
            expected,
            "{mime}"
        );
    }
}

#[test]
fn format_names_round_trip() {
    for format in TranscriptFormat::ALL {
        assert_eq!(
            format.as_str().parse::<TranscriptFormat>(),
            Ok(format),
            "{format}"
        );
    }
    let unknown = "docx".parse::<TranscriptFormat>();
    assert_eq!(unknown, Err(TranscriptError::UnknownFormat("docx".into())));
}

#[test]
fn empty_and_blank_input_is_a_clear_error() {
    for input in [
        "",
        "   \n\n",
        "WEBVTT\n\nNOTE nothing here\n",
        "{\"segments\": []}",
    ] {
        let result = parse(input, None);
        assert_eq!(result, Err(TranscriptError::Empty), "{input:?}");
    }
    assert_eq!(
        TranscriptError::Empty.to_string(),
        "This transcript has no text in it."
    );
}

#[test]
fn a_timing_line_that_ends_before_it_starts_still_means_srt() {
    let input = "1\n00:00:05,000 --> 00:00:04,000\nBackwards.\n";
    assert_eq!(
        detect(input, None),
        TranscriptFormat::Srt,
        "the line reads as times, even though that cue is left out"
    );
}
