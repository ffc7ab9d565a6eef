//! The 4-byte header in front of every MPEG-1/2/2.5 Layer III frame.

/// Bitrates in kbit/s by bitrate index, MPEG-1 Layer III.
const BITRATES_V1: [u32; 15] = [
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
];
/// Bitrates in kbit/s by bitrate index, MPEG-2 and 2.5 Layer III.
const BITRATES_V2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/// Which MPEG audio version a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    /// MPEG-1: 1152 samples per frame.
    Mpeg1,
    /// MPEG-2 (low sampling frequencies): 576 samples per frame.
    Mpeg2,
    /// MPEG-2.5: 576 samples per frame.
    Mpeg25,
}

/// A parsed Layer III frame header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrameHeader {
    /// MPEG version.
    pub version: Version,
    /// Frames (samples per channel) per second.
    pub sample_rate: u32,
    /// True for single-channel frames.
    pub mono: bool,
    /// A 16-bit CRC follows the header.
    pub has_crc: bool,
    /// Length of the whole frame in bytes, header included.
    pub len: usize,
}

impl FrameHeader {
    /// Parses the first four bytes of `bytes` as a Layer III frame header.
    ///
    /// Rejects anything that is not a usable Layer III header: bad sync, reserved
    /// version, other layers, free-format or invalid bitrate, reserved rate or emphasis.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let word = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?);
        if word & 0xFFE0_0000 != 0xFFE0_0000 {
            return None;
        }
        let version = match (word >> 19) & 0b11 {
            0b00 => Version::Mpeg25,
            0b10 => Version::Mpeg2,
            0b11 => Version::Mpeg1,
            _ => return None,
        };
        // Layer bits 01 mean Layer III.
        if (word >> 17) & 0b11 != 0b01 {
            return None;
        }
        let has_crc = (word >> 16) & 1 == 0;
        let bitrate_index = ((word >> 12) & 0xF) as usize;
        if bitrate_index == 0 || bitrate_index == 15 {
            return None;
        }
        let rate_index = (word >> 10) & 0b11;
        if rate_index == 3 || word & 0b11 == 0b10 {
            return None;
        }
        let base_rate = [44_100, 48_000, 32_000][rate_index as usize];
        let (sample_rate, kbps, coefficient) = match version {
            Version::Mpeg1 => (base_rate, BITRATES_V1[bitrate_index], 144),
            Version::Mpeg2 => (base_rate / 2, BITRATES_V2[bitrate_index], 72),
            Version::Mpeg25 => (base_rate / 4, BITRATES_V2[bitrate_index], 72),
        };
        let padding = ((word >> 9) & 1) as usize;
        let len = (coefficient * kbps * 1000 / sample_rate) as usize + padding;
        Some(Self {
            version,
            sample_rate,
            mono: (word >> 6) & 0b11 == 0b11,
            has_crc,
            len,
        })
    }

    /// Samples per channel in one frame.
    pub fn samples(&self) -> u32 {
        match self.version {
            Version::Mpeg1 => 1152,
            Version::Mpeg2 | Version::Mpeg25 => 576,
        }
    }

    /// Length of the side information that follows the header (and CRC).
    pub fn side_info_len(&self) -> usize {
        match (self.version, self.mono) {
            (Version::Mpeg1, true) => 17,
            (Version::Mpeg1, false) => 32,
            (_, true) => 9,
            (_, false) => 17,
        }
    }

    /// Bytes of main data this frame carries (what the bit reservoir is filled from).
    pub fn main_data_len(&self) -> usize {
        let crc = if self.has_crc { 2 } else { 0 };
        self.len.saturating_sub(4 + crc + self.side_info_len())
    }

    /// How far back (in bytes) a frame's main data may begin: the bit reservoir size.
    pub fn max_reservoir(&self) -> usize {
        match self.version {
            Version::Mpeg1 => 511,
            Version::Mpeg2 | Version::Mpeg25 => 255,
        }
    }

    /// True when `other` belongs to the same stream: same version, rate and channels.
    pub fn is_similar(&self, other: &FrameHeader) -> bool {
        self.version == other.version
            && self.sample_rate == other.sample_rate
            && self.mono == other.mono
    }

    /// True when `frame` (this header's whole frame) is a Xing, Info or VBRI tag frame:
    /// metadata in the shape of a frame, not audio.
    pub fn is_tag_frame(&self, frame: &[u8]) -> bool {
        let xing_at = 4 + self.side_info_len();
        let is_xing = frame
            .get(xing_at..xing_at + 4)
            .is_some_and(|id| id == b"Xing" || id == b"Info")
            && frame[4..xing_at].iter().all(|&b| b == 0);
        let is_vbri = frame.get(36..40).is_some_and(|id| id == b"VBRI");
        is_xing || is_vbri
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_128k_mpeg1_header() {
        // 0xFFFB9064: MPEG-1 Layer III, no CRC, 128 kbit/s, 44.1 kHz, no padding, joint stereo.
        let h = FrameHeader::parse(&[0xFF, 0xFB, 0x90, 0x64]).unwrap();
        assert_eq!(h.version, Version::Mpeg1);
        assert_eq!(h.sample_rate, 44_100);
        assert_eq!(h.len, 417);
        assert_eq!(h.samples(), 1152);
        assert!(!h.mono);
    }

    #[test]
    fn rejects_other_layers_and_free_format() {
        assert!(
            FrameHeader::parse(&[0xFF, 0xFD, 0x90, 0x64]).is_none(),
            "layer II"
        );
        assert!(
            FrameHeader::parse(&[0xFF, 0xFB, 0x00, 0x64]).is_none(),
            "free format"
        );
        assert!(
            FrameHeader::parse(&[0xFF, 0xFB, 0x9C, 0x64]).is_none(),
            "reserved rate"
        );
        assert!(FrameHeader::parse(b"TAG!").is_none(), "text");
    }
}
