//! The times shown for each line of an episode's transcript: the file's own, or for
//! an untimed transcript estimated from text length, the audio's pauses and the
//! user's pins ("this line starts now").

use std::path::PathBuf;
use std::sync::Mutex;

use earmark_core::store::{EpisodeId, Store};
use earmark_core::transcript::Pause;
use earmark_core::transcript::{
    estimate_times, resolve_pins, EstimatedTime, Pin, TimeSource, Transcript,
};
use serde::Serialize;

use crate::error::UseCaseError;
use crate::shared::lock;

/// Speaking rate assumed when an episode's audio length is unknown, and for the text
/// of a transcript the page cut off (it lasts as long as saying it takes).
const MS_PER_CHAR_WITHOUT_AUDIO: u64 = 65;

/// Whether the audio's pauses were used for the estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PauseStatus {
    /// Found (now or before) and used.
    Found,
    /// Not looked for yet: ask again with a scan.
    Pending,
    /// The audio could not be scanned (not downloaded, or unreadable).
    Unavailable,
}

/// The shown times of every line.
#[derive(Debug, Serialize)]
pub struct TranscriptTimes {
    /// The episode.
    pub episode: EpisodeId,
    /// One per line.
    pub times: Vec<EstimatedTime>,
    /// Whether the audio's pauses were used.
    pub pauses: PauseStatus,
}

/// What the library knows for an episode's times ([`read`]).
#[derive(Debug)]
pub struct TimesInput {
    episode: EpisodeId,
    transcript: Transcript,
    pins: Vec<Pin>,
    duration_ms: Option<u64>,
    /// The page cut the transcript off: it covers only the start of the audio.
    incomplete: bool,
    /// The downloaded audio, if any.
    pub audio: Option<PathBuf>,
    /// Its pauses, when they were found before.
    pub cached: Option<Vec<Pause>>,
}

impl TimesInput {
    /// Whether the transcript brings its own times (no pauses are needed).
    pub fn timed(&self) -> bool {
        self.transcript.timed()
    }
}

/// Reads what the times of `episode`'s transcript need from the library.
pub fn read(store: &Store, episode: EpisodeId) -> Result<TimesInput, UseCaseError> {
    let transcript = transcript_of(store, episode)?;
    let row = store.episode(episode)?;
    let cached = row
        .audio_path
        .as_deref()
        .and_then(|a| crate::pauses::cached(store, a));
    Ok(TimesInput {
        episode,
        transcript,
        pins: store.pins(episode)?,
        duration_ms: row.duration_ms,
        incomplete: store
            .transcript_info(episode)?
            .is_some_and(|i| i.origin.incomplete),
        audio: row.audio_path,
        cached,
    })
}

/// The times of every line: a timed transcript's own; else estimated with the
/// pauses found (or, when they are not at hand, the status saying why).
pub fn times(input: &TimesInput, pauses: Result<&[Pause], PauseStatus>) -> TranscriptTimes {
    if input.transcript.timed() {
        return TranscriptTimes {
            episode: input.episode,
            times: given_times(&input.transcript),
            pauses: PauseStatus::Unavailable,
        };
    }
    let (pauses, status) = match pauses {
        Ok(p) => (p, PauseStatus::Found),
        Err(status) => (&[][..], status),
    };
    let segments = &input.transcript.segments;
    let spoken =
        segments.iter().map(|s| s.text.len()).sum::<usize>() as u64 * MS_PER_CHAR_WITHOUT_AUDIO;
    let duration = match input.duration_ms.filter(|&d| d > 0) {
        // Text the page cut off is not stretched over the whole episode.
        Some(audio) if input.incomplete => audio.min(spoken),
        Some(audio) => audio,
        None => spoken,
    };
    TranscriptTimes {
        episode: input.episode,
        times: estimate_times(segments, duration, pauses, &input.pins),
        pauses: status,
    }
}

/// The times shown for `episode`'s transcript: the file's own, or for an untimed
/// transcript estimated from text length, the audio's pauses (with `scan`, the audio
/// is scanned for them when the library has none yet) and pins. Blocking; the store
/// is not held while the audio decodes.
pub fn shown(
    store: &Mutex<Store>,
    episode: EpisodeId,
    scan: bool,
) -> Result<TranscriptTimes, UseCaseError> {
    let input = read(&lock(store), episode)?;
    if input.timed() {
        return Ok(times(&input, Err(PauseStatus::Unavailable)));
    }
    let pauses = match (&input.cached, &input.audio) {
        (Some(p), _) => Ok(p.clone()),
        (None, Some(audio)) if scan => {
            // Audio that cannot be scanned (even by a bug) only costs the pauses.
            let scanned = std::panic::catch_unwind(|| crate::pauses::find_or_scan(store, audio));
            scanned
                .ok()
                .and_then(Result::ok)
                .ok_or(PauseStatus::Unavailable)
        }
        (None, Some(_)) => Err(PauseStatus::Pending),
        (None, None) => Err(PauseStatus::Unavailable),
    };
    Ok(times(&input, pauses.as_deref().map_err(|s| *s)))
}

/// [`pin`], then the times [`shown`].
pub fn pinned(
    store: &Mutex<Store>,
    episode: EpisodeId,
    index: usize,
    ms: u64,
) -> Result<TranscriptTimes, UseCaseError> {
    pin(&lock(store), episode, index, ms)?;
    shown(store, episode, false)
}

/// Removes the pin of line `index`, then the times [`shown`].
pub fn unpinned(
    store: &Mutex<Store>,
    episode: EpisodeId,
    index: usize,
) -> Result<TranscriptTimes, UseCaseError> {
    lock(store).remove_pin(episode, index)?;
    shown(store, episode, false)
}

/// "This line starts now": pins line `index` of `episode`'s transcript to `ms`;
/// older pins that contradict it are removed.
pub fn pin(store: &Store, episode: EpisodeId, index: usize, ms: u64) -> Result<(), UseCaseError> {
    let count = transcript_of(store, episode)?.segments.len();
    if index >= count {
        return Err(UseCaseError::NoSuchLine);
    }
    store.set_pin(
        episode,
        Pin {
            index,
            start_ms: ms,
        },
    )?;
    let kept = resolve_pins(&store.pins(episode)?, count, u64::MAX);
    store.retain_pins(episode, &kept)?;
    Ok(())
}

/// A timed transcript's own times.
fn given_times(transcript: &Transcript) -> Vec<EstimatedTime> {
    let segments = &transcript.segments;
    segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let start_ms = s.start_ms.unwrap_or(0);
            let next = segments.get(i + 1).and_then(|n| n.start_ms);
            EstimatedTime {
                start_ms,
                end_ms: s.end_ms.or(next).unwrap_or(start_ms).max(start_ms),
                source: TimeSource::Given,
            }
        })
        .collect()
}

/// The episode's transcript, or [`UseCaseError::NoTranscript`].
pub fn transcript_of(store: &Store, episode: EpisodeId) -> Result<Transcript, UseCaseError> {
    store
        .get_transcript(episode)?
        .ok_or(UseCaseError::NoTranscript)
}
