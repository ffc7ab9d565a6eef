//! [`align`]: a transcript's segments placed on the episode's audio.
//!
//! The steps: speak the transcript with espeak-ng ([`super::synth`]); bring both
//! feature sequences to zero mean and unit variance; make the synthetic pauses
//! sound like the episode's quiet (its background: noise, a music bed), not like
//! espeak-ng's digital silence, so a pause is matched to a pause; cut the problem at the
//! user's pins (each stretch between two pins is aligned on its own, its ends
//! fixed to the pins); warp each stretch ([`super::multiscale`]); take a second
//! look at which segments are spoken and where ([`super::verify`]) and, when it
//! finds text the audio lacks or audio no text matched, warp again with those
//! moves free; read each segment's first and last sound through the path; find
//! the audio no text matched and keep segments out of it, score and flag
//! ([`super::mismatch`]); snap to where the voice starts and stops
//! ([`super::snap`]); check each placed segment with the acoustic model where the
//! language has one ([`super::acoustic`]).

use std::ops::Range;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use super::acoustic::check_placed;
use super::audio::AudioFeatures;
use super::dtw::{Cell, Ends, FreeMoves};
use super::features::HOP_MS;
use super::free::free_moves;
use super::mismatch::{
    keep_out_of_unmatched, length_score, matched_share, median, unmatched_stretches, voiced_ms,
    CostScale, Stretch, FLAG_BELOW,
};
use super::multiscale::multiscale_warp;
use super::snap::{snap_to_speech, Bounds};
use super::synth::{synthesize, SpokenSpan, Voice, SEGMENTS};
use super::verify::{verify, PACE_MIN_FRAMES};
use super::words::time_words;
use super::AlignError;
use crate::loudness::silence_threshold_db;
use earmark_core::transcript::{resolve_pins, Pin, Transcript, Word};

/// The share of the progress bar given to speaking the text (it is fast).
const SYNTH_SHARE: f32 = 0.1;
/// The highest confidence of a segment [`verify`] found no audio for.
const LEFT_OUT_CONFIDENCE: f32 = 0.25;
/// The share of the episode's frames, the quietest, whose mean stands for its
/// background in the synthetic pauses.
const BACKGROUND_SHARE: f32 = 0.15;

/// How to align.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignOptions {
    /// The synthetic voice the text is spoken with.
    pub voice: Voice,
    /// Segments whose start the user fixed, oldest first (contradicting pins are
    /// resolved as [`resolve_pins`] does).
    pub pins: Vec<Pin>,
    /// Whether to time the words too ([`super::words`]); a drift check, which
    /// only moves segments, does without.
    pub words: bool,
    /// The text stops before the audio does (a transcript its page cut off): the
    /// rest of the audio is left out, not spread over the last lines.
    pub cut_off: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            voice: Voice::default(),
            pins: Vec::new(),
            words: true,
            cut_off: false,
        }
    }
}

/// What the aligner is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignStage {
    /// Speaking the transcript with the synthetic voice.
    Synthesizing,
    /// Matching the synthetic speech to the episode.
    Matching,
}

/// How far the alignment has come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlignProgress {
    /// The current step.
    pub stage: AlignStage,
    /// The fraction of the whole work done, 0 to 1, never decreasing.
    pub done: f32,
}

/// One segment's place in the audio.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlignedSegment {
    /// Where it starts, in milliseconds.
    pub start_ms: u64,
    /// Where it ends, in milliseconds.
    pub end_ms: u64,
    /// How sure the aligner is, 0 to 1.
    pub confidence: f32,
    /// True when text and audio do not seem to match here (confidence under
    /// [`FLAG_BELOW`]): a paragraph never spoken, or audio the text lacks.
    pub flagged: bool,
}

/// The result of aligning a transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// One entry per segment of the transcript, in order.
    pub segments: Vec<AlignedSegment>,
    /// Stretches of audio no text was matched to (intro, music, an inserted ad).
    pub unmatched: Vec<Stretch>,
    /// Each segment's word timings ([`super::words`]); `None` for a segment
    /// flagged as not found; empty when [`AlignOptions::words`] was off.
    pub words: Vec<Option<Vec<Word>>>,
}

impl Alignment {
    /// `transcript` with every segment's start and end set from this alignment.
    pub fn apply(&self, transcript: &Transcript) -> Transcript {
        let mut out = transcript.clone();
        for (k, (segment, aligned)) in out.segments.iter_mut().zip(&self.segments).enumerate() {
            segment.start_ms = Some(aligned.start_ms);
            segment.end_ms = Some(aligned.end_ms);
            segment.words = self.words.get(k).cloned().flatten();
        }
        out
    }
}

/// A stretch aligned on its own, between two pins.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    segments: Range<usize>,
    audio: Range<usize>,
    synth: Range<usize>,
    ends: Ends,
    pinned_start: Option<u64>,
}

/// What was read from the path for one segment.
#[derive(Debug, Clone, Copy, Default)]
struct Measured {
    mean_cost: f32,
    audio_frames: f32,
    synth_frames: f32,
    sounded: bool,
}

/// Aligns `transcript` to the audio described by `audio`. `progress` is called as
/// the work advances; setting `cancel` stops it with [`AlignError::Cancelled`].
pub fn align(
    audio: &AudioFeatures,
    transcript: &Transcript,
    options: &AlignOptions,
    progress: &mut dyn FnMut(AlignProgress),
    cancel: &AtomicBool,
) -> Result<Alignment, AlignError> {
    let texts: Vec<&str> = transcript
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    if !texts.iter().any(|t| t.chars().any(char::is_alphanumeric)) {
        return Err(AlignError::NoText);
    }
    if audio.features.len() < 2 {
        return Err(AlignError::NoAudio);
    }
    let synthesis = synthesize(
        &texts,
        &options.voice,
        SEGMENTS,
        &mut |done| {
            progress(AlignProgress {
                stage: AlignStage::Synthesizing,
                done: done * SYNTH_SHARE,
            })
        },
        cancel,
    )?;
    let audio_n = audio.features.normalized();
    let synth_n = synthesis.features.normalized();
    let background = audio_n.quietest_mean(BACKGROUND_SHARE);
    let synth_n = synth_n.with_pauses_as(&sounded_frames(&synthesis.spans), &background);
    let pins = resolve_pins(&options.pins, texts.len(), audio.duration_ms);
    let chunks = chunks(
        &pins,
        &synthesis.spans,
        audio_n.len(),
        synth_n.len(),
        options.cut_off,
    );
    let total_rows: usize = chunks.iter().map(|c| c.audio.len()).sum::<usize>().max(1);
    let mut rows_done = 0;

    let mut bounds = vec![
        Bounds {
            start_ms: 0,
            end_ms: 0,
            pinned: false
        };
        texts.len()
    ];
    let mut measured = vec![Measured::default(); texts.len()];
    let mut unmatched = Vec::new();
    let mut left_out = vec![false; texts.len()];
    for chunk in &chunks {
        let rows = audio_n.slice(chunk.audio.start, chunk.audio.end);
        let columns = synth_n.slice(chunk.synth.start, chunk.synth.end);
        let mut warp_part = |part: f32, free: &FreeMoves| {
            multiscale_warp(
                &rows,
                &columns,
                chunk.ends,
                free,
                &mut |done| {
                    let share = (rows_done as f32 + (part + done) / 2.0 * chunk.audio.len() as f32)
                        / total_rows as f32;
                    progress(AlignProgress {
                        stage: AlignStage::Matching,
                        done: SYNTH_SHARE + (1.0 - SYNTH_SHARE) * share,
                    })
                },
                cancel,
            )
        };
        // The warp; then a second look at which segments are spoken and where,
        // and where it finds text the audio lacks or audio no text matched, the
        // warp again with those moves free.
        let segment_frames = chunk_frames(chunk, &synthesis.spans);
        let mut free = FreeMoves::default();
        let mut path = Vec::new();
        for pass in 0..2 {
            path = warp_part(pass as f32, &free)?;
            read_segments(
                chunk,
                &path,
                columns.len(),
                &synthesis.spans,
                &mut bounds,
                &mut measured,
            );
            if pass == 1 {
                break;
            }
            let placed: Vec<Range<usize>> = chunk
                .segments
                .clone()
                .map(|k| frame_of(bounds[k].start_ms, chunk)..frame_of(bounds[k].end_ms, chunk) + 1)
                .collect();
            let verdict = verify(&rows, &columns, &segment_frames, &placed, cancel)?;
            for ((k, found), frames) in chunk.segments.clone().zip(&verdict).zip(&segment_frames) {
                left_out[k] = found.is_none() && !frames.is_empty();
            }
            let pauses: Vec<Range<usize>> = audio
                .pauses
                .iter()
                .map(|p| frame_of(p.start_ms, chunk)..frame_of(p.end_ms, chunk))
                .filter(|p| !p.is_empty())
                .collect();
            free = free_moves(
                &verdict,
                &segment_frames,
                rows.len(),
                columns.len(),
                &pauses,
            );
            if free.is_empty() {
                break;
            }
        }
        rows_done += chunk.audio.len();
        unmatched.extend(unmatched_stretches(
            &path,
            chunk.audio.start,
            rows.len(),
            &audio.pauses,
        ));
    }

    let segment_costs: Vec<f32> = measured
        .iter()
        .filter(|m| m.sounded)
        .map(|m| m.mean_cost)
        .collect();
    let scale = CostScale::measure(&segment_costs, &audio_n, &synth_n);
    let pace = median(
        measured
            .iter()
            .filter(|m| m.synth_frames >= PACE_MIN_FRAMES as f32)
            .map(|m| m.audio_frames / m.synth_frames)
            .collect(),
    )
    .unwrap_or(1.0);
    keep_out_of_unmatched(&mut bounds, &unmatched);
    snap_to_speech(&mut bounds, &audio.loudness);
    let loud_from = silence_threshold_db(&audio.loudness);
    let mut segments = bounds
        .iter()
        .zip(&measured)
        .zip(&left_out)
        .map(|((b, m), left_out)| {
            let end_ms = b.end_ms.min(audio.duration_ms).max(b.start_ms);
            let matched = matched_share(b.start_ms, end_ms, &unmatched);
            let voiced = voiced_ms(&audio.loudness, loud_from, b.start_ms, end_ms) as f32;
            let confidence = if m.sounded {
                let score = scale.score(m.mean_cost)
                    * length_score(voiced, m.synth_frames * HOP_MS as f32 * pace)
                    * matched;
                if *left_out {
                    score.min(LEFT_OUT_CONFIDENCE)
                } else {
                    score
                }
            } else {
                0.0
            };
            AlignedSegment {
                start_ms: b.start_ms,
                end_ms,
                confidence,
                flagged: confidence < FLAG_BELOW,
            }
        })
        .collect::<Vec<AlignedSegment>>();
    check_placed(
        &audio.cepstra,
        &texts,
        &mut segments,
        &options.voice.name,
        cancel,
    )?;
    let words = if options.words {
        time_words(&audio_n, &texts, &segments, &options.voice, cancel)?
    } else {
        Vec::new()
    };
    progress(AlignProgress {
        stage: AlignStage::Matching,
        done: 1.0,
    });
    Ok(Alignment {
        segments,
        unmatched,
        words,
    })
}

/// The stretches to align on their own: one per pin, plus one before the first
/// pin unless segment 0 is pinned.
fn chunks(
    pins: &[Pin],
    spans: &[SpokenSpan],
    audio_frames: usize,
    synth_frames: usize,
    open_end: bool,
) -> Vec<Chunk> {
    let frame = |ms: f64, limit: usize| ((ms / HOP_MS as f64) as usize).min(limit);
    let mut starts: Vec<(usize, Option<u64>)> = Vec::with_capacity(pins.len() + 1);
    if pins.first().is_none_or(|p| p.index != 0) {
        starts.push((0, None));
    }
    starts.extend(pins.iter().map(|p| (p.index, Some(p.start_ms))));
    starts
        .iter()
        .enumerate()
        .map(|(k, &(segment, at))| {
            let next = starts.get(k + 1).copied();
            let audio_start = at.map_or(0, |ms| frame(ms as f64, audio_frames));
            let audio_end = next.map_or(audio_frames, |(_, ms)| {
                frame(ms.unwrap_or(0) as f64, audio_frames)
            });
            let synth_start = at.map_or(0, |_| frame(spans[segment].start_ms, synth_frames));
            let synth_end = next.map_or(synth_frames, |(s, _)| {
                frame(spans[s].start_ms, synth_frames)
            });
            Chunk {
                segments: segment..next.map_or(spans.len(), |(s, _)| s),
                audio: audio_start..audio_end.max(audio_start),
                synth: synth_start..synth_end.max(synth_start),
                ends: Ends {
                    skip_start: at.is_none(),
                    skip_end: next.is_none(),
                    open_end: next.is_none() && open_end,
                },
                pinned_start: at,
            }
        })
        .collect()
}

/// The synthetic frames that hold each segment's sound.
fn sounded_frames(spans: &[SpokenSpan]) -> Vec<Range<usize>> {
    spans
        .iter()
        .map(|span| {
            let start = (span.start_ms / HOP_MS as f64) as usize;
            start..((span.end_ms / HOP_MS as f64).ceil() as usize).max(start)
        })
        .collect()
}

/// The synthetic frames of each segment of `chunk`, counted from the chunk's.
fn chunk_frames(chunk: &Chunk, spans: &[SpokenSpan]) -> Vec<Range<usize>> {
    let frame = |ms: f64| ((ms / HOP_MS as f64) as usize).saturating_sub(chunk.synth.start);
    let limit = chunk.synth.len();
    spans[chunk.segments.clone()]
        .iter()
        .map(|span| {
            let start = frame(span.start_ms).min(limit);
            start..frame(span.end_ms).clamp(start, limit)
        })
        .collect()
}

/// The audio frame of `ms`, counted from `chunk`'s first.
fn frame_of(ms: u64, chunk: &Chunk) -> usize {
    ((ms / HOP_MS) as usize)
        .saturating_sub(chunk.audio.start)
        .min(chunk.audio.len())
}

/// Reads the segments of `chunk` through its warping path: bounds and measures.
fn read_segments(
    chunk: &Chunk,
    path: &[(Cell, f32)],
    columns: usize,
    spans: &[SpokenSpan],
    bounds: &mut [Bounds],
    measured: &mut [Measured],
) {
    let audio_ms = |row: usize| (chunk.audio.start + row) as u64 * HOP_MS;
    // The first and last episode frame matched to each synthetic frame.
    let mut first = vec![usize::MAX; columns];
    let mut last = vec![0usize; columns];
    let mut cost_sum = vec![0.0f32; columns];
    let mut cost_count = vec![0u32; columns];
    for &((row, column), cost) in path {
        first[column] = first[column].min(row);
        last[column] = last[column].max(row);
        cost_sum[column] += cost;
        cost_count[column] += 1;
    }
    // Columns the path did not reach take their neighbour's rows.
    let mut carried = 0;
    for column in 0..columns {
        if first[column] == usize::MAX {
            (first[column], last[column]) = (carried, carried);
        }
        carried = last[column];
    }
    for k in chunk.segments.clone() {
        let span = spans[k];
        let pinned = chunk.pinned_start.filter(|_| k == chunk.segments.start);
        if columns == 0 {
            let at = audio_ms(0);
            bounds[k] = Bounds {
                start_ms: pinned.unwrap_or(at),
                end_ms: at,
                pinned: pinned.is_some(),
            };
            continue;
        }
        let column_of = |ms: f64| {
            ((ms / HOP_MS as f64) as usize)
                .saturating_sub(chunk.synth.start)
                .min(columns - 1)
        };
        // Time past the start of the frame it falls in.
        let within = |ms: f64, column: usize| {
            (ms - ((chunk.synth.start + column) as u64 * HOP_MS) as f64).clamp(0.0, HOP_MS as f64)
                as u64
        };
        let start_column = column_of(span.start_ms);
        let end_column = column_of((span.end_ms - 1.0).max(span.start_ms));
        let start_ms = audio_ms(first[start_column]) + within(span.start_ms, start_column);
        let end_ms = audio_ms(last[end_column]) + within(span.end_ms, end_column);
        bounds[k] = Bounds {
            start_ms: pinned.unwrap_or(start_ms),
            end_ms,
            pinned: pinned.is_some(),
        };
        let (sum, count) = (start_column..=end_column.max(start_column))
            .fold((0.0, 0u32), |(s, c), col| {
                (s + cost_sum[col], c + cost_count[col])
            });
        measured[k] = Measured {
            mean_cost: if count > 0 { sum / count as f32 } else { 0.0 },
            audio_frames: (last[end_column] + 1).saturating_sub(first[start_column]) as f32,
            synth_frames: (end_column + 1).saturating_sub(start_column) as f32,
            sounded: span.end_ms > span.start_ms,
        };
    }
}
