//! `earmark-cli download EPISODE [--delete]`: progress on stderr, resumes an
//! interrupted download.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use earmark_core::downloads::{self, download};
use earmark_core::store::{EpisodeId, Store};
use serde::Serialize;

use crate::commands::feed::client;
use crate::report::{one_line, CliError, Report};

/// Arguments of `download`.
#[derive(Debug, clap::Args)]
pub struct DownloadArgs {
    /// The episode's id (see `earmark-cli list`).
    episode: EpisodeId,
    /// Delete the episode's download instead (notes and highlights stay).
    #[arg(long)]
    delete: bool,
    /// No progress on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// The `download --json` document (docs/cli.md: `path`; the rest added).
#[derive(Serialize)]
struct Downloaded<'a> {
    path: &'a Path,
    bytes: u64,
    resumed_from: u64,
    already_downloaded: bool,
    transcript: bool,
    chapters: usize,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct Deleted {
    deleted: bool,
}

/// Downloads (or deletes) an episode's audio.
pub fn run(args: &DownloadArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    if args.delete {
        let deleted = downloads::delete(&store, data_dir, args.episode)
            .map_err(|e| CliError::Message(e.to_string()))?;
        return out.print(&Deleted { deleted }, || {
            if deleted {
                format!("Deleted the download of episode {}.", args.episode)
            } else {
                format!("Episode {} had no download.", args.episode)
            }
        });
    }
    let mut meter = Meter::new(!args.quiet);
    let done = download(
        &store,
        &client()?,
        data_dir,
        args.episode,
        &earmark_player::check_playable,
        |d, t| meter.show(d, t),
    );
    meter.finish();
    let done = done.map_err(|e| CliError::Message(e.to_string()))?;
    if !out.json {
        for warning in &done.warnings {
            eprintln!("earmark-cli: warning: {}", one_line(warning));
        }
    }
    let doc = Downloaded {
        path: &done.path,
        bytes: done.bytes,
        resumed_from: done.resumed_from,
        already_downloaded: done.already_downloaded,
        transcript: done.transcript,
        chapters: done.chapters,
        warnings: &done.warnings,
    };
    out.print(&doc, || {
        let how = if done.already_downloaded {
            "already downloaded".to_owned()
        } else if done.resumed_from > 0 {
            format!(
                "{}, resumed at {}",
                megabytes(done.bytes),
                megabytes(done.resumed_from)
            )
        } else {
            megabytes(done.bytes)
        };
        format!("{} ({how})", done.path.display())
    })
}

/// Progress on stderr: one line redrawn on a terminal, a line per 10 % otherwise.
struct Meter {
    enabled: bool,
    terminal: bool,
    last_draw: Option<Instant>,
    last_tenth: Option<u64>,
    drew: bool,
    started_at: Option<u64>,
}

impl Meter {
    fn new(enabled: bool) -> Meter {
        Meter {
            enabled,
            terminal: std::io::stderr().is_terminal(),
            last_draw: None,
            last_tenth: None,
            drew: false,
            started_at: None,
        }
    }

    fn show(&mut self, done: u64, total: Option<u64>) {
        if !self.enabled {
            return;
        }
        let first = *self.started_at.get_or_insert(done);
        let mut stderr = std::io::stderr().lock();
        let resumed = if first > 0 { " (resumed)" } else { "" };
        let text = match total {
            Some(total) if total > 0 => format!(
                "downloading{resumed}: {:>3}% ({} of {})",
                done * 100 / total,
                megabytes(done),
                megabytes(total)
            ),
            _ => format!("downloading{resumed}: {}", megabytes(done)),
        };
        if self.terminal {
            let due = self
                .last_draw
                .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
            if due || total == Some(done) {
                let _ = write!(stderr, "\r{text}\x1b[K");
                self.last_draw = Some(Instant::now());
                self.drew = true;
            }
        } else {
            let tenth = total.filter(|t| *t > 0).map(|t| done * 10 / t);
            if tenth != self.last_tenth {
                let _ = writeln!(stderr, "{text}");
                self.last_tenth = tenth;
            }
        }
    }

    fn finish(&mut self) {
        if self.drew {
            let _ = writeln!(std::io::stderr());
        }
    }
}

/// `12.3 MB`.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
