//! `earmark-cli feed add URL`, `feed refresh [PODCAST]`, `feed remove PODCAST`,
//! `feed list`.

use std::io::IsTerminal;
use std::path::Path;

use earmark_api::artwork_fetch::{check_feeds_keeping_artwork, subscribe_with_artwork};
use earmark_api::settings::directories;
use earmark_core::directory::search_directories;
use earmark_core::feeds::{unsubscribe, RefreshAll, RefreshProgress, Unsubscribed};
use earmark_core::http::HttpClient;
use earmark_core::store::{EpisodeId, Podcast, PodcastId, Store};
use serde::Serialize;

use crate::report::{one_line, CliError, Report};

/// `feed` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a podcast feed (RSS or Atom) and add its episodes.
    ///
    /// JSON: {"podcast": ID, "episodes": N, "new_episodes", "title", "transcripts",
    /// "chapters", "warnings", "page_episode"?}. Adding a feed that is already there
    /// refreshes it; a show's or an episode's web page subscribes to the feed it names.
    Add {
        /// The feed's address (https://…, feed://… or just example.com/feed), or a web
        /// page that names it.
        url: String,
    },
    /// Find shows by name in the podcast directories (iTunes, gpodder.net, and
    /// Podcast Index when the app's Settings hold your API key and secret).
    ///
    /// JSON: {"hits": [{"title", "author", "feed_url", "artwork_url", "episodes",
    /// "directory"}], "problems": [sentence]}.
    Search {
        /// What to look for: the show's name, its maker, a topic.
        #[arg(required = true)]
        terms: Vec<String>,
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
    /// Unsubscribe from a podcast: it leaves the library with its episodes, and their
    /// downloaded audio is deleted. Episodes with your notes or highlights stay, under
    /// Local files, with their audio.
    ///
    /// JSON: {"title", "removed": N, "kept": N, "files_deleted": N}.
    Remove {
        /// The podcast's id (`earmark-cli feed list`).
        podcast: PodcastId,
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
    /// Added from an episode's web page: that episode.
    #[serde(skip_serializing_if = "Option::is_none")]
    page_episode: Option<EpisodeId>,
}

#[derive(Serialize)]
struct PodcastList {
    podcasts: Vec<Podcast>,
}

/// Runs a `feed` subcommand.
pub fn run(command: &FeedCommand, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    match command {
        FeedCommand::Add { url } => add(&store, data_dir, url, out),
        FeedCommand::Refresh { podcast } => refresh_command(&store, data_dir, *podcast, out),
        FeedCommand::Search { terms } => search(&store, &terms.join(" "), out),
        FeedCommand::Remove { podcast } => {
            let done = unsubscribe(&store, data_dir, *podcast, None)?;
            out.print(&done, || unsubscribed_sentence(&done))
        }
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

fn search(store: &Store, terms: &str, out: &Report) -> Result<(), CliError> {
    let found = search_directories(&client()?, &directories(store), terms)
        .map_err(|e| CliError::Message(e.to_string()))?;
    warn(&found.problems, out);
    out.print(&found, || {
        if found.hits.is_empty() {
            return format!("No shows found for \"{terms}\".");
        }
        found
            .hits
            .iter()
            .map(|h| {
                let by = h
                    .author
                    .as_deref()
                    .map(|a| format!(" — {a}"))
                    .unwrap_or_default();
                let count = h
                    .episodes
                    .map(|n| format!(", {n} episodes"))
                    .unwrap_or_default();
                format!("{}{by}{count}\n      {}", h.title, h.feed_url)
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// What unsubscribing did, in a sentence.
fn unsubscribed_sentence(done: &Unsubscribed) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let mut sentence = format!(
        "Unsubscribed from \u{201c}{}\u{201d}: {} removed, {} deleted.",
        done.title,
        count(done.removed, "episode"),
        count(done.files_deleted, "download"),
    );
    if done.kept > 0 {
        let kept = count(done.kept, "episode");
        sentence.push_str(&format!(
            " {kept} with your notes or highlights stayed, under Local files."
        ));
    }
    sentence
}

/// The HTTP client, with its setup error worded for the command line.
pub fn client() -> Result<HttpClient, CliError> {
    HttpClient::new().map_err(|e| CliError::Message(e.to_string()))
}

fn add(store: &Store, data_dir: &Path, url: &str, out: &Report) -> Result<(), CliError> {
    let done = subscribe_with_artwork(store, &client()?, data_dir, url)
        .map_err(|e| CliError::Message(e.to_string()))?;
    // The command line says warnings in English, as it says everything.
    let warnings: Vec<String> = done.warnings.iter().map(|w| w.message.clone()).collect();
    warn(&warnings, out);
    let added = Added {
        podcast: done.podcast,
        episodes: done.episodes,
        new_episodes: done.new_episodes,
        title: &done.title,
        transcripts: done.transcripts,
        chapters: done.chapters,
        warnings: &warnings,
        page_episode: done.page_episode,
    };
    out.print(&added, || {
        let verb = if done.subscribed_now {
            "Subscribed to"
        } else {
            "Refreshed"
        };
        let page = done
            .page_episode
            .map(|e| format!(" The page is episode {e}."))
            .unwrap_or_default();
        format!(
            "{verb} \"{}\" (podcast {}): {} episodes, {} new.{page}",
            done.title, done.podcast, done.episodes, done.new_episodes
        )
    })
}

fn refresh_command(
    store: &Store,
    data_dir: &Path,
    podcast: Option<PodcastId>,
    out: &Report,
) -> Result<(), CliError> {
    let http = client()?;
    // On a terminal, how far a check of every feed has come, on one line of stderr.
    let live = !out.json && std::io::stderr().is_terminal();
    let progress = |p: &RefreshProgress| {
        if live {
            eprint!("\rChecking {} of {} shows…", p.done, p.total);
            if p.done == p.total {
                eprintln!();
            }
        }
    };
    let report = check_feeds_keeping_artwork(
        store,
        &http,
        data_dir,
        podcast,
        RefreshAll::ASKED,
        &progress,
    )?;
    let failed: Vec<&str> = report
        .podcasts
        .iter()
        .filter_map(|p| p.error.as_deref())
        .collect();
    if !failed.is_empty() && failed.len() == report.podcasts.len() {
        // Nothing worked (offline, say, or the one show asked for): one error, the first.
        return Err(CliError::Message(failed[0].to_owned()));
    }
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
