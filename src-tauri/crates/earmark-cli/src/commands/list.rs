//! `earmark-cli list`.

use std::path::Path;

use earmark_core::export::ExportLanguage;
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
        // The words stay English; the days read as the system writes them (LC_TIME).
        let dates = ExportLanguage::of_environment("LC_TIME", |name| std::env::var(name).ok());
        library
            .episodes
            .iter()
            .map(|episode| episode_line(episode, dates))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `ID  Title — Podcast  (12 Jun 2024, m:ss, transcript, not downloaded)`, the day
/// written as `dates` writes it.
fn episode_line(episode: &EpisodeSummary, dates: ExportLanguage) -> String {
    let mut line = format!("{:>4}  {}", episode.id, episode.title);
    if let Some(podcast) = &episode.podcast {
        line.push_str(&format!(" — {podcast}"));
    }
    let mut facts: Vec<String> = episode.published.iter().map(|day| dates.day(day)).collect();
    facts.push(
        episode
            .duration_ms
            .map_or_else(|| "?:??".to_string(), clock),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_gives_the_day_as_the_system_writes_it_and_stays_english() {
        let episode = EpisodeSummary {
            id: 7,
            podcast: Some("Show".into()),
            title: "Rivers".into(),
            published: Some("2024-06-12T08:00:00Z".into()),
            duration_ms: Some(176_000),
            downloaded: false,
            has_transcript: true,
            position_ms: 0,
            podcast_id: Some(1),
            played: false,
            last_opened: None,
        };
        assert_eq!(
            episode_line(&episode, ExportLanguage::Fi),
            "   7  Rivers — Show  (12.6.2024, 2:56, transcript, not downloaded)"
        );
        assert!(episode_line(&episode, ExportLanguage::En).contains("(12 Jun 2024, 2:56,"));
    }
}
