//! Player commands: play, pause, seek, volume, and the clock channel.

use earmark_player::ClockSnapshot;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Streams the clock to the window (~10 Hz while playing and on every change).
#[tauri::command]
pub fn player_subscribe(state: State<'_, AppState>, on_clock: Channel<ClockSnapshot>) {
    if let Ok(mut slot) = state.now_playing.clock_channel.lock() {
        *slot = Some(on_clock);
    }
}

/// Checks that sound can come out; the error says so when it cannot.
#[tauri::command]
pub async fn player_check_output(state: State<'_, AppState>) -> IpcResult<()> {
    Ok(state.player.prepare_output()?)
}

/// Starts or resumes playback.
#[tauri::command]
pub async fn player_play(state: State<'_, AppState>) -> IpcResult<()> {
    Ok(state.player.play()?)
}

/// Pauses playback.
#[tauri::command]
pub fn player_pause(state: State<'_, AppState>) {
    state.player.pause();
}

/// Moves to `ms`, exact to the sample.
#[tauri::command]
pub async fn player_seek(state: State<'_, AppState>, ms: u64) -> IpcResult<()> {
    Ok(state.player.seek(ms)?)
}

/// Moves to `ms` and plays from there (a click on a transcript line).
#[tauri::command]
pub async fn player_play_from(state: State<'_, AppState>, ms: u64) -> IpcResult<()> {
    state.player.seek(ms)?;
    Ok(state.player.play()?)
}

/// Sets the volume, 0.0–1.0.
#[tauri::command]
pub fn player_volume(state: State<'_, AppState>, volume: f32) {
    state.player.set_volume(volume);
}
