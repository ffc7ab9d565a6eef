//! What an audio file holds, measured exactly (never a bitrate estimate).

use std::path::Path;

use serde::Serialize;
use symphonia::core::audio::Channels;
use symphonia::core::codecs::CodecParameters;
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatReader, SeekMode, SeekTo};

use crate::error::PlayerError;
use crate::guard::{self, Stall};

/// Packets read after the seek to a header's last frame before the header is taken
/// not to hold (a seek lands on the packet holding the frame, or a few before it).
const END_CHECK_PACKETS: usize = 16;

/// Codec, layout and exact length of an audio file (`earmark-cli probe --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediaInfo {
    /// Short codec name, e.g. `mp3`, `aac`, `flac`, `vorbis`, `pcm_s16le`.
    pub codec: String,
    /// Frames per second.
    pub sample_rate: u32,
    /// Interleaved channels per frame.
    pub channels: u16,
    /// Exact length in milliseconds (rounded down).
    pub duration_ms: u64,
    /// Exact length in frames, encoder delay and padding excluded.
    pub frames: u64,
}

impl MediaInfo {
    /// Builds the info from a track's parameters and its measured frame count.
    pub(crate) fn from_params(params: &CodecParameters, frames: u64) -> Option<Self> {
        let sample_rate = params.sample_rate?;
        let channels = params.channels?.count() as u16;
        if sample_rate == 0 || channels == 0 {
            return None;
        }
        let codec = crate::codecs::short_name(params.codec);
        Some(Self {
            codec,
            sample_rate,
            channels,
            duration_ms: frames * 1000 / u64::from(sample_rate),
            frames,
        })
    }

    /// The frame at `ms` milliseconds, rounded to the nearest frame.
    pub fn frame_at_ms(&self, ms: u64) -> u64 {
        (ms * u64::from(self.sample_rate) + 500) / 1000
    }

    /// The millisecond position of `frame`, rounded to the nearest millisecond.
    pub fn ms_at_frame(&self, frame: u64) -> u64 {
        // Nearest, not floor: a seek to `ms` must read back as `ms`, or the line that
        // starts exactly there would not be lit.
        let rate = u64::from(self.sample_rate);
        (frame * 1000 + rate / 2) / rate
    }
}

/// A channel set with `n` channels (only the count matters to Earmark).
pub(crate) fn channels_of(n: u16) -> Channels {
    Channels::from_bits_truncate((1u32 << n.min(31)) - 1)
}

/// Measures the number of frames in `path`'s audio track, as its container times them.
///
/// Containers other than MP3 give an exact count in their headers (MP4's track duration,
/// FLAC's STREAMINFO, the last Ogg page's granule position, WAV's data size). A header
/// is only believed when the audio is there: the reader seeks to the last frame it
/// claims and must find a packet reaching it ([`audio_reaches`], one seek and a packet
/// or two, so a whole file is never read for it). A file without a count, one whose
/// audio stops before its header says (a FLAC or AIFF cut short, a header that lies),
/// or one known not to hold (`header_holds` false: an MP4 cut short, see
/// [`crate::mp4_cut`]), is scanned packet by packet: its length is what is there. A
/// WAV's data size is cut to the file before this ([`crate::wav_cut`]). MP3 never comes here: its headers lie (a
/// missing or wrong Xing header makes any estimate seconds to minutes off), so it is
/// counted by the scan that builds its seek index ([`crate::mp3`]).
pub(crate) fn count_frames(
    path: &Path,
    header_holds: bool,
    open: impl Fn() -> Result<(Box<dyn FormatReader>, u32), PlayerError>,
) -> Result<u64, PlayerError> {
    let (mut reader, track_id) = open()?;
    let params = reader
        .tracks()
        .iter()
        .find(|t| t.id == track_id)
        .map(|t| t.codec_params.clone());
    if let Some(n) = params.and_then(|p| p.n_frames).filter(|_| header_holds) {
        // A seek symphonia cannot do may panic (a FLAC seek table past the end did,
        // see `crate::flac_blocks`): then the header is not believed either.
        if guard::unless_panicked(|| audio_reaches(reader.as_mut(), track_id, n)) == Some(true) {
            return Ok(n);
        }
        // The seek moved the reader: the scan starts again from the top.
        (reader, _) = open()?;
    }
    let mut frames = 0u64;
    let mut stall = Stall::default();
    let corrupt = |detail: String| PlayerError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    loop {
        match reader.next_packet() {
            Ok(packet) if stall.stuck_at(&packet) => {
                return Err(corrupt("its audio packets are empty".to_string()))
            }
            Ok(packet) if packet.track_id() == track_id => {
                frames = frames.max(packet.ts() + packet.dur());
            }
            Ok(_) => {}
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                break
            }
            Err(SymphoniaError::DecodeError(e)) if stall.stuck_on_error() => {
                return Err(corrupt(e.to_string()))
            }
            Err(SymphoniaError::DecodeError(_)) => {}
            Err(e) => return Err(corrupt(e.to_string())),
        }
    }
    if frames == 0 {
        return Err(corrupt("no audio frames found".to_string()));
    }
    Ok(frames)
}

/// Whether `reader` finds audio of `track_id` up to frame `n`, where its header says
/// the track ends: a seek to the last frame, then a packet that reaches it.
fn audio_reaches(reader: &mut dyn FormatReader, track_id: u32, n: u64) -> bool {
    let Some(last) = n.checked_sub(1) else {
        return false;
    };
    let to = SeekTo::TimeStamp { ts: last, track_id };
    if reader.seek(SeekMode::Accurate, to).is_err() {
        return false;
    }
    for _ in 0..END_CHECK_PACKETS {
        match reader.next_packet() {
            Ok(p) if p.track_id() == track_id && p.ts().saturating_add(p.dur()) >= n => {
                return true
            }
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::MediaInfo;

    #[test]
    fn a_millisecond_survives_the_trip_through_frames() {
        let info = MediaInfo {
            codec: "mp3".into(),
            sample_rate: 44_100,
            channels: 1,
            duration_ms: 600_000,
            frames: 26_460_000,
        };
        for ms in [0, 1, 16_031, 67_889, 599_999] {
            assert_eq!(info.ms_at_frame(info.frame_at_ms(ms)), ms, "{ms} ms");
        }
    }
}
