//! `earmark-cli feed add URL`, `feed refresh [PODCAST]`, `feed list`.

use std::path::Path;

use earmark_api::refresh_report::report;
use earmark_core::feeds::{refresh, refresh_all, subscribe};
use earmark_core::http::HttpClient;
use earmark_core::store::{Podcast, PodcastId, Store};
use serde::Serialize;

use crate::report::{one_line, CliError, Report};

/// `feed` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a podcast feed (RSS or Atom) and add its episodes.
    ///
    /// JSON: {"podcast": ID, "episodes": N, "new_episodes", "title", "transcripts",
    /// "chapters", "warnings"}. Adding a feed that is already there refreshes it.
    Add {
        /// The feed's address (https://…, feed://… or just example.com/feed).
        url: String,
    },
    /// Fetch new episodes of one podcast, or of every podcast.
    ///
    /// JSON: {"new_episodes": N, "podcasts": [{"podcast", "title", "new_episodes",
    /// "error", "warnings", "not_modified", "bytes"}], "offline", "not_modified",
    /// "bytes"}, the report the window shows.
    Refresh {
        /// The podcast's id (default: all podcasts).
        podcast: Option<PodcastId>,
    },
    /// List subscribed podcasts.
    ///
    /// JSON: {"podcasts": [{"id", "title", "feed_url", "description", "image_url",
    /// "created"}]}.
    List,
}

/// The `feed add --json` document (docs/cli.md: `podcast`, `episodes`; the rest added).
#[derive(Serialize)]
struct Added<'a> {
    podcast: PodcastId,
    episodes: usize,
    new_episodes: usize,
    title: &'a str,
    transcripts: usize,
    chapters: usize,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct PodcastList {
    podcasts: Vec<Podcast>,
}

/// Runs a `feed` subcommand.
pub fn run(command: &FeedCommand, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    match command {
        FeedCommand::Add { url } => add(&store, url, out),
        FeedCommand::Refresh { podcast } => refresh_command(&store, *podcast, out),
        FeedCommand::List => {
            let list = PodcastList {
                podcasts: store.podcasts()?,
            };
            out.print(&list, || {
                if list.podcasts.is_empty() {
                    return "No podcasts yet: add one with `earmark-cli feed add URL`.".into();
                }
                list.podcasts
                    .iter()
                    .map(|p| {
                        format!(
                            "{:>4}  {}  <{}>",
                            p.id,
                            p.title,
                            p.feed_url.as_deref().unwrap_or("no feed")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}

/// The HTTP client, with its setup error worded for the command line.
pub fn client() -> Result<HttpClient, CliError> {
    HttpClient::new().map_err(|e| CliError::Message(e.to_string()))
}

fn add(store: &Store, url: &str, out: &Report) -> Result<(), CliError> {
    let done = subscribe(store, &client()?, url).map_err(|e| CliError::Message(e.to_string()))?;
    warn(&done.warnings, out);
    let added = Added {
        podcast: done.podcast,
        episodes: done.episodes,
        new_episodes: done.new_episodes,
        title: &done.title,
        transcripts: done.transcripts,
        chapters: done.chapters,
        warnings: &done.warnings,
    };
    out.print(&added, || {
        let verb = if done.subscribed_now {
            "Subscribed to"
        } else {
            "Refreshed"
        };
        format!(
            "{verb} \"{}\" (podcast {}): {} episodes, {} new.",
            done.title, done.podcast, done.episodes, done.new_episodes
        )
    })
}

fn refresh_command(
    store: &Store,
    podcast: Option<PodcastId>,
    out: &Report,
) -> Result<(), CliError> {
    let http = client()?;
    let outcomes = match podcast {
        Some(id) => vec![(store.podcast(id)?, refresh(store, &http, id))],
        None => {
            let all = refresh_all(store, &http)?;
            if !all.is_empty() && all.iter().all(|(_, r)| r.is_err()) {
                // Nothing worked (offline, say): one error, the first.
                if let Some((_, Err(e))) = all.into_iter().next() {
                    return Err(CliError::Message(e.to_string()));
                }
                return Ok(());
            }
            all
        }
    };
    if let [(_, Err(e))] = outcomes.as_slice() {
        return Err(CliError::Message(e.to_string()));
    }
    let report = report(outcomes);
    for outcome in &report.podcasts {
        warn(&outcome.warnings, out);
    }
    out.print(&report, || {
        if report.podcasts.is_empty() {
            return "No podcasts to refresh.".into();
        }
        let mut lines: Vec<String> = report
            .podcasts
            .iter()
            .map(|p| match &p.error {
                Some(e) => format!("{:>4}  {}: {}", p.podcast, p.title, one_line(e)),
                None if p.not_modified => format!("{:>4}  {}: unchanged", p.podcast, p.title),
                None => format!("{:>4}  {}: {} new", p.podcast, p.title, p.new_episodes),
            })
            .collect();
        lines.push(format!("{} new episodes.", report.new_episodes));
        lines.join("\n")
    })
}

/// Warnings (a transcript that could not be fetched) go to stderr in text mode; in
/// JSON mode they are in the document.
fn warn(warnings: &[String], out: &Report) {
    if !out.json {
        for warning in warnings {
            eprintln!("earmark-cli: warning: {}", one_line(warning));
        }
    }
}
