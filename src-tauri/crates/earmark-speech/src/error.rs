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
    NoModel(HelperSaid),
    /// The speech runtime (faster-whisper) is missing from the transcriber's Python.
    #[error("{0}")]
    NoRuntime(HelperSaid),
    /// The model understands no such language.
    #[error("{0}")]
    NoModelForLanguage(HelperSaid),
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

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code; `detail` is what the system or the runtime said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            SpeechError::NoTranscriber { looked } => vec![("detail", looked.clone())],
            SpeechError::Start { program, source } => vec![
                ("program", program.display().to_string()),
                ("detail", source.to_string()),
            ],
            SpeechError::NoModel(said)
            | SpeechError::NoRuntime(said)
            | SpeechError::NoModelForLanguage(said) => said.params(),
            SpeechError::HelperFailed(detail) => vec![("detail", detail.clone())],
            SpeechError::Decode(e) => e.params(),
        }
    }

    /// The error the helper named by `code` in its first line, with its sentence and
    /// the values it carries.
    pub(crate) fn from_helper(code: &str, said: HelperSaid) -> Self {
        match code {
            "no_model" => SpeechError::NoModel(said),
            "no_runtime" => SpeechError::NoRuntime(said),
            "no_model_for_language" => SpeechError::NoModelForLanguage(said),
            _ => SpeechError::HelperFailed(said.message),
        }
    }
}

/// What the helper said when it refused: its English sentence and the values in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct HelperSaid {
    /// The sentence, in English.
    pub message: String,
    /// The values it names (`model`, `why`, `detail`, `language`, `python`).
    #[serde(default)]
    pub params: std::collections::BTreeMap<String, String>,
}

impl HelperSaid {
    /// The values the window knows by name; any other the helper sent is left out.
    fn params(&self) -> Vec<(&'static str, String)> {
        const KNOWN: [&str; 5] = ["model", "why", "detail", "language", "python"];
        KNOWN
            .iter()
            .filter_map(|&key| self.params.get(key).map(|value| (key, value.clone())))
            .collect()
    }
}

impl std::fmt::Display for HelperSaid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
