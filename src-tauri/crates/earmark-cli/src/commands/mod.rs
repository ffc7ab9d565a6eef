//! One module per command area; each command is a short adapter over the core.

pub mod align;
pub mod backup;
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
pub mod transcribe;
pub mod transcript;
