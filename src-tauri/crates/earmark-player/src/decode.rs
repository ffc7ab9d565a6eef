//! Decoding an audio file to interleaved `f32` frames, with sample-exact seeking.
//!
//! Every seek, for playback and for `earmark-cli clip` alike, goes through
//! [`MediaDecoder::seek_to_frame`]: the demuxer is positioned [`PREROLL_MS`] before the
//! target (MP3: further back by the bit reservoir, see [`crate::mp3`]; Opus: 300 ms,
//! see `OPUS_PREROLL_MS`), the decoder is reset and primed on those frames (MP3's bit
//! reservoir, the IMDCT overlap of MP3, AAC and Vorbis), and every frame before the
//! target is dropped. The first frame returned afterwards is frame `target` of a
//! continuous decode (Opus: within -60 dB of it, as libopus never fully converges).
//!
//! Where the samples of a packet go is decided by its timestamp alone: a packet's first
//! sample is media frame `packet.ts − lead_in`, where `lead_in` is the encoder delay the
//! decoder does not trim itself (MP3's LAME delay, AAC's priming from the MP4 edit list,
//! Opus's pre-skip; symphonia's Vorbis decoder trims its own). Frames before the wanted
//! one are dropped, frames past the exact length are cut, and a hole in the timestamps
//! (frames lost to damage) is filled with silence, so the audio after damage keeps its
//! time.

use std::fs::File;
use std::path::{Path, PathBuf};

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{
    CodecParameters, Decoder, CODEC_TYPE_AAC, CODEC_TYPE_MP3, CODEC_TYPE_OPUS,
};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatReader, Packet, SeekMode, SeekTo};
use symphonia::core::units::TimeBase;

use crate::aac_config;
use crate::adts::AdtsStream;
use crate::codecs::make_decoder;
use crate::error::{corrupt, unsupported, PlayerError};
use crate::guard::{self, Refusals, Stall};
use crate::media_info::MediaInfo;
use crate::mp3::{self, Mp3Stream};
use crate::probe::open_reader;
use crate::seek_index::SeekIndex;
use crate::{mp4_cut, mp4_track};

/// How much audio before a seek target is decoded and dropped to prime the decoder.
pub const PREROLL_MS: u64 = 100;
/// The same for Opus, whose decoder state (SILK's predictors, CELT's energies) settles
/// more slowly: RFC 7845 asks for at least 80 ms; after 300 ms libopus's output is
/// within -60 dB of a continuous decode (not bit-exact: it never fully converges).
const OPUS_PREROLL_MS: u64 = 300;

/// Where packets come from.
enum Demuxer {
    /// Any container symphonia reads (MP4, Ogg, FLAC, WAV, AIFF).
    Container {
        reader: Box<dyn FormatReader>,
        track_id: u32,
    },
    /// MP3, read frame by frame with a seek index.
    Mp3(Mp3Stream),
    /// Raw ADTS AAC, read frame by frame with a seek index.
    Adts(AdtsStream),
}

/// A decoded packet waiting in the scratch buffer to be handed out.
#[derive(Debug, Clone, Copy)]
struct Held {
    /// Media frame of its first sample (negative: priming before the audio starts).
    start: i64,
    /// Frames in it.
    frames: u64,
}

/// An open audio file that yields interleaved `f32` samples from any frame on.
pub struct MediaDecoder {
    path: PathBuf,
    demuxer: Demuxer,
    decoder: Box<dyn Decoder>,
    info: MediaInfo,
    /// Raw timestamp of media frame 0: encoder delay the decoder does not trim itself.
    lead_in: u64,
    /// The media frame the next sample handed out belongs to.
    next_frame: u64,
    /// A decoded packet not (fully) handed out yet; its samples are in `scratch`.
    held: Option<Held>,
    /// Scratch buffer reused for every packet.
    scratch: Option<SampleBuffer<f32>>,
    /// Reads in a row that brought no audio (see [`crate::guard`]).
    stall: Stall,
    /// Packets in a row the decoder refused (see [`crate::guard`]).
    refusals: Refusals,
    /// Decoding panicked (see [`crate::guard`]): nothing more is decoded.
    failed: bool,
}

impl std::fmt::Debug for MediaDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaDecoder")
            .field("path", &self.path)
            .field("info", &self.info)
            .field("next_frame", &self.next_frame)
            .finish_non_exhaustive()
    }
}

impl MediaDecoder {
    /// Opens `path`, finds its audio track and measures its exact length.
    pub fn open(path: &Path) -> Result<Self, PlayerError> {
        Ok(Self::open_with_index(path, None)?.0)
    }

    /// Opens `path` like [`MediaDecoder::open`], reusing a cached MP3 seek index.
    ///
    /// An MP3 file is scanned once to build its [`SeekIndex`] (which also gives its exact
    /// length) unless `index` describes it; an index for another file length is ignored
    /// and rebuilt. Returns the decoder and the index in use (always `Some` for MP3, to be
    /// cached; `None` for other formats, which seek through their own tables).
    pub fn open_with_index(
        path: &Path,
        index: Option<SeekIndex>,
    ) -> Result<(Self, Option<SeekIndex>), PlayerError> {
        guard::contain(path, || Self::open_unguarded(path, index))
            .map_err(|e| mp4_cut::explain(path, e))
    }

    fn open_unguarded(
        path: &Path,
        index: Option<SeekIndex>,
    ) -> Result<(Self, Option<SeekIndex>), PlayerError> {
        let file = File::open(path).map_err(|source| PlayerError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some(stream) = AdtsStream::open(file).map_err(|e| corrupt(path, &e.to_string()))? {
            return Ok((open_adts(path, stream)?, None));
        }
        let (reader, track_id) = open_reader(path)?;
        let mut params = reader
            .tracks()
            .iter()
            .find(|t| t.id == track_id)
            .map(|t| t.codec_params.clone())
            .ok_or_else(|| unsupported(path, "no audio track"))?;
        if params.codec == CODEC_TYPE_MP3 {
            drop(reader);
            return open_mp3(path, params, index);
        }
        // Opus: the OpusHead's pre-skip, which the Ogg timestamps count.
        let mut lead_in = match params.codec {
            CODEC_TYPE_OPUS => u64::from(params.delay.unwrap_or(0)),
            _ => 0,
        };
        let mut edit_frames = None;
        let mut file = File::open(path).map_err(|source| PlayerError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let is_mp4 = mp4_track::is_mp4(&mut file).map_err(|e| corrupt(path, &e.to_string()))?;
        if params.codec == CODEC_TYPE_AAC {
            aac_config::fit_params(path, &mut params)?;
        }
        if is_mp4 {
            if let Some(rate) = params.sample_rate {
                let edit = mp4_track::read_edit(&mut file, rate)
                    .map_err(|e| corrupt(path, &e.to_string()))?;
                if let Some(edit) = edit {
                    lead_in = edit.priming;
                    edit_frames = Some(edit.frames);
                }
            }
        }
        // A cut-short file's header counts the packets that are missing too, and AAC
        // outside MP4 is raw ADTS, whose "count" symphonia estimates from the bitrate
        // of a few frames: both are counted packet by packet instead.
        let cut = mp4_cut::cut_short(&mut file).map_err(|e| corrupt(path, &e.to_string()))?;
        let adts = params.codec == CODEC_TYPE_AAC && !is_mp4;
        let header_holds = cut.is_none() && !adts;
        let raw = crate::media_info::count_frames(path, header_holds, || open_reader(path))?;
        let mut frames = raw.saturating_sub(lead_in);
        if let Some(edit) = edit_frames {
            frames = frames.min(edit);
        }
        if params.codec == CODEC_TYPE_OPUS && params.channels.is_none() {
            // Opus in MP4: the count is in the identification header the reader passes on
            // (the byte after "OpusHead" and the version).
            if let Some(&n) = params.extra_data.as_deref().and_then(|head| head.get(9)) {
                params.with_channels(crate::media_info::channels_of(u16::from(n)));
            }
        }
        let decoder = make_decoder(path, &params)?;
        // ALAC's rate and layout are in its magic cookie, which the decoder has read.
        let spec = *decoder.last_decoded().spec();
        if params.channels.is_none() && spec.channels.count() > 0 {
            params.with_channels(spec.channels);
        }
        if params.sample_rate.is_none() && spec.rate > 0 {
            params.with_sample_rate(spec.rate);
        }
        let info = MediaInfo::from_params(&params, frames)
            .ok_or_else(|| unsupported(path, "unknown sample rate or channels"))?;
        let demuxer = Demuxer::Container { reader, track_id };
        Ok((Self::assemble(path, demuxer, decoder, info, lead_in), None))
    }

    /// A decoder at the start of `path`'s audio.
    fn assemble(
        path: &Path,
        demuxer: Demuxer,
        decoder: Box<dyn Decoder>,
        info: MediaInfo,
        lead_in: u64,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            demuxer,
            decoder,
            info,
            lead_in,
            next_frame: 0,
            held: None,
            scratch: None,
            stall: Stall::default(),
            refusals: Refusals::default(),
            failed: false,
        }
    }

    /// What the file holds: codec, rate, channels and exact length.
    pub fn info(&self) -> &MediaInfo {
        &self.info
    }

    /// The MP3 seek index in use (`None` for other formats).
    pub fn seek_index(&self) -> Option<&SeekIndex> {
        match &self.demuxer {
            Demuxer::Mp3(stream) => Some(stream.index()),
            Demuxer::Adts(_) | Demuxer::Container { .. } => None,
        }
    }

    /// Positions the decoder so that the next frame returned is `frame`.
    pub fn seek_to_frame(&mut self, frame: u64) -> Result<(), PlayerError> {
        self.contained(|d| d.seek_unguarded(frame))
    }

    /// Appends the next decoded samples (interleaved) to `out`.
    ///
    /// Returns `Ok(false)` at the end of the stream. A damaged packet is skipped; a
    /// panic in the decoder is an error, and every later call fails the same way.
    pub fn decode_next(&mut self, out: &mut Vec<f32>) -> Result<bool, PlayerError> {
        self.contained(|d| d.decode_unguarded(out))
    }

    /// Runs `step` with a panic in it turned into an error (see [`crate::guard`]).
    fn contained<T>(
        &mut self,
        step: impl FnOnce(&mut Self) -> Result<T, PlayerError>,
    ) -> Result<T, PlayerError> {
        if self.failed {
            return Err(guard::decoder_failed(&self.path));
        }
        guard::unless_panicked(|| step(self)).unwrap_or_else(|| {
            self.failed = true;
            Err(guard::decoder_failed(&self.path))
        })
    }

    /// Audio decoded and dropped before a seek target.
    fn preroll_ms(&self) -> u64 {
        match self.decoder.codec_params().codec {
            CODEC_TYPE_OPUS => OPUS_PREROLL_MS,
            _ => PREROLL_MS,
        }
    }

    fn seek_unguarded(&mut self, frame: u64) -> Result<(), PlayerError> {
        if frame > self.info.frames {
            return Err(PlayerError::SeekPastEnd);
        }
        self.next_frame = frame;
        self.held = None;
        self.decoder.reset();
        if frame == self.info.frames {
            return Ok(());
        }
        let preroll = u64::from(self.info.sample_rate) * self.preroll_ms() / 1000;
        let ts = (frame + self.lead_in).saturating_sub(preroll);
        match &mut self.demuxer {
            Demuxer::Mp3(stream) => stream
                .seek(ts)
                .map_err(|e| corrupt(&self.path, &e.to_string())),
            Demuxer::Adts(stream) => stream
                .seek(ts)
                .map_err(|e| corrupt(&self.path, &e.to_string())),
            Demuxer::Container { reader, track_id } => {
                let to = SeekTo::TimeStamp {
                    ts,
                    track_id: *track_id,
                };
                match reader.seek(SeekMode::Accurate, to) {
                    Ok(_) => Ok(()),
                    // Seeking to the very end of some streams reports end of stream.
                    Err(SymphoniaError::IoError(e))
                        if e.kind() == std::io::ErrorKind::UnexpectedEof =>
                    {
                        Ok(())
                    }
                    Err(e) => Err(corrupt(&self.path, &e.to_string())),
                }
            }
        }
    }

    fn decode_unguarded(&mut self, out: &mut Vec<f32>) -> Result<bool, PlayerError> {
        loop {
            if self.next_frame >= self.info.frames {
                return Ok(false);
            }
            if let Some(held) = self.held {
                if self.hand_out(held, out) {
                    return Ok(true);
                }
                continue;
            }
            if !self.decode_packet()? {
                return Ok(false);
            }
        }
    }

    /// Hands out what of `held` belongs at `next_frame` on; false when nothing did.
    fn hand_out(&mut self, held: Held, out: &mut Vec<f32>) -> bool {
        let channels = usize::from(self.info.channels);
        let next = self.next_frame as i64;
        let end = held.start + held.frames as i64;
        if end <= next {
            self.held = None;
            return false;
        }
        if held.start > next {
            // Frames lost to damage: silence, at most a second at a time.
            let until = (held.start as u64).min(self.info.frames);
            let silent = (until - self.next_frame).min(u64::from(self.info.sample_rate));
            out.resize(out.len() + silent as usize * channels, 0.0);
            self.next_frame += silent;
            return true;
        }
        let from = (next - held.start) as usize;
        let to = (held.frames as usize).min((self.info.frames as i64 - held.start) as usize);
        self.held = None;
        let Some(scratch) = &self.scratch else {
            return false;
        };
        if from >= to {
            return false;
        }
        out.extend_from_slice(&scratch.samples()[from * channels..to * channels]);
        self.next_frame = (held.start + to as i64) as u64;
        true
    }

    /// Reads and decodes the next packet into `scratch`; false at the end of the stream.
    fn decode_packet(&mut self) -> Result<bool, PlayerError> {
        loop {
            let Some(packet) = self.next_packet()? else {
                return Ok(false);
            };
            let decoded = match self.decoder.decode(&packet) {
                Ok(d) => d,
                // A damaged packet is skipped; the stream goes on.
                Err(SymphoniaError::DecodeError(_)) | Err(SymphoniaError::IoError(_)) => continue,
                Err(SymphoniaError::Unsupported(e)) if self.refusals.too_many() => {
                    return Err(unsupported(&self.path, e))
                }
                Err(SymphoniaError::Unsupported(_)) => continue,
                Err(e) => return Err(corrupt(&self.path, &e.to_string())),
            };
            self.refusals.decoded();
            let frames = decoded.frames() as u64;
            if frames == 0 {
                continue;
            }
            let channels = usize::from(self.info.channels);
            if decoded.spec().channels.count() != channels {
                // A packet with another layout (damage that decoded): skip it.
                continue;
            }
            let spec = *decoded.spec();
            let scratch = match &mut self.scratch {
                Some(buf) if buf.capacity() >= decoded.capacity() * channels => buf,
                slot => slot.insert(SampleBuffer::new(decoded.capacity() as u64, spec)),
            };
            scratch.copy_interleaved_ref(decoded);
            self.held = Some(Held {
                start: packet.ts() as i64 - self.lead_in as i64,
                frames,
            });
            return Ok(true);
        }
    }

    /// The next packet of the audio track, or `None` at the end of the stream.
    fn next_packet(&mut self) -> Result<Option<Packet>, PlayerError> {
        match &mut self.demuxer {
            Demuxer::Mp3(stream) => stream
                .next_packet()
                .map_err(|e| corrupt(&self.path, &e.to_string())),
            Demuxer::Adts(stream) => stream
                .next_packet()
                .map_err(|e| corrupt(&self.path, &e.to_string())),
            Demuxer::Container { reader, track_id } => loop {
                match reader.next_packet() {
                    Ok(p) if self.stall.stuck_at(&p) => {
                        return Err(corrupt(&self.path, "its audio packets are empty"))
                    }
                    Ok(p) if p.track_id() == *track_id => return Ok(Some(p)),
                    Ok(_) => {}
                    Err(SymphoniaError::IoError(e))
                        if e.kind() == std::io::ErrorKind::UnexpectedEof =>
                    {
                        return Ok(None)
                    }
                    Err(SymphoniaError::ResetRequired) => self.decoder.reset(),
                    Err(SymphoniaError::DecodeError(e)) if self.stall.stuck_on_error() => {
                        return Err(corrupt(&self.path, e))
                    }
                    Err(SymphoniaError::DecodeError(_)) => {}
                    Err(e) => return Err(corrupt(&self.path, &e.to_string())),
                }
            },
        }
    }
}

/// Opens an MP3 file through our own frame walk, building or reusing its seek index.
fn open_mp3(
    path: &Path,
    params: CodecParameters,
    index: Option<SeekIndex>,
) -> Result<(MediaDecoder, Option<SeekIndex>), PlayerError> {
    let open_error = |source| PlayerError::Open {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(open_error)?;
    let file_len = file.metadata().map_err(open_error)?.len();
    let usable = |i: &SeekIndex| {
        i.file_len() == file_len && i.stream_header().map(|h| h.sample_rate) == params.sample_rate
    };
    let index = match index.filter(usable) {
        Some(index) => index,
        None => {
            let scan = file.try_clone().map_err(open_error)?;
            mp3::build_index(scan, file_len)
                .map_err(|e| corrupt(path, &e.to_string()))?
                .ok_or_else(|| corrupt(path, "no audio frames found"))?
        }
    };
    let stream = Mp3Stream::new(file, index.clone())
        .map_err(|e| corrupt(path, &e.to_string()))?
        .ok_or_else(|| corrupt(path, "no audio frames found"))?;
    // The LAME tag's encoder delay (decoder delay included) and padding, when present.
    let lead_in = u64::from(params.delay.unwrap_or(0));
    let padding = u64::from(params.padding.unwrap_or(0));
    let raw = index.mp3_frames() * stream.samples_per_frame();
    let frames = raw.saturating_sub(lead_in + padding);
    if frames == 0 {
        return Err(corrupt(path, "no audio frames found"));
    }
    let decoder = make_decoder(path, &params)?;
    let info = MediaInfo::from_params(&params, frames)
        .ok_or_else(|| unsupported(path, "unknown sample rate or channels"))?;
    let demuxer = Demuxer::Mp3(stream);
    let decoder = MediaDecoder::assemble(path, demuxer, decoder, info, lead_in);
    Ok((decoder, Some(index)))
}

/// Opens a raw ADTS file through our own frame walk (see [`crate::adts`]).
fn open_adts(path: &Path, stream: AdtsStream) -> Result<MediaDecoder, PlayerError> {
    let header = stream.header();
    let rate = header
        .sample_rate()
        .ok_or_else(|| unsupported(path, "unknown sample rate or channels"))?;
    let mut params = CodecParameters::new();
    params
        .for_codec(CODEC_TYPE_AAC)
        .with_sample_rate(rate)
        .with_time_base(TimeBase::new(1, rate))
        .with_n_frames(stream.samples())
        .with_extra_data(header.config().into_boxed_slice());
    aac_config::fit_params(path, &mut params)?;
    let decoder = make_decoder(path, &params)?;
    let info = MediaInfo::from_params(&params, stream.samples())
        .ok_or_else(|| unsupported(path, "unknown sample rate or channels"))?;
    Ok(MediaDecoder::assemble(
        path,
        Demuxer::Adts(stream),
        decoder,
        info,
        0,
    ))
}
