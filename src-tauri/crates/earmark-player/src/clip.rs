//! Cutting the exact samples of a time range, through the same seek path as playback.

use std::path::Path;

use crate::decode::MediaDecoder;
use crate::error::PlayerError;
use crate::media_info::MediaInfo;

/// The interleaved samples of `[from_ms, to_ms)` of `path`, and the file's layout.
///
/// Frame `round(from_ms × rate)` comes first, exactly as playback after a seek there.
/// A range that runs past the end of the audio is an error naming the real length
/// ([`PlayerError::ShorterThanAsked`]), never a shorter clip.
pub fn clip(path: &Path, from_ms: u64, to_ms: u64) -> Result<(MediaInfo, Vec<f32>), PlayerError> {
    let mut decoder = MediaDecoder::open(path)?;
    let info = decoder.info().clone();
    let shorter = |frames: u64| PlayerError::ShorterThanAsked {
        path: path.to_path_buf(),
        length_ms: frames * 1000 / u64::from(info.sample_rate),
        to_ms,
    };
    let from = info.frame_at_ms(from_ms);
    let to = info.frame_at_ms(to_ms).max(from);
    if to > info.frames {
        return Err(shorter(info.frames));
    }
    let channels = usize::from(info.channels);
    let wanted = (to - from) as usize * channels;
    decoder.seek_to_frame(from)?;
    let mut samples = Vec::with_capacity(wanted);
    while samples.len() < wanted && decoder.decode_next(&mut samples)? {}
    if samples.len() < wanted {
        // The audio stopped before its measured length: say where.
        return Err(shorter(from + (samples.len() / channels) as u64));
    }
    samples.truncate(wanted);
    Ok((info, samples))
}

/// The whole file decoded in one pass, without seeking (the reference for tests).
pub fn decode_all(path: &Path) -> Result<(MediaInfo, Vec<f32>), PlayerError> {
    let mut decoder = MediaDecoder::open(path)?;
    let info = decoder.info().clone();
    let mut samples = Vec::with_capacity(info.frames as usize * usize::from(info.channels));
    while decoder.decode_next(&mut samples)? {}
    Ok((info, samples))
}

/// Opens `path` and reports its codec, layout and exact length.
pub fn probe(path: &Path) -> Result<MediaInfo, PlayerError> {
    Ok(MediaDecoder::open(path)?.info().clone())
}

/// [`probe`] as a yes or a sentence saying why not: the check a download passes
/// before it counts (`earmark_core::downloads::Probe`).
pub fn check_playable(path: &Path) -> Result<(), String> {
    probe(path).map(drop).map_err(|e| e.to_string())
}
