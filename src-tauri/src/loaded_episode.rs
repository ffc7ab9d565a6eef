//! Which episode's audio is in the player, and switching it.
//!
//! A switch pauses the old audio and saves its position on the old episode, marks
//! the player as holding no episode, opens the new audio, then marks the new episode
//! (see `session`): a clock of the old audio is never saved on the new episode, and
//! one switch runs at a time.

use std::path::PathBuf;

use earmark_core::store::EpisodeId;
use earmark_player::MediaInfo;

use crate::error::{IpcError, IpcResult};
use crate::seek_cache;
use crate::session::{self, SessionEvent};
use crate::state::AppState;

/// Why an episode without an audio file cannot play.
pub const NOT_DOWNLOADED: &str = "This episode has not been downloaded yet.";

/// The episode whose audio is in the player.
pub fn loaded(state: &AppState) -> Option<EpisodeId> {
    state.now_playing.episode.lock().ok().and_then(|e| *e)
}

/// Loads `id`'s audio (`path`) into the player, paused at `start_ms`, in place of
/// whatever was there. The message says why it could not be opened.
pub async fn load(
    state: &AppState,
    id: EpisodeId,
    path: PathBuf,
    start_ms: u64,
) -> Result<MediaInfo, String> {
    let _switching = state.now_playing.switching.lock().await;
    load_now(state, id, path, start_ms).await
}

/// Pauses the player and lets go of its episode (its position saved on it): for an
/// episode opened with no audio to play, so the other one's clock does not run on
/// under it.
pub async fn release(state: &AppState) {
    let _switching = state.now_playing.switching.lock().await;
    release_now(state);
}

/// Makes sure the player holds `id`'s audio (loading it at its saved position when
/// another episode's, or none, is there), so a play or seek meant for the episode on
/// screen is heard in it. `None` (a window that names no episode) changes nothing.
pub async fn ensure_loaded(state: &AppState, id: Option<EpisodeId>) -> IpcResult<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let _switching = state.now_playing.switching.lock().await;
    if loaded(state) == Some(id) {
        return Ok(());
    }
    let episode = state.with_store(move |s| Ok(s.episode(id)?)).await?;
    let Some(path) = episode.audio_path else {
        return Err(IpcError::new("not_downloaded", NOT_DOWNLOADED));
    };
    load_now(state, id, path, episode.position_ms)
        .await
        .map(|_| ())
        .map_err(|message| IpcError::new("audio_missing", message))
}

async fn load_now(
    state: &AppState,
    id: EpisodeId,
    path: PathBuf,
    start_ms: u64,
) -> Result<MediaInfo, String> {
    release_now(state);
    let info = seek_cache::open(state, path, start_ms)
        .await
        .map_err(|e| e.to_string())?
        .info;
    mark(state, Some(id));
    Ok(info)
}

/// Pauses, saves the loaded episode's position on it, and marks nothing loaded. The
/// pause's clock reaches the session before the mark (the player answers `clock`
/// after it has sent it), so the session saves it on the old episode too.
fn release_now(state: &AppState) {
    let Some(previous) = loaded(state) else {
        return;
    };
    state.player.pause();
    if let Ok(clock) = state.player.clock() {
        if clock.duration_ms > 0 {
            session::save_position(&state.store, previous, clock.media_ms);
        }
    }
    mark(state, None);
}

fn mark(state: &AppState, episode: Option<EpisodeId>) {
    if let Ok(mut now) = state.now_playing.episode.lock() {
        *now = episode;
    }
    if let Ok(session) = state.now_playing.session.lock() {
        let _ = session.send(SessionEvent::Loaded(episode));
    }
}
