//! What the engine tells the listener went wrong while playing, by code: the window
//! words it in the listener's language (the catalogue's `error-<code>`), the English
//! sentence is for everything else.

use crate::error::PlayerError;

/// A problem while playing, as the listener is told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable machine-readable code, e.g. `engine_restarted`.
    pub code: &'static str,
    /// What to tell the listener, in English.
    pub message: String,
    /// The values `message` carries, by name.
    pub params: Vec<(&'static str, String)>,
}

impl Problem {
    /// The engine stopped on an internal error and was started again.
    pub fn engine_restarted() -> Self {
        Self::plain(
            "engine_restarted",
            "The player stopped on an internal error and was started again. Open the episode again to go on listening.",
        )
    }

    /// The audio output device went away; playback is paused.
    pub fn output_lost() -> Self {
        Self::plain(
            "output_lost",
            "The audio output device was lost. Playback is paused.",
        )
    }

    fn plain(code: &'static str, message: &str) -> Self {
        Self {
            code,
            message: message.to_owned(),
            params: Vec::new(),
        }
    }
}

impl From<&PlayerError> for Problem {
    /// Decoding failed part way: the error's own code and params.
    fn from(e: &PlayerError) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
            params: e.params(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn each_problem_has_its_code_and_a_decoding_error_keeps_its_own() {
        assert_eq!(Problem::engine_restarted().code, "engine_restarted");
        let lost = Problem::output_lost();
        assert_eq!(lost.code, "output_lost");
        assert_eq!(
            lost.message,
            "The audio output device was lost. Playback is paused."
        );
        let damaged = Problem::from(&PlayerError::Corrupt {
            path: PathBuf::from("/m/e.mp3"),
            detail: "bad frame".into(),
        });
        assert_eq!(damaged.code, "audio_corrupt");
        assert!(damaged.params.contains(&("why", "damaged".to_owned())));
        assert!(damaged.params.contains(&("file", "/m/e.mp3".to_owned())));
        assert!(
            damaged.message.contains("is damaged"),
            "{}",
            damaged.message
        );
    }
}
