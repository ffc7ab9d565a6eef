//! Library commands: list episodes, open one, its cover picture.

use std::path::PathBuf;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use earmark_core::align::flagged_indexes;
use earmark_core::library::read_cover;
use earmark_core::store::{EpisodeId, EpisodeSummary};
use earmark_core::transcript::{is_coarse, Segment};
use serde::Serialize;
use tauri::State;

use crate::error::IpcResult;
use crate::seek_cache;
use crate::state::AppState;

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
    let cover = tauri::async_runtime::spawn_blocking(move || read_cover(&audio))
        .await
        .ok()
        .flatten();
    Ok(cover.map(|c| format!("data:{};base64,{}", c.mime, STANDARD.encode(&c.bytes))))
}

/// An episode as the episode view shows it.
#[derive(Debug, Serialize)]
pub struct OpenedEpisode {
    id: EpisodeId,
    title: String,
    description: Option<String>,
    published: Option<String>,
    duration_ms: u64,
    position_ms: u64,
    transcript_format: Option<earmark_core::transcript::TranscriptFormat>,
    transcript_timed: bool,
    /// Timed by the paragraph: aligning cuts it into timed sentences.
    transcript_coarse: bool,
    segments: Vec<Segment>,
    /// The lines the aligner did not find in the audio (by index), when it aligned
    /// this transcript.
    not_found: Vec<usize>,
    /// Why the audio cannot play, when it cannot; the transcript still shows.
    audio_problem: Option<String>,
}

/// Opens an episode: loads it into the player at its saved position and returns it
/// with its transcript.
#[tauri::command]
pub async fn episode_open(state: State<'_, AppState>, id: EpisodeId) -> IpcResult<OpenedEpisode> {
    let (episode, transcript, confidence) = state
        .with_store(move |s| {
            s.mark_opened(id)?;
            Ok((s.episode(id)?, s.get_transcript(id)?, s.confidence(id)?))
        })
        .await?;
    if let Ok(mut now) = state.now_playing.episode.lock() {
        *now = Some(id);
    }
    let loaded = match episode.audio_path.clone() {
        Some(path) => open_audio(&state, path, episode.position_ms).await,
        None => Err("This episode has not been downloaded yet.".to_string()),
    };
    let duration_ms = match &loaded {
        Ok(info) => {
            if episode.duration_ms != Some(info.duration_ms) {
                let ms = info.duration_ms;
                state
                    .with_store(move |s| Ok(s.set_duration(id, ms)?))
                    .await?;
            }
            info.duration_ms
        }
        Err(_) => episode.duration_ms.unwrap_or(0),
    };
    Ok(OpenedEpisode {
        id,
        title: episode.title,
        description: episode.description,
        published: episode.published,
        duration_ms,
        position_ms: episode.position_ms,
        transcript_timed: transcript.as_ref().is_some_and(|t| t.timed()),
        transcript_coarse: transcript.as_ref().is_some_and(is_coarse),
        transcript_format: transcript.as_ref().map(|t| t.format),
        segments: transcript.map(|t| t.segments).unwrap_or_default(),
        not_found: confidence
            .as_deref()
            .map(flagged_indexes)
            .unwrap_or_default(),
        audio_problem: loaded.err(),
    })
}

/// Loads an episode's audio into the player, with its seek index from the library
/// (and keeps a newly built one there).
async fn open_audio(
    state: &AppState,
    path: PathBuf,
    start_ms: u64,
) -> Result<earmark_player::MediaInfo, String> {
    let key_path = path.clone();
    let cached = state
        .with_store(move |s| Ok(seek_cache::cached(s, &key_path)))
        .await
        .ok()
        .flatten();
    let opened = state
        .player
        .open_indexed(path.clone(), start_ms, cached.clone())
        .map_err(|e| e.to_string())?;
    if let Some(used) = opened.index.clone() {
        let _ = state
            .with_store(move |s| {
                seek_cache::remember(s, &path, cached.as_ref(), &used);
                Ok(())
            })
            .await;
    }
    Ok(opened.info)
}
