//! Player commands: play, pause, seek, volume, speed, skip silence, and the clock
//! channel ([`earmark_api::now_playing`]).

use earmark_core::store::EpisodeId;
use earmark_player::ClockSnapshot;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Streams the clock to the window (~10 Hz while playing and on every change).
#[tauri::command]
pub fn player_subscribe(state: State<'_, AppState>, on_clock: Channel<ClockSnapshot>) {
    state.clock.set(move |clock| {
        let _ = on_clock.send(clock);
    });
}

/// Checks that sound can come out; the error says so when it cannot.
#[tauri::command]
pub async fn player_check_output(state: State<'_, AppState>) -> IpcResult<()> {
    state.with_player(|now| now.player().prepare_output()).await
}

/// Plays `episode` (the one on screen; loaded first when another's is in the player).
#[tauri::command]
pub async fn player_play(state: State<'_, AppState>, episode: Option<EpisodeId>) -> IpcResult<()> {
    state.with_player(move |now| now.play(episode)).await
}

/// Pauses playback.
#[tauri::command]
pub fn player_pause(state: State<'_, AppState>) {
    state.now_playing.player().pause();
}

/// Moves to `ms` in `episode`, exact to the sample.
#[tauri::command]
pub async fn player_seek(
    state: State<'_, AppState>,
    episode: Option<EpisodeId>,
    ms: u64,
) -> IpcResult<()> {
    state.with_player(move |now| now.seek(episode, ms)).await
}

/// Moves to `ms` in `episode` and plays from there (a click on a transcript line).
#[tauri::command]
pub async fn player_play_from(
    state: State<'_, AppState>,
    episode: Option<EpisodeId>,
    ms: u64,
) -> IpcResult<()> {
    state
        .with_player(move |now| now.play_from(episode, ms))
        .await
}

/// Sets the volume, 0.0–1.0.
#[tauri::command]
pub fn player_volume(state: State<'_, AppState>, volume: f32) {
    state.now_playing.player().set_volume(volume);
}

/// Sets the speed, pitch kept, and remembers it; the speed in effect (0.5–3.0, in
/// steps of 0.05).
#[tauri::command]
pub async fn player_speed(state: State<'_, AppState>, rate: f32) -> IpcResult<f32> {
    state.with_player(move |now| now.set_speed(rate)).await
}

/// Skips silences longer than 150 ms (or stops), and remembers the choice.
#[tauri::command]
pub async fn player_skip_silence(state: State<'_, AppState>, on: bool) -> IpcResult<()> {
    state.with_player(move |now| now.set_skip_silence(on)).await
}
