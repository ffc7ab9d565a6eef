//! The MP3 seek index: where every 16th frame of a file starts, built in the one scan
//! that also measures the file's exact length, and small enough to cache.
//!
//! An MP3 file has no table of contents that can be trusted (a Xing TOC has 100 coarse
//! entries, and files without one are common), and symphonia's exact seek finds a frame
//! by reading every frame header from the start of the file for a backward seek. The
//! index turns any seek into: look up the indexed frame a little before the target, move
//! the file there, read at most a few dozen frames. See [`crate::mp3`] for how a seek
//! uses it and stays sample-exact.
//!
//! Serialized form ([`SeekIndex::to_bytes`]), version 1: the magic `EMSI`, a version
//! byte, the first audio frame's 4 header bytes, then unsigned LEB128 numbers: file
//! length, frames on the timeline, look-back frames, point spacing, number of points, and
//! per point the differences of byte offset and frame number from the previous point.
//! An hour of 44.1 kHz audio (8 600 points) takes about 25 KB.

use crate::mp3::FrameHeader;

/// The magic bytes in front of a serialized index.
const MAGIC: &[u8; 4] = b"EMSI";
/// The serialization version this build writes and reads.
const VERSION: u8 = 1;
/// Frames between two index points.
pub(crate) const POINT_SPACING: u32 = 16;
/// The most look-back frames an index may ask for (an 8 kbit/s MPEG-2.5 file needs ~24).
const MAX_LOOKBACK: u32 = 64;

/// A frame whose start is recorded in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IndexPoint {
    /// Byte offset of the frame header.
    pub offset: u64,
    /// The frame's place on the file's timeline.
    pub frame_no: u64,
}

/// Where the frames of one MP3 file start, for seeks that cost milliseconds.
///
/// Build one with [`crate::MediaDecoder::open_with_index`], keep it with
/// [`SeekIndex::to_bytes`] (the library caches it per file), and hand it back on the
/// next open to skip the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekIndex {
    file_len: u64,
    stream_header: [u8; 4],
    frames: u64,
    lookback: u32,
    points: Vec<IndexPoint>,
}

impl SeekIndex {
    /// An index of a file of `file_len` bytes whose first audio frame starts with
    /// `stream_header`, holding `frames` frames, needing `lookback` frames of bit
    /// reservoir before any frame, with a point every [`POINT_SPACING`] frames.
    pub(crate) fn new(
        file_len: u64,
        stream_header: [u8; 4],
        frames: u64,
        lookback: u32,
        points: Vec<IndexPoint>,
    ) -> Self {
        Self {
            file_len,
            stream_header,
            frames,
            lookback: lookback.min(MAX_LOOKBACK),
            points,
        }
    }

    /// Length in bytes of the file this index describes.
    pub fn file_len(&self) -> u64 {
        self.file_len
    }

    /// MP3 frames on the file's timeline (frames lost to damage included).
    pub fn mp3_frames(&self) -> u64 {
        self.frames
    }

    /// The header every frame of the stream matches.
    pub(crate) fn stream_header(&self) -> Option<FrameHeader> {
        FrameHeader::parse(&self.stream_header)
    }

    /// Frames to read before the first frame whose audio must be right.
    pub(crate) fn lookback(&self) -> u32 {
        self.lookback
    }

    /// The last indexed frame at or before `frame_no` (the first frame if none).
    pub(crate) fn point_at_or_before(&self, frame_no: u64) -> Option<IndexPoint> {
        let after = self.points.partition_point(|p| p.frame_no <= frame_no);
        self.points.get(after.saturating_sub(1)).copied()
    }

    /// The index as compact, versioned bytes (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.points.len() * 4);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.stream_header);
        for n in [
            self.file_len,
            self.frames,
            u64::from(self.lookback),
            u64::from(POINT_SPACING),
            self.points.len() as u64,
        ] {
            write_varint(&mut out, n);
        }
        let mut prev = IndexPoint {
            offset: 0,
            frame_no: 0,
        };
        for p in &self.points {
            write_varint(&mut out, p.offset - prev.offset);
            write_varint(&mut out, p.frame_no - prev.frame_no);
            prev = *p;
        }
        out
    }

    /// Reads an index written by [`SeekIndex::to_bytes`].
    ///
    /// Returns `None` for bytes this version cannot use — another version, another point
    /// spacing, damage — in which case the file is simply scanned again.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&version, rest) = rest.split_first()?;
        if version != VERSION || rest.len() < 4 {
            return None;
        }
        let (header, mut rest) = rest.split_at(4);
        let stream_header: [u8; 4] = header.try_into().ok()?;
        FrameHeader::parse(&stream_header)?;
        let mut next = || read_varint(&mut rest);
        let file_len = next()?;
        let frames = next()?;
        let lookback = u32::try_from(next()?).ok().filter(|&l| l <= MAX_LOOKBACK)?;
        if next()? != u64::from(POINT_SPACING) {
            return None;
        }
        let count = usize::try_from(next()?).ok()?;
        // Each point takes at least two bytes: a larger count is damage.
        if count == 0 || count > bytes.len() / 2 {
            return None;
        }
        let mut points = Vec::with_capacity(count);
        let mut prev = IndexPoint {
            offset: 0,
            frame_no: 0,
        };
        for i in 0..count {
            let offset = prev.offset.checked_add(next()?)?;
            let step = next()?;
            if i > 0 && (offset == prev.offset || step == 0) {
                return None;
            }
            let p = IndexPoint {
                offset,
                frame_no: prev.frame_no.checked_add(step)?,
            };
            points.push(p);
            prev = p;
        }
        if !rest.is_empty() || prev.offset >= file_len || prev.frame_no >= frames {
            return None;
        }
        Some(Self {
            file_len,
            stream_header,
            frames,
            lookback,
            points,
        })
    }
}

/// Appends `n` as unsigned LEB128.
fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads an unsigned LEB128 number from the front of `bytes`.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(byte & 0x7F).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SeekIndex {
        let points = (0..100)
            .map(|i| IndexPoint {
                offset: 1_000 + i * 16 * 417,
                frame_no: i * 16,
            })
            .collect();
        SeekIndex::new(
            1_000 + 1_600 * 417,
            [0xFF, 0xFB, 0x90, 0x64],
            1_600,
            7,
            points,
        )
    }

    #[test]
    fn round_trips_through_bytes() {
        let index = sample();
        let bytes = index.to_bytes();
        assert!(bytes.len() < 16 + 100 * 4, "compact: {} bytes", bytes.len());
        assert_eq!(SeekIndex::from_bytes(&bytes), Some(index));
    }

    #[test]
    fn rejects_other_versions_and_damage() {
        let bytes = sample().to_bytes();
        let mut other_version = bytes.clone();
        other_version[4] = 2;
        assert_eq!(SeekIndex::from_bytes(&other_version), None);
        assert_eq!(
            SeekIndex::from_bytes(&bytes[..bytes.len() - 1]),
            None,
            "truncated"
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(SeekIndex::from_bytes(&longer), None, "trailing bytes");
        assert_eq!(SeekIndex::from_bytes(b""), None);
        assert_eq!(
            SeekIndex::from_bytes(b"EMSI\x01\xFF\xFB\x90\x64\xFF\xFF\xFF"),
            None
        );
    }

    #[test]
    fn finds_the_point_at_or_before_a_frame() {
        let index = sample();
        assert_eq!(index.point_at_or_before(0).map(|p| p.frame_no), Some(0));
        assert_eq!(index.point_at_or_before(15).map(|p| p.frame_no), Some(0));
        assert_eq!(index.point_at_or_before(16).map(|p| p.frame_no), Some(16));
        assert_eq!(
            index.point_at_or_before(99_999).map(|p| p.frame_no),
            Some(99 * 16)
        );
    }
}
