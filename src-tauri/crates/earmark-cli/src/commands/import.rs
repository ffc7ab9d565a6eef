//! `earmark-cli import AUDIO [--transcript FILE]`.

use std::path::{Path, PathBuf};

use earmark_core::library::{import_tagged, LocalImport};
use earmark_core::store::{EpisodeId, Store};
use serde::Serialize;

use crate::report::{clock, CliError, Report};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The audio file; a same-named transcript beside it (.vtt, .srt, .json, .html,
    /// .htm, .txt, in that order) is attached on its own.
    audio: PathBuf,
    /// Attach this transcript file instead of the one beside the audio.
    #[arg(long)]
    transcript: Option<PathBuf>,
    /// The episode's title (default: the file's title tag, else its name without
    /// the extension).
    #[arg(long)]
    title: Option<String>,
}

/// The `import --json` document.
#[derive(Serialize)]
struct Imported {
    id: EpisodeId,
}

/// Measures the audio exactly, then adds it to the library (or finds it there) with
/// its transcript, as the window does: titled and filed under its show by its tags,
/// with its embedded chapters. A file that is not playable audio adds nothing.
pub fn run(args: &ImportArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let media = earmark_player::probe(&args.audio)?;
    let store = Store::open_in_data_dir(data_dir)?;
    let id = import_tagged(
        &store,
        LocalImport {
            audio: args.audio.clone(),
            transcript: args.transcript.clone(),
            title: args.title.clone(),
            description: None,
            duration_ms: Some(media.duration_ms),
            podcast: None,
        },
    )?;
    out.print(&Imported { id }, || {
        format!(
            "episode {id}: {} ({})",
            args.audio.display(),
            clock(media.duration_ms)
        )
    })
}
