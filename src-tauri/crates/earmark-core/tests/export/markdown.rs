//! Markdown: front matter, entries in time order with timestamps and quotes, escaping.

use earmark_core::export::{episode_file_name, to_markdown, ExportLanguage};

use crate::{add_local_episode, annotated_library, read, FEED, TITLE};

/// The front matter block (between the first two `---` lines) and the rest.
fn split_front_matter(doc: &str) -> (&str, &str) {
    let rest = doc
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("the document starts with front matter:\n{doc}"));
    let end = rest
        .find("\n---\n")
        .unwrap_or_else(|| panic!("the front matter is closed:\n{doc}"));
    (&rest[..end + 1], &rest[end + 5..])
}

#[test]
fn front_matter_names_podcast_episode_date_and_source() {
    let (lib, episode) = annotated_library();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    let (front, _) = split_front_matter(&doc);
    let expected = [
        r#"podcast: "Rivers, \"Deltas\" & Co""#.to_owned(),
        format!("episode: \"{TITLE}\""),
        "date: 2024-05-01".to_owned(),
        "published: \"2024-05-01T12:00:00Z\"".to_owned(),
        "source: \"https://example.com/ep1.mp3\"".to_owned(),
        format!("feed: \"{FEED}\""),
        "duration: \"1:02:05\"".to_owned(),
        format!("earmark_episode: {episode}"),
    ];
    for line in &expected {
        assert!(
            front.lines().any(|l| l == line),
            "front matter has the line {line:?}:\n{front}"
        );
    }
}

#[test]
fn entries_come_in_time_order_with_timestamps() {
    let (lib, episode) = annotated_library();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    let (_, body) = split_front_matter(&doc);
    let headings: Vec<&str> = body.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Episode: One",
            "## [0:07] Note",
            "## [0:10] Highlight",
            "## [0:12] Earmark",
            "## [1:01:40] Note",
        ],
        "one heading per entry, in the order they occur:\n{doc}"
    );
}

#[test]
fn a_note_quotes_what_was_said_at_its_moment() {
    let (lib, episode) = annotated_library();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    let note = doc
        .split("## ")
        .find(|s| s.starts_with("[0:07]"))
        .expect("the note at 0:07");
    assert!(
        note.contains(
            "> **Ana:** Welcome to the show.\n>\n> **Ben:** Rivers carry \"sediment\", slowly.\n"
        ),
        "the segment playing, and the one just before (the note came 2 s into it):\n{note}"
    );
    let late = doc
        .split("## ")
        .find(|s| s.starts_with("[1:01:40]"))
        .expect("the late note");
    assert!(
        late.contains("> Goodbye, everyone.\n"),
        "a segment without speaker is quoted plainly:\n{late}"
    );
    assert!(late.contains("\nlate note\n"), "{late}");
}

#[test]
fn a_highlight_quotes_its_text_then_its_note() {
    let (lib, episode) = annotated_library();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    let highlight = doc
        .split("## ")
        .find(|s| s.starts_with("[0:10] Highlight"))
        .expect("the highlight");
    assert_eq!(
        highlight, "[0:10] Highlight\n\n> Then the delta grows.\n\ngood line, \"really\"\n\n",
        "{doc}"
    );
}

#[test]
fn note_text_is_escaped_line_by_line() {
    let (lib, episode) = annotated_library();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    assert!(
        doc.contains("\nLook up \\*sediment\\*, \"deltas\"\n\\- and \\[\\[links\\]\\]\n"),
        "markup characters are escaped and both lines kept:\n{doc}"
    );
    assert!(!doc.contains("[[links]]"), "no live wiki link:\n{doc}");
}

#[test]
fn a_local_episode_has_no_podcast_and_is_dated_by_when_it_was_added() {
    let lib = crate::empty_library();
    let episode = add_local_episode(&lib.store, "walk");
    let notes = read(&lib.store, episode);
    let doc = to_markdown(std::slice::from_ref(&notes), ExportLanguage::En);
    let (front, body) = split_front_matter(&doc);
    assert!(!front.contains("podcast:"), "{front}");
    assert!(
        front.contains(&format!("date: {}\n", &notes.episode.created[..10])),
        "{front}"
    );
    assert!(front.contains("source: \"/music/walk.mp3\"\n"), "{front}");
    assert!(
        body.contains("## [1:05] Note\n\nnote on walk\n"),
        "no transcript, no quote:\n{body}"
    );
}

#[test]
fn several_episodes_make_one_notebook_with_a_section_each() {
    let (lib, episode) = annotated_library();
    let local = add_local_episode(&lib.store, "walk");
    let doc = to_markdown(
        &[read(&lib.store, episode), read(&lib.store, local)],
        ExportLanguage::En,
    );
    let (front, body) = split_front_matter(&doc);
    assert!(front.contains("episodes: 2\n"), "{front}");
    let titles: Vec<&str> = body.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(titles, ["# Episode: One", "# walk"], "{doc}");
    assert!(
        body.contains("*Rivers, \"Deltas\" & Co* · 1 May 2024 · `https://example.com/ep1.mp3`"),
        "a byline under each title:\n{body}"
    );
}

#[test]
fn a_finnish_or_swedish_export_words_its_headings_and_days_in_that_language() {
    let (lib, episode) = annotated_library();
    let local = add_local_episode(&lib.store, "walk");
    let both = [read(&lib.store, episode), read(&lib.store, local)];
    let finnish = to_markdown(&both, ExportLanguage::Fi);
    assert!(finnish.contains(" · 1.5.2024 · "), "{finnish}");
    assert!(finnish.contains("] Muistiinpano\n"), "{finnish}");
    assert!(!finnish.contains("] Note\n"), "{finnish}");
    let swedish = to_markdown(&both, ExportLanguage::Sv);
    assert!(swedish.contains(" · 1 maj 2024 · "), "{swedish}");
    assert!(swedish.contains("] Anteckning\n"), "{swedish}");
    let one = to_markdown(&both[..1], ExportLanguage::Fi);
    assert!(
        one.contains("date: 2024-05-01\n"),
        "the front matter is the same in every language:\n{one}"
    );
}

#[test]
fn file_names_are_safe() {
    let (lib, episode) = annotated_library();
    let name = episode_file_name(&read(&lib.store, episode));
    assert_eq!(name, "Rivers, -Deltas- & Co - Episode- One.md");
}

#[test]
fn line_breaks_in_speakers_and_highlights_stay_inside_the_quote() {
    use earmark_core::store::NewHighlight;
    use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};
    let (lib, episode) = annotated_library();
    // What an old library may hold: a voice name with decoded `&#10;` breaks, a lone
    // carriage return in a highlight.
    lib.store
        .set_transcript(
            episode,
            &Transcript {
                format: TranscriptFormat::Vtt,
                warnings: Vec::new(),
                segments: vec![Segment::timed(0, 9_000, "Welcome.")
                    .with_speaker("Ana\n\n# Injected heading\n- item\rmore")],
            },
            None,
        )
        .unwrap();
    lib.store
        .add_highlight(
            episode,
            &NewHighlight {
                start_ms: 1_000,
                end_ms: 2_000,
                text: "kept\r- not a list\r\n# not a heading".to_owned(),
                color: "yellow".to_owned(),
                note: None,
            },
        )
        .unwrap();
    let doc = to_markdown(&[read(&lib.store, episode)], ExportLanguage::En);
    assert!(
        !doc.contains('\r'),
        "no carriage return reaches the file: {doc:?}"
    );
    let highlight = doc
        .split("## ")
        .find(|s| s.starts_with("[0:01] Highlight"))
        .expect("the highlight");
    assert_eq!(
        highlight, "[0:01] Highlight\n\n> kept\n> \\- not a list\n> \\# not a heading\n\n",
        "each line of the highlight is a line of the quote:\n{doc}"
    );
    let note = doc
        .split("## ")
        .find(|s| s.starts_with("[0:07]"))
        .expect("the note at 0:07");
    assert!(
        note.contains("\n> **Ana \\# Injected heading - item more:** Welcome.\n"),
        "the speaker's name is collapsed onto the quoted line:\n{note}"
    );
    assert!(
        doc.lines()
            .all(|l| !l.starts_with("# Injected") && !l.starts_with("- item")),
        "{doc}"
    );
}
