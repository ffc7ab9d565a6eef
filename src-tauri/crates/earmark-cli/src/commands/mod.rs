//! One module per command area; each command is a short adapter over the core.

pub mod align;
pub mod backup;
pub mod bench;
pub mod bench_align;
pub mod bench_corpus;
pub mod bench_feed;
pub mod bench_notes;
pub mod bench_playback;
pub mod bench_transcript;
pub mod clip;
pub mod download;
pub mod export;
pub mod feed;
pub mod import;
pub mod import_notes;
pub mod list;
pub mod notes;
pub mod opml;
pub mod probe;
pub mod search;
pub mod transcript;
