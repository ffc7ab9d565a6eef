//! WebVTT.

use earmark_core::transcript::{parse_as, TranscriptFormat};

use crate::{all_text, parse_fixture, rows, segment, TestResult};

#[test]
fn header_notes_styles_and_regions_are_skipped() -> TestResult {
    let t = parse_fixture("interview.vtt")?;
    assert_eq!(
        t.format,
        TranscriptFormat::Vtt,
        "a WEBVTT header means WebVTT"
    );
    let text = all_text(&t);
    for leak in [
        "Kind",
        "edited by hand",
        "::cue",
        "font-weight",
        "regionanchor",
        "no identifier",
        "intro-1",
        "align:",
    ] {
        assert!(!text.contains(leak), "{leak:?} belongs to a header, NOTE, STYLE, REGION, id or setting, not the text:\n{text}");
    }
    assert_eq!(t.segments.len(), 5, "five cues: {:#?}", rows(&t));
    Ok(())
}

#[test]
fn voices_tags_entities_and_hourless_times() -> TestResult {
    let t = parse_fixture("interview.vtt")?;
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(0),
                Some(4200),
                Some("Ana"),
                "Welcome back to Deep Roots, the show about soil & the people who study it."
            ),
            (
                Some(4200),
                Some(7900),
                Some("Ben"),
                "Thanks, Ana. It's good to be here — finally!"
            ),
            (
                Some(7900),
                Some(12_500),
                Some("Ana"),
                "So tell us: what is a healthy soil?"
            ),
            (
                Some(12_500),
                Some(18_000),
                Some("Ben Okafor-Smith"),
                "Terroir, as the French say <roughly>: it's alive. 土 is the word in Japanese."
            ),
            (
                Some(3_600_000),
                Some(3_603_000),
                Some("Ana"),
                "And that's our hour."
            ),
        ],
        "voices (including <v.loud Ben>), tags, references and multi-line cues"
    );
    assert!(
        t.segments.iter().all(|s| s.words.is_none()),
        "no timestamp tags, so no word timings"
    );
    Ok(())
}

#[test]
fn timestamp_tags_give_word_timings() -> TestResult {
    let t = parse_fixture("karaoke.vtt")?;
    let first = segment(&t, 0)?;
    assert_eq!(first.text, "Hello and welcome everyone.");
    let words: Vec<(u64, u64, &str)> = first
        .words
        .iter()
        .flatten()
        .map(|w| (w.start_ms, w.end_ms, w.text.as_str()))
        .collect();
    assert_eq!(
        words,
        vec![
            (1000, 1500, "Hello"),
            (1500, 2000, "and"),
            (2000, 3000, "welcome"),
            (3000, 4000, "everyone.")
        ],
        "the first word starts with the cue, the last ends with it"
    );
    let second = segment(&t, 1)?;
    assert_eq!(second.speaker.as_deref(), Some("Ben"));
    assert_eq!(
        second.text, "Thanks for having me",
        "<c> spans join into words"
    );
    let starts: Vec<u64> = second.words.iter().flatten().map(|w| w.start_ms).collect();
    assert_eq!(
        starts,
        vec![4200, 5000, 5400, 5700],
        "'having me' shares one tag, so its time is split evenly"
    );
    Ok(())
}

#[test]
fn name_prefixes_count_only_without_voice_tags() -> TestResult {
    let t = parse_fixture("prefixes.vtt")?;
    let speakers: Vec<Option<&str>> = t.segments.iter().map(|s| s.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![
            Some("Ana"),
            Some("Ana"),
            Some("Ben"),
            Some("Ben"),
            Some("Ana")
        ],
        "a cue without a prefix continues the last named speaker"
    );
    assert_eq!(
        segment(&t, 0)?.text,
        "Welcome to the show.",
        "the prefix leaves the text"
    );
    assert_eq!(
        segment(&t, 3)?.text,
        "It's still warm. Note: bring butter.",
        "a colon mid-cue is text"
    );

    let voiced = parse_as(
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ben>Ana: hi\n",
        TranscriptFormat::Vtt,
    )?;
    assert_eq!(
        rows(&voiced),
        vec![(Some(0), Some(1000), Some("Ben"), "Ana: hi")],
        "voice tags win over prefixes"
    );
    Ok(())
}

#[test]
fn a_cue_with_two_voices_becomes_two_segments() -> TestResult {
    let t = parse_fixture("two_voices.vtt")?;
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(10_000),
                Some(14_000),
                Some("Ana"),
                "Did you hear that?"
            ),
            (Some(10_000), Some(14_000), Some("Ben"), "Hear what?"),
            (Some(14_000), Some(16_000), Some("Ana"), "Never mind."),
        ]
    );
    Ok(())
}

#[test]
fn reversed_cues_are_sorted_and_a_cue_ending_before_it_starts_is_left_out() -> TestResult {
    let t = parse_fixture("reversed.vtt")?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(0), Some(5000), None, "first line"),
            (Some(5000), Some(8000), None, "second line"),
            (Some(9000), Some(12_000), None, "fourth line"),
        ],
        "sorted by start; the cue ending before its start is dropped, not stretched"
    );
    assert_eq!(
        t.warnings,
        ["Cue 3 (line 9) was left out: it ends before it starts."]
    );
    Ok(())
}

#[test]
fn settings_glued_to_the_end_time_keep_the_cue() -> TestResult {
    // After web-platform-tests' webvtt file-parsing cases: settings with no space
    // after the end time, which browsers read as the time plus settings.
    let input = "WEBVTT\n\n\
                 00:01.000 --> 00:02.000line:40%\nGlued settings.\n\n\
                 00:02.000 --> 00:03.500 align:start\nSpaced settings.\n\n\
                 00:04.000 --> 00:05.000position:10%,line-left size:35%\nTwo glued.\n";
    let t = parse_as(input, TranscriptFormat::Vtt)?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(1000), Some(2000), None, "Glued settings."),
            (Some(2000), Some(3500), None, "Spaced settings."),
            (Some(4000), Some(5000), None, "Two glued."),
        ]
    );
    assert!(t.warnings.is_empty(), "nothing left out: {:?}", t.warnings);
    Ok(())
}

#[test]
fn a_cue_with_an_unreadable_timing_line_is_left_out_with_a_warning() -> TestResult {
    // As webvtt-py's and wpt's "timings garbage" cases: the browser drops the cue.
    let input = "WEBVTT\n\n\
                 1\n00:00:01.000 --> 00:00:02.000\nKept.\n\n\
                 2\n00:00:03.000 --> soon\nDropped text.\n\n\
                 3\n00:00:04.000 --> 00:00:05.000\nAlso kept.\n";
    let t = parse_as(input, TranscriptFormat::Vtt)?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(1000), Some(2000), None, "Kept."),
            (Some(4000), Some(5000), None, "Also kept."),
        ]
    );
    assert!(!all_text(&t).contains("Dropped"), "{:#?}", rows(&t));
    assert_eq!(
        t.warnings,
        ["Cue 2 (line 7) was left out: its timing line could not be read."]
    );
    Ok(())
}

#[test]
fn a_missing_header_is_tolerated() -> TestResult {
    let t = parse_fixture("headerless.vtt")?;
    assert_eq!(
        t.format,
        TranscriptFormat::Vtt,
        "the .vtt name settles timing lines without a header"
    );
    assert_eq!(
        rows(&t),
        vec![
            (Some(1000), Some(3000), Some("Ana"), "No header here."),
            (
                Some(3000),
                Some(5500),
                Some("Ben"),
                "Players accept it anyway."
            )
        ]
    );
    Ok(())
}

#[test]
fn ten_thousand_cues() -> TestResult {
    let mut vtt = String::from("WEBVTT\n\n");
    for i in 0..10_000u64 {
        let (start, end) = (i * 1500, i * 1500 + 1400);
        vtt.push_str(&format!(
            "{}\n{:02}:{:02}:{:02}.{:03} --> {:02}:{:02}:{:02}.{:03}\n<v Speaker {}>Line number {i} &amp; more.\n\n",
            i + 1,
            start / 3_600_000, start / 60_000 % 60, start / 1000 % 60, start % 1000,
            end / 3_600_000, end / 60_000 % 60, end / 1000 % 60, end % 1000,
            i % 3,
        ));
    }
    let started = std::time::Instant::now();
    let t = parse_as(&vtt, TranscriptFormat::Vtt)?;
    let took = started.elapsed();
    assert_eq!(t.segments.len(), 10_000, "every cue is read");
    for (i, s) in t.segments.iter().enumerate() {
        let i = i as u64;
        assert_eq!(s.start_ms, Some(i * 1500), "start of cue {i}");
        assert_eq!(s.end_ms, Some(i * 1500 + 1400), "end of cue {i}");
        assert_eq!(
            s.text,
            format!("Line number {i} & more."),
            "text of cue {i}"
        );
        assert_eq!(
            s.speaker,
            Some(format!("Speaker {}", i % 3)),
            "speaker of cue {i}"
        );
    }
    assert!(took.as_secs() < 5, "10,000 cues took {took:?}");
    Ok(())
}
