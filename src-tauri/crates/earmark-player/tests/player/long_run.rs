//! An hour of audio at mixed speeds, played in seconds through a capture output: the
//! clock stays media time. At checkpoints through the hour, the media moment the
//! output is playing (read from the audio itself, see `signals`) is compared with the
//! clock.

use tempfile::TempDir;

use crate::rig::Rig;
use crate::signals::{self, RATE, WINDOW};

/// Media time between speed changes.
const SEGMENT_MS: u64 = 5 * 60 * 1000;
/// Speeds, in turn.
const SPEEDS: [f32; 12] = [
    1.0, 1.5, 2.0, 0.75, 3.0, 0.5, 1.25, 2.5, 1.05, 1.8, 0.9, 2.2,
];
/// Pulls (200 ms each) between checkpoints: every 30 s of output.
const CHECK_EVERY: u32 = 150;

/// How far the clock is from the media moment heard, in ms, averaged over the windows
/// of the last pull; `None` when the pull straddles the ramp's restart.
fn clock_error_ms(rig: &Rig, clock_ms: u64, rate: f64) -> Option<f64> {
    let pull = rig.last_pull();
    let windows = pull.len() / WINDOW;
    let mut errors = Vec::new();
    for (k, window) in pull.chunks_exact(WINDOW).enumerate() {
        // Output frames from the window's centre to the end of the pull.
        let before_end = ((windows - k) * WINDOW - WINDOW / 2) as f64;
        let expected_s = clock_ms as f64 / 1000.0 - before_end * rate / f64::from(RATE);
        let phase = expected_s.rem_euclid(signals::RAMP_SECONDS);
        if !(0.2..signals::RAMP_SECONDS - 0.2).contains(&phase) {
            continue;
        }
        let heard = signals::ramp_position(window)?;
        errors.push(signals::wrap(heard - phase) * 1000.0);
    }
    (errors.len() >= windows / 2).then(|| errors.iter().sum::<f64>() / errors.len() as f64)
}

#[test]
fn the_clock_stays_media_time_through_an_hour_of_mixed_speeds() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("hour.wav");
    signals::write_wav(&path, RATE, signals::ramp(3_600));
    let mut rig = Rig::new(RATE, 1, false);
    let info = rig.player.open(path, 0).expect("open");
    assert_eq!(info.duration_ms, 3_600_000);
    rig.player.play().expect("play");

    let mut segment = 0usize;
    let mut since_change = 0u32;
    let mut pulls = 0u32;
    let mut checked = Vec::new();
    loop {
        let clock = rig.pull_ms(200);
        pulls += 1;
        since_change += 1;
        if clock.media_ms + 2_000 >= info.duration_ms {
            break;
        }
        if pulls.is_multiple_of(CHECK_EVERY) && since_change > 2 {
            if let Some(error) = clock_error_ms(&rig, clock.media_ms, f64::from(clock.rate)) {
                checked.push((clock.media_ms, clock.rate, error));
            }
        }
        if clock.media_ms >= (segment as u64 + 1) * SEGMENT_MS {
            segment += 1;
            rig.player.set_speed(SPEEDS[segment % SPEEDS.len()]);
            since_change = 0;
        }
    }
    assert!(segment >= 11, "went through every speed: {segment} changes");
    assert!(checked.len() >= 60, "checked {} times", checked.len());
    let worst = checked
        .iter()
        .copied()
        .max_by(|a, b| a.2.abs().total_cmp(&b.2.abs()))
        .expect("checkpoints");
    eprintln!(
        "long run: {} checkpoints, worst clock error {:.1} ms at {} ms ({}x)",
        checked.len(),
        worst.2,
        worst.0,
        worst.1
    );
    assert!(
        worst.2.abs() <= 10.0,
        "the clock is {:.1} ms off the audio at {} ms ({}x); all: {checked:?}",
        worst.2,
        worst.0,
        worst.1
    );
    let last = checked.last().expect("checkpoints");
    assert!(
        last.0 > 3_500_000,
        "checked near the end of the hour: {last:?}"
    );

    // Play out: the end is reported, at the exact length.
    let ended = loop {
        rig.pull_ms(200);
        if let Ok(earmark_player::PlayerEvent::Ended) = rig.events.try_recv() {
            break rig.clock();
        }
    };
    assert_eq!(
        ended.media_ms, info.duration_ms,
        "the clock ends at the exact length"
    );
}
