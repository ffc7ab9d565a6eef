//! Property tests: no input makes a parser panic.

use earmark_core::transcript::{
    parse, parse_as, parse_bytes, to_srt, to_vtt, Segment, SyncIndex, Transcript, TranscriptFormat,
};
use proptest::prelude::*;

/// Text built from the pieces transcripts are made of, so the parsers get past
/// their first checks.
fn transcript_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("WEBVTT\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" --> ".to_string()),
        Just("00:00:01.000".to_string()),
        Just("1:02,5".to_string()),
        Just("<v Ana>".to_string()),
        Just("<v.loud".to_string()),
        Just("</v>".to_string()),
        Just("<00:00:02.000>".to_string()),
        Just("<ruby><rt>".to_string()),
        Just("&amp;&#x;&#99999999;&".to_string()),
        Just("NOTE ".to_string()),
        Just("Ana: ".to_string()),
        Just("[00:01:10] ".to_string()),
        Just("(0:03)".to_string()),
        Just("{\"segments\":[{\"body\":\"a\",\"startTime\":".to_string()),
        Just("<p><strong>Ana:</strong>".to_string()),
        Just("<cite>".to_string()),
        Just("<time>".to_string()),
        Just("<script>".to_string()),
        "[a-zA-Z0-9 :.,]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {

    #[test]
    fn parsers_never_panic(input in transcript_like()) {
        let _ = parse(&input, None);
        for format in TranscriptFormat::ALL {
            if let Ok(t) = parse_as(&input, format) {
                let _ = SyncIndex::new(&t).word_at(1500);
                let _ = to_vtt(&t);
                let _ = to_srt(&t);
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        for format in TranscriptFormat::ALL {
            let _ = parse_as(&input, format);
        }
    }

    #[test]
    fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_bytes(&bytes, None);
    }

    #[test]
    fn vtt_round_trip(cues in prop::collection::vec(("[a-z]{1,8}( [a-z]{1,8}){0,6}", prop::option::of("[A-Z][a-z]{1,6}"), 1u64..5000, 0u64..5000), 1..30)) {
        let mut start = 0;
        let segments: Vec<Segment> = cues
            .into_iter()
            .map(|(text, speaker, length, gap)| {
                let segment = Segment { speaker, ..Segment::timed(start, start + length, text) };
                start += length + gap;
                segment
            })
            .collect();
        // WebVTT voices are per cue: a file where some cues have a speaker keeps the others unnamed.
        let t = Transcript { format: TranscriptFormat::Vtt, segments, warnings: Vec::new() };
        let back = parse(&to_vtt(&t).map_err(|e| TestCaseError::fail(e.to_string()))?, None)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        if t.segments.iter().any(|s| s.speaker.is_some()) {
            prop_assert_eq!(back, t);
        } else {
            prop_assert_eq!(back.segments.len(), t.segments.len());
        }
    }
}

/// Inputs big enough that quadratic work would show (50,000 brackets squared is
/// far past the limit), small enough for a debug build.
#[test]
fn hostile_large_inputs_stay_fast() {
    let cases: Vec<(&str, String)> = vec![
        (
            "unclosed tags in SRT",
            format!(
                "1\n00:00:01,000 --> 00:00:02,000\n{}\n",
                "<a".repeat(50_000)
            ),
        ),
        (
            "a long reference",
            format!(
                "WEBVTT\n\n00:01.000 --> 00:02.000\n&{}\n",
                "a".repeat(250_000)
            ),
        ),
        (
            "many voices in one cue",
            format!(
                "WEBVTT\n\n00:01.000 --> 00:02.000\n{}\n",
                "<v A>x</v><v B>y</v>".repeat(12_500)
            ),
        ),
        (
            "many timestamp tags",
            format!(
                "WEBVTT\n\n00:01.000 --> 09:00.000\n{}\n",
                "<00:00:01.500>w ".repeat(25_000)
            ),
        ),
        ("colons on one line", "Ana: ".repeat(50_000)),
        (
            "brackets on one line",
            format!("{}0:03", "(".repeat(50_000)),
        ),
        (
            "many short turns",
            "Ana: hi\nBen 0:03\n[00:00:04] Cy: yo\n".repeat(8_000),
        ),
        (
            "deep JSON",
            format!("{{\"segments\": {}", "[".repeat(25_000)),
        ),
        (
            "many paragraphs of HTML",
            "<p><strong>Ana:</strong> hi <b>x</b></p>".repeat(8_000),
        ),
    ];
    for (name, input) in cases {
        let started = std::time::Instant::now();
        let _ = parse(&input, None);
        for format in TranscriptFormat::ALL {
            let _ = parse_as(&input, format);
        }
        let took = started.elapsed();
        assert!(took.as_secs() < 20, "{name} took {took:?}");
    }
}
