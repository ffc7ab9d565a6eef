//! Transcripts: one model for every published format.
//!
//! Every parser is pure: it takes text (or bytes, for [`parse_bytes`]) and returns
//! a [`Transcript`]; reading files and fetching URLs happen at the edges. Each
//! format's module documents the rules and heuristics it follows.

mod cleanup;
mod correct;
mod decode;
mod detect;
mod error;
mod estimate;
mod html;
mod json;
pub(crate) mod line_breaks;
mod model;
mod page;
mod page_text;
mod page_turns;
mod pause;
mod sentences;
mod speaker;
mod srt;
mod sync;
mod text;
pub(crate) mod timestamps;
mod timing;
mod vtt;

pub use crate::export::transcript::{
    to_json, to_markdown, to_srt, to_vtt, MarkdownOptions, LAST_CUE_MS,
};
pub use correct::{correct, Correction, CorrectionError};
pub use detect::{
    detect, parse, parse_as, parse_bytes, parse_bytes_as, parse_fetched, read_fetched_page,
    FormatHint,
};
pub use error::TranscriptError;
pub use estimate::{estimate_times, resolve_pins, with_times, EstimatedTime, Pin, TimeSource};
pub use json::{MAX_LINE_WORDS, MAX_WORD_GAP_MS};
pub use line_breaks::{is_line_break, one_line, split_lines};
pub use model::{Segment, Transcript, TranscriptFormat, Word};
pub use page::{read_episode_page, PageTranscript};
pub use pause::Pause;
pub use sentences::{into_sentences, is_coarse, COARSE_MEDIAN_MS};
pub use sync::SyncIndex;
