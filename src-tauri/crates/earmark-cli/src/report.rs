//! Printing results: text for people, one JSON document for scripts.

use serde::Serialize;

/// How results are printed.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// One JSON document instead of text.
    pub json: bool,
}

impl Report {
    /// Prints `value` as JSON, or `text()` for people.
    pub fn print<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> Result<(), CliError> {
        if self.json {
            println!(
                "{}",
                serde_json::to_string(value).map_err(|e| CliError::Message(e.to_string()))?
            );
        } else {
            println!("{}", text());
        }
        Ok(())
    }
}

/// An error to print as one line before exiting non-zero.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the playback engine.
    #[error(transparent)]
    Player(#[from] earmark_player::PlayerError),
    /// Anything else, already worded.
    #[error("{0}")]
    Message(String),
}
