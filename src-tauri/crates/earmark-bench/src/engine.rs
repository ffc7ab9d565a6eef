//! `earmark-bench seek AUDIO`, `decode`, `play`, `stretch`, `parse`, `align` and
//! `scaling`: the playback engine's figures, measured through the same decoder the app
//! plays with, and the parsers' and the aligner's.
//!
//! - `seek` opens the file (timing the first open, which builds the MP3 seek
//!   index, and a second open that reuses it), then seeks to random frames in random
//!   order (so forwards and backwards), each seek timed up to the first decoded samples
//!   at the target. With `--verify N` it also decodes the file once straight through and
//!   checks that N of the seeks returned exactly the samples of that continuous decode.
//! - `decode` decodes the whole file, opening included.
//! - `play` and `stretch`: see [`crate::playback`].

use std::path::{Path, PathBuf};
use std::time::Instant;

use earmark_player::{MediaDecoder, PlayerError};
use serde::Serialize;

use crate::playback;
use earmark_cli::report::{CliError, Report};

/// Frames compared per verified seek.
const VERIFY_FRAMES: usize = 1_024;

/// The engine's, the parsers' and the aligner's benchmarks.
#[derive(Debug, clap::Subcommand)]
pub enum Bench {
    /// Time parsing a transcript file (decoding, detection and parsing).
    ///
    /// JSON: {"format", "segments", "timed", "bytes", "runs", "min_ms", "p50_ms",
    /// "max_ms"}.
    Parse(crate::transcript::ParseBenchArgs),
    /// Align a transcript to its audio and measure it against the known starts.
    ///
    /// JSON: {"audio_ms", "segments", "spoken", "decode_ms", "align_ms", "total_ms",
    /// "realtime_x", "cpu_ms", "realtime_cpu_x", "peak_rss_kb",
    /// "median_start_error_ms", "p95_start_error_ms", "max_start_error_ms",
    /// "unspoken", "unspoken_flagged", "spoken_flagged", "unmatched_ms",
    /// "unmatched_found_ms"}.
    Align(crate::align::AlignBenchArgs),
    /// Every parser of outside input at n and 10n elements and nesting levels:
    /// 10x the input must cost at most 12x the time.
    ///
    /// JSON: {"base", "runs", "cases": [{"parser", "shape", "small", "large",
    /// "small_bytes", "large_bytes", "small_ms", "large_ms", "ratio", "linear"}],
    /// "all_linear"}.
    Scaling(crate::scaling::ScalingBenchArgs),
    /// Time random seeks (forwards and backwards), each up to the first samples.
    Seek {
        /// The audio file.
        audio: PathBuf,
        /// How many seeks.
        #[arg(long, default_value_t = 500)]
        seeks: usize,
        /// Seed of the random positions (the same seed gives the same positions).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Check this many seeks against one continuous decode of the whole file.
        #[arg(long, default_value_t = 0)]
        verify: usize,
    },
    /// Time a full decode of the file.
    Decode {
        /// The audio file.
        audio: PathBuf,
    },
    /// Play the file through the engine as fast as it goes; memory and CPU figures.
    Play {
        /// The audio file.
        audio: PathBuf,
        /// Play only this many seconds (default: all of it).
        #[arg(long)]
        seconds: Option<u64>,
        /// Playback speed (0.5–3.0).
        #[arg(long, default_value_t = 1.0)]
        speed: f32,
        /// Skip long silences.
        #[arg(long)]
        skip_silence: bool,
    },
    /// Time the pitch-preserving stretcher alone over the decoded file.
    Stretch {
        /// The audio file.
        audio: PathBuf,
        /// Stretch only the first this many seconds (default: all of it).
        #[arg(long)]
        seconds: Option<u64>,
        /// Speeds to time, comma-separated.
        #[arg(long, value_delimiter = ',', default_values_t = [1.0, 1.5, 2.0, 3.0])]
        speeds: Vec<f32>,
    },
}

#[derive(Debug, Serialize)]
struct SeekReport {
    seeks: usize,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    /// First open, MP3 seek index built by the scan.
    open_ms: f64,
    /// Second open with the index from the first (as the app does with its cache).
    open_cached_ms: f64,
    /// Size of the serialized MP3 seek index (0 for other formats).
    index_bytes: usize,
    /// Seeks compared with the continuous decode, and whether all were exact.
    verified: usize,
    exact: bool,
}

#[derive(Debug, Serialize)]
struct DecodeReport {
    frames: u64,
    ms: f64,
    /// Length of the audio, in milliseconds.
    audio_ms: u64,
    /// How many times faster than real time.
    speed: f64,
}

/// Runs the chosen benchmark and prints its figures.
pub fn run(bench: &Bench, out: &Report) -> Result<(), CliError> {
    match bench {
        Bench::Parse(parse) => crate::transcript::run_parse(parse, out),
        Bench::Align(args) => crate::align::run(args, out),
        Bench::Scaling(args) => crate::scaling::run(args, out),
        Bench::Seek {
            audio,
            seeks,
            seed,
            verify,
        } => {
            let report = bench_seek(audio, *seeks, *seed, *verify)?;
            out.print(&report, || {
                format!(
                    "{} seeks: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; open {:.1} ms \
                     ({:.1} ms with the cached index); {} of them verified exact: {}",
                    report.seeks,
                    report.p50_ms,
                    report.p95_ms,
                    report.max_ms,
                    report.open_ms,
                    report.open_cached_ms,
                    report.verified,
                    report.exact
                )
            })
        }
        Bench::Play {
            audio,
            seconds,
            speed,
            skip_silence,
        } => {
            let report = playback::bench_play(audio, *seconds, *speed, *skip_silence)?;
            out.print(&report, || {
                format!(
                    "played {} ms at {}x in {:.0} ms ({:.0}x real time, {} ms of CPU); \
                     resident memory {} KiB before, {} KiB after ({:+.1} MB), peak {} KiB",
                    report.audio_ms,
                    report.speed,
                    report.wall_ms,
                    report.realtime_x,
                    report.cpu_ms,
                    report.rss_before_kb,
                    report.rss_after_kb,
                    report.rss_added_mb,
                    report.rss_peak_kb
                )
            })
        }
        Bench::Stretch {
            audio,
            seconds,
            speeds,
        } => {
            let report = playback::bench_stretch(audio, *seconds, speeds)?;
            out.print(&report, || {
                let runs: Vec<String> = report
                    .runs
                    .iter()
                    .map(|r| {
                        format!(
                            "{}x: {:.0} ms ({:.0}x real time)",
                            r.speed, r.ms, r.realtime_x
                        )
                    })
                    .collect();
                format!(
                    "stretched {} ms of audio: {}",
                    report.audio_ms,
                    runs.join("; ")
                )
            })
        }
        Bench::Decode { audio } => {
            let report = bench_decode(audio)?;
            out.print(&report, || {
                format!(
                    "decoded {} frames ({} ms of audio) in {:.1} ms: {:.0}x real time",
                    report.frames, report.audio_ms, report.ms, report.speed
                )
            })
        }
    }
}

fn bench_seek(path: &Path, seeks: usize, seed: u64, verify: usize) -> Result<SeekReport, CliError> {
    let started = Instant::now();
    let (_, index) = MediaDecoder::open_with_index(path, None)?;
    let open_ms = ms_since(started);
    let index_bytes = index.as_ref().map_or(0, |i| i.to_bytes().len());
    let started = Instant::now();
    let (mut decoder, _) = MediaDecoder::open_with_index(path, index)?;
    let open_cached_ms = ms_since(started);
    let frames = decoder.info().frames;
    if frames == 0 {
        return Err(CliError::Message(format!(
            "{} has no audio to seek in",
            path.display()
        )));
    }
    let mut random = XorShift::new(seed);
    let targets: Vec<u64> = (0..seeks).map(|_| random.below(frames)).collect();
    let mut times = Vec::with_capacity(seeks);
    let mut buf = Vec::with_capacity(1 << 16);
    for &target in &targets {
        buf.clear();
        let started = Instant::now();
        decoder.seek_to_frame(target)?;
        decoder.decode_next(&mut buf)?;
        times.push(ms_since(started));
    }
    let verified = verify.min(targets.len());
    let exact = verified == 0 || verify_seeks(path, &mut decoder, &targets[..verified])?;
    times.sort_by(f64::total_cmp);
    Ok(SeekReport {
        seeks,
        p50_ms: percentile(&times, 0.50),
        p95_ms: percentile(&times, 0.95),
        max_ms: times.last().copied().unwrap_or(0.0),
        open_ms,
        open_cached_ms,
        index_bytes,
        verified,
        exact,
    })
}

/// Decodes `path` once straight through, keeping the frames at each target, and checks
/// that seeking to each target returns exactly those.
fn verify_seeks(
    path: &Path,
    decoder: &mut MediaDecoder,
    targets: &[u64],
) -> Result<bool, PlayerError> {
    let channels = usize::from(decoder.info().channels);
    let frames = decoder.info().frames;
    let wanted = |t: u64| VERIFY_FRAMES.min((frames - t) as usize) * channels;
    let mut order: Vec<u64> = targets.to_vec();
    order.sort_unstable();
    let mut reference: Vec<(u64, Vec<f32>)> = order.iter().map(|&t| (t, Vec::new())).collect();
    let mut continuous = MediaDecoder::open(path)?;
    let mut buf = Vec::with_capacity(1 << 16);
    let mut at = 0u64;
    while continuous.decode_next(&mut buf)? {
        let got = (buf.len() / channels) as u64;
        for (t, samples) in reference.iter_mut() {
            let need = wanted(*t) / channels;
            let have = samples.len() / channels;
            // The next frame this target still needs, if it is in this chunk.
            let next = *t + have as u64;
            if have >= need || next < at || next >= at + got {
                continue;
            }
            let from = (next - at) as usize;
            let take = (need - have).min(got as usize - from);
            samples.extend_from_slice(&buf[from * channels..(from + take) * channels]);
        }
        at += got;
        buf.clear();
    }
    let mut out = Vec::new();
    for (t, reference) in &reference {
        out.clear();
        decoder.seek_to_frame(*t)?;
        while out.len() < reference.len() && decoder.decode_next(&mut out)? {}
        if out.len() < reference.len() || out[..reference.len()] != reference[..] {
            return Ok(false);
        }
    }
    Ok(true)
}

fn bench_decode(path: &Path) -> Result<DecodeReport, CliError> {
    let started = Instant::now();
    let mut decoder = MediaDecoder::open(path)?;
    let channels = u64::from(decoder.info().channels);
    let mut buf = Vec::with_capacity(1 << 16);
    let mut samples = 0u64;
    while decoder.decode_next(&mut buf)? {
        samples += buf.len() as u64;
        buf.clear();
    }
    let ms = ms_since(started);
    let info = decoder.info();
    Ok(DecodeReport {
        frames: samples / channels,
        ms,
        audio_ms: info.duration_ms,
        speed: if ms > 0.0 {
            info.duration_ms as f64 / ms
        } else {
            0.0
        },
    })
}

fn ms_since(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// The `q` quantile of sorted `times` (nearest rank).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// A small, seedable pseudo-random generator (xorshift64*), for repeatable positions.
#[derive(Debug)]
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let times: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&times, 0.5), 50.0);
        assert_eq!(percentile(&times, 0.95), 95.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn random_positions_repeat_with_the_seed() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut r = XorShift::new(7);
                move |_| r.below(1000)
            })
            .collect();
        let mut r = XorShift::new(7);
        let b: Vec<u64> = (0..5).map(|_| r.below(1000)).collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 1000));
    }
}
