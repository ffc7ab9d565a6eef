//! Skip silence: long silences are dropped (20 ms kept each side), the clock jumps
//! over them to the right media time, and the time saved is counted.

use std::path::Path;

use tempfile::TempDir;

use earmark_player::STRETCH_SEARCH_MS;

use crate::rig::Rig;
use crate::signals::{self, RATE};

/// How far WSOLA may place a tone's edge from its media time when stretching (its
/// similarity search picks any of the tone's periods within reach), in milliseconds.
const JITTER_MS: u64 = STRETCH_SEARCH_MS as u64 + 2;

/// One second of tone, three of silence, two of tone.
fn write_file(path: &Path) {
    let samples = signals::tone(0, 1_000, 0.5)
        .chain(std::iter::repeat_n(0.0, 3 * RATE as usize))
        .chain(signals::tone(4 * u64::from(RATE), 2_000, 0.5));
    signals::write_wav(path, RATE, samples);
}

/// The first output frame of the second tone.
fn second_tone_onset(captured: &[f32]) -> Option<usize> {
    let quiet_from = captured.iter().position(|s| s.abs() < 1e-3)?;
    captured[quiet_from..]
        .iter()
        .position(|s| s.abs() > 0.05)
        .map(|i| quiet_from + i)
}

/// Plays the file at `speed` with skip silence on until half a second of output into
/// the second tone; returns (onset frame, clock there, rig).
fn play_past_the_silence(path: &Path, speed: f32) -> (usize, earmark_player::ClockSnapshot, Rig) {
    let mut rig = Rig::new(RATE, 1, true);
    rig.player.open(path.to_path_buf(), 0).expect("open");
    rig.player.set_speed(speed);
    rig.player.set_skip_silence(true);
    rig.player.play().expect("play");
    rig.pull_ms(300);
    loop {
        // Small pulls: each clock reading tops the ring up, so skipping never outruns
        // the decoder by more than one pull.
        let clock = rig.pull_ms(10);
        if let Some(onset) = second_tone_onset(&rig.captured) {
            if rig.pulled_frames >= onset as u64 + u64::from(RATE) / 2 {
                return (onset, clock, rig);
            }
        }
        assert!(clock.media_ms < 5_900, "the second tone never came out");
    }
}

#[test]
fn long_silence_is_skipped_and_the_clock_lands_after_it() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("gap.wav");
    write_file(&path);
    let (onset, clock, rig) = play_past_the_silence(&path, 1.0);
    let first_tone_end = rig
        .captured
        .iter()
        .position(|s| s.abs() < 1e-3)
        .expect("gap");
    assert_eq!(
        first_tone_end, RATE as usize,
        "at normal speed the first second plays whole, sample for sample"
    );
    let gap_ms = (onset - first_tone_end) as f64 * 1000.0 / f64::from(RATE);
    assert!(
        (40.0..=80.0).contains(&gap_ms),
        "3 s of silence came out as {gap_ms} ms (20 ms pads, plus at most a pad and \
         a pull's worth while the decoder catches up)"
    );
    let since_onset_ms = (rig.pulled_frames - onset as u64) * 1000 / u64::from(RATE);
    let expected = 4_000 + since_onset_ms;
    assert!(
        clock.media_ms.abs_diff(expected) <= 1,
        "after the silence the clock says {} ms, the audio is at {expected} ms",
        clock.media_ms
    );
    assert!(
        (2_940..=2_960).contains(&clock.saved_ms),
        "saved {} ms: the silence less its pads (and at most one more pad played while \
         the decoder caught up)",
        clock.saved_ms
    );
}

#[test]
fn skipping_at_double_speed_saves_half_as_much_listening_time() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("gap.wav");
    write_file(&path);
    let (onset, clock, rig) = play_past_the_silence(&path, 2.0);
    let since_onset_ms = (rig.pulled_frames - onset as u64) * 1000 / u64::from(RATE);
    let expected = 4_000 + 2 * since_onset_ms;
    assert!(
        clock.media_ms.abs_diff(expected) <= JITTER_MS,
        "after the silence at 2x the clock says {} ms, the audio is at {expected} ms",
        clock.media_ms
    );
    assert!(
        (1_470..=1_480).contains(&clock.saved_ms),
        "saved {} ms of listening",
        clock.saved_ms
    );
}

#[test]
fn without_skip_silence_the_silence_plays() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("gap.wav");
    write_file(&path);
    let mut rig = Rig::new(RATE, 1, true);
    rig.player.open(path, 0).expect("open");
    rig.player.play().expect("play");
    let clock = rig.pull_ms(4_500);
    assert_eq!(clock.media_ms, 4_500);
    assert_eq!(clock.saved_ms, 0);
    assert_eq!(
        second_tone_onset(&rig.captured),
        Some(4 * RATE as usize),
        "the second tone starts after all 3 s of silence"
    );
}
