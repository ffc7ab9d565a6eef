//! Cutting the audio into the chunks the helper transcribes one by one, each cut in
//! a pause so that no word is split between two chunks.
//!
//! A chunk is at most [`ChunkLimits::max_ms`] long; where it is cut between
//! [`ChunkLimits::min_ms`] and that is the middle of the longest pause there, as the
//! pause finder measures pauses ([`earmark_align::loudness::find_pauses`]), else the
//! quietest 10 ms.
//!
//! Each chunk also knows how long it starts in silence ([`Chunk::lead_ms`]): the
//! recogniser tends to start a chunk's first word at the chunk's start, and no word
//! can start before the speech does.

use earmark_align::loudness::{find_pauses, LoudnessMeter, HOP_MS};

use crate::SAMPLE_RATE;

/// Samples of 16 kHz audio per millisecond.
const SAMPLES_PER_MS: usize = (SAMPLE_RATE / 1000) as usize;

/// How long a chunk may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkLimits {
    /// A chunk is cut no earlier than this, in milliseconds.
    pub min_ms: u64,
    /// A chunk is never longer than this, in milliseconds.
    pub max_ms: u64,
}

impl Default for ChunkLimits {
    /// 60 to 90 seconds: long enough for context, short enough that little is lost
    /// to a cancel and that a restart resumes close to where it stopped.
    fn default() -> Self {
        ChunkLimits {
            min_ms: 60_000,
            max_ms: 90_000,
        }
    }
}

/// A stretch of 16 kHz mono audio to transcribe.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Its number, from 0.
    pub index: usize,
    /// Where it starts in the episode, in 16 kHz samples.
    pub offset: u64,
    /// Its samples.
    pub samples: Vec<f32>,
    /// How long it starts in silence (a pause of at least
    /// [`earmark_align::loudness::MIN_PAUSE_MS`] at its start), in milliseconds.
    pub lead_ms: u64,
}

impl Chunk {
    /// Where it starts in the episode, in milliseconds.
    pub fn offset_ms(&self) -> u64 {
        self.offset / SAMPLES_PER_MS as u64
    }
}

/// Collects 16 kHz mono samples and hands out chunks cut at pauses.
#[derive(Debug)]
pub struct ChunkCutter {
    min: usize,
    max: usize,
    buffer: Vec<f32>,
    offset: u64,
    next_index: usize,
}

impl ChunkCutter {
    /// A cutter for chunks within `limits`.
    pub fn new(limits: ChunkLimits) -> Self {
        let max = (limits.max_ms.max(1) as usize) * SAMPLES_PER_MS;
        let min = (limits.min_ms as usize * SAMPLES_PER_MS).min(max);
        ChunkCutter {
            min,
            max,
            buffer: Vec::new(),
            offset: 0,
            next_index: 0,
        }
    }

    /// Adds samples; returns a chunk when one is complete. Call again with an empty
    /// slice until it returns `None`, as one push may complete several chunks.
    pub fn push(&mut self, samples: &[f32]) -> Option<Chunk> {
        self.buffer.extend_from_slice(samples);
        if self.buffer.len() < self.max {
            return None;
        }
        let cut = self.min + quietest_point(&self.buffer[self.min..self.max]);
        Some(self.take(cut.max(1)))
    }

    /// The audio left at the end, if any.
    pub fn finish(mut self) -> Option<Chunk> {
        if self.buffer.is_empty() {
            None
        } else {
            let all = self.buffer.len();
            Some(self.take(all))
        }
    }

    fn take(&mut self, cut: usize) -> Chunk {
        let rest = self.buffer.split_off(cut);
        let samples = std::mem::replace(&mut self.buffer, rest);
        let chunk = Chunk {
            index: self.next_index,
            offset: self.offset,
            lead_ms: leading_silence_ms(&samples),
            samples,
        };
        self.offset += chunk.samples.len() as u64;
        self.next_index += 1;
        chunk
    }
}

/// How long `samples` start in silence: the pause at their very start, if any.
fn leading_silence_ms(samples: &[f32]) -> u64 {
    let mut meter = LoudnessMeter::new(SAMPLE_RATE, 1);
    meter.push(samples);
    find_pauses(&meter.finish())
        .first()
        .filter(|pause| pause.start_ms == 0)
        .map_or(0, |pause| pause.end_ms)
}

/// Where in `window` to cut, in samples from its start: the middle of its longest
/// pause, else the middle of its quietest 10 ms.
fn quietest_point(window: &[f32]) -> usize {
    let mut meter = LoudnessMeter::new(SAMPLE_RATE, 1);
    meter.push(window);
    let loudness = meter.finish();
    let hop = HOP_MS as usize * SAMPLES_PER_MS;
    let longest = find_pauses(&loudness)
        .into_iter()
        .max_by_key(|pause| pause.len_ms());
    let at = match longest {
        Some(pause) => (pause.start_ms + pause.end_ms) as usize / 2 * SAMPLES_PER_MS,
        None => loudness
            .levels_db
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map_or(window.len() / 2, |(i, _)| i * hop + hop / 2),
    };
    at.min(window.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise_then_silence_then_noise() -> Vec<f32> {
        // 3 s of loud noise, 0.5 s of silence from 3.0 s, then 3 s of noise.
        let loud = |i: usize| ((i * 7919 % 1000) as f32 / 1000.0 - 0.5) * 0.8;
        let mut audio: Vec<f32> = (0..48_000).map(loud).collect();
        audio.extend(std::iter::repeat_n(0.0, 8_000));
        audio.extend((0..48_000).map(loud));
        audio
    }

    #[test]
    fn a_chunk_is_cut_in_the_middle_of_the_pause() {
        let limits = ChunkLimits {
            min_ms: 2_000,
            max_ms: 5_000,
        };
        let mut cutter = ChunkCutter::new(limits);
        let audio = noise_then_silence_then_noise();
        let first = cutter.push(&audio).expect("6.5 s make a 5 s chunk");
        let cut_ms = first.samples.len() / SAMPLES_PER_MS;
        assert!((3_150..=3_350).contains(&cut_ms), "cut at {cut_ms} ms");
        assert_eq!(first.index, 0);
        assert!(cutter.push(&[]).is_none(), "3.25 s are left, under 5 s");
        let last = cutter.finish().expect("the rest");
        assert_eq!(last.index, 1);
        assert_eq!(last.offset, first.samples.len() as u64);
        assert_eq!(last.offset_ms(), cut_ms as u64);
        assert_eq!(first.lead_ms, 0, "the first chunk starts loud");
        assert!(
            (200..=300).contains(&last.lead_ms),
            "the second starts in the second half of the pause: {} ms",
            last.lead_ms
        );
        assert_eq!(first.samples.len() + last.samples.len(), audio.len());
    }

    #[test]
    fn nothing_pushed_gives_no_chunk() {
        assert!(ChunkCutter::new(ChunkLimits::default()).finish().is_none());
    }
}
