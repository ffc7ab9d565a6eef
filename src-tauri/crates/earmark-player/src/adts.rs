//! Raw ADTS AAC (`.aac`), read by Earmark itself frame by frame.
//!
//! symphonia 0.5.5's ADTS reader looks only for the sync word of MPEG-4 ADTS without
//! CRCs (`FFF1`): a stream written as MPEG-2 ADTS (`FFF9`, as some encoders and
//! recorders write it) is refused ("end of stream"), and one with CRCs (`FFF0`,
//! `FFF8`) would be misread (the CRC taken as audio). Its length is an estimate from
//! the bitrate of a few frames, and a seek reads every frame header from the start of
//! the file. So, as for MP3 ([`crate::mp3`]), the frames are Earmark's to find and
//! symphonia's AAC decoder decodes them, given the AudioSpecificConfig the first
//! header amounts to ([`AdtsHeader::config`]):
//!
//! - **One scan at open** ([`AdtsStream::open`]) walks every frame header (no
//!   decoding): the count is the exact length (ADTS carries no gapless information,
//!   so every frame decoded counts, priming included, as ffmpeg decodes it), and every
//!   [`INDEX_SPACING`]-th frame's offset is kept.
//! - **A seek** goes to the indexed frame at or before the target; the caller's
//!   pre-roll primes the decoder's overlap and drops what comes before the target.
//! - **Damage**: bytes that are not a frame are stepped over to the next header that
//!   another header follows, and the frames they held are counted from their length
//!   (at the mean frame length before them, counted once by the scan and reused), so
//!   the audio after them keeps its time.
//!
//! A hand-written walk: a header is seven bytes, and no maintained crate reads ADTS
//! outside a whole demuxer.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

use symphonia::core::formats::Packet;

use crate::aac_config;

/// Samples per channel in an AAC frame (one raw data block).
pub(crate) const SAMPLES: u64 = 1024;
/// Frames between two indexed frames.
const INDEX_SPACING: u64 = 64;
/// Bytes looked through at a time for the next header after damage.
const RESYNC_WINDOW: usize = 4096;
/// The longest ADTS header (with a CRC).
const MAX_HEADER: usize = 9;

/// The fields of an ADTS frame header Earmark uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AdtsHeader {
    /// Audio object type − 1 (1: AAC-LC).
    profile: u8,
    /// Sampling frequency index.
    rate_index: u8,
    /// Channel configuration (0: the layout is in the audio).
    channel_config: u8,
    /// 7 bytes, or 9 with a CRC.
    header_len: usize,
    /// The whole frame, header included.
    frame_len: usize,
    /// Raw data blocks in the frame (1024 samples each).
    blocks: u8,
}

impl AdtsHeader {
    /// Reads a header at the start of `b`; `None` when there is none.
    fn parse(b: &[u8]) -> Option<Self> {
        if b.len() < 7 || b[0] != 0xff || b[1] & 0xf6 != 0xf0 {
            return None;
        }
        let header_len = if b[1] & 1 == 1 { 7 } else { MAX_HEADER };
        let rate_index = (b[2] >> 2) & 0x0f;
        let frame_len =
            (usize::from(b[3] & 3) << 11) | (usize::from(b[4]) << 3) | (usize::from(b[5]) >> 5);
        if aac_config::rate(u32::from(rate_index)).is_none() || frame_len <= header_len {
            return None;
        }
        Some(Self {
            profile: b[2] >> 6,
            rate_index,
            channel_config: ((b[2] & 1) << 2) | (b[3] >> 6),
            header_len,
            frame_len,
            blocks: (b[6] & 3) + 1,
        })
    }

    /// Whether `other` belongs to the same stream (a resync candidate that does not is
    /// a false sync in the audio).
    fn same_stream(&self, other: &Self) -> bool {
        (self.profile, self.rate_index, self.channel_config)
            == (other.profile, other.rate_index, other.channel_config)
    }

    /// The AudioSpecificConfig this header amounts to, for symphonia's decoder.
    pub(crate) fn config(&self) -> Vec<u8> {
        aac_config::plain_config(
            u32::from(self.profile) + 1,
            u32::from(self.rate_index),
            None,
            u32::from(self.channel_config),
        )
    }

    /// Samples per channel per second.
    pub(crate) fn sample_rate(&self) -> Option<u32> {
        aac_config::rate(u32::from(self.rate_index))
    }

    /// Samples per channel in the frame.
    fn samples(&self) -> u64 {
        u64::from(self.blocks) * SAMPLES
    }
}

/// A frame found: its first sample and where it is.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Raw sample of its first sample (frames lost to damage counted in).
    ts: u64,
    offset: u64,
    header: AdtsHeader,
}

/// An ADTS file as a stream of packets (one frame each) that can seek.
#[derive(Debug)]
pub(crate) struct AdtsStream<R = File> {
    file: BufReader<R>,
    /// Where `file` is.
    pos: u64,
    /// The first frame's header: the stream's layout.
    first: AdtsHeader,
    /// The first frame's offset.
    start: u64,
    /// (offset, first sample) of every [`INDEX_SPACING`]-th frame.
    index: Vec<(u64, u64)>,
    /// Raw samples per channel in the file.
    samples: u64,
    /// Where the next frame is looked for, and its first sample.
    next: (u64, u64),
    /// Bytes and frames read, for the mean frame length.
    read: (u64, u64),
    /// The frames lost to damage before the frame at each offset, as the scan counted
    /// them (at the mean frame length of what came before): every later read reuses the
    /// count, so a frame's time is the same however it is reached (from the start, or
    /// from an indexed frame after a seek).
    gaps: HashMap<u64, u64>,
}

impl<R: Read + Seek> AdtsStream<R> {
    /// The ADTS stream in `file`, scanned once; `None` when `file` is not ADTS: its
    /// first header (after an ID3v2 tag) must be followed by another, or end the file.
    pub(crate) fn open(file: R) -> io::Result<Option<Self>> {
        let mut file = BufReader::new(file);
        let len = file.seek(SeekFrom::End(0))?;
        let start = id3v2_len(&mut file)?;
        let mut head = [0u8; MAX_HEADER];
        file.seek(SeekFrom::Start(start))?;
        let n = read_full(&mut file, &mut head)?;
        let Some(first) = AdtsHeader::parse(&head[..n]) else {
            return Ok(None);
        };
        let mut stream = Self {
            file,
            pos: start + n as u64,
            first,
            start,
            index: Vec::new(),
            samples: 0,
            next: (start, 0),
            read: (0, 0),
            gaps: HashMap::new(),
        };
        let second = start + first.frame_len as u64;
        if second < len && stream.header_at(second)?.is_none() {
            return Ok(None);
        }
        let mut count = 0u64;
        while let Some(frame) = stream.next_frame()? {
            if count.is_multiple_of(INDEX_SPACING) {
                stream.index.push((frame.offset, frame.ts));
            }
            count += 1;
            stream.samples = frame.ts + frame.header.samples();
        }
        stream.next = (start, 0);
        Ok(Some(stream))
    }

    /// The first frame's header: the stream's layout.
    pub(crate) fn header(&self) -> AdtsHeader {
        self.first
    }

    /// Raw samples per channel in the file.
    pub(crate) fn samples(&self) -> u64 {
        self.samples
    }

    /// The next frame as a packet whose timestamp is its first raw sample, or `None`
    /// at the end of the file.
    pub(crate) fn next_packet(&mut self) -> io::Result<Option<Packet>> {
        let Some(frame) = self.next_frame()? else {
            return Ok(None);
        };
        let header = frame.header;
        let mut payload = vec![0u8; header.frame_len - header.header_len];
        self.move_to(frame.offset + header.header_len as u64)?;
        if read_full(&mut self.file, &mut payload)? < payload.len() {
            return Ok(None);
        }
        self.pos += payload.len() as u64;
        Ok(Some(Packet::new_from_boxed_slice(
            0,
            frame.ts,
            header.samples(),
            payload.into_boxed_slice(),
        )))
    }

    /// Positions the stream at the indexed frame at or before raw sample `ts`.
    pub(crate) fn seek(&mut self, ts: u64) -> io::Result<()> {
        let at = self.index.partition_point(|&(_, first)| first <= ts);
        self.next = match at.checked_sub(1) {
            Some(i) => self.index[i],
            None => (self.start, 0),
        };
        Ok(())
    }

    /// The frame at `next`, or the first one after damage; `None` at the end.
    fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        let (mut offset, ts) = self.next;
        let mut skipped = 0u64;
        let header = loop {
            if let Some(header) = self.header_at(offset)? {
                let following = offset + header.frame_len as u64;
                // A header at `next` is trusted; after damage, another must follow.
                if skipped == 0 || self.header_at(following)?.is_some() || self.at_end(following)? {
                    break header;
                }
            }
            match self.resync(offset + 1)? {
                Some(found) => {
                    skipped += found - offset;
                    offset = found;
                }
                None => return Ok(None),
            }
        };
        let len = header.frame_len as u64;
        // A frame that runs past the end of the file (a cut-short download) is not one.
        if self.at_end(offset + len - 1)? {
            return Ok(None);
        }
        let lost = match skipped {
            0 => 0,
            _ => {
                let read = self.read;
                *self
                    .gaps
                    .entry(offset)
                    .or_insert_with(|| lost_frames(skipped, read))
            }
        };
        self.read = (self.read.0 + len, self.read.1 + 1);
        let ts = ts + lost * SAMPLES;
        self.next = (offset + len, ts + header.samples());
        Ok(Some(Frame { ts, offset, header }))
    }

    /// The header of this stream at `offset`, if one is there.
    fn header_at(&mut self, offset: u64) -> io::Result<Option<AdtsHeader>> {
        let mut head = [0u8; MAX_HEADER];
        self.move_to(offset)?;
        let n = read_full(&mut self.file, &mut head)?;
        self.pos += n as u64;
        Ok(AdtsHeader::parse(&head[..n]).filter(|h| self.first.same_stream(h)))
    }

    /// Whether `offset` is at or past the end of the file.
    fn at_end(&mut self, offset: u64) -> io::Result<bool> {
        self.move_to(offset)?;
        let mut byte = [0u8; 1];
        let n = read_full(&mut self.file, &mut byte)?;
        self.pos += n as u64;
        Ok(n == 0)
    }

    /// The offset of the next sync word from `from` on that starts a header of this
    /// stream; `None` when the file has none.
    fn resync(&mut self, mut from: u64) -> io::Result<Option<u64>> {
        let mut window = vec![0u8; RESYNC_WINDOW];
        loop {
            self.move_to(from)?;
            let n = read_full(&mut self.file, &mut window)?;
            self.pos += n as u64;
            if n < 2 {
                return Ok(None);
            }
            for i in 0..n - 1 {
                if window[i] == 0xff && window[i + 1] & 0xf6 == 0xf0 {
                    let at = from + i as u64;
                    if self.header_at(at)?.is_some() {
                        return Ok(Some(at));
                    }
                }
            }
            from += (n - 1) as u64;
        }
    }

    /// Moves the file to `offset`, keeping what is buffered where it can.
    fn move_to(&mut self, offset: u64) -> io::Result<()> {
        if offset != self.pos {
            let delta = i64::try_from(offset).unwrap_or(i64::MAX)
                - i64::try_from(self.pos).unwrap_or(i64::MAX);
            self.file.seek_relative(delta)?;
            self.pos = offset;
        }
        Ok(())
    }
}

/// The frames `skipped` bytes of damage held, at the mean length of the `read` (bytes,
/// frames) before it.
fn lost_frames(skipped: u64, read: (u64, u64)) -> u64 {
    let mean = (read.0 / read.1.max(1)).max(1);
    (skipped + mean / 2) / mean
}

/// Fills `buf` from `file` as far as the file goes; the bytes read.
fn read_full<R: Read>(file: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The length of an ID3v2 tag at the start of `file` (0 without one).
fn id3v2_len<R: Read + Seek>(file: &mut R) -> io::Result<u64> {
    let mut head = [0u8; 10];
    file.seek(SeekFrom::Start(0))?;
    if read_full(file, &mut head)? < head.len() || &head[..3] != b"ID3" {
        return Ok(0);
    }
    let size = head[6..10]
        .iter()
        .fold(0u64, |n, b| (n << 7) | u64::from(b & 0x7f));
    let footer = if head[5] & 0x10 != 0 { 10 } else { 0 };
    Ok(10 + size + footer)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    /// An ADTS frame: MPEG-2 (`mpeg2`) or MPEG-4, without CRC, AAC-LC, 44.1 kHz,
    /// stereo, `len` bytes in all.
    fn frame(mpeg2: bool, len: usize) -> Vec<u8> {
        let mut f = vec![
            0xff,
            if mpeg2 { 0xf9 } else { 0xf1 },
            0x50,
            0x80 | ((len >> 11) & 3) as u8,
            (len >> 3) as u8,
            ((len & 7) << 5) as u8 | 0x1f,
            0xfc, // one raw data block
        ];
        f.resize(len, 0x21);
        f
    }

    #[test]
    fn mpeg2_and_mpeg4_frames_are_counted_and_damage_keeps_the_time() {
        let mut file = Vec::new();
        for i in 0..10 {
            file.extend(frame(i % 2 == 0, 200));
        }
        let whole = AdtsStream::open(Cursor::new(file.clone())).expect("read");
        let whole = whole.expect("ADTS");
        assert_eq!(whole.samples(), 10 * SAMPLES);
        assert_eq!(
            whole.header().config(),
            vec![0x12, 0x10],
            "AAC-LC, 44.1 kHz, stereo"
        );
        // Frames 4 and 5 overwritten: the frames after them keep their time.
        file[800..1200].fill(0x55);
        let mut damaged = AdtsStream::open(Cursor::new(file))
            .expect("read")
            .expect("ADTS");
        assert_eq!(damaged.samples(), 10 * SAMPLES);
        let mut times = Vec::new();
        while let Some(p) = damaged.next_packet().expect("read") {
            times.push(p.ts() / SAMPLES);
        }
        assert_eq!(times, vec![0, 1, 2, 3, 6, 7, 8, 9]);
        damaged.seek(7 * SAMPLES).expect("seek");
        let p = damaged.next_packet().expect("read").expect("a packet");
        assert_eq!(p.ts(), 0, "the indexed frame at or before: the first");
    }

    #[test]
    fn other_files_are_not_adts() {
        let mp3 = vec![0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0];
        assert!(AdtsStream::open(Cursor::new(mp3)).expect("read").is_none());
        let text = b"This is not audio at all.".to_vec();
        assert!(AdtsStream::open(Cursor::new(text)).expect("read").is_none());
    }
}
