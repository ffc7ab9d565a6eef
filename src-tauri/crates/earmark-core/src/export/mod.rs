//! Getting notes, highlights and transcripts out of Earmark, and notes back in: the
//! one export home. Transcripts are written by [`transcript`] (WebVTT, SRT,
//! Podcasting 2.0 JSON, Markdown); the rest of this module writes notes.
//!
//! Reading the library and writing a document are kept apart: [`EpisodeNotes`] gathers
//! what one episode holds (the episode, its podcast, notes, highlights and transcript)
//! from a [`Store`](crate::store::Store); the writers are pure functions of those:
//!
//! - [`to_markdown`] — one note file for Obsidian and similar tools: YAML front matter
//!   (podcast, episode, date, source), then one entry per note or highlight in the
//!   order they occur, each with its `[m:ss]` timestamp and the quoted transcript.
//! - [`to_json`] — everything about the episodes, versioned (`{"earmark_export": 1,
//!   …}`) and re-importable with [`import_notes`]; importing the same file twice adds
//!   nothing.
//! - [`to_readwise_csv`] — Readwise's CSV import columns.
//! - [`export_to_folder`] — one Markdown note file per episode into a folder (a
//!   vault), never overwriting a file Earmark did not write.
//!
//! [`import_notes`] reads a JSON export back into a library, matching episodes by feed
//! and guid, then audio file, then title, and adding the shows, episodes, transcripts
//! and positions the library lacks: the export of a whole library rebuilds it.

mod bundle;
mod error;
mod format;
mod import;
mod json;
mod language;
mod markdown;
mod matching;
mod moment;
mod readwise;
mod restore;
pub mod transcript;
mod vault;

pub use bundle::{Entry, EpisodeNotes};
pub use error::ExportError;
pub use format::NotesFormat;
pub use import::{import_notes, ImportReport, UnknownEpisode};
pub use json::{
    library_to_json, parse_export, to_json, ExportDocument, ExportedEpisode, ExportedHighlight,
    ExportedNote, ExportedPodcast, EXPORT_VERSION,
};
pub use language::{ExportLanguage, ExportWords};
pub use markdown::{episode_file_name, to_markdown};
pub use moment::{timestamp, Quotes, NOTE_LOOKBACK_MS};
pub use readwise::{to_readwise_csv, READWISE_COLUMNS};
pub use vault::{export_to_folder, VaultFile};
