//! The audio path never allocates or frees: a whole episode is pulled through a
//! capture output on this thread, with speed changes, skip silence, pause and volume,
//! under an allocator that counts every (de)allocation made while pulling.
//!
//! Its own test binary, because it replaces the global allocator.
// A test binary: a panic (in a test or in its helpers) is a failed test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

use assert_no_alloc::{assert_no_alloc, reset_violation_count, violation_count, AllocDisabler};
use earmark_player::{Capture, OutputKind, Player};
use tempfile::TempDir;

#[global_allocator]
static ALLOCATOR: AllocDisabler = AllocDisabler;

const RATE: u32 = 48_000;

/// Stereo at 48 kHz: half a second of tone, 400 ms of silence, over and over.
fn write_bursts(path: &Path, seconds: u32) {
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec).expect("create wav");
    for n in 0..seconds * RATE {
        let in_cycle = n % (RATE * 9 / 10);
        let level = if in_cycle < RATE / 2 { 0.4 } else { 0.0 };
        let s = level * (n as f32 * 2.0 * std::f32::consts::PI * 220.0 / RATE as f32).sin();
        let v = (s * f32::from(i16::MAX)) as i16;
        writer.write_sample(v).expect("left");
        writer.write_sample(v / 2).expect("right");
    }
    writer.finalize().expect("finalize");
}

#[test]
fn pulling_audio_never_touches_the_allocator() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("bursts.wav");
    write_bursts(&path, 30);
    let capture = Capture::new(RATE, 2);
    let player = Player::spawn(OutputKind::Capture(capture.clone()), |_| {}).expect("spawn");
    let info = player.open(path, 0).expect("open");
    player.play().expect("play");
    let mut block = vec![0.0f32; 2 * RATE as usize / 100];
    // The mixer takes the new source in on its first pull (a rodio Vec grows once).
    capture.pull(&mut block);

    // The checker is live: an allocation and its free are both counted.
    reset_violation_count();
    assert_no_alloc(|| drop(std::hint::black_box(Vec::<u8>::with_capacity(8))));
    assert_eq!(violation_count(), 2, "the counting allocator is in place");

    reset_violation_count();
    let speeds = [1.0, 1.5, 2.0, 3.0, 0.5, 0.75, 1.25, 2.5];
    let mut pulls = 0usize;
    loop {
        // Commands and clock readings allocate on this thread: only pulls are checked.
        if pulls.is_multiple_of(20) {
            player.set_speed(speeds[(pulls / 20) % speeds.len()]);
            player.set_skip_silence((pulls / 40).is_multiple_of(2));
            player.set_volume(if (pulls / 60).is_multiple_of(2) {
                1.0
            } else {
                0.5
            });
        }
        if pulls % 150 == 10 {
            player.pause();
        }
        if pulls % 150 == 20 {
            player.play().expect("resume");
        }
        let clock = player.clock().expect("clock");
        assert_no_alloc(|| capture.pull(&mut block));
        pulls += 1;
        if clock.media_ms >= info.duration_ms {
            break;
        }
        assert!(pulls < 100_000, "never reached the end");
    }
    // A few more pulls past the end: the stretcher drains, then silence.
    for _ in 0..10 {
        player.clock().expect("clock");
        assert_no_alloc(|| capture.pull(&mut block));
    }
    assert_eq!(
        violation_count(),
        0,
        "the audio path (de)allocated {} times in {pulls} pulls",
        violation_count()
    );
}
