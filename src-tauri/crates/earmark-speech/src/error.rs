//! What can go wrong while transcribing, each as a sentence a listener understands
//! and a stable code ([`SpeechError::code`]) for the window and scripts.

use std::path::PathBuf;

/// An error from transcribing an episode.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    /// No transcriber program (the Python that runs the helper) was found.
    #[error("The transcriber is not installed: no Python with faster-whisper was found ({looked}). Run tests/setup/install-system-deps.sh, or set EARMARK_TRANSCRIBER to one.")]
    NoTranscriber {
        /// Where Earmark looked, in words.
        looked: String,
    },
    /// The transcriber program could not be started.
    #[error("The transcriber {program} could not be started: {source}.")]
    Start {
        /// The program that was run.
        program: PathBuf,
        /// Why it did not start.
        source: std::io::Error,
    },
    /// The model directory holds no usable speech model.
    #[error("{0}")]
    NoModel(String),
    /// The speech runtime (faster-whisper) is missing from the transcriber's Python.
    #[error("{0}")]
    NoRuntime(String),
    /// The model understands no such language.
    #[error("{0}")]
    NoModelForLanguage(String),
    /// The helper stopped or answered what it should not.
    #[error("The transcriber stopped unexpectedly: {0}")]
    HelperFailed(String),
    /// The audio could not be decoded.
    #[error(transparent)]
    Decode(#[from] earmark_player::PlayerError),
}

impl SpeechError {
    /// A stable code for the error, e.g. `no_model_for_language`.
    pub fn code(&self) -> &'static str {
        match self {
            SpeechError::NoTranscriber { .. } => "no_transcriber",
            SpeechError::Start { .. } => "transcriber_failed",
            SpeechError::NoModel(_) => "no_model",
            SpeechError::NoRuntime(_) => "no_runtime",
            SpeechError::NoModelForLanguage(_) => "no_model_for_language",
            SpeechError::HelperFailed(_) => "transcriber_failed",
            SpeechError::Decode(_) => "decode_failed",
        }
    }

    /// The error the helper named by `code` in its first line, with its sentence.
    pub(crate) fn from_helper(code: &str, message: String) -> Self {
        match code {
            "no_model" => SpeechError::NoModel(message),
            "no_runtime" => SpeechError::NoRuntime(message),
            "no_model_for_language" => SpeechError::NoModelForLanguage(message),
            _ => SpeechError::HelperFailed(message),
        }
    }
}
