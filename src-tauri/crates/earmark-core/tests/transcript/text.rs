//! Plain text, with and without times.

use earmark_core::transcript::{parse_as, TranscriptFormat};

use crate::{parse_fixture, rows, TestResult};

#[test]
fn website_text_with_title_and_continuations() -> TestResult {
    let t = parse_fixture("website.txt")?;
    assert_eq!(t.format, TranscriptFormat::Text);
    assert!(!t.timed(), "website text has no times");
    assert_eq!(
        rows(&t),
        vec![
            (None, None, Some("Ana"), "Welcome back to Deep Roots. I'm Ana, and with me is Ben."),
            (None, None, Some("Ana"), "This week we talk about compost. At 10:30 this morning, Ben said: \"Bring gloves.\""),
            (None, None, Some("Ben"), "I did say that. The forecast said: rain at 4:15, so we hurried."),
            (None, None, Some("Ben"), "Note that nobody brought gloves."),
            (None, None, Some("Ana"), "Nobody ever does."),
            (None, None, Some("Ben"), "True."),
            (None, None, Some("Ben"), "Note: This transcript was edited for clarity."),
        ],
        "the title is dropped; clock times and colons in sentences are text; \"Note:\" is not a speaker"
    );
    Ok(())
}

#[test]
fn speaker_lines_with_times() -> TestResult {
    let t = parse_fixture("otter.txt")?;
    assert!(t.timed(), "every turn has a time");
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(3000),
                Some(12_000),
                Some("Ana Silva"),
                "Welcome back to Deep Roots. Today we dig into compost."
            ),
            (
                Some(12_000),
                Some(3_907_000),
                Some("Ben"),
                "Thanks for having me. It's good to be back, really."
            ),
            (
                Some(3_907_000),
                None,
                Some("Ana Silva"),
                "And that's the hour."
            ),
        ],
        "`Name  0:03` starts a timed turn; an untimed paragraph joins the turn before it"
    );
    Ok(())
}

#[test]
fn speaker_lines_with_bracketed_times() -> TestResult {
    let t = parse_fixture("rev.txt")?;
    assert_eq!(
        rows(&t),
        vec![
            (
                Some(1000),
                Some(5000),
                Some("Speaker 1"),
                "Hello and welcome."
            ),
            (
                Some(5000),
                Some(70_000),
                Some("Speaker 2"),
                "Thanks. Glad to be here."
            ),
            (
                Some(70_000),
                None,
                Some("Speaker 1"),
                "One more thing before we start."
            ),
        ]
    );
    Ok(())
}

#[test]
fn timed_lines() -> TestResult {
    let t = parse_fixture("bracketed.txt")?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(0), Some(4000), Some("Ana"), "Welcome back."),
            (Some(4000), Some(7000), Some("Ben"), "Thanks, Ana."),
            (
                Some(7000),
                Some(70_000),
                Some("Ben"),
                "And I brought worms."
            ),
            (Some(70_000), None, Some("Ana"), "Of course you did."),
        ],
        "`[t] Name: text`, and `[t] text` continuing the speaker"
    );
    Ok(())
}

#[test]
fn times_alone_on_a_line() -> TestResult {
    let t = parse_fixture("youtube.txt")?;
    assert_eq!(
        rows(&t),
        vec![
            (Some(0), Some(3000), None, "hello everyone and welcome"),
            (Some(3000), Some(62_000), None, "today we're making bread"),
            (Some(62_000), None, None, "first the flour"),
        ]
    );
    Ok(())
}

#[test]
fn unlabelled_paragraphs_keep_their_first_line() -> TestResult {
    let t = parse_fixture("unlabelled.txt")?;
    assert_eq!(
        rows(&t),
        vec![
            (
                None,
                None,
                None,
                "Welcome back to the show. Today is a quiet one, just me."
            ),
            (
                None,
                None,
                None,
                "I want to talk about compost, and why it matters: it feeds the soil."
            ),
            (None, None, None, "That's it for today."),
        ],
        "a first line ending in a full stop is not a title"
    );
    Ok(())
}

#[test]
fn one_turn_per_line_and_lone_labels() -> TestResult {
    let t = parse_as(
        "Ana:\nHello there,\nfriend.\nBen: Hi.\nSpeaker 3: Hey.\n",
        TranscriptFormat::Text,
    )?;
    assert_eq!(
        rows(&t),
        vec![
            (None, None, Some("Ana"), "Hello there, friend."),
            (None, None, Some("Ben"), "Hi."),
            (None, None, Some("Speaker 3"), "Hey."),
        ]
    );
    let single = parse_as("Summary: we talked about soil.\n", TranscriptFormat::Text)?;
    assert_eq!(
        rows(&single),
        vec![(None, None, None, "Summary: we talked about soil.")],
        "one remark is not a speaker"
    );
    Ok(())
}
