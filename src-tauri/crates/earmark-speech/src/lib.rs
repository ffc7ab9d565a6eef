//! On-device speech recognition: an episode's audio becomes a timed transcript
//! with word timings, offline.
//!
//! The recogniser (Whisper through faster-whisper and CTranslate2) runs in a helper
//! process, `helper/earmark_transcriber.py`, one at a time and at low priority (see
//! docs/decisions.md, "On-device transcription"). This crate decodes the audio
//! itself, downmixes it to mono and resamples it to 16 kHz ([`resample`]), cuts it
//! into chunks at pauses ([`chunks`]), streams the chunks to the helper
//! ([`helper`]) and turns the words it hears into lines split at the speaker's
//! pauses and sentence ends ([`lines`]).

pub mod chunks;
pub mod error;
pub mod helper;
pub mod lines;
pub mod locate;
pub mod refine;
pub mod resample;
pub mod resume;
pub mod transcribe;

pub use chunks::ChunkLimits;
pub use error::SpeechError;
pub use helper::{HeardSegment, HeardWord};
pub use locate::{find_transcriber, TRANSCRIBER_ENV};
pub use resume::{ChunkJournal, NoJournal, StoreJournal};
pub use transcribe::{transcribe, transcribe_resuming, Progress, TranscribeOptions};

/// The sample rate the recogniser listens at.
pub const SAMPLE_RATE: u32 = 16_000;
