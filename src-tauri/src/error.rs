//! The one error that crosses the IPC boundary: `{code, message}`, the message a
//! sentence the user understands.

use serde::Serialize;

/// An error returned to the window.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Stable machine-readable code, e.g. `no_output_device`.
    pub code: &'static str,
    /// What to show the user.
    pub message: String,
}

impl IpcError {
    /// An error with a code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<earmark_player::PlayerError> for IpcError {
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

impl From<earmark_core::align::AlignError> for IpcError {
    fn from(e: earmark_core::align::AlignError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::align::DriftError> for IpcError {
    fn from(e: earmark_core::align::DriftError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::backup::BackupError> for IpcError {
    fn from(e: earmark_core::backup::BackupError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::store::StoreError> for IpcError {
    fn from(e: earmark_core::store::StoreError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::library::LibraryError> for IpcError {
    fn from(e: earmark_core::library::LibraryError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

/// Result of a command.
pub type IpcResult<T> = Result<T, IpcError>;

impl From<earmark_core::http::NetError> for IpcError {
    fn from(e: earmark_core::http::NetError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::feeds::SubscribeError> for IpcError {
    fn from(e: earmark_core::feeds::SubscribeError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::downloads::DownloadError> for IpcError {
    fn from(e: earmark_core::downloads::DownloadError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<earmark_core::opml::OpmlError> for IpcError {
    fn from(e: earmark_core::opml::OpmlError) -> Self {
        Self::new("not_opml", e.to_string())
    }
}
