//! `earmark-cli notes add EPISODE --at MS TEXT` and `earmark-cli notes list EPISODE`.

use std::path::Path;

use earmark_core::store::{EpisodeId, Note, NoteId, Store};
use serde::Serialize;

use crate::report::{clock, one_line, CliError, Report};

/// Notes stamped with a moment of an episode.
#[derive(Debug, clap::Subcommand)]
pub enum NotesCommand {
    /// Add a note at a moment of an episode.
    ///
    /// JSON: {"id": NOTE}.
    Add {
        /// The episode's id (see `earmark-cli list`).
        episode: EpisodeId,
        /// The moment, in milliseconds from the start of the episode.
        #[arg(long = "at", value_name = "MS")]
        at_ms: u64,
        /// What the note says (may start with "-").
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// List an episode's notes in the order they occur.
    ///
    /// JSON: {"notes": [{"id", "at_ms", "text", "created", "episode", "updated"}]}.
    List {
        /// The episode's id (see `earmark-cli list`).
        episode: EpisodeId,
    },
}

/// The `notes add --json` document.
#[derive(Serialize)]
struct Added {
    id: NoteId,
}

/// The `notes list --json` document (docs/cli.md).
#[derive(Serialize)]
struct Notes {
    notes: Vec<Note>,
}

/// Runs a `notes` subcommand.
pub fn run(command: &NotesCommand, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    match command {
        NotesCommand::Add {
            episode,
            at_ms,
            text,
        } => {
            let id = earmark_api::annotations::add_note(&store, *episode, *at_ms, text)?.id;
            out.print(&Added { id }, || {
                format!("note {id} at {} in episode {episode}", clock(*at_ms))
            })
        }
        NotesCommand::List { episode } => {
            let notes = Notes {
                notes: store.list_notes(*episode)?,
            };
            out.print(&notes, || {
                if notes.notes.is_empty() {
                    return format!("Episode {episode} has no notes yet.");
                }
                notes
                    .notes
                    .iter()
                    .map(|n| {
                        format!(
                            "[{}] {}  (note {})",
                            clock(n.at_ms),
                            one_line(&n.text),
                            n.id
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}
