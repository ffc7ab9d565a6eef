//! Checking feeds for new episodes: on demand, and in the background as often as the
//! settings say ([`refresh_interval`]).

use std::time::Duration;

use earmark_api::artwork_fetch::check_feeds_keeping_artwork;
use earmark_api::refresh_report::RefreshReport;
use earmark_api::settings::refresh_interval;
use earmark_core::feeds::RefreshAll;
use earmark_core::store::PodcastId;
use tauri::AppHandle;

use crate::background::Background;
use crate::error::IpcResult;
use crate::events;

/// What a check is called should it stop on an internal error.
const CHECKING: &str = "Checking for new episodes";
/// What the background checks are called should they stop on an internal error.
pub const PERIODIC_CHECKS: &str = "The background check for new episodes";

/// Checks one podcast, or all of them (as `how` says), telling the window how far a
/// whole check has come (`refresh-progress`), then fetches the artwork not kept yet.
pub async fn check(
    app: &AppHandle,
    background: &Background,
    podcast: Option<PodcastId>,
    how: RefreshAll,
) -> IpcResult<RefreshReport> {
    let app = app.clone();
    background
        .run_online(CHECKING, move |store, http, dir| {
            let progress = |p: &_| events::refresh_progress(&app, p);
            Ok(check_feeds_keeping_artwork(
                store, http, dir, podcast, how, &progress,
            )?)
        })
        .await
}

/// Checks every feed in the background for the life of the app, telling the window
/// what each check found (`feeds-refreshed`), or in a notice why it could not check.
pub async fn run_periodically(app: AppHandle, background: std::sync::Arc<Background>) {
    loop {
        let gap = background.run(CHECKING, |store, _| Ok(refresh_interval(store)));
        tokio::time::sleep(gap.await.unwrap_or(Duration::from_secs(3_600))).await;
        match check(&app, &background, None, RefreshAll::BACKGROUND).await {
            Ok(report) if !report.podcasts.is_empty() => {
                events::feeds_refreshed(&app, &report);
            }
            Ok(_) => {}
            Err(e) => events::notice(&app, "error", &e.message),
        }
    }
}
