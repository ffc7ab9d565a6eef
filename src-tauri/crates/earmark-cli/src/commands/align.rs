//! `earmark-cli align AUDIO TRANSCRIPT`: the transcript with every segment placed
//! on the audio, offline, by the same use-case as the window's
//! (`earmark_api::align`: a transcript timed by the paragraph is cut into sentences
//! first; needs the espeak-ng program).
//!
//! JSON: the `transcript parse` document (docs/cli.md) with the times filled in,
//! and two fields added per segment — `"confidence"` (0 to 1) and `"flagged"`
//! (true where text and audio do not seem to match) — plus `"unmatched"`: the
//! stretches of audio no text was matched to, `[{"start_ms", "end_ms"}]`.
//!
//! With `--fix-drift` the transcript's own times are kept and checked instead
//! (`earmark_align::drift`): each segment is moved by the offset found at
//! its place, so an ad inserted into the audio after the transcript was made is
//! corrected. The document then adds `"offset_ms"` per segment (how far it was
//! moved) and `"drift"`: `{"offset_ms", "steps": [{"segment", "given_ms",
//! "at_ms", "shift_ms"}], "measured"}`. `--nudge MS` then moves the whole
//! transcript by MS (negative: earlier).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use earmark_align::{nudge, DriftStep, Stretch, Voice};
use earmark_api::align::{align_to_audio, fix_drift_on_audio, Stage};
use earmark_core::library::read_transcript;
use earmark_core::transcript::{Pin, Segment, TranscriptFormat};
use serde::Serialize;

use crate::report::{clock, one_line, CliError, Report};

/// Arguments of `align`.
#[derive(Debug, clap::Args)]
pub struct AlignArgs {
    /// The episode's audio file.
    audio: PathBuf,
    /// The transcript file (any format; its times, if any, are replaced).
    transcript: PathBuf,
    /// A fixed point: segment INDEX (from 0) starts at MS milliseconds. Repeatable.
    #[arg(long = "pin", value_name = "INDEX=MS", value_parser = parse_pin)]
    pins: Vec<Pin>,
    /// The espeak-ng voice the text is spoken with (the transcript's language).
    #[arg(long, default_value = "en-us")]
    voice: String,
    /// Keep the transcript's own times and correct where they are off against
    /// the audio (an ad inserted after the transcript was made).
    #[arg(long)]
    fix_drift: bool,
    /// With --fix-drift: then move the whole transcript by MS milliseconds
    /// (negative: earlier).
    #[arg(
        long,
        value_name = "MS",
        requires = "fix_drift",
        allow_hyphen_values = true
    )]
    nudge: Option<i64>,
    /// The transcript stops before the audio does (its web page cut it off): the
    /// rest of the audio is left out and reported as unmatched.
    #[arg(long, conflicts_with = "fix_drift")]
    cut_off: bool,
    /// Print progress on stderr.
    #[arg(long)]
    progress: bool,
}

/// One aligned segment in the JSON document: the transcript model's fields, then
/// the aligner's.
#[derive(Debug, Serialize)]
struct AlignedSegmentJson<'a> {
    #[serde(flatten)]
    segment: &'a Segment,
    confidence: f32,
    flagged: bool,
    /// With --fix-drift: how far (ms) this segment was moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    offset_ms: Option<i64>,
}

/// What `--fix-drift` found.
#[derive(Debug, Serialize)]
struct DriftJson<'a> {
    offset_ms: i64,
    steps: &'a [DriftStep],
    measured: usize,
}

/// The `align --json` document.
#[derive(Debug, Serialize)]
struct AlignedTranscript<'a> {
    format: TranscriptFormat,
    timed: bool,
    segments: Vec<AlignedSegmentJson<'a>>,
    unmatched: &'a [Stretch],
    #[serde(skip_serializing_if = "Option::is_none")]
    drift: Option<DriftJson<'a>>,
}

/// Aligns the transcript to the audio and prints it.
pub fn run(args: &AlignArgs, out: &Report) -> Result<(), CliError> {
    let transcript = read_transcript(&args.transcript)?;
    let voice = Voice {
        name: args.voice.clone(),
        ..Voice::default()
    };
    let never = AtomicBool::new(false);
    let mut last_percent = None;
    let mut report = |stage: Stage, done: f32| {
        let percent = (done * 100.0) as u32;
        if args.progress && last_percent != Some(percent) {
            eprintln!("{} {percent}%", stage.name());
            last_percent = Some(percent);
        }
    };
    let (timed, alignment, fix) = if args.fix_drift {
        let (fix, alignment) =
            fix_drift_on_audio(&args.audio, &transcript, voice, &never, &mut report)?;
        let moved = nudge(&fix.transcript, args.nudge.unwrap_or(0));
        (moved, alignment, Some(fix.report))
    } else {
        let aligned = align_to_audio(
            &args.audio,
            &transcript,
            &args.pins,
            voice,
            args.cut_off,
            &never,
            &mut report,
        )?;
        (aligned.transcript, aligned.alignment, None)
    };
    let nudged = args.nudge.unwrap_or(0);
    let document = AlignedTranscript {
        format: timed.format,
        timed: timed.timed(),
        segments: timed
            .segments
            .iter()
            .zip(&alignment.segments)
            .enumerate()
            .map(|(k, (segment, aligned))| AlignedSegmentJson {
                segment,
                confidence: aligned.confidence,
                flagged: aligned.flagged,
                offset_ms: fix
                    .as_ref()
                    .and_then(|f| f.offsets_ms.get(k))
                    .map(|o| o + nudged),
            })
            .collect(),
        unmatched: &alignment.unmatched,
        drift: fix.as_ref().map(|f| DriftJson {
            offset_ms: f.offset_ms,
            steps: &f.steps,
            measured: f.measured,
        }),
    };
    out.print(&document, || {
        let steps = document.drift.iter().flat_map(|d| {
            std::iter::once(format!("offset {}", seconds(d.offset_ms))).chain(d.steps.iter().map(
                |s| {
                    format!(
                        "step before segment {} (given {}, now {}): {}",
                        s.segment,
                        clock(s.given_ms),
                        clock(s.at_ms),
                        seconds(s.shift_ms)
                    )
                },
            ))
        });
        steps
            .chain(document.segments.iter().map(segment_line))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `+12.3 s`.
fn seconds(ms: i64) -> String {
    format!("{:+.1} s", ms as f64 / 1000.0)
}

/// `[m:ss] 97% Speaker: text`, with `(not matched)` after the share when flagged.
fn segment_line(aligned: &AlignedSegmentJson<'_>) -> String {
    let segment = aligned.segment;
    let at = clock(segment.start_ms.unwrap_or(0));
    let sure = (aligned.confidence * 100.0).round();
    let flag = if aligned.flagged {
        " (not matched)"
    } else {
        ""
    };
    let text = one_line(&segment.text);
    match &segment.speaker {
        Some(speaker) => format!("[{at}] {sure}%{flag} {speaker}: {text}"),
        None => format!("[{at}] {sure}%{flag} {text}"),
    }
}

/// Reads `INDEX=MS`.
fn parse_pin(value: &str) -> Result<Pin, String> {
    let (index, at) = value
        .split_once('=')
        .ok_or_else(|| format!("\"{value}\" is not INDEX=MS (e.g. 12=61000)"))?;
    Ok(Pin {
        index: index
            .trim()
            .parse()
            .map_err(|_| format!("\"{index}\" is not a segment index"))?,
        start_ms: at
            .trim()
            .parse()
            .map_err(|_| format!("\"{at}\" is not a time in milliseconds"))?,
    })
}
