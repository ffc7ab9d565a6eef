//! Checking feeds for new episodes: on demand, and in the background every
//! [`REFRESH_MINUTES_KEY`] minutes (default [`DEFAULT_REFRESH_MINUTES`]). New
//! episodes are counted; a background check tells the window with `feeds-refreshed`.

use std::time::Duration;

use earmark_core::feeds::{refresh, refresh_all, Refreshed, SubscribeError};
use earmark_core::store::{Podcast, PodcastId};
use serde::Serialize;
use tauri::{AppHandle, Emitter};

use crate::background::Background;
use crate::error::IpcResult;

/// Settings key of the minutes between background checks (a number).
pub const REFRESH_MINUTES_KEY: &str = "library.refresh_minutes";
/// Minutes between background checks unless the settings say otherwise.
pub const DEFAULT_REFRESH_MINUTES: f64 = 60.0;
/// The shortest and longest gaps between background checks, in minutes.
const REFRESH_MINUTES_RANGE: (f64, f64) = (0.05, 24.0 * 60.0);

/// What a check found.
#[derive(Debug, Clone, Serialize)]
pub struct RefreshReport {
    /// New episodes across all podcasts checked.
    pub new_episodes: usize,
    /// Each podcast's outcome.
    pub podcasts: Vec<PodcastOutcome>,
    /// Every podcast failed for want of a network: nothing is wrong with the feeds.
    pub offline: bool,
}

/// How one podcast's check went.
#[derive(Debug, Clone, Serialize)]
pub struct PodcastOutcome {
    /// The podcast.
    pub podcast: PodcastId,
    /// Its title.
    pub title: String,
    /// Episodes that were not in the library before.
    pub new_episodes: usize,
    /// Why it could not be checked, as a sentence.
    pub error: Option<String>,
}

/// Checks one podcast, or all of them.
pub async fn check(
    background: &Background,
    podcast: Option<PodcastId>,
) -> IpcResult<RefreshReport> {
    background
        .run_online(move |store, http, _| {
            let outcomes = match podcast {
                Some(id) => vec![(store.podcast(id)?, refresh(store, http, id))],
                None => refresh_all(store, http)?,
            };
            Ok(report(outcomes))
        })
        .await
}

fn report(outcomes: Vec<(Podcast, Result<Refreshed, SubscribeError>)>) -> RefreshReport {
    let offline = !outcomes.is_empty()
        && outcomes
            .iter()
            .all(|(_, r)| matches!(r, Err(SubscribeError::Net(e)) if e.is_transient()));
    let podcasts: Vec<PodcastOutcome> = outcomes
        .into_iter()
        .map(|(show, result)| match result {
            Ok(done) => PodcastOutcome {
                podcast: done.podcast,
                title: done.title,
                new_episodes: done.new_episodes,
                error: None,
            },
            Err(e) => PodcastOutcome {
                podcast: show.id,
                title: show.title,
                new_episodes: 0,
                error: Some(e.to_string()),
            },
        })
        .collect();
    RefreshReport {
        new_episodes: podcasts.iter().map(|p| p.new_episodes).sum(),
        podcasts,
        offline,
    }
}

/// Checks every feed in the background for the life of the app, telling the window
/// what each check found (`feeds-refreshed`).
pub async fn run_periodically(app: AppHandle, background: std::sync::Arc<Background>) {
    loop {
        let minutes = background
            .run(|store, _| Ok(store.setting::<f64>(REFRESH_MINUTES_KEY)?))
            .await
            .ok()
            .flatten()
            .unwrap_or(DEFAULT_REFRESH_MINUTES)
            .clamp(REFRESH_MINUTES_RANGE.0, REFRESH_MINUTES_RANGE.1);
        tokio::time::sleep(Duration::from_secs_f64(minutes * 60.0)).await;
        match check(&background, None).await {
            Ok(report) if !report.podcasts.is_empty() => {
                let _ = app.emit("feeds-refreshed", report);
            }
            Ok(_) => {}
            Err(e) => eprintln!("earmark: background feed check failed: {}", e.message),
        }
    }
}
