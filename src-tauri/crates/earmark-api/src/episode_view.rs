//! An episode as the episode view shows it when it opens: the library's record, its
//! transcript and the lines the aligner did not find, with the audio's exact length
//! (stored when the library had another) or why the audio cannot play.

use earmark_align::flagged_indexes;
use earmark_core::chapters::Chapter;
use earmark_core::store::{Episode, EpisodeId, Store, StoreResult};
use earmark_core::transcript::{is_coarse, Segment, TranscriptFormat};
use serde::Serialize;

use crate::error_report::ErrorReport;

/// An episode as the episode view shows it.
#[derive(Debug, Serialize)]
pub struct OpenedEpisode {
    id: EpisodeId,
    title: String,
    description: Option<String>,
    published: Option<String>,
    duration_ms: u64,
    position_ms: u64,
    transcript_format: Option<TranscriptFormat>,
    transcript_timed: bool,
    /// Timed by the paragraph: aligning cuts it into timed sentences.
    transcript_coarse: bool,
    /// The web page the transcript was read from, when it came from one.
    transcript_page: Option<String>,
    /// That page cut the transcript off.
    transcript_incomplete: bool,
    segments: Vec<Segment>,
    /// The lines the aligner did not find in the audio (by index), when it aligned
    /// this transcript.
    not_found: Vec<usize>,
    /// Why the audio cannot play, when it cannot; the transcript still shows.
    audio_problem: Option<ErrorReport>,
}

/// What the view shows of `episode` once its audio was loaded: `audio` is the audio's
/// exact length, or why it cannot play. A length other than the library's is stored.
pub fn opened(
    store: &Store,
    episode: Episode,
    audio: Result<u64, ErrorReport>,
) -> StoreResult<OpenedEpisode> {
    let id = episode.id;
    let duration_ms = match audio {
        Ok(exact) if episode.duration_ms != Some(exact) => {
            store.set_duration(id, exact)?;
            exact
        }
        Ok(exact) => exact,
        Err(_) => episode.duration_ms.unwrap_or(0),
    };
    let transcript = store.get_transcript(id)?;
    let origin = store
        .transcript_info(id)?
        .map(|i| i.origin)
        .unwrap_or_default();
    let confidence = store.confidence(id)?;
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
        transcript_page: origin.page_url,
        transcript_incomplete: origin.incomplete,
        segments: transcript.map(|t| t.segments).unwrap_or_default(),
        not_found: confidence
            .as_deref()
            .map(flagged_indexes)
            .unwrap_or_default(),
        audio_problem: audio.err(),
    })
}

/// `episode`'s chapters by start (empty when it has none).
pub fn chapters_of(store: &Store, episode: EpisodeId) -> StoreResult<Vec<Chapter>> {
    Ok(store
        .chapters(episode)?
        .map(|(chapters, _)| chapters)
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use earmark_core::store::NewEpisode;

    use super::*;

    #[test]
    fn the_exact_length_replaces_the_feeds_and_a_problem_keeps_it() {
        let store = Store::open_in_memory().expect("store");
        let id = store
            .insert_episode(&NewEpisode {
                title: "E".into(),
                duration_ms: Some(60_000),
                ..NewEpisode::default()
            })
            .expect("episode");
        let episode = || store.episode(id).expect("read");
        let missing = ErrorReport::new("audio_missing", "missing");
        let view = opened(&store, episode(), Err(missing.clone())).expect("opened");
        assert_eq!(
            (view.duration_ms, view.audio_problem),
            (60_000, Some(missing))
        );
        let view = opened(&store, episode(), Ok(59_321)).expect("opened");
        assert_eq!((view.duration_ms, view.audio_problem), (59_321, None));
        assert_eq!(episode().duration_ms, Some(59_321), "stored");
        assert!(view.segments.is_empty() && view.transcript_format.is_none());
    }
}
