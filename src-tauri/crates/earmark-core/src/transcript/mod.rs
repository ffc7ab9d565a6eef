//! Transcripts: one model for every published format.

mod model;

pub use model::{Segment, Transcript, TranscriptFormat, Word};
