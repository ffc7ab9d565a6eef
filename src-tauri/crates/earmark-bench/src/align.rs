//! `earmark-cli bench align AUDIO TRANSCRIPT --truth TRUTH.json`: how well and how
//! fast a transcript is aligned, against the known start of each segment.
//!
//! The truth file is the one `tests/fixtures/align/make-episode.py` writes:
//! `{"segments": [{"start_ms" (null: never spoken), …}], "unmatched": [{"start_ms",
//! "end_ms"}]}`. Decoding and measuring the audio is timed apart from aligning;
//! CPU time counts espeak-ng's too. Memory is the process's peak resident size.
//!
//! JSON: `{"audio_ms", "segments", "spoken", "decode_ms", "align_ms", "total_ms",
//! "realtime_x", "cpu_ms", "realtime_cpu_x", "peak_rss_kb", "median_start_error_ms",
//! "p95_start_error_ms", "max_start_error_ms", "unspoken", "unspoken_flagged",
//! "spoken_flagged", "unmatched_ms", "unmatched_found_ms", "words_measured",
//! "median_word_start_error_ms", "p95_word_start_error_ms"}`.
//!
//! Word starts are measured where the truth has them (`"words"`: one start per
//! written word) and the segment itself was placed within 100 ms: placing segments
//! is the start errors' subject, so a misplaced one does not count twice.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use earmark_align::{align, AlignOptions, Stretch};
use earmark_core::library::read_transcript;
use serde::Serialize;

use crate::playback::{children_cpu_ticks, cpu_ticks, memory_kb, TICKS_PER_SECOND};
use earmark_api::analysis::features;
use earmark_cli::report::{CliError, Report};

/// Arguments of `bench align`.
#[derive(Debug, clap::Args)]
pub struct AlignBenchArgs {
    /// The episode's audio file.
    audio: PathBuf,
    /// Its untimed transcript.
    transcript: PathBuf,
    /// The truth: the JSON file written beside the episode by make-episode.py.
    #[arg(long)]
    truth: PathBuf,
}

/// The figures of `bench align`.
#[derive(Debug, Serialize)]
struct AlignReport {
    audio_ms: u64,
    segments: usize,
    spoken: usize,
    decode_ms: f64,
    align_ms: f64,
    total_ms: f64,
    realtime_x: f64,
    cpu_ms: u64,
    realtime_cpu_x: f64,
    peak_rss_kb: u64,
    median_start_error_ms: u64,
    p95_start_error_ms: u64,
    max_start_error_ms: u64,
    unspoken: usize,
    unspoken_flagged: usize,
    spoken_flagged: usize,
    unmatched_ms: u64,
    unmatched_found_ms: u64,
    words_measured: usize,
    median_word_start_error_ms: u64,
    p95_word_start_error_ms: u64,
}

/// The parts of the truth file the benchmark reads.
#[derive(Debug, serde::Deserialize)]
struct Truth {
    segments: Vec<TruthSegment>,
    unmatched: Vec<Stretch>,
}

#[derive(Debug, serde::Deserialize)]
struct TruthSegment {
    start_ms: Option<u64>,
    #[serde(default)]
    words: Vec<u64>,
}

/// Where a word starts within a segment placed within this of its truth.
const PLACED_MS: u64 = 100;

/// The `percent`th percentile of sorted `values` (0 for none).
fn percentile(values: &[u64], percent: usize) -> u64 {
    values
        .get(values.len().saturating_sub(1) * percent / 100)
        .copied()
        .unwrap_or(0)
}

/// |aligned word start − true word start| over the segments placed right.
fn word_start_errors(
    timed: &earmark_core::transcript::Transcript,
    truth: &[TruthSegment],
) -> Vec<u64> {
    let mut errors: Vec<u64> = timed
        .segments
        .iter()
        .zip(truth)
        .filter(|(got, want)| {
            got.start_ms
                .zip(want.start_ms)
                .is_some_and(|(g, w)| g.abs_diff(w) <= PLACED_MS)
        })
        .filter_map(|(got, want)| Some(got.words.as_deref()?.iter().zip(&want.words)))
        .flatten()
        .map(|(word, start)| word.start_ms.abs_diff(*start))
        .collect();
    errors.sort_unstable();
    errors
}

/// Aligns once and prints the figures.
pub fn run(args: &AlignBenchArgs, out: &Report) -> Result<(), CliError> {
    let truth: Truth = std::fs::read_to_string(&args.truth)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
        .map_err(|e| CliError::Message(format!("Could not read {}: {e}.", args.truth.display())))?;
    let transcript = read_transcript(&args.transcript)?;
    if truth.segments.len() != transcript.segments.len() {
        return Err(CliError::Message(format!(
            "The truth has {} segments and the transcript {}.",
            truth.segments.len(),
            transcript.segments.len()
        )));
    }
    let cpu_before = cpu_ticks()? + children_cpu_ticks()?;
    let started = Instant::now();
    let never = AtomicBool::new(false);
    let audio =
        features(&args.audio, &never, &mut |_| {})?.ok_or(earmark_align::AlignError::Cancelled)?;
    let decode_ms = started.elapsed().as_secs_f64() * 1000.0;
    let alignment = align(
        &audio,
        &transcript,
        &AlignOptions::default(),
        &mut |_| {},
        &never,
    )?;
    let total_ms = started.elapsed().as_secs_f64() * 1000.0;
    let cpu_ms = (cpu_ticks()? + children_cpu_ticks()? - cpu_before) * 1000 / TICKS_PER_SECOND;

    let mut errors: Vec<u64> = alignment
        .segments
        .iter()
        .zip(&truth.segments)
        .filter_map(|(got, want)| want.start_ms.map(|w| got.start_ms.abs_diff(w)))
        .collect();
    errors.sort_unstable();
    let at = |percent: usize| percentile(&errors, percent);
    let word_errors = word_start_errors(&alignment.apply(&transcript), &truth.segments);
    let flagged = |spoken: bool| {
        alignment
            .segments
            .iter()
            .zip(&truth.segments)
            .filter(|(got, want)| got.flagged && want.start_ms.is_some() == spoken)
            .count()
    };
    let overlap: u64 = truth
        .unmatched
        .iter()
        .flat_map(|t| {
            alignment.unmatched.iter().map(move |s| {
                s.end_ms
                    .min(t.end_ms)
                    .saturating_sub(s.start_ms.max(t.start_ms))
            })
        })
        .sum();
    let report = AlignReport {
        audio_ms: audio.duration_ms,
        segments: truth.segments.len(),
        spoken: errors.len(),
        decode_ms,
        align_ms: total_ms - decode_ms,
        total_ms,
        realtime_x: audio.duration_ms as f64 / total_ms.max(1.0),
        cpu_ms,
        realtime_cpu_x: audio.duration_ms as f64 / (cpu_ms as f64).max(1.0),
        peak_rss_kb: memory_kb("VmHWM:")?,
        median_start_error_ms: at(50),
        p95_start_error_ms: at(95),
        max_start_error_ms: at(100),
        unspoken: truth.segments.len() - errors.len(),
        unspoken_flagged: flagged(false),
        spoken_flagged: flagged(true),
        unmatched_ms: truth.unmatched.iter().map(|s| s.end_ms - s.start_ms).sum(),
        unmatched_found_ms: overlap,
        words_measured: word_errors.len(),
        median_word_start_error_ms: percentile(&word_errors, 50),
        p95_word_start_error_ms: percentile(&word_errors, 95),
    };
    out.print(&report, || {
        format!(
            "{} segments over {} ms of audio aligned in {:.0} ms ({:.0}x real time; decoding \
             {:.0} ms), {} ms of CPU, peak memory {} KiB; start error median {} ms, p95 {} ms, \
             max {} ms; flagged: {} of {} unspoken, {} of {} spoken; unmatched audio found: \
             {} of {} ms; word start error median {} ms, p95 {} ms over {} words",
            report.segments,
            report.audio_ms,
            report.total_ms,
            report.realtime_x,
            report.decode_ms,
            report.cpu_ms,
            report.peak_rss_kb,
            report.median_start_error_ms,
            report.p95_start_error_ms,
            report.max_start_error_ms,
            report.unspoken_flagged,
            report.unspoken,
            report.spoken_flagged,
            report.spoken,
            report.unmatched_found_ms,
            report.unmatched_ms,
            report.median_word_start_error_ms,
            report.p95_word_start_error_ms,
            report.words_measured
        )
    })
}
