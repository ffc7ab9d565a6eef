//! Export to WebVTT and SRT, and round trips.

use earmark_core::transcript::{
    parse, parse_as, to_srt, to_vtt, Segment, Transcript, TranscriptError, TranscriptFormat, Word,
};

use crate::{parse_fixture, rows, TestResult};

fn sample() -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: vec![
            Segment::timed(0, 4200, "Welcome to <Deep Roots> & friends.").with_speaker("Ana Silva"),
            Segment::timed(4200, 7900, "Thanks --> glad to be here.").with_speaker("Ben"),
            Segment::timed(7900, 9000, "An aside nobody claims."),
            Segment::timed(3_600_000, 3_601_500, "An hour in.").with_speaker("Ana Silva"),
        ],
    }
}

#[test]
fn vtt_round_trip() -> TestResult {
    let original = sample();
    let vtt = to_vtt(&original)?;
    assert!(vtt.starts_with("WEBVTT\n"), "{vtt}");
    assert!(
        vtt.contains("<v Ana Silva>Welcome to &lt;Deep Roots&gt; &amp; friends."),
        "voice and escapes:\n{vtt}"
    );
    let back = parse(&vtt, None)?;
    assert_eq!(back, original, "parse(to_vtt(t)) == t");
    Ok(())
}

#[test]
fn vtt_round_trip_of_fixtures() -> TestResult {
    for name in [
        "interview.vtt",
        "two_voices.vtt",
        "episode.json",
        "podcasting.html",
        "otter.txt",
    ] {
        let t = parse_fixture(name)?;
        let back = parse_as(&to_vtt(&t)?, TranscriptFormat::Vtt)?;
        // The last segment of some formats has no end; export gives it one.
        let strip_last_end = |t: &Transcript| {
            let mut r: Vec<_> = rows(t)
                .into_iter()
                .map(|(s, e, sp, tx)| (s, e, sp.map(str::to_string), tx.to_string()))
                .collect();
            if let Some(last) = r.last_mut() {
                last.1 = None;
            }
            r
        };
        assert_eq!(
            strip_last_end(&back),
            strip_last_end(&t),
            "{name} survives a WebVTT round trip"
        );
    }
    Ok(())
}

#[test]
fn word_timings_round_trip() -> TestResult {
    let t = parse_fixture("karaoke.vtt")?;
    let back = parse(&to_vtt(&t)?, None)?;
    assert_eq!(back, t, "timestamp tags carry word timings out and back");
    Ok(())
}

#[test]
fn srt_export() -> TestResult {
    let srt = to_srt(&sample())?;
    let expected_start =
        "1\n00:00:00,000 --> 00:00:04,200\nAna Silva: Welcome to <Deep Roots> & friends.\n\n2\n";
    assert!(srt.starts_with(expected_start), "{srt}");
    let back = parse(&srt, None)?;
    assert_eq!(back.format, TranscriptFormat::Srt);
    assert_eq!(back.segments.len(), 4, "{srt}");
    assert_eq!(
        back.segments[3].speaker.as_deref(),
        Some("Ana Silva"),
        "speakers come back from prefixes"
    );
    Ok(())
}

#[test]
fn untimed_transcripts_cannot_become_subtitles() -> TestResult {
    let t = parse_fixture("website.txt")?;
    let vtt = to_vtt(&t);
    assert_eq!(
        vtt,
        Err(TranscriptError::Untimed {
            format: TranscriptFormat::Vtt
        })
    );
    let message = to_srt(&t).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        message,
        "This transcript has no timestamps on every line, so it cannot be saved as SRT subtitles."
    );
    Ok(())
}

#[test]
fn missing_ends_are_filled_on_export() -> TestResult {
    let t = Transcript {
        format: TranscriptFormat::Text,
        warnings: Vec::new(),
        segments: vec![
            Segment {
                start_ms: Some(0),
                end_ms: None,
                speaker: None,
                text: "a".into(),
                words: None,
            },
            Segment {
                start_ms: Some(1000),
                end_ms: None,
                speaker: None,
                text: "b".into(),
                words: Some(vec![Word {
                    start_ms: 1000,
                    end_ms: 1800,
                    text: "b".into(),
                }]),
            },
            Segment {
                start_ms: Some(5000),
                end_ms: None,
                speaker: None,
                text: "c".into(),
                words: None,
            },
        ],
    };
    let vtt = to_vtt(&t)?;
    for cue in [
        "00:00:00.000 --> 00:00:01.000",
        "00:00:01.000 --> 00:00:05.000",
        "00:00:05.000 --> 00:00:08.000",
    ] {
        assert!(vtt.contains(cue), "{cue} in:\n{vtt}");
    }
    Ok(())
}

/// A transcript from an old library whose speaker names and text hold line breaks:
/// a voice name with encoded breaks decoded into it, and a lone carriage return.
fn broken_names() -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: vec![
            Segment::timed(0, 2_000, "First line.")
                .with_speaker("Ana\n\n00:00:05.000 --> 00:00:06.000\nInjected cue"),
            Segment::timed(2_000, 4_000, "Second\rline.").with_speaker("Ben\rInjected"),
            Segment::timed(4_000, 6_000, "Third.\u{2028}Same cue.").with_speaker("\r\n"),
        ],
    }
}

#[test]
fn line_breaks_in_names_and_text_never_make_cues() -> TestResult {
    let original = broken_names();
    for (format, document) in [
        (TranscriptFormat::Vtt, to_vtt(&original)?),
        (TranscriptFormat::Srt, to_srt(&original)?),
    ] {
        let back = parse_as(&document, format)?;
        assert_eq!(
            back.segments.len(),
            3,
            "{format:?}: one cue per segment, none injected:\n{document}"
        );
        // SRT reads short `Name:` prefixes as speakers and leaves longer ones in the
        // text: compare what a reader sees either way.
        let lines: Vec<String> = back
            .segments
            .iter()
            .map(|s| match &s.speaker {
                Some(speaker) => format!("{speaker}: {}", s.text),
                None => s.text.clone(),
            })
            .collect();
        assert_eq!(
            lines,
            [
                "Ana 00:00:05.000 --> 00:00:06.000 Injected cue: First line.",
                "Ben Injected: Second line.",
                "Third. Same cue.",
            ],
            "{format:?}: names and text collapsed onto one line:\n{document}"
        );
        assert_eq!(back.segments[2].start_ms, Some(4_000), "{format:?}");
    }
    Ok(())
}

#[test]
fn line_breaks_in_names_stay_inside_markdown() {
    use earmark_core::transcript::{to_markdown, MarkdownOptions};
    let md = to_markdown(&broken_names(), &MarkdownOptions::default());
    let starts: Vec<&str> = md
        .split(['\n', '\r', '\u{2028}'])
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        starts,
        [
            "**Ana 00:00:05.000 --\\> 00:00:06.000 Injected cue**",
            "[0:00] First line.",
            "**Ben Injected**",
            "[0:02] Second line.",
            "[0:04] Third. Same cue.",
        ],
        "{md}"
    );
}
