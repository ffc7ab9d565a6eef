//! One module per command area; each command is a short adapter over the core.

pub mod bench_transcript;
pub mod clip;
pub mod import;
pub mod list;
pub mod notes;
pub mod probe;
pub mod search;
pub mod transcript;
