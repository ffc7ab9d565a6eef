//! Opening a file with symphonia's probe: the format from the content (the extension
//! is only a hint), through the rewriting source of [`crate::patch`], and the first
//! track with a codec.

use std::fs::File;
use std::path::Path;

use symphonia::core::codecs::{CODEC_TYPE_MP3, CODEC_TYPE_NULL};
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::{Hint, ProbeResult};

use crate::error::{corrupt, unsupported, PlayerError};
use crate::{guard, sniff};

/// Opens a format reader for `path` and picks its first decodable audio track.
///
/// symphonia's MP3 reader, with gapless playback on, subtracts the LAME tag's encoder
/// delay and padding from the Xing header's frame count unchecked (symphonia issue
/// 439): a damaged count smaller than them panics in a debug build and wraps in a
/// release one. Earmark reads MP3 through its own frame walk and trims the delay and
/// padding itself (`open_mp3` in [`crate::decode`]), so when probing panics the file is
/// probed again without gapless, and kept only if it is MP3: anything else that panics
/// stays an error ([`guard::contain`]).
///
/// A file symphonia finds no format or no track in, whose first bytes are those of a
/// format Earmark does not read, says which ([`crate::sniff`]).
pub(crate) fn open_reader(path: &Path) -> Result<(Box<dyn FormatReader>, u32), PlayerError> {
    open_track(path).map_err(|e| match e {
        PlayerError::Unsupported { .. } => match sniff::unreadable_format(path) {
            Some(what) => PlayerError::UnsupportedCodec {
                path: path.to_path_buf(),
                codec: what.to_string(),
            },
            None => e,
        },
        e => e,
    })
}

fn open_track(path: &Path) -> Result<(Box<dyn FormatReader>, u32), PlayerError> {
    let probed = match guard::unless_panicked(|| probe_file(path, true)) {
        Some(probed) => probed?,
        None => {
            let probed = probe_file(path, false)?;
            let mp3 = probed
                .format
                .default_track()
                .is_some_and(|t| t.codec_params.codec == CODEC_TYPE_MP3);
            if !mp3 {
                return Err(guard::decoder_failed(path));
            }
            probed
        }
    };
    let reader = probed.format;
    let track = reader
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or_else(|| unsupported(path, "no audio track"))?;
    let id = track.id;
    Ok((reader, id))
}

/// symphonia's probe of `path`, with gapless playback (encoder delay and padding
/// trimmed by the reader) on or off.
fn probe_file(path: &Path, gapless: bool) -> Result<ProbeResult, PlayerError> {
    let file = File::open(path).map_err(|source| PlayerError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Err(PlayerError::Empty(path.to_path_buf()));
    }
    let source = crate::patch::media_source(file).map_err(|e| corrupt(path, &e.to_string()))?;
    let stream = MediaSourceStream::new(source, Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let format_opts = FormatOptions {
        enable_gapless: gapless,
        ..Default::default()
    };
    symphonia::default::get_probe()
        .format(&hint, stream, &format_opts, &MetadataOptions::default())
        .map_err(|e| unsupported(path, &e.to_string()))
}
