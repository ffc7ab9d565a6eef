//! Player commands: play, pause, seek, volume, speed, skip silence, and the clock
//! channel. Speed and skip silence are remembered in the settings and restored at start.

use earmark_api::settings::{SKIP_SILENCE_KEY, SPEED_KEY};
use earmark_core::store::{EpisodeId, Store};
use earmark_player::{ClockSnapshot, Player};
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::loaded_episode;
use crate::state::AppState;
use crate::supervise;

/// Streams the clock to the window (~10 Hz while playing and on every change).
#[tauri::command]
pub fn player_subscribe(state: State<'_, AppState>, on_clock: Channel<ClockSnapshot>) {
    *supervise::lock(&state.now_playing.clock_channel) = Some(on_clock);
}

/// Checks that sound can come out; the error says so when it cannot.
#[tauri::command]
pub async fn player_check_output(state: State<'_, AppState>) -> IpcResult<()> {
    Ok(state.player.prepare_output()?)
}

/// Starts or resumes playback of `episode` (the one on screen; its audio is loaded
/// first when another episode's is in the player).
#[tauri::command]
pub async fn player_play(state: State<'_, AppState>, episode: Option<EpisodeId>) -> IpcResult<()> {
    loaded_episode::ensure_loaded(&state, episode).await?;
    Ok(state.player.play()?)
}

/// Pauses playback.
#[tauri::command]
pub fn player_pause(state: State<'_, AppState>) {
    state.player.pause();
}

/// Moves to `ms` in `episode`, exact to the sample.
#[tauri::command]
pub async fn player_seek(
    state: State<'_, AppState>,
    episode: Option<EpisodeId>,
    ms: u64,
) -> IpcResult<()> {
    loaded_episode::ensure_loaded(&state, episode).await?;
    Ok(state.player.seek(ms)?)
}

/// Moves to `ms` in `episode` and plays from there (a click on a transcript line),
/// even when another episode was playing.
#[tauri::command]
pub async fn player_play_from(
    state: State<'_, AppState>,
    episode: Option<EpisodeId>,
    ms: u64,
) -> IpcResult<()> {
    loaded_episode::ensure_loaded(&state, episode).await?;
    state.player.seek(ms)?;
    Ok(state.player.play()?)
}

/// Sets the volume, 0.0–1.0.
#[tauri::command]
pub fn player_volume(state: State<'_, AppState>, volume: f32) {
    state.player.set_volume(volume);
}

/// Sets the playback speed, pitch kept, and remembers it; returns the speed in effect
/// (snapped to 0.5–3.0 in steps of 0.05).
#[tauri::command]
pub async fn player_speed(state: State<'_, AppState>, rate: f32) -> IpcResult<f32> {
    let speed = state.player.set_speed(rate);
    state
        .with_store(move |s| Ok(s.set_setting(SPEED_KEY, &speed)?))
        .await?;
    Ok(speed)
}

/// Skips silences longer than 150 ms (or stops), and remembers the choice.
#[tauri::command]
pub async fn player_skip_silence(state: State<'_, AppState>, on: bool) -> IpcResult<()> {
    state.player.set_skip_silence(on);
    state
        .with_store(move |s| Ok(s.set_setting(SKIP_SILENCE_KEY, &on)?))
        .await
}

/// Gives a new player the speed and skip silence remembered from last time.
pub fn restore_playback(store: &Store, player: &Player) {
    if let Ok(Some(speed)) = store.setting::<f32>(SPEED_KEY) {
        player.set_speed(speed);
    }
    if let Ok(Some(on)) = store.setting::<bool>(SKIP_SILENCE_KEY) {
        player.set_skip_silence(on);
    }
}
