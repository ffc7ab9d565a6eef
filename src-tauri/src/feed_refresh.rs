//! Checking feeds for new episodes: on demand, and in the background every
//! [`REFRESH_MINUTES_KEY`] minutes (default [`DEFAULT_REFRESH_MINUTES`]). New
//! episodes are counted; a background check tells the window with `feeds-refreshed`.

use std::time::Duration;

use earmark_api::refresh_report::{report, RefreshReport};
use earmark_api::settings::{DEFAULT_REFRESH_MINUTES, REFRESH_MINUTES_KEY, REFRESH_MINUTES_RANGE};
use earmark_core::feeds::{refresh, refresh_all};
use earmark_core::store::PodcastId;
use tauri::AppHandle;

use crate::background::Background;
use crate::error::IpcResult;
use crate::events;

/// What a check is called should it stop on an internal error.
const CHECKING: &str = "Checking for new episodes";
/// What the background checks are called should they stop on an internal error.
pub const PERIODIC_CHECKS: &str = "The background check for new episodes";

/// Checks one podcast, or all of them.
pub async fn check(
    background: &Background,
    podcast: Option<PodcastId>,
) -> IpcResult<RefreshReport> {
    background
        .run_online(CHECKING, move |store, http, _| {
            let outcomes = match podcast {
                Some(id) => vec![(store.podcast(id)?, refresh(store, http, id))],
                None => refresh_all(store, http)?,
            };
            Ok(report(outcomes))
        })
        .await
}

/// Checks every feed in the background for the life of the app, telling the window
/// what each check found (`feeds-refreshed`), or in a notice why it could not check.
pub async fn run_periodically(app: AppHandle, background: std::sync::Arc<Background>) {
    loop {
        let minutes = background
            .run(CHECKING, |store, _| {
                Ok(store.setting::<f64>(REFRESH_MINUTES_KEY)?)
            })
            .await
            .ok()
            .flatten()
            .unwrap_or(DEFAULT_REFRESH_MINUTES)
            .clamp(REFRESH_MINUTES_RANGE.0, REFRESH_MINUTES_RANGE.1);
        tokio::time::sleep(Duration::from_secs_f64(minutes * 60.0)).await;
        match check(&background, None).await {
            Ok(report) if !report.podcasts.is_empty() => {
                events::feeds_refreshed(&app, &report);
            }
            Ok(_) => {}
            Err(e) => events::notice(&app, "error", &e.message),
        }
    }
}
