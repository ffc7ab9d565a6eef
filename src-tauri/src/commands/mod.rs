//! The window's commands, one file per area; each a short adapter.

pub mod align;
pub mod downloads;
pub mod export;
pub mod feeds;
pub mod library;
pub mod local_files;
pub mod notes;
pub mod player;
pub mod search;
pub mod settings;
pub mod transcript;
