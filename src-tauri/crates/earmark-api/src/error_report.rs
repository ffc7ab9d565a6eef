//! An error as a front end shows it: `{code, message}`, the message a sentence the
//! user understands, the code stable for the window and scripts. Every error of the
//! domain crates and the use-cases turns into one; the window gets it as the error of
//! a command (the shell's `IpcError`), the download queue keeps one per failed
//! download.

use serde::Serialize;

/// An error in words, with its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorReport {
    /// Stable machine-readable code, e.g. `no_output_device`.
    pub code: &'static str,
    /// What to show the user.
    pub message: String,
}

impl ErrorReport {
    /// An error with a code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<earmark_player::PlayerError> for ErrorReport {
    fn from(e: earmark_player::PlayerError) -> Self {
        use earmark_player::PlayerError as E;
        let code = match &e {
            E::NoOutputDevice => "no_output_device",
            E::Open { .. } | E::Empty(_) => "audio_missing",
            E::Unsupported { .. } | E::UnsupportedCodec { .. } => "audio_unsupported",
            E::Corrupt { .. } | E::CutShort(_) => "audio_corrupt",
            E::SeekPastEnd => "seek_past_end",
            E::ShorterThanAsked { .. } => "audio_shorter",
            E::TimeStretch(_) => "time_stretch",
            E::EngineStopped => "engine_stopped",
        };
        Self::new(code, e.to_string())
    }
}

impl From<earmark_align::AlignError> for ErrorReport {
    fn from(e: earmark_align::AlignError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<crate::align::AlignJobError> for ErrorReport {
    fn from(e: crate::align::AlignJobError) -> Self {
        use crate::align::AlignJobError as E;
        match e {
            E::Audio(e) => e.into(),
            E::Align(e) => e.into(),
            E::Drift(e) => e.into(),
            E::Speech(e) => Self::new(e.code(), e.to_string()),
        }
    }
}

impl From<crate::UseCaseError> for ErrorReport {
    fn from(e: crate::UseCaseError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_align::DriftError> for ErrorReport {
    fn from(e: earmark_align::DriftError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::backup::BackupError> for ErrorReport {
    fn from(e: earmark_core::backup::BackupError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::store::StoreError> for ErrorReport {
    fn from(e: earmark_core::store::StoreError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::library::LibraryError> for ErrorReport {
    fn from(e: earmark_core::library::LibraryError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::http::NetError> for ErrorReport {
    fn from(e: earmark_core::http::NetError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::feeds::SubscribeError> for ErrorReport {
    fn from(e: earmark_core::feeds::SubscribeError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::feeds::PageError> for ErrorReport {
    fn from(e: earmark_core::feeds::PageError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::downloads::DownloadError> for ErrorReport {
    fn from(e: earmark_core::downloads::DownloadError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::opml::OpmlError> for ErrorReport {
    fn from(e: earmark_core::opml::OpmlError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}
