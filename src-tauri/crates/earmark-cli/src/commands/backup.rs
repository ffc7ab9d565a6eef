//! `earmark-cli backup FILE` and `earmark-cli restore FILE`: the whole library to one
//! file and back.

use std::path::{Path, PathBuf};

use earmark_api::library_backup::restore_library;
use earmark_core::backup::{back_up, LibraryFacts};

use crate::report::{CliError, Report};

/// Arguments of `backup`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Copies the whole library (shows, episodes, transcripts, positions, notes, highlights, \
settings) to FILE, consistently, even while the app is running: SQLite's online backup. \
Downloaded audio is not included. FILE is replaced atomically. JSON: {\"path\", \
\"schema_version\", \"podcasts\", \"episodes\", \"notes\", \"highlights\", \"transcripts\"}.")]
pub struct BackupArgs {
    /// Where to write the backup (an SQLite file).
    file: PathBuf,
}

/// Arguments of `restore`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Replaces the library with a backup made by `backup` (or the app's \"Back up library…\"). \
The file must be an Earmark library; one from an older Earmark is brought up to date. The \
library it replaces is kept in the data folder's backups/ folder. Refused while the app is \
open on the library (use its Settings, or close it first). JSON: {\"from\": {…as backup…}, \
\"previous\": PATH or null}.")]
pub struct RestoreArgs {
    /// The backup to restore.
    file: PathBuf,
}

/// Writes the backup.
pub fn run_backup(args: &BackupArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let facts = back_up(data_dir, &args.file).map_err(|e| CliError::Message(e.to_string()))?;
    out.print(&facts, || {
        format!("Backed up {} to {}.", summary(&facts), facts.path.display())
    })
}

/// Restores the backup, unless the app holds the library.
pub fn run_restore(args: &RestoreArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let restored = restore_library(&args.file, data_dir, None)
        .map_err(|e| CliError::Message(e.to_string()))?;
    out.print(&restored, || {
        let kept = match &restored.previous {
            Some(path) => format!(" The library it replaced is kept in {}.", path.display()),
            None => String::new(),
        };
        format!(
            "Restored {} from {}.{kept}",
            summary(&restored.from),
            restored.from.path.display()
        )
    })
}

/// "3 shows, 40 episodes, 12 notes and 5 highlights".
fn summary(facts: &LibraryFacts) -> String {
    format!(
        "{} shows, {} episodes, {} notes and {} highlights",
        facts.podcasts, facts.episodes, facts.notes, facts.highlights
    )
}
