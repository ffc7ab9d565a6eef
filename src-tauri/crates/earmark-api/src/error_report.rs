//! An error as a front end shows it: `{code, message, params}`, the message a sentence
//! the user understands (in English: the command line's), the code stable for the
//! window and scripts, and the values the message carries (a file, an address, an HTTP
//! status) by name, so that the window can say it in the listener's language from the
//! code. Every error of the domain crates and the use-cases turns into one; the window
//! gets it as the error of a command (the shell's `IpcError`), the download queue keeps
//! one per failed download.

use std::collections::BTreeMap;

use serde::Serialize;

/// An error in words, with its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorReport {
    /// Stable machine-readable code, e.g. `no_output_device`.
    pub code: &'static str,
    /// What to show the user, in English.
    pub message: String,
    /// The values `message` carries, by name (left out when there are none).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl ErrorReport {
    /// An error with a code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            params: BTreeMap::new(),
        }
    }

    /// The same error carrying `params`.
    pub fn with_params(mut self, params: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        self.params.extend(params);
        self
    }
}

/// `From` for each error type that has a `code()` and `params()` beside its English
/// `Display`: the report says the same in words, with its code and values.
macro_rules! reported {
    ($($error:ty),+ $(,)?) => {
        $(impl From<$error> for ErrorReport {
            fn from(e: $error) -> Self {
                Self::new(e.code(), e.to_string()).with_params(e.params())
            }
        })+
    };
}

reported!(
    earmark_player::PlayerError,
    earmark_align::AlignError,
    earmark_align::DriftError,
    earmark_speech::SpeechError,
    crate::UseCaseError,
    earmark_core::backup::BackupError,
    earmark_core::store::StoreError,
    earmark_core::library::LibraryError,
    earmark_core::http::NetError,
    earmark_core::feeds::SubscribeError,
    earmark_core::feeds::PageError,
    earmark_core::downloads::DownloadError,
    earmark_core::export::ExportError,
    earmark_core::opml::OpmlError,
);

impl From<crate::align::AlignJobError> for ErrorReport {
    fn from(e: crate::align::AlignJobError) -> Self {
        use crate::align::AlignJobError as E;
        match e {
            E::Audio(e) => e.into(),
            E::Align(e) => e.into(),
            E::Drift(e) => e.into(),
            E::Speech(e) => e.into(),
        }
    }
}

impl From<earmark_core::coded_message::CodedMessage> for ErrorReport {
    fn from(m: earmark_core::coded_message::CodedMessage) -> Self {
        Self::new(m.code, m.message).with_params(m.params)
    }
}

impl From<earmark_player::Problem> for ErrorReport {
    fn from(p: earmark_player::Problem) -> Self {
        Self::new(p.code, p.message).with_params(p.params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_go_to_the_window_beside_the_english_sentence_and_only_when_there_are_some() {
        let gone = ErrorReport::from(earmark_player::PlayerError::Empty("/m/e.mp3".into()));
        let json = serde_json::to_value(&gone).expect("json");
        assert_eq!(json["code"], "audio_missing");
        assert_eq!(json["params"]["file"], "/m/e.mp3");
        assert_eq!(json["params"]["why"], "empty");
        assert!(json["message"]
            .as_str()
            .is_some_and(|m| m.contains("/m/e.mp3")));
        let plain = serde_json::to_value(ErrorReport::from(
            earmark_player::PlayerError::NoOutputDevice,
        ))
        .expect("json");
        assert!(plain.get("params").is_none(), "{plain}");
    }

    #[test]
    fn a_transcript_that_would_not_parse_carries_its_reason_and_values() {
        use earmark_core::library::LibraryError;
        use earmark_core::transcript::TranscriptError;
        let broken = LibraryError::Transcript {
            path: "/t/ep.json".into(),
            source: TranscriptError::InvalidJson {
                reason: "expected value".into(),
                line: 3,
                column: 7,
            },
        };
        let report = ErrorReport::from(broken);
        assert_eq!(report.code, "bad_transcript");
        let p = |k: &str| report.params.get(k).cloned().unwrap_or_default();
        assert_eq!(p("path"), "/t/ep.json");
        assert_eq!(p("reason"), "invalid_json");
        assert_eq!((p("line"), p("column")), ("3".into(), "7".into()));
    }
}
