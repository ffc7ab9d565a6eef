//! `earmark-cli list`.

use std::path::Path;

use earmark_core::store::{EpisodeSummary, Store};
use serde::Serialize;

use crate::report::{clock, CliError, Report};

/// The `list --json` document (docs/cli.md).
#[derive(Serialize)]
struct Library {
    episodes: Vec<EpisodeSummary>,
}

/// Prints every episode in the library.
pub fn run(data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    let library = Library {
        episodes: store.list_episodes()?,
    };
    out.print(&library, || {
        if library.episodes.is_empty() {
            return "The library is empty.".to_string();
        }
        library
            .episodes
            .iter()
            .map(episode_line)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `ID  Title — Podcast  (m:ss, transcript, not downloaded)`.
fn episode_line(episode: &EpisodeSummary) -> String {
    let mut line = format!("{:>4}  {}", episode.id, episode.title);
    if let Some(podcast) = &episode.podcast {
        line.push_str(&format!(" — {podcast}"));
    }
    let mut facts = vec![episode
        .duration_ms
        .map_or_else(|| "?:??".to_string(), clock)];
    if episode.position_ms > 0 {
        facts.push(format!("at {}", clock(episode.position_ms)));
    }
    if episode.has_transcript {
        facts.push("transcript".to_string());
    }
    if !episode.downloaded {
        facts.push("not downloaded".to_string());
    }
    line.push_str(&format!("  ({})", facts.join(", ")));
    line
}
