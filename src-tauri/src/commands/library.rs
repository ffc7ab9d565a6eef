//! Library commands: the sidebar's shows, the shows, a show's episodes, one episode,
//! the one to open at start, opening one, an episode's or a show's picture, chapters.

use earmark_api::artwork_file::{artwork_url, ArtworkSize, PictureOf};
use earmark_api::episode_view::{chapters_of, OpenedEpisode};
use earmark_core::chapters::Chapter;
use earmark_core::store::{
    EpisodeId, EpisodePage, EpisodeSummary, Podcast, PodcastId, SidebarShow, SIDEBAR_EPISODES,
};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Every show with its newest episodes (and `current` in its show).
#[tauri::command]
pub async fn library_sidebar(
    state: State<'_, AppState>,
    current: Option<EpisodeId>,
) -> IpcResult<Vec<SidebarShow>> {
    state
        .with_store(move |s| s.sidebar(SIDEBAR_EPISODES, current))
        .await
}

/// One episode as the library lists it (`null` when it is gone).
#[tauri::command]
pub async fn library_episode(
    state: State<'_, AppState>,
    id: EpisodeId,
) -> IpcResult<Option<EpisodeSummary>> {
    state.with_store(move |s| s.episode_summary(id)).await
}

/// The episode to open at start.
#[tauri::command]
pub async fn library_resume(state: State<'_, AppState>) -> IpcResult<Option<EpisodeSummary>> {
    state.with_store(|s| s.episode_to_resume()).await
}

/// Every podcast, by title.
#[tauri::command]
pub async fn library_podcasts(state: State<'_, AppState>) -> IpcResult<Vec<Podcast>> {
    state.with_store(|s| s.podcasts()).await
}

/// A page of a podcast's episodes (local files without a show when `null`), newest
/// first, with the start of their show notes, and how many there are in all.
#[tauri::command]
pub async fn podcast_episodes(
    state: State<'_, AppState>,
    podcast: Option<PodcastId>,
    offset: usize,
    limit: usize,
) -> IpcResult<EpisodePage> {
    state
        .with_store(move |s| s.podcast_episodes(podcast, offset, limit))
        .await
}

/// The picture kept on this computer for an episode or a show, as a `data:` URL.
#[tauri::command]
pub async fn artwork(
    state: State<'_, AppState>,
    of: PictureOf,
    size: ArtworkSize,
) -> IpcResult<Option<String>> {
    state.with_library(move |s| artwork_url(s, of, size)).await
}

/// Opens an episode: loads it into the player at its saved position (in place of the
/// episode that was there) and returns it with its transcript.
#[tauri::command]
pub async fn episode_open(state: State<'_, AppState>, id: EpisodeId) -> IpcResult<OpenedEpisode> {
    state.with_player(move |now| now.open_view(id)).await
}

/// An episode's chapters by start (empty when it has none).
#[tauri::command]
pub async fn episode_chapters(
    state: State<'_, AppState>,
    id: EpisodeId,
) -> IpcResult<Vec<Chapter>> {
    state.with_store(move |s| chapters_of(s, id)).await
}
