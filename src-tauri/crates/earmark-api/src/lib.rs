//! Earmark's use-cases: what the window (the tauri shell) and the command line
//! (`earmark-cli`) both do, written once, so that both give the same result for the
//! same input. Between the domain crates (`earmark-core`, `earmark-player`) and the
//! two front ends; it knows nothing of tauri, windows or events, and prints only a
//! line on stderr where a background save nobody waits on fails. Each front
//! end takes its arguments, calls one function here, and maps the error.

pub mod align;
pub mod align_jobs;
pub mod analysis;
pub mod annotations;
pub mod artwork;
pub mod artwork_fetch;
pub mod artwork_file;
pub mod audio_import;
pub mod background;
pub mod dialog_words;
pub mod download_list;
pub mod download_queue;
pub mod download_runner;
pub mod earmark;
pub mod episode_align;
pub mod episode_view;
pub mod error;
pub mod error_report;
pub mod exports;
pub mod feed_checks;
pub mod job_failure;
pub mod launch;
pub mod library_backup;
pub mod notebook;
pub mod now_playing;
pub mod pauses;
pub mod positions;
pub mod refresh_report;
pub mod saved_file;
pub mod seek_tables;
pub mod settings;
pub mod shared;
pub mod speech_options;
pub mod supervise;
pub mod transcribe_queue;
pub mod transcript_file;
pub mod transcript_times;
pub mod transcription;

#[cfg(test)]
mod testing;

pub use error::UseCaseError;
