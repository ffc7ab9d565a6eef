//! The window's commands, one file per area; each a short adapter.

pub mod library;
pub mod player;
pub mod transcript;
