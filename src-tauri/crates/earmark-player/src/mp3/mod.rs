//! MP3 read by Earmark itself, frame by frame, so that seeks are exact and fast.
//!
//! symphonia's MP3 *decoder* does the decoding; the *demuxing* (finding frames) is ours,
//! because symphonia's MP3 reader can only find a frame by reading every frame header
//! from the start of the file (tens of ms per backward seek in an hour-long file), trims
//! the end of files without a Xing header by a bitrate *estimate*, and keeps no byte
//! positions we could index.
//!
//! - **One scan at open** ([`build_index`]) walks every frame header once (no decoding):
//!   it counts the frames (the exact length) and records where every
//!   [`POINT_SPACING`](crate::seek_index::POINT_SPACING)-th frame starts: a
//!   [`SeekIndex`], which the library caches so the next open skips the scan.
//! - **A seek** to raw sample `t` ([`Mp3Stream::seek`]) moves the file to the indexed
//!   frame at or before frame `t / samples_per_frame − lookback`. The look-back covers
//!   the bit reservoir: a frame's main data may start up to 511 bytes (MPEG-1) or 255
//!   bytes (MPEG-2/2.5) back, so the index records how many frames that can span in
//!   this file (from its shortest frame). The caller also starts `t` itself
//!   [`PREROLL_MS`](crate::PREROLL_MS) early and drops the frames decoded before its
//!   target, which primes the IMDCT overlap and the synthesis filterbank. From then on
//!   the decoder's output is bit-identical to a continuous decode (the tests check it).
//! - Every frame's timestamp is its frame number × samples per frame: the frame walk
//!   ([`frames`]) numbers frames the same way from any indexed frame as from the start.

mod frames;
mod header;
mod stream;

use std::io::{self, Read, Seek};

pub(crate) use frames::FrameReader;
pub(crate) use header::FrameHeader;
pub(crate) use stream::Mp3Stream;

use crate::seek_index::{IndexPoint, SeekIndex, POINT_SPACING};

/// Walks all frames of `file` (of `file_len` bytes), from its start, once and indexes them.
///
/// Returns `None` when the file holds no Layer III frame at all.
pub(crate) fn build_index<R: Read + Seek>(file: R, file_len: u64) -> io::Result<Option<SeekIndex>> {
    let mut reader = FrameReader::new(file);
    let mut points = Vec::new();
    let mut stream_header = None;
    let mut min_main_data = usize::MAX;
    let mut max_reservoir = 0;
    let mut last_frame_no = None;
    let mut count = 0u64;
    while let Some((frame, bytes)) = reader.next_frame()? {
        if stream_header.is_none() {
            let mut head = [0u8; 4];
            head.copy_from_slice(&bytes[..4]);
            stream_header = Some(head);
        }
        if count.is_multiple_of(u64::from(POINT_SPACING)) {
            points.push(IndexPoint {
                offset: frame.offset,
                frame_no: frame.frame_no,
            });
        }
        min_main_data = min_main_data.min(frame.header.main_data_len());
        max_reservoir = max_reservoir.max(frame.header.max_reservoir());
        last_frame_no = Some(frame.frame_no);
        count += 1;
    }
    let (Some(stream_header), Some(last)) = (stream_header, last_frame_no) else {
        return Ok(None);
    };
    // Frames the bit reservoir can reach back over, plus the frame holding the target.
    let lookback = max_reservoir.div_ceil(min_main_data.max(1)) + 1;
    Ok(Some(SeekIndex::new(
        file_len,
        stream_header,
        last + 1,
        u32::try_from(lookback).unwrap_or(u32::MAX),
        points,
    )))
}
