//! Walking the frames of an MP3 file, the same way from any starting frame.
//!
//! [`FrameReader`] yields each Layer III frame with its byte offset and its *frame
//! number* (its place on the file's timeline). The rules are local, so a walk started at
//! an indexed frame numbers every later frame exactly as the walk from the file start:
//!
//! - an ID3v2 tag (at the start, or mid-file in concatenated episodes) is skipped whole;
//! - Xing/Info/VBRI tag frames are metadata, not audio: skipped, not numbered;
//! - a frame right after the previous one is accepted when its header is valid and
//!   matches the stream (version, rate, channels);
//! - otherwise the reader has lost sync (junk, or damage): it searches byte by byte
//!   for a valid, matching header whose *next* header is valid and matching too;
//! - the frames destroyed by damage are counted (junk bytes ÷ the mean length of the
//!   frames on either side, rounded), so that the audio after the damage keeps its time;
//!   playback fills them with silence;
//! - a last frame cut short by the end of the file is dropped.

use std::io::{self, Read, Seek, SeekFrom};

use super::header::FrameHeader;

/// Bytes kept buffered ahead: two of the longest frames and the next header.
const LOOKAHEAD: usize = 2 * 2881 + 16;
/// Read size of the buffer.
const BUFFER: usize = 64 * 1024;

/// One audio frame found in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mp3Frame {
    /// Byte offset of the frame header in the file.
    pub offset: u64,
    /// Place on the file's timeline, counting frames lost to damage.
    pub frame_no: u64,
    /// The frame's header.
    pub header: FrameHeader,
}

/// Reads Layer III frames one after another from a byte stream.
#[derive(Debug)]
pub(crate) struct FrameReader<R> {
    inner: R,
    buf: Vec<u8>,
    /// Next unread byte in `buf`.
    start: usize,
    /// End of valid bytes in `buf`.
    end: usize,
    /// File offset of `buf[0]`.
    buf_offset: u64,
    eof: bool,
    /// The first frame's header: every frame must match it.
    stream: Option<FrameHeader>,
    /// True right after a frame was accepted: the next one should follow directly.
    in_sync: bool,
    /// Length of the last audio frame accepted, to estimate frames lost to damage.
    prev_len: Option<usize>,
    /// Junk bytes skipped since the last accepted frame.
    junk: u64,
    next_frame_no: u64,
}

impl<R: Read + Seek> FrameReader<R> {
    /// A reader at the current position of `inner`, which must be the start of the file
    /// (or of the audio). The first frame is found strictly.
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            buf: vec![0; BUFFER],
            start: 0,
            end: 0,
            buf_offset: 0,
            eof: false,
            stream: None,
            in_sync: false,
            prev_len: None,
            junk: 0,
            next_frame_no: 0,
        }
    }

    /// A reader that trusts `offset` to be the start of frame `frame_no` of a stream
    /// whose frames look like `stream` (a frame found by an earlier walk).
    pub fn at_frame(inner: R, stream: FrameHeader, offset: u64, frame_no: u64) -> io::Result<Self> {
        let mut reader = Self::new(inner);
        reader.stream = Some(stream);
        reader.reposition(offset, frame_no)?;
        Ok(reader)
    }

    /// Moves to `offset`, known to be the start of frame `frame_no`.
    pub fn reposition(&mut self, offset: u64, frame_no: u64) -> io::Result<()> {
        let in_buffer = offset >= self.buf_offset && offset <= self.buf_offset + self.end as u64;
        if in_buffer {
            self.start = (offset - self.buf_offset) as usize;
        } else {
            self.inner.seek(SeekFrom::Start(offset))?;
            self.buf_offset = offset;
            self.start = 0;
            self.end = 0;
            self.eof = false;
        }
        self.in_sync = true;
        self.prev_len = None;
        self.junk = 0;
        self.next_frame_no = frame_no;
        Ok(())
    }

    /// The next audio frame and its bytes (header included), or `None` at the end.
    pub fn next_frame(&mut self) -> io::Result<Option<(Mp3Frame, &[u8])>> {
        loop {
            self.fill()?;
            let avail = &self.buf[self.start..self.end];
            if avail.len() < 4 {
                return Ok(None);
            }
            if let Some(tag_len) = id3v2_len(avail) {
                self.skip(tag_len)?;
                self.in_sync = true;
                continue;
            }
            let header =
                FrameHeader::parse(avail).filter(|h| self.stream.is_none_or(|s| s.is_similar(h)));
            let Some(header) = header else {
                let step = sync_step(avail);
                self.lose_sync(step);
                continue;
            };
            if header.len > avail.len() {
                if self.eof {
                    // A frame cut short by the end of the file, or junk that looks like
                    // a header near the end: nothing more to play either way.
                    if self.in_sync {
                        return Ok(None);
                    }
                    let step = sync_step(avail);
                    self.lose_sync(step);
                    continue;
                }
                // Cannot happen: the lookahead holds the longest frame.
                let step = sync_step(avail);
                self.lose_sync(step);
                continue;
            }
            if !self.in_sync && !self.next_is_frame_or_end(avail, &header) {
                let step = sync_step(avail);
                self.lose_sync(step);
                continue;
            }
            let offset = self.buf_offset + self.start as u64;
            let frame_start = self.start;
            self.start += header.len;
            self.in_sync = true;
            if header.is_tag_frame(&self.buf[frame_start..frame_start + header.len]) {
                self.junk = 0;
                continue;
            }
            if self.junk > 0 {
                if let Some(prev) = self.prev_len {
                    let mean = (prev + header.len) as f64 / 2.0;
                    self.next_frame_no += (self.junk as f64 / mean).round() as u64;
                }
                self.junk = 0;
            }
            if self.stream.is_none() {
                self.stream = Some(header);
            }
            self.prev_len = Some(header.len);
            let found = Mp3Frame {
                offset,
                frame_no: self.next_frame_no,
                header,
            };
            self.next_frame_no += 1;
            return Ok(Some((
                found,
                &self.buf[frame_start..frame_start + header.len],
            )));
        }
    }

    /// Skips ahead to the next byte that could start a header.
    fn lose_sync(&mut self, step: usize) {
        self.start += step;
        self.junk += step as u64;
        self.in_sync = false;
    }

    /// Strict check for a frame found after a loss of sync: the next frame follows.
    fn next_is_frame_or_end(&self, avail: &[u8], header: &FrameHeader) -> bool {
        let next = &avail[header.len..];
        if next.is_empty() && self.eof {
            return true;
        }
        if next.starts_with(b"TAG") || next.starts_with(b"APETAGEX") || id3v2_len(next).is_some() {
            return true;
        }
        FrameHeader::parse(next).is_some_and(|n| n.is_similar(header))
    }

    /// Skips `n` bytes, which may reach past the buffer.
    fn skip(&mut self, n: u64) -> io::Result<()> {
        let buffered = (self.end - self.start) as u64;
        if n <= buffered {
            self.start += n as usize;
        } else {
            let target = self.buf_offset + self.start as u64 + n;
            self.inner.seek(SeekFrom::Start(target))?;
            self.buf_offset = target;
            self.start = 0;
            self.end = 0;
            self.eof = false;
        }
        Ok(())
    }

    /// Makes at least [`LOOKAHEAD`] bytes available, unless the file ends first.
    fn fill(&mut self) -> io::Result<()> {
        if self.end - self.start >= LOOKAHEAD || self.eof {
            return Ok(());
        }
        self.buf.copy_within(self.start..self.end, 0);
        self.buf_offset += self.start as u64;
        self.end -= self.start;
        self.start = 0;
        while self.end < self.buf.len() {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// How far to skip from a position that does not start a frame: to the next `0xFF`.
fn sync_step(avail: &[u8]) -> usize {
    avail[1..]
        .iter()
        .position(|&b| b == 0xFF)
        .map_or(avail.len(), |p| p + 1)
}

/// The whole length of the ID3v2 tag at the start of `bytes`, if one is there.
fn id3v2_len(bytes: &[u8]) -> Option<u64> {
    let head = bytes.get(..10)?;
    if &head[..3] != b"ID3" || head[3] == 0xFF || head[4] == 0xFF {
        return None;
    }
    if head[6..10].iter().any(|&b| b >= 0x80) {
        return None;
    }
    let size = head[6..10]
        .iter()
        .fold(0u64, |acc, &b| (acc << 7) | u64::from(b));
    let footer = if head[5] & 0x10 != 0 { 10 } else { 0 };
    Some(10 + size + footer)
}
