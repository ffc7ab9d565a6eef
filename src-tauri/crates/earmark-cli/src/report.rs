//! Printing results: text for people, one JSON document for scripts; and the one
//! error type every command returns.

use std::io::Write;

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
        let document = if self.json {
            serde_json::to_string(value).map_err(|e| CliError::Message(e.to_string()))?
        } else {
            text()
        };
        let mut stdout = std::io::stdout().lock();
        match writeln!(stdout, "{document}").and_then(|()| stdout.flush()) {
            // The reader stopped early (`| head`): not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(CliError::Message(format!(
                "Could not print the output: {e}."
            ))),
            Ok(()) => Ok(()),
        }
    }
}

/// A moment in an episode as people read it: `m:ss`, or `h:mm:ss` from an hour on
/// (the one formatter the exports use too).
pub use earmark_core::export::timestamp as clock;

/// Text on one line: line breaks become spaces, so each item prints as one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An error to print as one line before exiting non-zero.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the playback engine (probing, clipping).
    #[error(transparent)]
    Player(#[from] earmark_player::PlayerError),
    /// From the library database.
    #[error(transparent)]
    Store(#[from] earmark_core::store::StoreError),
    /// From bringing an episode in.
    #[error(transparent)]
    Library(#[from] earmark_core::library::LibraryError),
    /// From reading a transcript.
    #[error(transparent)]
    Transcript(#[from] earmark_core::transcript::TranscriptError),
    /// From aligning a transcript to its audio.
    #[error(transparent)]
    Align(#[from] earmark_align::AlignError),
    /// From checking a timed transcript's drift.
    #[error(transparent)]
    Drift(#[from] earmark_align::DriftError),
    /// From an alignment job (decoding, aligning, checking drift).
    #[error(transparent)]
    AlignJob(#[from] earmark_api::align::AlignJobError),
    /// Anything else, already worded.
    #[error("{0}")]
    Message(String),
}

impl CliError {
    /// The error as the one line printed after `earmark-cli: ` (any line breaks in a
    /// message from below become spaces).
    pub fn line(&self) -> String {
        one_line(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_lines() {
        assert_eq!(one_line("a\nb\r\n  c "), "a b c");
    }
}
