//! Readwise CSV: the import columns, one row per entry, proper quoting.

use earmark_core::export::{to_readwise_csv, READWISE_COLUMNS};

use crate::{add_local_episode, annotated_library, read, AUDIO_URL, PODCAST, TITLE, TRICKY_NOTE};

/// The CSV's records (header included), read back with a CSV reader.
fn records(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| {
            r.expect("a valid CSV record")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[test]
fn header_is_readwise_columns() {
    let (lib, episode) = annotated_library();
    let csv = to_readwise_csv(&[read(&lib.store, episode)]).unwrap();
    assert!(
        csv.starts_with("Highlight,Title,Author,URL,Note,Location,Date\r\n"),
        "{csv}"
    );
    assert_eq!(records(&csv)[0], READWISE_COLUMNS);
}

#[test]
fn one_row_per_entry_in_time_order() {
    let (lib, episode) = annotated_library();
    let rows = records(&to_readwise_csv(&[read(&lib.store, episode)]).unwrap());
    assert_eq!(rows.len(), 5, "header and four entries: {rows:?}");
    let locations: Vec<&str> = rows[1..].iter().map(|r| r[5].as_str()).collect();
    assert_eq!(locations, ["7", "10", "12", "3700"], "seconds: {rows:?}");
    for row in &rows[1..] {
        assert_eq!(row[1], TITLE, "Title is the episode: {row:?}");
        assert_eq!(row[2], PODCAST, "Author is the podcast: {row:?}");
        assert_eq!(row[3], AUDIO_URL, "URL: {row:?}");
        let date = &row[6];
        assert!(
            date.len() == 19 && date.as_bytes()[10] == b' ' && date.starts_with("20"),
            "Date is YYYY-MM-DD HH:MM:SS: {row:?}"
        );
    }
}

#[test]
fn notes_quote_the_transcript_and_highlights_their_text() {
    let (lib, episode) = annotated_library();
    let rows = records(&to_readwise_csv(&[read(&lib.store, episode)]).unwrap());
    assert_eq!(
        rows[1][0], "Ana: Welcome to the show.\nBen: Rivers carry \"sediment\", slowly.",
        "a note's Highlight is what was said then: {rows:?}"
    );
    assert_eq!(
        rows[1][4], TRICKY_NOTE,
        "its Note is the note, exactly: {rows:?}"
    );
    assert_eq!(rows[2][0], "Then the delta grows.", "{rows:?}");
    assert_eq!(rows[2][4], "good line, \"really\"", "{rows:?}");
    assert_eq!(rows[3][4], "", "a bare earmark has no note: {rows:?}");
}

#[test]
fn commas_quotes_and_newlines_are_quoted() {
    let (lib, episode) = annotated_library();
    let csv = to_readwise_csv(&[read(&lib.store, episode)]).unwrap();
    assert!(
        csv.contains("\"Look up *sediment*, \"\"deltas\"\"\n- and [[links]]\""),
        "a field with a comma, quotes and a newline is quoted, quotes doubled:\n{csv}"
    );
    assert!(
        csv.contains(",\"Rivers, \"\"Deltas\"\" & Co\","),
        "the author with a comma and quotes:\n{csv}"
    );
}

#[test]
fn a_note_without_transcript_is_its_own_highlight() {
    let lib = crate::empty_library();
    let episode = add_local_episode(&lib.store, "walk");
    lib.store.add_note(episode, 5_000, "").unwrap();
    let rows = records(&to_readwise_csv(&[read(&lib.store, episode)]).unwrap());
    assert_eq!(
        rows[1][0], "Earmark at 0:05",
        "Readwise needs a Highlight: {rows:?}"
    );
    assert_eq!(rows[2][0], "note on walk", "{rows:?}");
    assert_eq!(rows[2][4], "", "{rows:?}");
    assert_eq!(rows[2][2], "", "no podcast, no Author: {rows:?}");
}

#[test]
fn a_note_a_spreadsheet_would_run_is_written_as_text() {
    let lib = crate::empty_library();
    let episode = add_local_episode(&lib.store, "=HYPERLINK(\"http://evil.example\")");
    lib.store
        .add_note(episode, 5_000, "=1+1 and a word")
        .unwrap();
    let rows = records(&to_readwise_csv(&[read(&lib.store, episode)]).unwrap());
    assert_eq!(rows[1][0], "'=1+1 and a word", "{rows:?}");
    assert_eq!(
        rows[1][1], "'=HYPERLINK(\"http://evil.example\")",
        "{rows:?}"
    );
}
