//! Decoding an audio file to interleaved `f32` frames, with sample-exact seeking.
//!
//! Every seek, for playback and for `earmark-cli clip` alike, goes through
//! [`MediaDecoder::seek_to_frame`]: the demuxer is positioned [`PREROLL_MS`] before the
//! target, the decoder is reset and primed on those frames (MP3's bit reservoir and
//! MDCT overlap, AAC's and Vorbis' overlap), and every frame before the target is
//! dropped. The first frame returned afterwards is frame `target` of a continuous decode.

use std::fs::File;
use std::path::{Path, PathBuf};

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{Decoder, DecoderOptions, CODEC_TYPE_NULL, CODEC_TYPE_OPUS};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatOptions, FormatReader, SeekMode, SeekTo};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use crate::error::PlayerError;
use crate::media_info::MediaInfo;

/// How much audio before a seek target is decoded and dropped to prime the decoder.
pub const PREROLL_MS: u64 = 100;

/// An open audio file that yields interleaved `f32` samples from any frame on.
pub struct MediaDecoder {
    path: PathBuf,
    reader: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track_id: u32,
    info: MediaInfo,
    /// Frames before this one are decoded but not returned (priming after a seek).
    skip_until: u64,
    /// Scratch buffer reused for every packet.
    scratch: Option<SampleBuffer<f32>>,
}

impl std::fmt::Debug for MediaDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaDecoder")
            .field("path", &self.path)
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

impl MediaDecoder {
    /// Opens `path`, finds its audio track and measures its exact length.
    pub fn open(path: &Path) -> Result<Self, PlayerError> {
        let (reader, track_id) = open_reader(path)?;
        let frames = crate::media_info::count_frames(path, || open_reader(path))?;
        let track = reader
            .tracks()
            .iter()
            .find(|t| t.id == track_id)
            .ok_or_else(|| unsupported(path, "no audio track"))?;
        let params = track.codec_params.clone();
        let decoder = symphonia::default::get_codecs()
            .make(&params, &DecoderOptions::default())
            .map_err(|e| unsupported(path, &e.to_string()))?;
        let info = MediaInfo::from_params(&params, frames)
            .ok_or_else(|| unsupported(path, "unknown sample rate or channels"))?;
        Ok(Self {
            path: path.to_path_buf(),
            reader,
            decoder,
            track_id,
            info,
            skip_until: 0,
            scratch: None,
        })
    }

    /// What the file holds: codec, rate, channels and exact length.
    pub fn info(&self) -> &MediaInfo {
        &self.info
    }

    /// Positions the decoder so that the next frame returned is `frame`.
    pub fn seek_to_frame(&mut self, frame: u64) -> Result<(), PlayerError> {
        if frame > self.info.frames {
            return Err(PlayerError::SeekPastEnd);
        }
        let preroll = self.info.sample_rate as u64 * PREROLL_MS / 1000;
        let ts = frame.saturating_sub(preroll);
        let seek = self.reader.seek(
            SeekMode::Accurate,
            SeekTo::TimeStamp {
                ts,
                track_id: self.track_id,
            },
        );
        match seek {
            Ok(_) => {}
            // Seeking to the very end of some streams reports end of stream.
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
            Err(e) => return Err(corrupt(&self.path, &e.to_string())),
        }
        self.decoder.reset();
        self.skip_until = frame;
        Ok(())
    }

    /// Appends the next decoded samples (interleaved) to `out`.
    ///
    /// Returns `Ok(false)` at the end of the stream. A damaged packet is skipped.
    pub fn decode_next(&mut self, out: &mut Vec<f32>) -> Result<bool, PlayerError> {
        loop {
            let packet = match self.reader.next_packet() {
                Ok(p) => p,
                Err(SymphoniaError::IoError(e))
                    if e.kind() == std::io::ErrorKind::UnexpectedEof =>
                {
                    return Ok(false)
                }
                Err(SymphoniaError::ResetRequired) => {
                    self.decoder.reset();
                    continue;
                }
                Err(SymphoniaError::DecodeError(_)) => continue,
                Err(e) => return Err(corrupt(&self.path, &e.to_string())),
            };
            if packet.track_id() != self.track_id {
                continue;
            }
            let decoded = match self.decoder.decode(&packet) {
                Ok(d) => d,
                // A damaged packet is skipped; the stream goes on.
                Err(SymphoniaError::DecodeError(_)) => continue,
                Err(SymphoniaError::IoError(_)) => continue,
                Err(e) => return Err(corrupt(&self.path, &e.to_string())),
            };
            let channels = self.info.channels as usize;
            let spec = *decoded.spec();
            let capacity = decoded.capacity() as u64;
            let scratch = match &mut self.scratch {
                Some(buf) if buf.capacity() >= decoded.capacity() * channels => buf,
                slot => slot.insert(SampleBuffer::new(capacity, spec)),
            };
            scratch.copy_interleaved_ref(decoded);
            // Decoders that support gapless playback (MP3, Vorbis) trim the encoder
            // delay and padding themselves, so `packet.ts` is the first frame returned.
            let kept = scratch.samples();
            let first_ts = packet.ts();
            // Drop priming frames before the seek target.
            let drop = self.skip_until.saturating_sub(first_ts) as usize;
            if drop * channels >= kept.len() {
                continue;
            }
            out.extend_from_slice(&kept[drop * channels..]);
            self.skip_until = 0;
            return Ok(true);
        }
    }
}

/// Opens a format reader for `path` and picks its first decodable audio track.
pub(crate) fn open_reader(path: &Path) -> Result<(Box<dyn FormatReader>, u32), PlayerError> {
    let file = File::open(path).map_err(|source| PlayerError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Err(PlayerError::Empty(path.to_path_buf()));
    }
    let stream = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let format_opts = FormatOptions {
        enable_gapless: true,
        ..Default::default()
    };
    let probed = symphonia::default::get_probe()
        .format(&hint, stream, &format_opts, &MetadataOptions::default())
        .map_err(|e| unsupported(path, &e.to_string()))?;
    let reader = probed.format;
    let track = reader
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or_else(|| unsupported(path, "no audio track"))?;
    if track.codec_params.codec == CODEC_TYPE_OPUS {
        return Err(PlayerError::OpusUnsupported);
    }
    let id = track.id;
    Ok((reader, id))
}

fn unsupported(path: &Path, detail: &str) -> PlayerError {
    PlayerError::Unsupported {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

fn corrupt(path: &Path, detail: &str) -> PlayerError {
    PlayerError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}
