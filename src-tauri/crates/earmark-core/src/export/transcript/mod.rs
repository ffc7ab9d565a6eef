//! A transcript written out: WebVTT and SRT subtitles, Podcasting 2.0 JSON and
//! Markdown. (Notes and highlights are written by the rest of [`crate::export`].)

mod json;
mod markdown;
mod subtitles;

pub use json::to_json;
pub use markdown::{to_markdown, MarkdownOptions};
pub use subtitles::{to_srt, to_vtt, LAST_CUE_MS};
