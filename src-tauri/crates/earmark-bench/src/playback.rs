//! `earmark-cli bench play AUDIO` and `earmark-cli bench stretch AUDIO`: what playing
//! costs, measured through the engine the app plays with.
//!
//! - `bench play` plays the file (or its first `--seconds`) through the engine into an
//!   output that takes samples as fast as they come (no sound card, no pacing), and
//!   reports the resident memory before and after, so a 3-hour episode shows whether
//!   playing holds on to anything, and how many times faster than real time it went.
//! - `bench stretch` decodes the file once, then times the pitch-preserving stretcher
//!   alone over it at each speed asked for.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use earmark_player::{decode_all, probe, stretch_all, OutputKind, Player, PlayerEvent};
use serde::Serialize;

use earmark_cli::report::CliError;

/// Longest wait for the engine to report between two clock readings.
const EVENT_TIMEOUT: Duration = Duration::from_secs(60);
/// Linux reports process CPU time in ticks of 1/100 s (`CLK_TCK`).
pub(super) const TICKS_PER_SECOND: u64 = 100;

/// Figures of `bench play`.
#[derive(Debug, Serialize)]
pub struct PlayReport {
    /// Media played, in milliseconds.
    pub audio_ms: u64,
    /// Playback speed.
    pub speed: f32,
    /// Whether long silences were skipped.
    pub skip_silence: bool,
    /// Wall-clock time of the playing.
    pub wall_ms: f64,
    /// CPU time of the whole process while playing (decoder, stretcher, output).
    pub cpu_ms: u64,
    /// Media milliseconds played per wall-clock millisecond.
    pub realtime_x: f64,
    /// Media milliseconds played per millisecond of CPU (all threads).
    pub realtime_cpu_x: f64,
    /// Resident memory with the file open, before playing, in KiB.
    pub rss_before_kb: u64,
    /// Resident memory after playing, in KiB.
    pub rss_after_kb: u64,
    /// The most resident memory the process ever had, in KiB.
    pub rss_peak_kb: u64,
    /// What playing added: `(rss_after_kb - rss_before_kb) / 1024`.
    pub rss_added_mb: f64,
    /// Time saved by skipping silence, in milliseconds of listening.
    pub saved_ms: u64,
}

/// Figures of `bench stretch` at one speed.
#[derive(Debug, Serialize)]
pub struct StretchRun {
    /// Playback speed.
    pub speed: f32,
    /// Wall-clock time to stretch the whole input.
    pub ms: f64,
    /// CPU time it took (the stretcher runs on one thread).
    pub cpu_ms: u64,
    /// Media milliseconds stretched per millisecond of CPU: how many times faster than
    /// real time one core stretches (on a busy machine, wall time overstates the cost).
    pub realtime_x: f64,
}

/// Figures of `bench stretch`.
#[derive(Debug, Serialize)]
pub struct StretchReport {
    /// Media stretched at each speed, in milliseconds.
    pub audio_ms: u64,
    /// Frames per second and channels of the input.
    pub sample_rate: u32,
    pub channels: u16,
    /// One run per speed.
    pub runs: Vec<StretchRun>,
}

/// Plays `path` (its first `seconds`, or all) at `speed` through a fast null output.
pub fn bench_play(
    path: &Path,
    seconds: Option<u64>,
    speed: f32,
    skip_silence: bool,
) -> Result<PlayReport, CliError> {
    let info = probe(path)?;
    let output = OutputKind::NullFast {
        sample_rate: info.sample_rate,
        channels: info.channels,
    };
    let (tx, events) = mpsc::channel();
    let player = Player::spawn(output, move |e| {
        let _ = tx.send(e);
    })?;
    player.open(path.to_path_buf(), 0)?;
    let speed = player.set_speed(speed);
    player.set_skip_silence(skip_silence);
    let target_ms = seconds.map_or(info.duration_ms, |s| (s * 1000).min(info.duration_ms));
    let rss_before_kb = memory_kb("VmRSS:")?;
    let cpu_before = cpu_ticks()?;
    let started = Instant::now();
    player.play()?;
    let mut last = player.clock()?;
    loop {
        match events.recv_timeout(EVENT_TIMEOUT) {
            Ok(PlayerEvent::Clock(clock)) => {
                last = clock;
                if clock.media_ms >= target_ms {
                    break;
                }
            }
            Ok(PlayerEvent::Ended) => {
                last = player.clock()?;
                break;
            }
            Ok(PlayerEvent::Problem(problem)) => return Err(CliError::Message(problem.message)),
            Err(_) => {
                return Err(CliError::Message(format!(
                    "Playback stopped at {} ms of {target_ms} ms.",
                    last.media_ms
                )))
            }
        }
    }
    player.pause();
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    let cpu_ms = (cpu_ticks()? - cpu_before) * 1000 / TICKS_PER_SECOND;
    let rss_after_kb = memory_kb("VmRSS:")?;
    let rss_peak_kb = memory_kb("VmHWM:")?;
    drop(player);
    Ok(PlayReport {
        audio_ms: last.media_ms,
        speed,
        skip_silence,
        wall_ms,
        cpu_ms,
        realtime_x: last.media_ms as f64 / wall_ms.max(f64::EPSILON),
        realtime_cpu_x: last.media_ms as f64 / (cpu_ms as f64).max(1.0),
        rss_before_kb,
        rss_after_kb,
        rss_peak_kb,
        rss_added_mb: (rss_after_kb as f64 - rss_before_kb as f64) / 1024.0,
        saved_ms: last.saved_ms,
    })
}

/// Times the stretcher alone over the decoded file (or its first `seconds`).
pub fn bench_stretch(
    path: &Path,
    seconds: Option<u64>,
    speeds: &[f32],
) -> Result<StretchReport, CliError> {
    let (info, mut samples) = decode_all(path)?;
    let channels = usize::from(info.channels);
    if let Some(s) = seconds {
        let frames = (s * u64::from(info.sample_rate)) as usize;
        samples.truncate(frames.saturating_mul(channels));
    }
    let audio_ms = (samples.len() / channels.max(1)) as u64 * 1000 / u64::from(info.sample_rate);
    let mut runs = Vec::with_capacity(speeds.len());
    for &speed in speeds {
        let cpu_before = cpu_ticks()?;
        let started = Instant::now();
        let out = stretch_all(&samples, info.sample_rate, info.channels, speed)?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let cpu_ms = (cpu_ticks()? - cpu_before) * 1000 / TICKS_PER_SECOND;
        std::hint::black_box(out);
        runs.push(StretchRun {
            speed,
            ms,
            cpu_ms,
            realtime_x: audio_ms as f64 / (cpu_ms as f64).max(1.0),
        });
    }
    Ok(StretchReport {
        audio_ms,
        sample_rate: info.sample_rate,
        channels: info.channels,
        runs,
    })
}

/// A `kB` line of `/proc/self/status` (`VmRSS:`, `VmHWM:`).
pub(super) fn memory_kb(field: &str) -> Result<u64, CliError> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| CliError::Message(format!("Could not read the memory figures: {e}.")))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .ok_or_else(|| CliError::Message(format!("No {field} in /proc/self/status.")))
}

/// User plus system CPU time of the process so far, in ticks (`/proc/self/stat`).
pub(super) fn cpu_ticks() -> Result<u64, CliError> {
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    stat_ticks(11, 12)
}

/// User plus system CPU time of the child processes waited for so far, in ticks.
pub(super) fn children_cpu_ticks() -> Result<u64, CliError> {
    // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the name.
    stat_ticks(13, 14)
}

/// The sum of two tick fields of `/proc/self/stat`, counted after the command name.
fn stat_ticks(first: usize, second: usize) -> Result<u64, CliError> {
    let stat = std::fs::read_to_string("/proc/self/stat")
        .map_err(|e| CliError::Message(format!("Could not read the CPU time: {e}.")))?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    match (tick(first), tick(second)) {
        (Some(a), Some(b)) => Ok(a + b),
        _ => Err(CliError::Message("Unexpected /proc/self/stat.".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_figures_are_read() {
        assert!(memory_kb("VmRSS:").expect("rss") > 0);
        assert!(memory_kb("VmHWM:").expect("peak") >= memory_kb("VmRSS:").expect("rss") / 2);
        cpu_ticks().expect("cpu time");
    }
}
