//! `earmark-cli import-notes FILE.json`: notes and highlights back from a JSON export.

use std::path::{Path, PathBuf};

use earmark_core::export::{import_notes, parse_export, ImportReport};
use earmark_core::limits::{read_capped, MAX_NOTES_IMPORT_BYTES};
use earmark_core::store::Store;

use crate::report::{CliError, Report};

/// Arguments of `import-notes`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
JSON: {\"notes_added\": N, \"highlights_added\": M, \"skipped\": K, \"episodes_matched\", \
\"unknown_episodes\": [{\"title\", \"podcast\", \"notes\", \"highlights\", \"reason\"}], \
\"podcasts_added\", \"episodes_added\", \"transcripts_added\", \"positions_restored\"}. \
Importing the same file twice adds nothing. Episodes are found by feed and guid, audio \
file, audio address, then title; an episode the library does not have is added with its \
show, transcript and position (the export of a whole library, `export --all --format \
json`, rebuilds it in an empty one; downloads are fetched again from their address). An \
episode several of the library's could be is skipped and listed.")]
pub struct ImportNotesArgs {
    /// A file written by `earmark-cli export --format json`.
    file: PathBuf,
}

/// Imports the file's notes and highlights that the library does not have yet.
pub fn run(args: &ImportNotesArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let bytes = read_capped(&args.file, MAX_NOTES_IMPORT_BYTES)
        .map_err(|e| CliError::Message(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::Message(format!(
            "{} is not a JSON export: it is not UTF-8 text.",
            args.file.display()
        ))
    })?;
    let document = parse_export(&text)
        .map_err(|e| CliError::Message(format!("{}: {e}", args.file.display())))?;
    let store = Store::open_in_data_dir(data_dir)?;
    let report = import_notes(&store, &document).map_err(|e| CliError::Message(e.to_string()))?;
    out.print(&report, || summary(&report))
}

/// The report for people: what was added, then each episode that was not found.
fn summary(report: &ImportReport) -> String {
    let mut lines = vec![format!(
        "Added {} shows, {} episodes, {} transcripts, {} notes and {} highlights; \
         restored {} positions; skipped {}.",
        report.podcasts_added,
        report.episodes_added,
        report.transcripts_added,
        report.notes_added,
        report.highlights_added,
        report.positions_restored,
        report.skipped
    )];
    for unknown in &report.unknown_episodes {
        let podcast = unknown
            .podcast
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        lines.push(format!(
            "Not imported: \"{}\"{podcast}, {} notes and {} highlights. {}",
            unknown.title, unknown.notes, unknown.highlights, unknown.reason
        ));
    }
    lines.join("\n")
}
