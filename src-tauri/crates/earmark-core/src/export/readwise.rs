//! CSV in Readwise's import columns.
//!
//! Readwise's CSV import takes the columns `Highlight` (required), `Title`, `Author`,
//! `URL`, `Note`, `Location` and `Date`, with `""` doubling quotes inside quoted
//! fields. Earmark fills them as follows, one row per highlight or note, episode by
//! episode, in the order they occur:
//!
//! | column    | highlight                | note                                           |
//! |-----------|--------------------------|------------------------------------------------|
//! | Highlight | the highlighted text     | the transcript heard at the note's moment; without one, the note's text |
//! | Title     | the episode's title      | the episode's title                            |
//! | Author    | the podcast's title      | the podcast's title                            |
//! | URL       | the episode's audio URL  | the episode's audio URL                        |
//! | Note      | the user's note on it    | the note's text (empty when it is the Highlight) |
//! | Location  | seconds from the start   | seconds from the start                         |
//! | Date      | when it was made, `YYYY-MM-DD HH:MM:SS` UTC | when it was written        |
//!
//! Readwise's CSV has no column saying what kind of location `Location` is; it sorts
//! highlights by it, which with seconds keeps listening order. (Its API calls this
//! location type `time_offset`.) A bare earmark with no transcript becomes the text
//! `Earmark at m:ss`, since Readwise needs a non-empty `Highlight`.
//!
//! Transcripts come from feeds, so a cell may hold anything. A cell that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by
//! a spreadsheet that opens the file, so it gets a leading `'` (OWASP's advice
//! against CSV injection): a spreadsheet then shows it as text, and Readwise
//! keeps the apostrophe, which is rare in what people highlight.

use super::bundle::{Entry, EpisodeNotes};
use super::error::ExportError;
use super::moment::{timestamp, Quotes};
use crate::transcript::one_line;

/// The header row, in Readwise's order.
pub const READWISE_COLUMNS: [&str; 7] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
];

/// The Readwise CSV for these episodes (header row included).
pub fn to_readwise_csv(episodes: &[EpisodeNotes]) -> Result<String, ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(READWISE_COLUMNS)
        .map_err(ExportError::Csv)?;
    for episode in episodes {
        let title = episode.episode.title.as_str();
        let author = episode.podcast_title().unwrap_or_default();
        let url = episode.episode.audio_url.as_deref().unwrap_or_default();
        let quotes = episode.transcript.as_ref().map(Quotes::new);
        for entry in episode.entries() {
            let (highlight, note) = match entry {
                Entry::Highlight(h) => (h.text.clone(), h.note.clone().unwrap_or_default()),
                Entry::Note(n) => {
                    let heard = quotes
                        .as_ref()
                        .map(|q| quoted_text(&q.at(n.at_ms)))
                        .unwrap_or_default();
                    if !heard.is_empty() {
                        (heard, n.text.clone())
                    } else if !n.text.trim().is_empty() {
                        (n.text.clone(), String::new())
                    } else {
                        (format!("Earmark at {}", timestamp(n.at_ms)), String::new())
                    }
                }
            };
            let location = (entry.at_ms() / 1000).to_string();
            let date = readwise_date(entry.created());
            let record = [
                highlight.as_str(),
                title,
                author,
                url,
                note.as_str(),
                location.as_str(),
                date.as_str(),
            ];
            writer
                .write_record(record.map(inert))
                .map_err(ExportError::Csv)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(csv::Error::from(e.into_error())))?;
    // Every field written is a `&str`, so the output is UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `cell`, with a leading `'` when a spreadsheet would read it as a formula.
fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The transcript segments as one text, `Speaker: words`, segments on their own lines.
fn quoted_text(segments: &[&crate::transcript::Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            let words = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            match s.speaker.as_deref().map(one_line) {
                Some(speaker) if !speaker.is_empty() => format!("{speaker}: {words}"),
                _ => words,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `2024-05-01T12:00:00Z` as `2024-05-01 12:00:00`; anything else as it is.
fn readwise_date(created: &str) -> String {
    match (created.get(..10), created.get(11..19)) {
        (Some(day), Some(time)) if created.as_bytes().get(10) == Some(&b'T') => {
            format!("{day} {time}")
        }
        _ => created.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_lose_the_t_and_zone() {
        assert_eq!(readwise_date("2024-05-01T12:34:56Z"), "2024-05-01 12:34:56");
        assert_eq!(readwise_date("yesterday"), "yesterday");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_made_text() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
        ] {
            assert_eq!(inert(formula), format!("'{formula}"));
        }
        for text in ["Words", "5 = five", "'quoted'", ""] {
            assert_eq!(inert(text), text);
        }
    }

    #[test]
    fn empty_export_is_just_the_header() {
        let csv = to_readwise_csv(&[]).unwrap();
        assert_eq!(csv, "Highlight,Title,Author,URL,Note,Location,Date\r\n");
    }
}
