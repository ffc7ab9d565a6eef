//! The engine through a real-time null output: play, clock, seek, end.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use earmark_player::{OutputKind, Player, PlayerEvent};

use crate::fixtures;

fn spawn() -> (Player, mpsc::Receiver<PlayerEvent>) {
    let (tx, rx) = mpsc::channel();
    let player = Player::spawn(OutputKind::NullRealtime, move |e| {
        let _ = tx.send(e);
    })
    .expect("spawn engine");
    (player, rx)
}

/// Waits for the first clock snapshot satisfying `pred`.
fn wait_clock(
    rx: &mpsc::Receiver<PlayerEvent>,
    pred: impl Fn(&earmark_player::ClockSnapshot) -> bool,
) -> earmark_player::ClockSnapshot {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(PlayerEvent::Clock(c)) if pred(&c) => return c,
            Ok(_) => {}
            Err(e) => panic!("no matching clock event: {e}"),
        }
    }
}

#[test]
fn clock_tracks_media_time_in_real_time() {
    let (player, rx) = spawn();
    let info = player.open(fixtures::demo_mp3(), 10_000).expect("open");
    assert_eq!(info.frames, 7_773_408, "exact length of the demo episode");
    let opened = wait_clock(&rx, |c| !c.playing);
    assert_eq!(opened.media_ms, 10_000, "opened at the requested position");
    player.play().expect("play");
    let started = Instant::now();
    let later = wait_clock(&rx, |c| c.playing && c.media_ms >= 11_000);
    let elapsed = started.elapsed().as_millis() as i64;
    let advanced = later.media_ms as i64 - 10_000;
    assert!(
        (advanced - elapsed).abs() < 150,
        "media advanced {advanced} ms in {elapsed} ms of wall time"
    );
    player.pause();
    let paused = wait_clock(&rx, |c| !c.playing);
    assert!(
        paused.media_ms >= later.media_ms,
        "pause keeps the position"
    );
}

#[test]
fn seek_while_playing_moves_the_clock_there() {
    let (player, rx) = spawn();
    player.open(fixtures::demo_mp3(), 0).expect("open");
    player.play().expect("play");
    wait_clock(&rx, |c| c.playing && c.media_ms > 200);
    player.seek(120_000).expect("seek");
    let after = wait_clock(&rx, |c| c.playing && c.media_ms >= 120_000);
    assert!(
        after.media_ms < 120_500,
        "clock continues from the seek target: {}",
        after.media_ms
    );
}

#[test]
fn playing_to_the_end_reports_ended() {
    let (player, rx) = spawn();
    player.open(fixtures::demo_mp3(), 175_500).expect("open");
    player.play().expect("play");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(PlayerEvent::Ended) => break,
            Ok(_) => {}
            Err(e) => panic!("never ended: {e}"),
        }
    }
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let (player, _rx) = spawn();
    let err = player
        .open("/nonexistent/episode.mp3".into(), 0)
        .expect_err("missing file fails");
    assert!(err.to_string().contains("Could not open"), "message: {err}");
}
