//! An output device lost mid-play: the engine pauses with a message, Play fails while
//! the device is gone, and once it is back playback continues from the same moment.

use earmark_player::PlayerEvent;
use tempfile::TempDir;

use crate::rig::Rig;
use crate::signals::{self, RATE, WINDOW};

#[test]
fn a_lost_device_pauses_and_playback_resumes_where_it_was() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("ramp.wav");
    signals::write_wav(&path, RATE, signals::ramp(8));
    let mut rig = Rig::new(RATE, 1, true);
    rig.player.open(path, 3_000).expect("open");
    rig.player.play().expect("play");
    let before = rig.pull_ms(1_000);
    assert_eq!(before.media_ms, 4_000);

    rig.capture.set_lost(true);
    let problem = rig.wait_event(|e| matches!(e, PlayerEvent::Problem(_)));
    assert_eq!(
        problem,
        PlayerEvent::Problem(earmark_player::Problem::output_lost())
    );
    let paused = rig.clock();
    assert!(!paused.playing, "paused after the loss");
    assert_eq!(paused.media_ms, 4_000, "the position is kept");

    let err = rig.player.play().expect_err("no device to play on");
    assert_eq!(err.to_string(), "No audio output device found");
    assert!(!rig.clock().playing);

    rig.capture.set_lost(false);
    rig.player.play().expect("play again");
    let resumed_from = rig.captured.len();
    let after = rig.pull_ms(500);
    assert!(after.playing);
    assert_eq!(
        after.media_ms, 4_500,
        "the clock goes on from where it stopped"
    );
    let first = signals::ramp_position(&rig.captured[resumed_from..resumed_from + WINDOW])
        .expect("sound right after resuming");
    // The first window's centre is 5 ms into the resumed audio.
    assert!(
        (first - 4.005).abs() < 0.003,
        "the audio resumes at {first:.4} s, where it stopped"
    );
}
