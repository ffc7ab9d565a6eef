//! Finding things again: the search box and the notebook.

use earmark_api::notebook::{self, Notebook};
use earmark_core::store::SearchHit;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// How many hits the search box shows.
const SEARCH_LIMIT: usize = 50;

/// Search over every transcript, note, highlight and episode; best first.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> IpcResult<Vec<SearchHit>> {
    state
        .with_store(move |s| s.search(&query, SEARCH_LIMIT))
        .await
}

/// Everything the user kept, for the notebook view (the UI sorts and filters).
#[tauri::command]
pub async fn notebook(state: State<'_, AppState>) -> IpcResult<Notebook> {
    state.with_store(notebook::read).await
}
