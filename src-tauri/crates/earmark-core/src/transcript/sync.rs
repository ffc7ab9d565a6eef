//! Which segment and word are being heard at a moment of the audio.
//!
//! The index holds the starts of the timed segments, sorted, and looks a moment up
//! by binary search, so lighting the current line costs O(log n) per frame.
//!
//! - The current segment is the last one whose start is at or before the moment.
//!   Before the first segment, nothing is current.
//! - In a gap between segments the previous one stays current until the next one
//!   starts, and after the last segment ends it stays current: the reader keeps
//!   their place through silences and music.
//! - Segments sharing a start (a cue split by voice) resolve to the later one.
//! - The same rules apply to words within the current segment: nothing before its
//!   first word, then the last word started.
//! - Untimed segments are not in the index; a transcript without times has no
//!   current segment at any moment.

use super::Transcript;

/// A lookup from media time to the segment (and word) heard then.
#[derive(Debug, Clone, Default)]
pub struct SyncIndex {
    /// Starts of the timed segments, ascending.
    starts: Vec<u64>,
    /// For each entry of `starts`, the segment's index in the transcript.
    segments: Vec<usize>,
    /// For each entry of `starts`, its words' starts (ascending) and indexes.
    words: Vec<Vec<(u64, usize)>>,
}

impl SyncIndex {
    /// Builds the index for `transcript`.
    pub fn new(transcript: &Transcript) -> Self {
        let mut entries: Vec<(u64, usize)> = transcript
            .segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.start_ms.map(|start| (start, i)))
            .collect();
        entries.sort_by_key(|&(start, _)| start);
        let words = entries
            .iter()
            .map(|&(_, i)| {
                let mut words: Vec<(u64, usize)> = transcript.segments[i]
                    .words
                    .iter()
                    .flatten()
                    .enumerate()
                    .map(|(w, word)| (word.start_ms, w))
                    .collect();
                words.sort_by_key(|&(start, _)| start);
                words
            })
            .collect();
        SyncIndex {
            starts: entries.iter().map(|&(start, _)| start).collect(),
            segments: entries.iter().map(|&(_, i)| i).collect(),
            words,
        }
    }

    /// The index of the segment heard at `ms`, or `None` before the first one or
    /// when the transcript has no times.
    pub fn segment_at(&self, ms: u64) -> Option<usize> {
        self.entry_at(ms).map(|entry| self.segments[entry])
    }

    /// The segment and word heard at `ms`, or `None` when the current segment has
    /// no word timings or its first word has not started yet.
    pub fn word_at(&self, ms: u64) -> Option<(usize, usize)> {
        let entry = self.entry_at(ms)?;
        let words = &self.words[entry];
        let n = words.partition_point(|&(start, _)| start <= ms);
        let &(_, word) = words.get(n.checked_sub(1)?)?;
        Some((self.segments[entry], word))
    }

    /// The timed segments that have started by `ms`, the latest first.
    pub fn started_by(&self, ms: u64) -> impl Iterator<Item = usize> + '_ {
        let started = self.starts.partition_point(|&start| start <= ms);
        self.segments[..started].iter().rev().copied()
    }

    /// How many segments have a time.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when no segment has a time.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    fn entry_at(&self, ms: u64) -> Option<usize> {
        self.starts
            .partition_point(|&start| start <= ms)
            .checked_sub(1)
    }
}
