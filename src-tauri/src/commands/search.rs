//! Finding things again: the search box and the notebook.

use earmark_core::store::{EpisodeSummary, Highlight, Note, SearchHit};
use serde::Serialize;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// How many hits the search box shows.
const SEARCH_LIMIT: usize = 50;

/// Search over every transcript, note, highlight and episode; best first.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> IpcResult<Vec<SearchHit>> {
    state
        .with_store(move |s| Ok(s.search(&query, SEARCH_LIMIT)?))
        .await
}

/// Notes and highlights across all episodes, with the episodes they belong to.
#[derive(Debug, Serialize)]
pub struct Notebook {
    episodes: Vec<EpisodeSummary>,
    notes: Vec<Note>,
    highlights: Vec<Highlight>,
}

/// Everything the user kept, for the notebook view (the UI sorts and filters).
#[tauri::command]
pub async fn notebook(state: State<'_, AppState>) -> IpcResult<Notebook> {
    state
        .with_store(|s| {
            let episodes = s.list_episodes()?;
            let mut highlights = Vec::new();
            for episode in &episodes {
                highlights.extend(s.list_highlights(episode.id)?);
            }
            Ok(Notebook {
                notes: s.list_all_notes()?,
                highlights,
                episodes,
            })
        })
        .await
}
