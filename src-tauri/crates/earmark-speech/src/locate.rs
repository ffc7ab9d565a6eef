//! Finding the transcriber: the Python, with faster-whisper and the model
//! installed, that runs the helper.
//!
//! In order: the program named by [`TRANSCRIBER_ENV`]; the one packaged next to
//! Earmark (`../lib/earmark/speech/venv/bin/python` from the executable's folder,
//! where a package puts it); the developer's venv that
//! `tests/setup/install-system-deps.sh` installs,
//! `~/.cache/earmark-speech/venv/bin/python`.

use std::path::{Path, PathBuf};

use crate::SpeechError;

/// The environment variable naming the transcriber's Python.
pub const TRANSCRIBER_ENV: &str = "EARMARK_TRANSCRIBER";

/// The venv's place under the home folder (the set-up script's).
const DEV_VENV_PYTHON: &str = ".cache/earmark-speech/venv/bin/python";

/// The venv's place beside a packaged executable.
const PACKAGED_VENV_PYTHON: &str = "../lib/earmark/speech/venv/bin/python";

/// The transcriber's Python, from the first place that has one.
pub fn find_transcriber() -> Result<PathBuf, SpeechError> {
    let from_env = std::env::var_os(TRANSCRIBER_ENV).map(PathBuf::from);
    let beside_exe = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(PACKAGED_VENV_PYTHON)));
    let home = std::env::var_os("HOME").map(|home| Path::new(&home).join(DEV_VENV_PYTHON));
    if let Some(named) = from_env {
        // A program named on purpose is used as it is, or reported missing.
        return if runnable(&named) {
            Ok(named)
        } else {
            Err(SpeechError::NoTranscriber {
                looked: format!(
                    "{TRANSCRIBER_ENV} names {}, which does not exist",
                    named.display()
                ),
            })
        };
    }
    let candidates: Vec<PathBuf> = beside_exe.into_iter().chain(home).collect();
    candidates
        .iter()
        .find(|path| runnable(path))
        .cloned()
        .ok_or_else(|| SpeechError::NoTranscriber {
            looked: format!(
                "looked in {}",
                candidates
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        })
}

/// True when `path` looks like a program that can be run.
fn runnable(path: &Path) -> bool {
    path.is_file()
}
