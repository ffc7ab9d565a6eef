//! Speed with the pitch kept, heard at once; volume; normal speed is transparent.
//! Everything measured on the audio a capture output was handed.

use earmark_player::clip;
use tempfile::TempDir;

use crate::fixtures;
use crate::rig::Rig;
use crate::signals::{self, RATE, WINDOW};

#[test]
fn normal_speed_plays_the_file_as_decoded() {
    let mut rig = Rig::new(44_100, 1, true);
    let info = rig.player.open(fixtures::demo_mp3(), 10_000).expect("open");
    assert_eq!((info.sample_rate, info.channels), (44_100, 1));
    rig.player.play().expect("play");
    rig.pull_ms(2_000);
    let (_, expected) = clip(&fixtures::demo_mp3(), 10_000, 12_000).expect("clip");
    let worst = expected
        .iter()
        .zip(&rig.captured)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0f32, f32::max);
    assert!(
        worst < 1e-3,
        "at 1.0x the output is the decoded file, from the exact seek target (worst {worst})"
    );
}

#[test]
fn a_speed_change_is_heard_within_100_ms() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("ramp.wav");
    signals::write_wav(&path, RATE, signals::ramp(8));
    let mut rig = Rig::new(RATE, 1, true);
    rig.player.open(path, 1_000).expect("open");
    rig.player.play().expect("play");
    rig.pull_ms(1_000);
    let command_frame = rig.pulled_frames;
    assert_eq!(rig.player.set_speed(2.0), 2.0);
    let after = rig.pull_ms(1_000);
    assert_eq!(after.rate, 2.0, "the clock reports the new rate");

    // Media time (from the loudness) against output time, both in ms, around the command.
    let command_ms = command_frame as f64 * 1000.0 / f64::from(RATE);
    let points: Vec<(f64, f64)> = rig
        .captured
        .chunks_exact(WINDOW)
        .enumerate()
        .filter_map(|(k, w)| {
            let output_ms = (k * WINDOW + WINDOW / 2) as f64 * 1000.0 / f64::from(RATE);
            signals::ramp_position(w).map(|s| (output_ms - command_ms, s * 1000.0))
        })
        .collect();
    let span = |from: f64, to: f64| -> Vec<(f64, f64)> {
        points
            .iter()
            .copied()
            .filter(|p| p.0 >= from && p.0 < to)
            .collect()
    };
    let (before_at, before_rate) = signals::fit_line(&span(-600.0, -50.0));
    let (after_at, after_rate) = signals::fit_line(&span(150.0, 950.0));
    assert!((before_rate - 1.0).abs() < 0.02, "1x before: {before_rate}");
    assert!((after_rate - 2.0).abs() < 0.04, "2x after: {after_rate}");
    // The two lines meet where the change took effect.
    let delay_ms = (after_at - before_at) / (before_rate - after_rate);
    assert!(
        (-10.0..=100.0).contains(&delay_ms),
        "the new speed was heard {delay_ms:.1} ms of output after the command"
    );
    assert!(
        (before_at - 2_000.0).abs() < 10.0,
        "1 s at 1x from 1 s is media 2 s: {before_at:.1} ms"
    );
}

#[test]
fn pitch_is_kept_at_two_and_three_times() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("a440.wav");
    signals::write_wav(&path, RATE, signals::sine(440.0, 10, 0.5));
    for speed in [2.0, 3.0, 0.5] {
        let mut rig = Rig::new(RATE, 1, true);
        rig.player.open(path.clone(), 0).expect("open");
        rig.player.set_speed(speed);
        rig.player.play().expect("play");
        rig.pull_ms(1_500);
        let heard = signals::dominant_frequency(rig.last(RATE as usize), RATE, 200, 1_400);
        assert!(
            (430..=450).contains(&heard),
            "a 440 Hz tone at {speed}x sounds at {heard} Hz"
        );
    }
}

#[test]
fn volume_scales_the_output() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("tone.wav");
    signals::write_wav(&path, RATE, signals::tone(0, 5_000, 0.8));
    let mut rig = Rig::new(RATE, 1, true);
    rig.player.open(path, 0).expect("open");
    rig.player.play().expect("play");
    rig.pull_ms(500);
    let full = signals::rms(rig.last(RATE as usize / 4));
    rig.player.set_volume(0.25);
    rig.pull_ms(500);
    let quarter = signals::rms(rig.last(RATE as usize / 4));
    let ratio = quarter / full;
    assert!(
        (ratio - 0.25).abs() < 0.005,
        "volume 0.25 scales the samples by {ratio:.4}"
    );
}
