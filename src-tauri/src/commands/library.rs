//! Library commands: list episodes, open one, its cover picture.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use earmark_api::episode_view::{opened, OpenedEpisode};
use earmark_core::library::read_cover;
use earmark_core::store::{EpisodeId, EpisodeSummary};
use tauri::State;

use crate::error::IpcResult;
use crate::loaded_episode;
use crate::state::AppState;
use crate::supervise;

/// Every episode in the library.
#[tauri::command]
pub async fn library_list(state: State<'_, AppState>) -> IpcResult<Vec<EpisodeSummary>> {
    state.with_store(|s| Ok(s.list_episodes()?)).await
}

/// The cover picture embedded in an episode's audio file, as a `data:` URL the window
/// can show (PNG, JPEG, GIF or WebP only), or `None`.
#[tauri::command]
pub async fn episode_cover(state: State<'_, AppState>, id: EpisodeId) -> IpcResult<Option<String>> {
    let episode = state.with_store(move |s| Ok(s.episode(id)?)).await?;
    let Some(audio) = episode.audio_path else {
        return Ok(None);
    };
    let cover = supervise::blocking("Reading the cover", move || Ok(read_cover(&audio)))
        .await
        .ok()
        .flatten();
    Ok(cover.map(|c| format!("data:{};base64,{}", c.mime, STANDARD.encode(&c.bytes))))
}

/// Opens an episode: loads it into the player at its saved position (in place of the
/// episode that was there, paused and its position saved) and returns it with its
/// transcript.
#[tauri::command]
pub async fn episode_open(state: State<'_, AppState>, id: EpisodeId) -> IpcResult<OpenedEpisode> {
    let loaded_episode::Opened { episode, audio } = loaded_episode::open(&state, id).await?;
    let audio = audio.map(|info| info.duration_ms).map_err(|e| e.message);
    state
        .with_store(move |s| Ok(opened(s, episode, audio)?))
        .await
}
