//! Earmark's use-cases: what the window (the tauri shell) and the command line
//! (`earmark-cli`) both do, written once, so that both give the same result for the
//! same input. Between the domain crates (`earmark-core`, `earmark-player`) and the
//! two front ends; it knows nothing of tauri, windows, events or printing. Each front
//! end takes its arguments, calls one function here, and maps the error.

pub mod align;
pub mod analysis;
pub mod download_queue;
pub mod earmark;
pub mod episode_align;
pub mod episode_view;
pub mod error;
pub mod error_report;
pub mod notebook;
pub mod pauses;
pub mod refresh_report;
pub mod seek_tables;
pub mod settings;
pub mod sync;
pub mod transcript_times;

pub use error::UseCaseError;
