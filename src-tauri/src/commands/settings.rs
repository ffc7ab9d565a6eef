//! Settings as JSON values by key, kept in the library database.

use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// A setting's value, or `null` when it was never set.
#[tauri::command]
pub async fn settings_get(
    state: State<'_, AppState>,
    key: String,
) -> IpcResult<Option<serde_json::Value>> {
    state.with_store(move |s| Ok(s.setting(&key)?)).await
}

/// Sets a setting.
#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    key: String,
    value: serde_json::Value,
) -> IpcResult<()> {
    state
        .with_store(move |s| Ok(s.set_setting(&key, &value)?))
        .await
}
