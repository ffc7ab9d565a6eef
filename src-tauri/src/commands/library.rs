//! Library commands: list episodes, open one, its cover picture.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use earmark_align::flagged_indexes;
use earmark_core::library::read_cover;
use earmark_core::store::{EpisodeId, EpisodeSummary};
use earmark_core::transcript::{is_coarse, Segment};
use serde::Serialize;
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

/// Opens an episode: loads it into the player at its saved position (in place of the
/// episode that was there, paused and its position saved) and returns it with its
/// transcript.
#[tauri::command]
pub async fn episode_open(state: State<'_, AppState>, id: EpisodeId) -> IpcResult<OpenedEpisode> {
    let loaded_episode::Opened { episode, audio } = loaded_episode::open(&state, id).await?;
    let (transcript, confidence) = state
        .with_store(move |s| Ok((s.get_transcript(id)?, s.confidence(id)?)))
        .await?;
    let duration_ms = match &audio {
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
        audio_problem: audio.err().map(|e| e.message),
    })
}
