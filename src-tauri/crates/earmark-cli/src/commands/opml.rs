//! `earmark-cli opml import FILE`, `opml export [--out FILE]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use earmark_core::atomic_file::write_atomically;
use earmark_core::opml::{import_file, write_opml, ImportedFeed};
use earmark_core::store::Store;
use serde::Serialize;

use crate::commands::feed::client;
use crate::report::{one_line, CliError, Report};

/// `opml` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum OpmlCommand {
    /// Subscribe to every feed in an OPML file; a feed that fails is reported and the
    /// others still come in.
    ///
    /// JSON: {"imported": N, "failed": N, "feeds": [{"url", "title", "podcast",
    /// "episodes", "error"}]}.
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Write the subscriptions as OPML, to stdout or a file.
    ///
    /// With --out and --json: {"path", "podcasts": N}.
    Export {
        /// Write to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Serialize)]
struct ImportReport<'a> {
    imported: usize,
    failed: usize,
    feeds: &'a [ImportedFeed],
}

#[derive(Serialize)]
struct Exported<'a> {
    path: &'a Path,
    podcasts: usize,
}

/// Runs an `opml` subcommand.
pub fn run(command: &OpmlCommand, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    match command {
        OpmlCommand::Import { file } => {
            let feeds = import_file(&store, &client()?, file)
                .map_err(|e| CliError::Message(e.to_string()))?;
            let failed = feeds.iter().filter(|f| f.error.is_some()).count();
            let report = ImportReport {
                imported: feeds.len() - failed,
                failed,
                feeds: &feeds,
            };
            out.print(&report, || {
                let mut lines: Vec<String> = feeds
                    .iter()
                    .map(|f| {
                        let name = f.title.as_deref().unwrap_or(&f.url);
                        match (&f.error, f.podcast) {
                            (Some(e), _) => format!("failed  {name}: {}", one_line(e)),
                            (None, Some(id)) => {
                                format!("added   {name} (podcast {id}, {} episodes)", f.episodes)
                            }
                            (None, None) => format!("added   {name}"),
                        }
                    })
                    .collect();
                lines.push(format!(
                    "{} feeds imported, {} failed.",
                    report.imported, report.failed
                ));
                lines.join("\n")
            })
        }
        OpmlCommand::Export { out: path } => {
            let podcasts = store.podcasts()?;
            let opml = write_opml(&podcasts);
            let count = podcasts.iter().filter(|p| p.feed_url.is_some()).count();
            match path {
                None => {
                    let mut stdout = std::io::stdout().lock();
                    match stdout
                        .write_all(opml.as_bytes())
                        .and_then(|()| stdout.flush())
                    {
                        // The reader stopped early (`| head`): not an error.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                        Err(e) => Err(CliError::Message(format!(
                            "Could not print the output: {e}."
                        ))),
                        Ok(()) => Ok(()),
                    }
                }
                Some(path) => {
                    write_atomically(path, opml.as_bytes()).map_err(|e| {
                        CliError::Message(format!(
                            "Could not write {}: {e}. Nothing there was changed.",
                            path.display()
                        ))
                    })?;
                    out.print(
                        &Exported {
                            path,
                            podcasts: count,
                        },
                        || format!("Wrote {count} subscriptions to {}.", path.display()),
                    )
                }
            }
        }
    }
}
