//! An AAC AudioSpecificConfig (ISO/IEC 14496-3, 1.6.2.1: the `esds` decoder config of
//! an M4A/M4B track) as symphonia's AAC-LC decoder can take it.
//!
//! symphonia 0.5.5 decodes AAC-LC, mono or stereo, 1024-sample frames, and reads the
//! config's object type, rate and channel configuration. Two things about an AAC-LC
//! track make it refuse or misread the config:
//!
//! - **Channel configuration 0** with a `program_config_element` (PCE) giving the
//!   layout, as some encoders and authoring tools write for plain mono or stereo:
//!   symphonia refuses the track ("aac: program config element"). The PCE is read here
//!   and a mono or stereo layout becomes the equivalent plain config (the audio frames
//!   are the same: one SCE for mono, one CPE for stereo).
//! - **The channel count** symphonia's MP4 reader leaves out of the track (it reads it
//!   from the config only inside the decoder): [`AscInfo::channels`] gives it.
//!
//! Anything symphonia cannot decode (SBR or PS, as in HE-AAC; 960-sample frames, as in
//! DAB+; AAC Main, SSR or LTP; more than two channels) is named by
//! [`AscInfo::unsupported`] for the error sentence. A hand-written bit reader: the
//! config is a few bytes, and no maintained crate parses it without a whole demuxer.

use std::path::Path;

use symphonia::core::codecs::CodecParameters;

use crate::error::PlayerError;

/// AAC-LC's audio object type.
const AAC_LC: u32 = 2;
/// SBR and PS: HE-AAC and HE-AAC v2, signalled explicitly.
const SBR: u32 = 5;
const PS: u32 = 29;
/// The sampling frequency index that is followed by an explicit 24-bit rate.
const EXPLICIT_RATE: u32 = 15;
/// The rates of the sampling frequency indices below [`EXPLICIT_RATE`].
const RATES: [u32; 13] = [
    96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025, 8_000,
    7_350,
];

/// What an AudioSpecificConfig says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AscInfo {
    /// The core audio object type (2 for AAC-LC).
    object_type: u32,
    /// The core sampling frequency index (15: explicit rate).
    rate_index: u32,
    /// The explicit rate, for index 15.
    explicit_rate: Option<u32>,
    /// Channels, from the channel configuration or the PCE.
    pub(crate) channels: Option<u16>,
    /// SBR or PS signalled explicitly.
    sbr: bool,
    /// 960-sample frames.
    short_frames: bool,
    /// The layout is given by a PCE (channel configuration 0).
    pce: bool,
}

impl AscInfo {
    /// Reads `config`; `None` when it is too short or malformed.
    pub(crate) fn parse(config: &[u8]) -> Option<Self> {
        let mut bits = Bits {
            bytes: config,
            pos: 0,
        };
        let mut object_type = object_type(&mut bits)?;
        let (rate_index, explicit_rate) = rate_field(&mut bits)?;
        let channel_config = bits.take(4)?;
        let sbr = object_type == SBR || object_type == PS;
        if sbr {
            rate_field(&mut bits)?;
            object_type = self::object_type(&mut bits)?;
        }
        let mut info = Self {
            object_type,
            rate_index,
            explicit_rate,
            channels: match channel_config {
                1..=6 => Some(channel_config as u16),
                7 => Some(8),
                _ => None,
            },
            sbr,
            short_frames: false,
            pce: false,
        };
        if object_type != AAC_LC {
            return Some(info);
        }
        // GASpecificConfig.
        info.short_frames = bits.take(1)? == 1;
        if bits.take(1)? == 1 {
            bits.take(14)?; // dependsOnCoreCoder: coreCoderDelay
        }
        bits.take(1)?; // extensionFlag: nothing more for AAC-LC
        if channel_config == 0 {
            info.pce = true;
            info.channels = Some(pce_channels(&mut bits)?);
        }
        Some(info)
    }

    /// The plain config to give symphonia instead, when this one is an AAC-LC config
    /// it would refuse but can decode (a PCE for mono or stereo).
    pub(crate) fn plain(&self) -> Option<Vec<u8>> {
        let plain = self.pce
            && self.object_type == AAC_LC
            && !self.sbr
            && !self.short_frames
            && matches!(self.channels, Some(1 | 2));
        if !plain {
            return None;
        }
        Some(plain_config(
            AAC_LC,
            self.rate_index,
            self.explicit_rate,
            u32::from(self.channels?),
        ))
    }

    /// What makes this config one symphonia cannot play in a track timed at
    /// `track_rate`, as a phrase for "… uses X, which Earmark cannot play yet"; `None`
    /// when it can.
    ///
    /// Of HE-AAC, symphonia decodes the AAC-LC core alone, at the core rate: that plays
    /// (without the high band) when the track is timed at the core rate, and at twice
    /// the speed with gaps when it is timed at the output rate, so then it is refused.
    /// HE-AAC signalled only inside the audio (implicitly) has a plain AAC-LC config:
    /// a track timed at twice its rate is that.
    pub(crate) fn unsupported(&self, track_rate: Option<u32>) -> Option<String> {
        let core = self.core_rate();
        let implicit = !self.sbr && core.is_some() && track_rate == core.map(|r| 2 * r);
        if implicit || (self.sbr && (track_rate.is_none() || track_rate != core)) {
            return Some("HE-AAC (AAC with SBR or PS)".to_string());
        }
        if self.object_type != AAC_LC {
            let profile = match self.object_type {
                1 => "AAC Main",
                3 => "AAC SSR",
                4 => "AAC LTP",
                _ => "an AAC profile other than AAC-LC",
            };
            return Some(profile.to_string());
        }
        if self.short_frames {
            return Some("AAC with 960-sample frames".to_string());
        }
        match self.channels {
            Some(n) if n > 2 => Some(format!("AAC with {n} channels")),
            _ => None,
        }
    }
}

impl AscInfo {
    /// The core's sampling rate.
    fn core_rate(&self) -> Option<u32> {
        self.explicit_rate.or_else(|| rate(self.rate_index))
    }
}

/// The rate of a sampling frequency index (`None` for the explicit-rate escape and the
/// reserved indices).
pub(crate) fn rate(index: u32) -> Option<u32> {
    RATES.get(usize::try_from(index).ok()?).copied()
}

/// A two-byte AudioSpecificConfig (five more with an explicit rate): 1024-sample
/// frames, no core coder, no extension.
pub(crate) fn plain_config(
    object_type: u32,
    rate_index: u32,
    explicit_rate: Option<u32>,
    channel_config: u32,
) -> Vec<u8> {
    let mut out = BitWriter::default();
    out.put(5, object_type);
    out.put(4, rate_index);
    if let Some(rate) = explicit_rate {
        out.put(24, rate);
    }
    out.put(4, channel_config);
    out.put(3, 0);
    out.finish()
}

fn object_type(bits: &mut Bits<'_>) -> Option<u32> {
    match bits.take(5)? {
        31 => Some(32 + bits.take(6)?),
        n => Some(n),
    }
}

fn rate_field(bits: &mut Bits<'_>) -> Option<(u32, Option<u32>)> {
    match bits.take(4)? {
        EXPLICIT_RATE => Some((EXPLICIT_RATE, Some(bits.take(24)?))),
        index => Some((index, None)),
    }
}

/// The channels a `program_config_element` lays out (14496-3, 4.4.1.1).
fn pce_channels(bits: &mut Bits<'_>) -> Option<u16> {
    bits.take(4)?; // element_instance_tag
    bits.take(2)?; // object_type
    bits.take(4)?; // sampling_frequency_index
    let front = bits.take(4)?;
    let side = bits.take(4)?;
    let back = bits.take(4)?;
    let lfe = bits.take(2)?;
    bits.take(3)?; // num_assoc_data_elements
    bits.take(4)?; // num_valid_cc_elements
    for width in [4, 4, 3] {
        // mono and stereo mixdown element numbers, matrix mixdown index and pseudo-surround
        if bits.take(1)? == 1 {
            bits.take(width)?;
        }
    }
    let mut channels = lfe;
    for _ in 0..front + side + back {
        let is_cpe = bits.take(1)?;
        bits.take(4)?; // element tag
        channels += 1 + is_cpe;
    }
    u16::try_from(channels).ok()
}

/// A big-endian bit reader.
struct Bits<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Bits<'_> {
    fn take(&mut self, n: usize) -> Option<u32> {
        let mut v = 0u32;
        for _ in 0..n {
            let byte = self.bytes.get(self.pos / 8)?;
            let bit = (byte >> (7 - self.pos % 8)) & 1;
            v = (v << 1) | u32::from(bit);
            self.pos += 1;
        }
        Some(v)
    }
}

/// A big-endian bit writer.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    fn put(&mut self, n: usize, value: u32) {
        for i in (0..n).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            if let Some(last) = self.bytes.last_mut() {
                *last |= bit << (7 - self.len % 8);
            }
            self.len += 1;
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// An AAC track's parameters as symphonia's decoder can take them, from its config:
/// the channel count the MP4 reader leaves out, a plain config for a PCE one, or the
/// sentence naming what it cannot decode.
pub(crate) fn fit_params(path: &Path, params: &mut CodecParameters) -> Result<(), PlayerError> {
    let Some(asc) = params.extra_data.as_deref().and_then(AscInfo::parse) else {
        return Ok(());
    };
    if let Some(codec) = asc.unsupported(params.sample_rate) {
        return Err(PlayerError::UnsupportedCodec {
            path: path.to_path_buf(),
            codec,
        });
    }
    if params.channels.is_none() {
        if let Some(n) = asc.channels {
            params.with_channels(crate::media_info::channels_of(n));
        }
    }
    if let Some(plain) = asc.plain() {
        params.with_extra_data(plain.into_boxed_slice());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AAC-LC, 48 kHz, channel configuration 0, and a PCE with `front` front elements
    /// (`cpe`: each a channel pair).
    fn pce_config(front: u32, cpe: u32) -> Vec<u8> {
        let mut w = BitWriter::default();
        w.put(5, AAC_LC);
        w.put(4, 3);
        w.put(4, 0);
        w.put(3, 0);
        w.put(4, 0); // element_instance_tag
        w.put(2, 1); // LC
        w.put(4, 3);
        w.put(4, front);
        w.put(4 + 4 + 2 + 3 + 4, 0);
        w.put(3, 0); // no mixdowns
        for _ in 0..front {
            w.put(1, cpe);
            w.put(4, 0);
        }
        w.put(8, 0); // byte alignment and an empty comment
        w.finish()
    }

    #[test]
    fn reads_channels_from_an_audio_specific_config() {
        // AAC-LC (2), 44.1 kHz (4), stereo (2): 0x12 0x10.
        let stereo = AscInfo::parse(&[0x12, 0x10]).expect("parse");
        assert_eq!(stereo.channels, Some(2));
        assert_eq!(
            (stereo.plain(), stereo.unsupported(Some(44_100))),
            (None, None)
        );
        // AAC-LC, 48 kHz (3), mono (1): 0x11 0x88.
        assert_eq!(
            AscInfo::parse(&[0x11, 0x88]).expect("parse").channels,
            Some(1)
        );
        assert_eq!(AscInfo::parse(&[0x12]), None, "truncated");
    }

    #[test]
    fn a_pce_for_mono_or_stereo_becomes_the_plain_config() {
        let mono = AscInfo::parse(&pce_config(1, 0)).expect("parse");
        assert_eq!(mono.channels, Some(1));
        assert_eq!(mono.plain(), Some(vec![0x11, 0x88]));
        let stereo = AscInfo::parse(&pce_config(1, 1)).expect("parse");
        assert_eq!(stereo.plain(), Some(vec![0x11, 0x90]));
        let surround = AscInfo::parse(&pce_config(3, 1)).expect("parse");
        assert_eq!(surround.channels, Some(6));
        assert_eq!(surround.plain(), None);
        assert_eq!(
            surround.unsupported(Some(48_000)).as_deref(),
            Some("AAC with 6 channels")
        );
    }

    #[test]
    fn what_symphonia_cannot_decode_is_named() {
        // Explicit SBR (5), 24 kHz core (6), stereo, 48 kHz extension (3), then AAC-LC.
        let mut w = BitWriter::default();
        w.put(5, SBR);
        w.put(4, 6);
        w.put(4, 2);
        w.put(4, 3);
        w.put(5, AAC_LC);
        w.put(3, 0);
        let he = AscInfo::parse(&w.finish()).expect("parse");
        assert_eq!(
            he.unsupported(Some(48_000)).as_deref(),
            Some("HE-AAC (AAC with SBR or PS)"),
            "timed at the output rate: the core alone would play at twice the speed"
        );
        assert_eq!(he.unsupported(Some(24_000)), None, "timed at the core rate");
        // Implicit: a plain AAC-LC config at 22.05 kHz (7), stereo, in a 44.1 kHz track.
        let implicit = AscInfo::parse(&[0x13, 0x90]).expect("parse");
        assert_eq!(implicit.unsupported(Some(22_050)), None);
        assert_eq!(
            implicit.unsupported(Some(44_100)).as_deref(),
            Some("HE-AAC (AAC with SBR or PS)")
        );
        // AAC-LC with 960-sample frames (the frame length flag).
        let short = AscInfo::parse(&[0x11, 0x8c]).expect("parse");
        assert_eq!(
            short.unsupported(Some(48_000)).as_deref(),
            Some("AAC with 960-sample frames")
        );
        // AAC Main.
        let main = AscInfo::parse(&[0x09, 0x90]).expect("parse");
        assert_eq!(main.unsupported(Some(48_000)).as_deref(), Some("AAC Main"));
    }
}
