//! Entry points for Earmark's fuzz targets (`tests/fuzz`), not an API: the code that
//! reads an audio file's bytes before symphonia decodes them, run over bytes in memory
//! exactly as opening and seeking a file runs it.

use std::io::Cursor;

use crate::adts::AdtsStream;
use crate::mp3::{self, Mp3Stream};
use crate::seek_index::SeekIndex;
use crate::{mp4_cut, mp4_track};

/// A stream of packets that seeks: Earmark's own MP3 and ADTS readers.
trait PacketWalk {
    /// The next packet; `false` at the end or on an error.
    fn next(&mut self) -> bool;
    /// Seeks to `ts` (samples); `false` on an error.
    fn seek_to(&mut self, ts: u64) -> bool;
}

impl PacketWalk for Mp3Stream<Cursor<&[u8]>> {
    fn next(&mut self) -> bool {
        matches!(self.next_packet(), Ok(Some(_)))
    }
    fn seek_to(&mut self, ts: u64) -> bool {
        self.seek(ts).is_ok()
    }
}

impl PacketWalk for AdtsStream<Cursor<&[u8]>> {
    fn next(&mut self) -> bool {
        matches!(self.next_packet(), Ok(Some(_)))
    }
    fn seek_to(&mut self, ts: u64) -> bool {
        self.seek(ts).is_ok()
    }
}

/// Reads every packet, then seeks back to the middle (of `end` samples) and to the
/// start and reads on, as a seek does.
fn read_then_seek(stream: &mut impl PacketWalk, end: u64) {
    while stream.next() {}
    for ts in [end / 2, 0] {
        if !stream.seek_to(ts) {
            return;
        }
        for _ in 0..16 {
            if !stream.next() {
                break;
            }
        }
    }
}

/// Walks the MP3 frames of `bytes` as opening the file does (the index scan), reads
/// every packet, then seeks back to the middle and the start and reads on, as a seek
/// does; also reads `bytes` as a cached seek index.
pub fn mp3_frames(bytes: &[u8]) {
    let _ = SeekIndex::from_bytes(bytes);
    let len = bytes.len() as u64;
    let Ok(Some(index)) = mp3::build_index(Cursor::new(bytes), len) else {
        return;
    };
    let Ok(Some(mut stream)) = Mp3Stream::new(Cursor::new(bytes), index) else {
        return;
    };
    let end = stream.index().mp3_frames() * stream.samples_per_frame();
    read_then_seek(&mut stream, end);
}

/// Walks the ADTS frames of `bytes` as opening the file does (the scan), reads every
/// packet, then seeks back to the middle and the start and reads on, as a seek does.
pub fn adts_frames(bytes: &[u8]) {
    let Ok(Some(mut stream)) = AdtsStream::open(Cursor::new(bytes)) else {
        return;
    };
    let _ = stream.header().config();
    let end = stream.samples();
    read_then_seek(&mut stream, end);
}

/// Reads what Earmark reads of an MP4 file itself: the edit list of its sound track,
/// whether its last box is cut short, and `bytes` as an AAC decoder config.
pub fn mp4_track(bytes: &[u8]) {
    let _ =
        crate::aac_config::AscInfo::parse(bytes).map(|asc| (asc.plain(), asc.unsupported(None)));
    let mut file = Cursor::new(bytes);
    if !matches!(mp4_track::is_mp4(&mut file), Ok(true)) {
        return;
    }
    let _ = mp4_track::read_edit(&mut file, 44_100);
    let _ = mp4_cut::cut_short(&mut file);
}
