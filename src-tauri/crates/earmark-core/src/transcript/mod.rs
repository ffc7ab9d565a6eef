//! Transcripts: one model for every published format.
//!
//! Every parser is pure: it takes text (or bytes, for [`parse_bytes`]) and returns
//! a [`Transcript`]; reading files and fetching URLs happen at the edges. Each
//! format's module documents the rules and heuristics it follows.

mod cleanup;
mod clock;
mod decode;
mod detect;
mod error;
mod export;
mod html;
mod json;
mod model;
mod speaker;
mod srt;
mod sync;
mod text;
mod timing;
mod vtt;

pub use detect::{detect, parse, parse_as, parse_bytes, parse_bytes_as, FormatHint};
pub use error::TranscriptError;
pub use export::{to_srt, to_vtt, LAST_CUE_MS};
pub use json::{MAX_LINE_WORDS, MAX_WORD_GAP_MS};
pub use model::{Segment, Transcript, TranscriptFormat, Word};
pub use sync::SyncIndex;
