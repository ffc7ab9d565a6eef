//! The window's commands, one file per area; each a short adapter.

pub mod align;
pub mod export;
pub mod library;
pub mod notes;
pub mod player;
pub mod search;
pub mod settings;
pub mod transcript;
