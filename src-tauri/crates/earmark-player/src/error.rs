//! Errors of the playback engine, worded for the person listening.

use std::path::{Path, PathBuf};

/// Everything that can go wrong opening, decoding or playing an episode.
#[derive(Debug, thiserror::Error)]
pub enum PlayerError {
    /// The file could not be opened at all.
    #[error("Could not open {}: {}", path.display(), open_reason(source))]
    Open {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{0} is empty: there is no audio in it")]
    Empty(PathBuf),
    /// The file is not audio in a format Earmark can play.
    #[error("{path} is not an audio file Earmark can play ({detail})")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        detail: String,
    },
    /// The file is audio but broken beyond what can be skipped.
    #[error("{path} is damaged and cannot be played ({detail})")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        detail: String,
    },
    /// An MP4 file that ends early (a download or copy that did not finish) without
    /// the part that says where its audio is.
    #[error("{0} is cut short: the file ends early, and the part that says where its audio is did not make it (did the download finish?)")]
    CutShort(PathBuf),
    /// A clip asked for audio past the end of the file.
    #[error("{} is {} s long: it ends before the {} s the clip asked for", path.display(), seconds(*length_ms), seconds(*to_ms))]
    ShorterThanAsked {
        /// The file.
        path: PathBuf,
        /// Its real length, in milliseconds.
        length_ms: u64,
        /// Where the clip was to end, in milliseconds.
        to_ms: u64,
    },
    /// The file's audio is in a codec Earmark has no decoder for.
    #[error("{} uses {codec}, which Earmark cannot play yet", path.display())]
    UnsupportedCodec {
        /// The file.
        path: PathBuf,
        /// The codec (or a format Earmark does not read), as a phrase: "the MPEG Layer
        /// II (MP2) codec", "the Matroska (WebM, MKA) container".
        codec: String,
    },
    /// No sound output could be opened.
    #[error("No audio output device found")]
    NoOutputDevice,
    /// A position beyond the end of the file was asked for.
    #[error("That position is past the end of the episode")]
    SeekPastEnd,
    /// The time-stretcher could not be set up for this audio.
    #[error("Speed control is not available for this audio ({0})")]
    TimeStretch(String),
    /// The engine thread has stopped.
    #[error("The audio engine has stopped")]
    EngineStopped,
}

impl PlayerError {
    /// A short stable code for the window and scripts; several cases share one, told
    /// apart by the `why` param ([`PlayerError::params`]).
    pub fn code(&self) -> &'static str {
        match self {
            PlayerError::NoOutputDevice => "no_output_device",
            PlayerError::Open { .. } | PlayerError::Empty(_) => "audio_missing",
            PlayerError::Unsupported { .. } | PlayerError::UnsupportedCodec { .. } => {
                "audio_unsupported"
            }
            PlayerError::Corrupt { .. } | PlayerError::CutShort(_) => "audio_corrupt",
            PlayerError::SeekPastEnd => "seek_past_end",
            PlayerError::ShorterThanAsked { .. } => "audio_shorter",
            PlayerError::TimeStretch(_) => "time_stretch",
            PlayerError::EngineStopped => "engine_stopped",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// itself from its code (the window, in the listener's language): the file, and
    /// `why` where one code covers several cases.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let file = |path: &Path| ("file", path.display().to_string());
        match self {
            PlayerError::Open { path, source } => {
                let why = match source.kind() {
                    std::io::ErrorKind::NotFound => "gone",
                    std::io::ErrorKind::PermissionDenied => "denied",
                    _ => "other",
                };
                vec![
                    file(path),
                    ("why", why.into()),
                    ("detail", source.to_string()),
                ]
            }
            PlayerError::Empty(path) => vec![file(path), ("why", "empty".into())],
            PlayerError::Unsupported { path, detail } => {
                vec![
                    file(path),
                    ("why", "format".into()),
                    ("detail", detail.clone()),
                ]
            }
            PlayerError::UnsupportedCodec { path, codec } => {
                vec![
                    file(path),
                    ("why", "codec".into()),
                    ("detail", codec.clone()),
                ]
            }
            PlayerError::Corrupt { path, detail } => {
                vec![
                    file(path),
                    ("why", "damaged".into()),
                    ("detail", detail.clone()),
                ]
            }
            PlayerError::CutShort(path) => vec![file(path), ("why", "cut_short".into())],
            PlayerError::ShorterThanAsked {
                path,
                length_ms,
                to_ms,
            } => vec![
                file(path),
                ("length", seconds(*length_ms)),
                ("to", seconds(*to_ms)),
            ],
            PlayerError::TimeStretch(detail) => vec![("detail", detail.clone())],
            PlayerError::NoOutputDevice | PlayerError::SeekPastEnd | PlayerError::EngineStopped => {
                Vec::new()
            }
        }
    }
}

/// A file that is not audio Earmark can play, with what the reader said.
pub(crate) fn unsupported(path: &Path, detail: &str) -> PlayerError {
    PlayerError::Unsupported {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// A file that is audio but damaged beyond what can be skipped, with what was found.
pub(crate) fn corrupt(path: &Path, detail: &str) -> PlayerError {
    PlayerError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// Milliseconds as seconds with three decimals, as `probe` prints them.
fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Why a file could not be opened, in words rather than the system's error text
/// where the reason is a common one.
fn open_reason(source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::NotFound => "the file is not there any more (moved or deleted?)".into(),
        std::io::ErrorKind::PermissionDenied => "Earmark is not allowed to read it".into(),
        _ => source.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_params_name_the_file_and_which_case_it_is() {
        let gone = PlayerError::Open {
            path: PathBuf::from("/music/ep.mp3"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let params = gone.params();
        assert!(
            params.contains(&("file", "/music/ep.mp3".to_owned())),
            "{params:?}"
        );
        assert!(params.contains(&("why", "gone".to_owned())), "{params:?}");
        assert_eq!(
            PlayerError::Empty(PathBuf::from("e.mp3")).params(),
            vec![("file", "e.mp3".to_owned()), ("why", "empty".to_owned())]
        );
        assert!(PlayerError::NoOutputDevice.params().is_empty());
    }

    #[test]
    fn a_missing_file_is_said_in_words() {
        let gone = PlayerError::Open {
            path: PathBuf::from("/music/ep.mp3"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(
            gone.to_string(),
            "Could not open /music/ep.mp3: the file is not there any more (moved or deleted?)"
        );
        let locked = PlayerError::Open {
            path: PathBuf::from("/music/ep.mp3"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert!(locked
            .to_string()
            .ends_with("Earmark is not allowed to read it"));
    }
}
