//! Keeping the shows' artwork on this computer: after a subscription or a check for
//! new episodes, the pictures not yet kept are fetched into the artwork cache
//! ([`earmark_core::artwork`]) — one at a time, at most [`MAX_FETCHES_PER_RUN`] a
//! run, and none once the network turns out to be gone.

use std::path::Path;

use earmark_core::artwork::{fetch_artwork, ArtworkCache, ArtworkFetch};
use earmark_core::feeds::{subscribe, RefreshAll, RefreshProgress, Refreshed, SubscribeError};
use earmark_core::http::HttpClient;
use earmark_core::store::{PodcastId, Store, StoreResult};

use crate::background::Background;
use crate::refresh_report::{check_feeds, RefreshReport};

/// How many of each show's latest episodes get their own picture fetched (older
/// ones are shown with the show's).
pub const EPISODE_PICTURES_PER_SHOW: usize = 20;

/// The most servers asked for pictures in one run; the rest wait for the next.
pub const MAX_FETCHES_PER_RUN: usize = 100;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArtworkRun {
    /// Pictures fetched and stored.
    pub fetched: usize,
    /// Pictures that could not be fetched or were refused.
    pub failed: usize,
}

/// Fetches the pictures of `podcast` (or of every show) that are not kept yet.
/// Artwork is a nicety: a library that cannot be read fetches nothing.
pub fn fetch_show_artwork(
    store: &Store,
    http: &HttpClient,
    data_dir: &Path,
    podcast: Option<PodcastId>,
) -> ArtworkRun {
    let cache = ArtworkCache::in_data_dir(data_dir);
    let urls = store
        .artwork_urls(podcast, EPISODE_PICTURES_PER_SHOW)
        .unwrap_or_default();
    let mut run = ArtworkRun::default();
    for url in urls {
        if run.fetched + run.failed >= MAX_FETCHES_PER_RUN {
            break;
        }
        match fetch_artwork(http, &cache, &url) {
            ArtworkFetch::Fetched => run.fetched += 1,
            ArtworkFetch::Failed => run.failed += 1,
            ArtworkFetch::Offline => break,
            ArtworkFetch::Cached | ArtworkFetch::FailedBefore => {}
        }
    }
    run
}

/// Subscribes to the feed at `url` ([`subscribe`]), then fetches its artwork.
pub fn subscribe_with_artwork(
    store: &Store,
    http: &HttpClient,
    data_dir: &Path,
    url: &str,
) -> Result<Refreshed, SubscribeError> {
    let done = subscribe(store, http, url)?;
    fetch_show_artwork(store, http, data_dir, Some(done.podcast));
    Ok(done)
}

/// Fetches the pictures of `podcast` not kept yet on `background` (after the window
/// subscribed, which does not wait for them); whether any was fetched.
pub async fn keep_show_artwork(background: &Background, podcast: PodcastId) -> bool {
    let run = background.run_online("Fetching artwork", move |store, http, dir| {
        Ok(fetch_show_artwork(store, http, dir, Some(podcast)))
    });
    run.await.is_ok_and(|run| run.fetched > 0)
}

/// Checks feeds for new episodes ([`check_feeds`]), then fetches the artwork of the
/// shows checked.
pub fn check_feeds_keeping_artwork(
    store: &Store,
    http: &HttpClient,
    data_dir: &Path,
    podcast: Option<PodcastId>,
    how: RefreshAll,
    progress: &(dyn Fn(&RefreshProgress) + Sync),
) -> StoreResult<RefreshReport> {
    let report = check_feeds(store, http, podcast, how, progress)?;
    fetch_show_artwork(store, http, data_dir, podcast);
    Ok(report)
}
