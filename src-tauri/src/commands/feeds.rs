//! Feed commands: subscribe by address, find shows by name, check for new episodes,
//! OPML in and out.

use earmark_api::dialog_words::DialogWords;
use std::sync::Arc;

use earmark_api::artwork::remote_artwork;
use earmark_api::artwork_fetch::keep_show_artwork;
use earmark_api::feed_checks::check;
use earmark_api::launch::LaunchQueue;
use earmark_api::settings::directories;
use earmark_core::directory::{search_directories, DirectorySearch};
use earmark_core::feeds::{subscribe, unsubscribe, RefreshAll, Refreshed, Unsubscribed};
use earmark_core::opml::{import_file, write_opml, ImportedFeed};
use earmark_core::store::PodcastId;
use tauri::{AppHandle, State};

use crate::error::IpcResult;
use crate::events;
use crate::library_jobs::LibraryJobs;
use crate::open_dialog::{pick, Pick};
use crate::save_dialog::{save_text, SaveRequest};
use crate::state::AppState;
use earmark_api::refresh_report::RefreshReport;

/// Subscribes to the feed at `url` (refreshes it if in the library); its artwork is
/// fetched afterwards, and the window told when some arrived.
#[tauri::command]
pub async fn feed_subscribe(
    app: AppHandle,
    jobs: State<'_, LibraryJobs>,
    url: String,
) -> IpcResult<Refreshed> {
    let done = jobs
        .background
        .run_online("Subscribing to the feed", move |store, http, _| {
            Ok(subscribe(store, http, &url)?)
        })
        .await?;
    let (background, podcast) = (Arc::clone(&jobs.background), done.podcast);
    tauri::async_runtime::spawn(async move {
        if keep_show_artwork(&background, podcast).await {
            events::artwork_kept(&app, podcast);
        }
    });
    Ok(done)
}

/// Unsubscribes from a show: it leaves the library with its episodes and their
/// downloads; the episodes with notes or highlights, and the one in the player, stay.
#[tauri::command]
pub async fn feed_unsubscribe(
    state: State<'_, AppState>,
    jobs: State<'_, LibraryJobs>,
    podcast: PodcastId,
) -> IpcResult<Unsubscribed> {
    jobs.downloads.list.ensure_idle("unsubscribe")?;
    let (data_dir, playing) = (state.data_dir.clone(), state.now_playing.loaded());
    state
        .with_store(move |s| unsubscribe(s, &data_dir, podcast, playing))
        .await
}

/// Finds shows by name in the podcast directories.
#[tauri::command]
pub async fn directory_search(
    jobs: State<'_, LibraryJobs>,
    terms: String,
) -> IpcResult<DirectorySearch> {
    let search = move |store: &_, http: &_, _: &_| {
        Ok(search_directories(http, &directories(store), &terms)?)
    };
    jobs.background
        .run_online("Searching the directories", search)
        .await
}

/// A search result's artwork as a `data:` URL (`null` when there is none to show).
#[tauri::command]
pub async fn directory_artwork(
    jobs: State<'_, LibraryJobs>,
    url: String,
) -> IpcResult<Option<String>> {
    let fetch = move |_: &_, http: &_, _: &_| Ok(remote_artwork(http, &url));
    jobs.background.run_online("Fetching artwork", fetch).await
}

/// Checks one podcast's feed, or every feed, for new episodes.
#[tauri::command]
pub async fn feed_refresh(
    app: AppHandle,
    jobs: State<'_, LibraryJobs>,
    podcast: Option<PodcastId>,
) -> IpcResult<RefreshReport> {
    let progress = events::refresh_progress(&app);
    check(&jobs.background, podcast, RefreshAll::ASKED, progress).await
}

/// Subscribes to every feed of an OPML file: one Earmark was `launched` with, else
/// one the user picks; `null` when cancelled (or none waits).
#[tauri::command]
pub async fn opml_import(
    app: AppHandle,
    jobs: State<'_, LibraryJobs>,
    launches: State<'_, LaunchQueue>,
    launched: bool,
    dialog: DialogWords,
) -> IpcResult<Option<Vec<ImportedFeed>>> {
    let what = Pick::File(dialog.filter("OPML subscription lists"), &["opml", "xml"]);
    let picked = match launched {
        true => launches.take_subscription_list().into_iter().collect(),
        false => pick(&app, &dialog.title, what).await?,
    };
    let Some(path) = picked.into_iter().next() else {
        return Ok(None);
    };
    jobs.background
        .run_online("Importing subscriptions", move |store, http, _| {
            Ok(Some(import_file(store, http, &path)?))
        })
        .await
}

/// Saves the subscriptions as OPML where the user says; the path, or `null` when
/// cancelled.
#[tauri::command]
pub async fn opml_export(
    app: AppHandle,
    jobs: State<'_, LibraryJobs>,
    dialog: DialogWords,
) -> IpcResult<Option<String>> {
    let podcasts = jobs
        .background
        .run("Exporting subscriptions", |store, _| Ok(store.podcasts()?))
        .await?;
    let request = SaveRequest {
        title: &dialog.title,
        filter_name: dialog.filter("OPML subscription list"),
        extension: "opml",
        suggested_stem: "Earmark subscriptions",
    };
    save_text(&app, request, write_opml(&podcasts)).await
}
