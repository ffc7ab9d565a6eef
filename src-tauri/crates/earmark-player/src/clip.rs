//! Cutting the exact samples of a time range, through the same seek path as playback.

use std::path::Path;

use crate::decode::MediaDecoder;
use crate::error::PlayerError;
use crate::media_info::MediaInfo;

/// The interleaved samples of `[from_ms, to_ms)` of `path`, and the file's layout.
///
/// Frame `round(from_ms × rate)` comes first, exactly as playback after a seek there.
pub fn clip(path: &Path, from_ms: u64, to_ms: u64) -> Result<(MediaInfo, Vec<f32>), PlayerError> {
    let mut decoder = MediaDecoder::open(path)?;
    let info = decoder.info().clone();
    let from = info.frame_at_ms(from_ms).min(info.frames);
    let to = info.frame_at_ms(to_ms).clamp(from, info.frames);
    let wanted = (to - from) as usize * usize::from(info.channels);
    decoder.seek_to_frame(from)?;
    let mut samples = Vec::with_capacity(wanted);
    while samples.len() < wanted && decoder.decode_next(&mut samples)? {}
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
