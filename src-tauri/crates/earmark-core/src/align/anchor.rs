//! Anchors: segments whose synthetic speech clearly matches one place of the
//! episode near where the global path put them, and that place is not where the
//! path put them.
//!
//! On real voices the global path sometimes gives a short paragraph's audio to
//! its neighbour (a paragraph never spoken, or the ad next to it, takes it) and
//! squeezes the paragraph itself into a pause: per frame, a human voice is
//! nearly as far from the synthetic one on the right words as on wrong ones, so
//! the whole path barely prefers the truth. Looked at alone, though, a short
//! paragraph's synthetic speech often does find its own audio: [`best_match`]
//! slides it over [`WINDOW_MS`] of audio each side of its placement
//! (subsequence DTW: open start and end, slope between ½ and 2) and compares
//! the best match's mean distance with the median over every place it could
//! end (what matching that text anywhere near costs). A match clearly below
//! that ([`DISTINCT_BELOW`]) that starts [`MOVED_FROM_MS`] or more from the
//! placement and lies mostly outside it becomes an anchor: the segment is fixed
//! there, and the stretches between anchors are aligned again ([`super::align`]
//! does it when the user set no pins; pins are anchors enough).
//!
//! Measured on the human episode (`make-episode.py --human --repeat 3`, five
//! variants): right matches scored 0.70–0.82, wrong ones (long paragraphs, whose
//! reader's slow pace the slope limit does not allow, and the paragraph never
//! spoken) 0.85–0.93; one wrong match (two words matched inside an ad of spoken
//! numbers, 0.78) lay inside the segment's own placement, which is why a match
//! must lie mostly outside it. On the synthetic episodes the first pass is
//! right, no match moves, and nothing changes.

use std::sync::atomic::{AtomicBool, Ordering};

use super::dtw::Ends;
use super::features::{distance, Features, HOP_MS};
use super::run::Chunk;
use super::snap::Bounds;
use super::synth::SpokenSpan;
use super::AlignError;

/// How far each side of a segment's placement its own match is looked for.
pub const WINDOW_MS: u64 = 12_000;
/// Segments with fewer synthetic frames than this are not anchored (a word or
/// two matches too many places).
pub const MIN_FRAMES: usize = 40;
/// A best match whose mean distance is below this share of the local median is
/// distinctive.
pub const DISTINCT_BELOW: f32 = 0.835;
/// A match that far from the path's placement (start or end) moves the segment.
pub const MOVED_FROM_MS: u64 = 750;

/// Where a segment's synthetic speech matches best in a stretch of audio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// The first audio frame of the match (of the rows given).
    pub start: usize,
    /// One past its last audio frame.
    pub end: usize,
    /// Its mean distance over the best match's cells, divided by the median
    /// over every end row of the best match ending there.
    pub ratio: f32,
}

/// The best placement of all of `columns` (a segment's synthetic speech) inside
/// `rows` (audio), by subsequence DTW with the slope held between ½ and 2 (steps
/// (1,1), (1,2) and (2,1), each weighing the distance it reaches by the frames
/// it advances, so the mean is over rows plus columns spanned): without a limit,
/// the cheapest "match" squeezed a whole paragraph onto a few neutral frames.
/// `None` when either is empty or the rows are fewer than half the columns.
pub fn best_match(rows: &Features, columns: &Features) -> Option<Match> {
    let (n, m) = (rows.len(), columns.len());
    if n == 0 || m == 0 || n * 2 < m {
        return None;
    }
    // Cost and start row of the best path to each cell of the two previous
    // rows and the current one.
    let unreached = (f32::INFINITY, 0usize);
    let mut before = vec![unreached; m];
    let mut previous = vec![unreached; m];
    let mut current = vec![unreached; m];
    // Per end row: the mean cost and the start row.
    let mut ends: Vec<(f32, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        let frame = rows.frame(i);
        for j in 0..m {
            let d = distance(frame, columns.frame(j));
            let mut best = if j == 0 { (2.0 * d, i) } else { unreached };
            let mut consider = |(cost, start): (f32, usize), weight: f32| {
                if cost + weight * d < best.0 {
                    best = (cost + weight * d, start);
                }
            };
            if j >= 1 {
                consider(previous[j - 1], 2.0);
                consider(before[j - 1], 3.0);
            }
            if j >= 2 {
                consider(previous[j - 2], 3.0);
            }
            current[j] = best;
        }
        let (cost, start) = current[m - 1];
        ends.push((cost / (i + 1 - start + m) as f32, start));
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let mut sorted: Vec<f32> = ends.iter().map(|e| e.0).filter(|c| c.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    let middle = sorted.len() / 2;
    let (_, median, _) = sorted.select_nth_unstable_by(middle, f32::total_cmp);
    let median = *median;
    let (end, &(cost, start)) = ends
        .iter()
        .enumerate()
        .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))?;
    let ratio = |c: f32| if median > 0.0 { c / median } else { 1.0 };
    Some(Match {
        start,
        end: end + 1,
        ratio: ratio(cost),
    })
}

/// A segment fixed where its own speech was found: episode frames
/// `audio`.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The segment.
    pub segment: usize,
    /// Its episode frames.
    pub audio: std::ops::Range<usize>,
    /// How distinctive the match was ([`Match::ratio`]).
    pub ratio: f32,
}

/// The synthetic frames of a span: `start..end`, rounded outwards.
fn synth_frames(span: &SpokenSpan, limit: usize) -> std::ops::Range<usize> {
    let start = ((span.start_ms / HOP_MS as f64) as usize).min(limit);
    let end = ((span.end_ms / HOP_MS as f64).ceil() as usize).clamp(start, limit);
    start..end
}

/// The anchors of a first pass's `bounds`: segments of at least [`MIN_FRAMES`]
/// whose distinctive match lies [`MOVED_FROM_MS`] or more from their placement,
/// in order and not overlapping (of two that clash, the more distinctive stays).
pub fn find_anchors(
    bounds: &[Bounds],
    spans: &[SpokenSpan],
    audio: &Features,
    synth: &Features,
    cancel: &AtomicBool,
) -> Result<Vec<Anchor>, AlignError> {
    let window = (WINDOW_MS / HOP_MS) as usize;
    let frame = |ms: u64| (ms / HOP_MS) as usize;
    let mut anchors: Vec<Anchor> = Vec::new();
    for (k, (b, span)) in bounds.iter().zip(spans).enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let columns = synth_frames(span, synth.len());
        if columns.len() < MIN_FRAMES {
            continue;
        }
        let from = frame(b.start_ms).saturating_sub(window).min(audio.len());
        let to = (frame(b.end_ms) + window).min(audio.len()).max(from);
        let rows = audio.slice(from, to);
        let Some(found) = best_match(&rows, &synth.slice(columns.start, columns.end)) else {
            continue;
        };
        let (start, end) = (from + found.start, from + found.end);
        let (start_ms, end_ms) = (start as u64 * HOP_MS, end as u64 * HOP_MS);
        let inside = end_ms
            .min(b.end_ms)
            .saturating_sub(start_ms.max(b.start_ms));
        let moved =
            start_ms.abs_diff(b.start_ms) >= MOVED_FROM_MS && inside * 2 < end_ms - start_ms;
        if found.ratio >= DISTINCT_BELOW || !moved {
            continue;
        }
        let anchor = Anchor {
            segment: k,
            audio: start..end,
            ratio: found.ratio,
        };
        match anchors.last() {
            Some(last) if last.audio.end > start => {
                if anchor.ratio < last.ratio {
                    anchors.pop();
                    anchors.push(anchor);
                }
            }
            _ => anchors.push(anchor),
        }
    }
    Ok(anchors)
}

/// The chunks of a pass between `anchors`: each anchor a chunk of its own, its
/// ends fixed, and the stretches between them (the first may leave out audio at
/// its start, the last at its end).
pub(super) fn anchored_chunks(
    anchors: &[Anchor],
    spans: &[SpokenSpan],
    audio_frames: usize,
    synth_frames_total: usize,
) -> Vec<Chunk> {
    let mut chunks = Vec::with_capacity(anchors.len() * 2 + 1);
    let (mut segment, mut audio_at, mut synth_at) = (0, 0, 0);
    let fixed = Ends {
        skip_start: false,
        skip_end: false,
    };
    for anchor in anchors {
        let columns = synth_frames(&spans[anchor.segment], synth_frames_total);
        chunks.push(Chunk {
            segments: segment..anchor.segment,
            audio: audio_at..anchor.audio.start.max(audio_at),
            synth: synth_at..columns.start.max(synth_at),
            ends: Ends {
                skip_start: audio_at == 0,
                skip_end: false,
            },
            pinned_start: None,
        });
        let audio_start = anchor.audio.start.max(audio_at);
        chunks.push(Chunk {
            segments: anchor.segment..anchor.segment + 1,
            audio: audio_start..anchor.audio.end.max(audio_start),
            synth: columns.start.max(synth_at)..columns.end.max(synth_at),
            ends: fixed,
            pinned_start: None,
        });
        segment = anchor.segment + 1;
        audio_at = anchor.audio.end.max(audio_start);
        synth_at = columns.end.max(synth_at);
    }
    chunks.push(Chunk {
        segments: segment..spans.len(),
        audio: audio_at..audio_frames.max(audio_at),
        synth: synth_at..synth_frames_total.max(synth_at),
        ends: Ends {
            skip_start: audio_at == 0,
            skip_end: true,
        },
        pinned_start: None,
    });
    chunks
}

#[cfg(test)]
mod tests {
    use super::super::features::COEFFICIENTS;
    use super::*;

    /// A pseudo-random pattern per token.
    fn sequence(tokens: &[usize]) -> Features {
        let noise = |t: usize, c: usize| {
            let mut x = (t as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (c as u64 + 1);
            x ^= x >> 29;
            x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
            x ^= x >> 32;
            (x % 1_000) as f32 / 100.0
        };
        Features::from_values(
            tokens
                .iter()
                .flat_map(|&t| (0..COEFFICIENTS).map(move |c| noise(t, c)))
                .collect(),
        )
    }

    #[test]
    fn a_stretched_copy_is_found_among_other_sounds() {
        let text: Vec<usize> = (0..60).map(|i| i / 3 + 100).collect();
        let mut audio: Vec<usize> = (0..200).map(|i| i % 13).collect();
        audio.extend((0..90).map(|i| i / 2 + 100)); // rows 200..290, slower
        audio.extend((0..200).map(|i| (i * 5) % 17));
        let found = best_match(&sequence(&audio), &sequence(&text)).expect("a match");
        assert!(found.start.abs_diff(200) <= 2, "{found:?}");
        assert!(found.end.abs_diff(290) <= 3, "{found:?}");
        assert!(found.ratio < DISTINCT_BELOW, "{found:?}");
    }

    #[test]
    fn too_little_audio_is_no_match() {
        assert_eq!(best_match(&sequence(&[1; 5]), &sequence(&[1; 40])), None);
    }
}
