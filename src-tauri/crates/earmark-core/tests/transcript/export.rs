//! Export to WebVTT and SRT, and round trips.

use earmark_core::transcript::{
    parse, parse_as, to_srt, to_vtt, Segment, Transcript, TranscriptError, TranscriptFormat, Word,
};

use crate::{parse_fixture, rows, TestResult};

fn sample() -> Transcript {
    Transcript {
        format: TranscriptFormat::Vtt,
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
