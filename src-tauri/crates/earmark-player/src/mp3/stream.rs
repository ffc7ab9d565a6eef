//! MP3 packets for the decoder, read through our frame walk and positioned by the index.

use std::fs::File;
use std::io::{self, Read, Seek};

use symphonia::core::formats::Packet;

use super::frames::FrameReader;
use crate::seek_index::SeekIndex;

/// An MP3 file as a stream of packets (one frame each) that can seek in milliseconds.
#[derive(Debug)]
pub(crate) struct Mp3Stream<R = File> {
    frames: FrameReader<R>,
    index: SeekIndex,
    /// Samples per channel in each frame (1152 or 576).
    samples: u64,
}

impl<R: Read + Seek> Mp3Stream<R> {
    /// A stream over `file`, at its first audio frame, as described by `index`.
    ///
    /// Returns `None` when the index does not describe an MP3 stream.
    pub fn new(file: R, index: SeekIndex) -> io::Result<Option<Self>> {
        let (Some(stream), Some(first)) = (index.stream_header(), index.point_at_or_before(0))
        else {
            return Ok(None);
        };
        let frames = FrameReader::at_frame(file, stream, first.offset, first.frame_no)?;
        Ok(Some(Self {
            frames,
            index,
            samples: u64::from(stream.samples()),
        }))
    }

    /// The index this stream seeks with.
    pub fn index(&self) -> &SeekIndex {
        &self.index
    }

    /// Samples per channel in each frame.
    pub fn samples_per_frame(&self) -> u64 {
        self.samples
    }

    /// The next frame as a packet whose timestamp is its first raw sample, or `None` at
    /// the end of the file.
    pub fn next_packet(&mut self) -> io::Result<Option<Packet>> {
        Ok(self.frames.next_frame()?.map(|(frame, bytes)| {
            Packet::new_from_slice(0, frame.frame_no * self.samples, self.samples, bytes)
        }))
    }

    /// Positions the stream so that decoding from here yields raw sample `ts` with a
    /// primed bit reservoir: at the indexed frame at or before the frame holding `ts`,
    /// less the look-back frames.
    pub fn seek(&mut self, ts: u64) -> io::Result<()> {
        let wanted = (ts / self.samples).saturating_sub(u64::from(self.index.lookback()));
        if let Some(point) = self.index.point_at_or_before(wanted) {
            self.frames.reposition(point.offset, point.frame_no)?;
        }
        Ok(())
    }
}
