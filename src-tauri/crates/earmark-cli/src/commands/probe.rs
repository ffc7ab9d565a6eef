//! `earmark-cli probe AUDIO`.

use std::path::Path;

use crate::report::{CliError, Report};

/// Prints the file's codec, layout and exact length.
pub fn run(audio: &Path, out: &Report) -> Result<(), CliError> {
    let info = earmark_player::probe(audio)?;
    out.print(&info, || {
        format!(
            "{}: {}, {} Hz, {} channel(s), {} frames, {}.{:03} s",
            audio.display(),
            info.codec,
            info.sample_rate,
            info.channels,
            info.frames,
            info.duration_ms / 1000,
            info.duration_ms % 1000
        )
    })
}
