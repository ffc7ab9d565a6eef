//! `earmark-cli bench parse FILE`: how long reading a transcript file takes, from
//! its bytes (decoding, format detection and parsing, as the app does on import).
//!
//! The file is read once, then parsed `--runs` times; the figures are the fastest,
//! median and slowest run. JSON: `{"format", "segments", "timed", "bytes", "runs",
//! "min_ms", "p50_ms", "max_ms"}`.

use std::path::PathBuf;
use std::time::Instant;

use earmark_core::transcript::{parse_bytes, FormatHint, TranscriptFormat};
use serde::Serialize;

use earmark_cli::report::{CliError, Report};

/// Arguments of `bench parse`.
#[derive(Debug, clap::Args)]
pub struct ParseBenchArgs {
    /// The transcript file.
    file: PathBuf,
    /// How many times to parse it.
    #[arg(long, default_value_t = 20)]
    runs: usize,
}

/// The figures of `bench parse`.
#[derive(Debug, Serialize)]
struct ParseReport {
    format: TranscriptFormat,
    segments: usize,
    timed: bool,
    bytes: usize,
    runs: usize,
    min_ms: f64,
    p50_ms: f64,
    max_ms: f64,
}

/// Parses the file `--runs` times and prints the timings.
pub fn run_parse(args: &ParseBenchArgs, out: &Report) -> Result<(), CliError> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| CliError::Message(format!("Could not read {}: {e}.", args.file.display())))?;
    let hint = FormatHint::from_path(&args.file);
    let runs = args.runs.max(1);
    let mut times = Vec::with_capacity(runs);
    let mut parsed = None;
    for _ in 0..runs {
        let started = Instant::now();
        let transcript = parse_bytes(&bytes, hint)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        parsed = Some(transcript);
    }
    let Some(transcript) = parsed else {
        return Err(CliError::Message("Nothing was parsed.".to_string()));
    };
    times.sort_by(f64::total_cmp);
    let report = ParseReport {
        format: transcript.format,
        segments: transcript.segments.len(),
        timed: transcript.timed(),
        bytes: bytes.len(),
        runs,
        min_ms: times[0],
        p50_ms: times[times.len() / 2],
        max_ms: times[times.len() - 1],
    };
    out.print(&report, || {
        format!(
            "{} segments of {} ({} bytes) parsed {} times: min {:.2} ms, median {:.2} ms, max {:.2} ms",
            report.segments,
            report.format,
            report.bytes,
            report.runs,
            report.min_ms,
            report.p50_ms,
            report.max_ms
        )
    })
}
