//! Checking feeds for new episodes on the [`Background`] runner: on demand, and for
//! the life of the app as often as the settings say ([`refresh_interval`]); each
//! check then fetches the show artwork not kept yet.

use std::sync::Arc;
use std::time::Duration;

use earmark_core::feeds::{RefreshAll, RefreshProgress};
use earmark_core::store::PodcastId;

use crate::artwork_fetch::check_feeds_keeping_artwork;
use crate::background::Background;
use crate::error_report::ErrorReport;
use crate::refresh_report::RefreshReport;
use crate::settings::refresh_interval;
use crate::supervise::keep_running;

/// What a check is called should it stop on an internal error.
const CHECKING: &str = "Checking for new episodes";
/// What the background checks are called should they stop on an internal error.
const PERIODIC_CHECKS: &str = "The background check for new episodes";
/// The gap between checks when the settings cannot be read.
const FALLBACK_GAP: Duration = Duration::from_secs(3_600);

/// Checks one podcast, or all of them (as `how` says), telling `progress` how far a
/// whole check has come.
pub async fn check(
    background: &Background,
    podcast: Option<PodcastId>,
    how: RefreshAll,
    progress: impl Fn(&RefreshProgress) + Send + Sync + 'static,
) -> Result<RefreshReport, ErrorReport> {
    background
        .run_online(CHECKING, move |store, http, dir| {
            Ok(check_feeds_keeping_artwork(
                store, http, dir, podcast, how, &progress,
            )?)
        })
        .await
}

/// Checks every feed for the life of the app, each check's outcome to `found` (a
/// check that found nothing is not told); started again should it panic, `report`
/// told why.
pub async fn check_periodically<Progress, Found>(
    background: Arc<Background>,
    progress: Progress,
    found: Found,
    report: impl Fn(ErrorReport) + Send,
) where
    Progress: Fn(&RefreshProgress) + Clone + Send + Sync + 'static,
    Found: Fn(Result<RefreshReport, ErrorReport>) + Clone + Send + Sync + 'static,
{
    let start = move || {
        let (background, progress, found) = (background.clone(), progress.clone(), found.clone());
        async move {
            loop {
                let gap = background.run(CHECKING, |store, _| Ok(refresh_interval(store)));
                tokio::time::sleep(gap.await.unwrap_or(FALLBACK_GAP)).await;
                let checked = check(&background, None, RefreshAll::BACKGROUND, progress.clone());
                match checked.await {
                    Ok(report) if report.podcasts.is_empty() => {}
                    outcome => found(outcome),
                }
            }
        }
    };
    keep_running(PERIODIC_CHECKS, start, report, || {}).await;
}
