//! An episode's transcript or notes as a document to export, with the name to
//! suggest for its file: the transcript as WebVTT, SRT, Podcasting 2.0 JSON or
//! Markdown (with the times shown in the app for an untimed one, when asked), the
//! notes and highlights as Markdown, JSON (re-importable) or Readwise's CSV.

use std::sync::Mutex;

use earmark_core::export::transcript::TranscriptExport;
use earmark_core::export::{EpisodeNotes, ExportLanguage, NotesFormat};
use earmark_core::store::{EpisodeId, Store};
use earmark_core::transcript::{with_times, TranscriptError};

use crate::error_report::ErrorReport;
use crate::shared::lock;
use crate::transcript_times::{shown, transcript_of};

/// The name to suggest for the file (the episode's title, marked when the transcript
/// is machine-made) and the transcript in `format`, with the times shown in the app
/// when `estimated` (for an untimed transcript; a timed one has its own).
pub fn transcript(
    store: &Mutex<Store>,
    episode: EpisodeId,
    format: TranscriptExport,
    estimated: bool,
) -> Result<(String, String), ErrorReport> {
    let (title, transcript) = {
        let store = lock(store);
        (
            store.episode(episode)?.title,
            transcript_of(&store, episode)?,
        )
    };
    let retime = estimated && !transcript.timed();
    let transcript = if retime {
        with_times(&transcript, &shown(store, episode, false)?.times)
    } else {
        transcript
    };
    let text = format
        .render(&transcript, &title, retime)
        .map_err(export_error)?;
    let name = if transcript.machine_made() {
        format!("{title} (machine-made)")
    } else {
        title
    };
    Ok((name, text))
}

/// The name to suggest for the file and the episode's notes and highlights in
/// `format`, its own words in `language`.
pub fn notes(
    store: &Store,
    episode: EpisodeId,
    format: NotesFormat,
    language: ExportLanguage,
) -> Result<(String, String), ErrorReport> {
    let notes = EpisodeNotes::read(store, episode)?;
    let text = format.render(std::slice::from_ref(&notes), language)?;
    Ok((format!("{} - notes", notes.episode.title), text))
}

fn export_error(e: TranscriptError) -> ErrorReport {
    let message = match &e {
        TranscriptError::Untimed { format } => format!(
            "This transcript has no timestamps, so it cannot be exported as {format} \
             without its estimated times."
        ),
        other => other.to_string(),
    };
    ErrorReport::new(e.code(), message)
}

#[cfg(test)]
mod tests {
    use earmark_core::library::read_transcript_bytes;
    use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};

    use super::*;
    use crate::testing::{episode, library};

    #[test]
    fn an_untimed_transcript_exports_with_the_times_shown_or_says_why_not() {
        let store = library();
        let id = episode(&store, "Talk", Some(10_000));
        let text = read_transcript_bytes(b"Hello there.\n\nAnd a second line.\n", "talk.txt")
            .expect("parse");
        store.set_transcript(id, &text, None).expect("transcript");
        let store = Mutex::new(store);
        let refused = transcript(&store, id, TranscriptExport::Vtt, false).expect_err("untimed");
        assert_eq!(refused.code, "untimed_transcript");
        assert!(
            refused.message.contains("no timestamps"),
            "{}",
            refused.message
        );
        let (title, vtt) = transcript(&store, id, TranscriptExport::Vtt, true).expect("estimated");
        assert_eq!(title, "Talk");
        assert!(vtt.starts_with("WEBVTT") && vtt.contains("-->"), "{vtt}");
        let (stem, _) =
            notes(&lock(&store), id, NotesFormat::Md, ExportLanguage::En).expect("notes");
        assert_eq!(stem, "Talk - notes");
    }

    #[test]
    fn a_machine_made_transcript_says_so_in_every_export_and_its_file_name() {
        let store = library();
        let id = episode(&store, "Heard", Some(10_000));
        let heard = Transcript {
            format: TranscriptFormat::Speech,
            warnings: Vec::new(),
            segments: vec![Segment::timed(0, 1_500, "Go forward.")],
        };
        store.set_transcript(id, &heard, None).expect("transcript");
        let store = Mutex::new(store);
        for format in [
            TranscriptExport::Vtt,
            TranscriptExport::Srt,
            TranscriptExport::Json,
            TranscriptExport::Md,
        ] {
            let (name, text) = transcript(&store, id, format, false).expect("export");
            assert_eq!(name, "Heard (machine-made)", "{format:?}");
            let marked = match format {
                TranscriptExport::Json => text.contains("\"machineMade\": true"),
                // SRT has no comments: the name says it.
                TranscriptExport::Srt => !text.contains("Machine-made"),
                _ => text.contains("Machine-made transcript"),
            };
            assert!(marked, "{format:?}: {text}");
            if format != TranscriptExport::Md {
                let back = read_transcript_bytes(text.as_bytes(), "back").expect("reads back");
                assert_eq!(back.segments.len(), 1, "{format:?}: the note is no line");
            }
        }
    }
}
