//! Drifting timed transcripts: finding where a timed transcript's times are off
//! against its audio, by how much, and moving them back.
//!
//! Dynamic ad insertion puts an ad into a feed's audio after its transcript was
//! made, so every cue after the ad is early by the ad's length. [`fix_drift`]
//! takes the timed transcript and the [`Alignment`] of its text to the audio (the
//! aligner run on the transcript's text, its times ignored) and reads each
//! segment's offset, aligned start − given start, on the segments the aligner is
//! sure of (a segment the aligner stretched over the inserted audio is read at
//! its end with less unmatched audio). Offsets are smoothed by a running median (an edge-preserving filter:
//! steps survive, lone misplaced segments do not), cut into runs of equal offset
//! where the offset jumps by [`MIN_STEP_MS`] or more, and each run's offset is the
//! median of its segments' offsets. Every segment is then moved by its run's
//! offset, so the durations the file gives are kept.
//!
//! Limits: offsets under [`MIN_STEP_MS`] apart are taken as one; a run needs at
//! least [`MIN_RUN`] sure segments to count (an ad between two shorter runs is
//! not seen); an offset under [`DEAD_ZONE_MS`] is taken as the file's convention
//! and left alone, the other runs keeping their distance to it (cue conventions
//! and the aligner's own error are of that size); a slow, gradual
//! drift (a wrong sample rate) shows as steps of [`MIN_STEP_MS`], not a slope.
//! [`nudge`] moves a whole transcript by hand.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{AlignedSegment, Alignment, Stretch};
use earmark_core::transcript::{Segment, Transcript};

/// Offsets closer than this (ms) are one offset: the aligner's error and cue
/// timing conventions stay well under it, inserted ads are seconds long.
pub const MIN_STEP_MS: i64 = 1000;
/// A run's offset smaller than this (ms) is taken as no offset at all: the
/// file's convention (the run nearest zero sets it; the others keep their
/// distance to it).
pub const DEAD_ZONE_MS: i64 = 250;
/// The fewest sure segments a run of one offset needs.
pub const MIN_RUN: usize = 3;
/// Segments on each side in the running median.
const SMOOTH_RADIUS: usize = 2;
/// How many of a run's latest smoothed offsets a new one is compared with.
const RECENT: usize = 15;

/// Why a transcript's drift cannot be measured.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DriftError {
    /// The transcript has no times to check.
    #[error("This transcript has no times to check against the audio.")]
    NotTimed,
    /// The alignment is of another transcript.
    #[error(
        "The alignment has {aligned} segments but the transcript has {segments}; \
         align this transcript first."
    )]
    Mismatch {
        /// Segments in the alignment.
        aligned: usize,
        /// Segments in the transcript.
        segments: usize,
    },
    /// No timed segment was found in the audio with confidence.
    #[error(
        "No line of the transcript was found in the audio with confidence, \
         so its times cannot be checked."
    )]
    NothingMatched,
}

impl DriftError {
    /// A short, stable code for the IPC boundary and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            DriftError::NotTimed => "not_timed",
            DriftError::Mismatch { .. } => "alignment_mismatch",
            DriftError::NothingMatched => "nothing_matched",
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code; `detail` is what the system or a library said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            DriftError::Mismatch { aligned, segments } => vec![
                ("aligned", aligned.to_string()),
                ("segments", segments.to_string()),
            ],
            _ => Vec::new(),
        }
    }
}

/// A place where the transcript's offset to the audio changes: audio was inserted
/// (positive `shift_ms`) or removed (negative) just before segment `segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriftStep {
    /// The first segment after the change, by index.
    pub segment: usize,
    /// That segment's start as the transcript gave it, in milliseconds.
    pub given_ms: u64,
    /// Its corrected start: where, in the audio, the shifted part begins.
    pub at_ms: u64,
    /// How much later (ms) the segments from here on are than the ones before.
    pub shift_ms: i64,
}

/// What [`fix_drift`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriftReport {
    /// The offset (ms) of the transcript's start, before any step.
    pub offset_ms: i64,
    /// Where the offset changes, in order.
    pub steps: Vec<DriftStep>,
    /// The offset applied to each segment, one per segment.
    pub offsets_ms: Vec<i64>,
    /// How many segments were measured (timed, and found with confidence).
    pub measured: usize,
}

/// A transcript with its drift corrected, and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriftFix {
    /// The transcript, each segment (and its words) moved by its offset.
    pub transcript: Transcript,
    /// The offsets found.
    pub report: DriftReport,
}

/// A run of sure segments sharing one offset: positions in the measured list.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    last: usize,
    offset: i64,
}

/// Finds where `transcript`'s times are off against `alignment` (the aligner's
/// placing of this transcript's text on the audio) and corrects them segment by
/// segment. Segments without a time keep none.
pub fn fix_drift(transcript: &Transcript, alignment: &Alignment) -> Result<DriftFix, DriftError> {
    if alignment.segments.len() != transcript.segments.len() {
        return Err(DriftError::Mismatch {
            aligned: alignment.segments.len(),
            segments: transcript.segments.len(),
        });
    }
    if transcript.segments.iter().all(|s| s.start_ms.is_none()) {
        return Err(DriftError::NotTimed);
    }
    // Each segment's offset as the aligner sees it (None: no time given).
    let raw: Vec<Option<i64>> = transcript
        .segments
        .iter()
        .zip(&alignment.segments)
        .map(|(s, a)| {
            s.start_ms
                .map(|given| seen_offset(s, given, a, &alignment.unmatched))
        })
        .collect();
    // The sure ones: (segment index, offset).
    let measured: Vec<(usize, i64)> = raw
        .iter()
        .zip(&alignment.segments)
        .enumerate()
        .filter_map(|(k, (r, a))| r.filter(|_| !a.flagged).map(|r| (k, r)))
        .collect();
    if measured.is_empty() {
        return Err(DriftError::NothingMatched);
    }
    let values: Vec<i64> = measured.iter().map(|&(_, r)| r).collect();
    let runs = runs(&values);
    let offsets = spread(&runs, &measured, &raw);

    let mut out = transcript.clone();
    for (segment, &offset) in out.segments.iter_mut().zip(&offsets) {
        shift_segment(segment, offset);
    }
    let steps = offsets
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair[0] != pair[1])
        .map(|(k, pair)| {
            let segment = k + 1;
            let given_ms = given_start(transcript, segment);
            DriftStep {
                segment,
                given_ms,
                at_ms: given_ms.saturating_add_signed(pair[1]),
                shift_ms: pair[1] - pair[0],
            }
        })
        .collect();
    Ok(DriftFix {
        transcript: out,
        report: DriftReport {
            offset_ms: offsets.first().copied().unwrap_or(0),
            steps,
            offsets_ms: offsets,
            measured: measured.len(),
        },
    })
}

/// `transcript` with every time moved by `delta_ms` (negative: earlier), none
/// before 0.
pub fn nudge(transcript: &Transcript, delta_ms: i64) -> Transcript {
    let mut out = transcript.clone();
    for segment in &mut out.segments {
        shift_segment(segment, delta_ms);
    }
    out
}

/// Moves a segment's start, end and words by `by` ms, clamped at 0.
fn shift_segment(segment: &mut Segment, by: i64) {
    let at = |ms: u64| ms.saturating_add_signed(by);
    segment.start_ms = segment.start_ms.map(at);
    segment.end_ms = segment.end_ms.map(at);
    if let Some(words) = &mut segment.words {
        for word in words {
            word.start_ms = at(word.start_ms);
            word.end_ms = at(word.end_ms);
        }
    }
}

/// The given start of `segment`, or of the nearest timed segment after it (or
/// before it, at the end).
fn given_start(transcript: &Transcript, segment: usize) -> u64 {
    let segments = &transcript.segments;
    segments[segment..]
        .iter()
        .find_map(|s| s.start_ms)
        .or_else(|| segments[..segment].iter().rev().find_map(|s| s.start_ms))
        .unwrap_or(0)
}

/// The offset of one segment as the alignment shows it: aligned start − given
/// start, unless the aligner stretched the segment over audio it does not hold
/// (an ad inserted next to it: the aligned span is longer than the given one by
/// [`MIN_STEP_MS`] or more). Then the segment sits at the end of its span with
/// less unmatched audio, the end on a tie (the aligner tends to start the line
/// after an ad at the ad), and the offset is read there.
fn seen_offset(
    segment: &Segment,
    given: u64,
    aligned: &AlignedSegment,
    unmatched: &[Stretch],
) -> i64 {
    let from_start = signed(aligned.start_ms) - signed(given);
    let Some(given_end) = segment.end_ms.filter(|&end| end > given) else {
        return from_start;
    };
    let length = given_end - given;
    let span = aligned.end_ms.saturating_sub(aligned.start_ms);
    if signed(span) - signed(length) < MIN_STEP_MS {
        return from_start;
    }
    let covered = |from: u64, to: u64| -> u64 {
        unmatched
            .iter()
            .map(|s| s.end_ms.min(to).saturating_sub(s.start_ms.max(from)))
            .sum()
    };
    let head = covered(aligned.start_ms, aligned.start_ms + length);
    let tail = covered(aligned.end_ms - length, aligned.end_ms);
    if head < tail {
        from_start
    } else {
        signed(aligned.end_ms) - signed(given_end)
    }
}

fn signed(ms: u64) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}

/// The median of `values` (the lower middle for an even count); 0 when empty.
fn median_of(values: &[i64]) -> i64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted
        .get(sorted.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0)
}

/// Cuts the measured offsets into runs of one offset each.
fn runs(values: &[i64]) -> Vec<Run> {
    let n = values.len();
    let smoothed: Vec<i64> = (0..n)
        .map(|i| {
            let from = i.saturating_sub(SMOOTH_RADIUS);
            let to = (i + SMOOTH_RADIUS + 1).min(n);
            median_of(&values[from..to])
        })
        .collect();
    // Cut where the smoothed offset leaves the median of the current run's
    // latest values.
    let mut runs: Vec<Run> = Vec::new();
    let mut first = 0;
    for i in 1..=n {
        let current = median_of(&smoothed[first.max(i.saturating_sub(RECENT))..i]);
        if i == n || (smoothed[i] - current).abs() >= MIN_STEP_MS {
            runs.push(Run {
                first,
                last: i - 1,
                offset: current,
            });
            first = i;
        }
    }
    // Too-short runs join the neighbour whose offset is closer.
    while runs.len() > 1 {
        let Some(short) = (0..runs.len())
            .filter(|&r| runs[r].last + 1 - runs[r].first < MIN_RUN)
            .min_by_key(|&r| runs[r].last + 1 - runs[r].first)
        else {
            break;
        };
        let offset = runs[short].offset;
        let into = match (short.checked_sub(1), runs.get(short + 1)) {
            (Some(before), Some(after)) => {
                if (runs[before].offset - offset).abs() <= (after.offset - offset).abs() {
                    before
                } else {
                    short + 1
                }
            }
            (Some(before), None) => before,
            _ => short + 1,
        };
        let (a, b) = (short.min(into), short.max(into));
        runs[a].last = runs[b].last;
        runs.remove(b);
    }
    // Each run's offset from its own measurements; neighbours too close are one.
    let measure = |run: &mut Run| run.offset = median_of(&values[run.first..=run.last]);
    runs.iter_mut().for_each(measure);
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if (last.offset - run.offset).abs() < MIN_STEP_MS => {
                last.last = run.last;
                measure(last);
            }
            _ => merged.push(run),
        }
    }
    // The run nearest the file's own times, if within the dead zone, is the
    // file's convention (cues a little before the voice): it becomes no offset and
    // the others keep their distance to it.
    let convention = merged
        .iter()
        .map(|run| run.offset)
        .min_by_key(|offset| offset.abs())
        .filter(|offset| offset.abs() < DEAD_ZONE_MS)
        .unwrap_or(0);
    for run in &mut merged {
        run.offset -= convention;
    }
    merged
}

/// Each segment's offset from the runs. Segments between two runs (not measured)
/// go to the side that best fits where the aligner put them.
fn spread(runs: &[Run], measured: &[(usize, i64)], raw: &[Option<i64>]) -> Vec<i64> {
    let mut offsets = vec![0; raw.len()];
    for (r, run) in runs.iter().enumerate() {
        let from = if r == 0 { 0 } else { measured[run.first].0 };
        let to = runs
            .get(r + 1)
            .map_or(raw.len(), |next| measured[next.first].0);
        offsets[from..to].fill(run.offset);
    }
    for pair in runs.windows(2) {
        let (before, after) = (pair[0].offset, pair[1].offset);
        let gap = measured[pair[0].last].0 + 1..measured[pair[1].first].0;
        let miss = |k: usize, offset: i64| raw[k].map_or(0, |r| (r - offset).abs());
        // The first segment of the later run: the cut with the least misfit.
        let cut = (gap.start..=gap.end)
            .min_by_key(|&cut| {
                (gap.start..cut).map(|k| miss(k, before)).sum::<i64>()
                    + (cut..gap.end).map(|k| miss(k, after)).sum::<i64>()
            })
            .unwrap_or(gap.end);
        offsets[gap.start..cut].fill(before);
        offsets[cut..gap.end].fill(after);
    }
    offsets
}
