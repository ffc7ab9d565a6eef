//! A damaged stretch in the middle of a file is skipped, not fatal: the file keeps
//! its exact length, the damage is a short quiet gap, playback goes on to the end, and
//! the audio after the damage keeps its time (in a continuous decode, after a seek past
//! it, and as the engine plays it).

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, MediaInfo, PlayerEvent};

use crate::fixtures;
use crate::rig::Rig;

/// Bytes of garbage written over the middle of a copy (as `make-fixtures.sh` does for
/// `bad-corrupt-middle.mp3`): several packets of every format.
const DAMAGE_BYTES: usize = 3_072;

/// A copy of the fixture `name` with [`DAMAGE_BYTES`] from a seeded generator written
/// over it two fifths of the way in.
fn damaged_copy(dir: &Path, name: &str) -> PathBuf {
    let mut bytes = std::fs::read(fixtures::audio(name)).expect("read");
    let start = bytes.len() * 2 / 5;
    let mut state = 7u64;
    for b in &mut bytes[start..start + DAMAGE_BYTES] {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *b = (state >> 33) as u8;
    }
    let path = dir.join(format!("damaged-{name}"));
    std::fs::write(&path, bytes).expect("write");
    path
}

/// The frames `[first, last]` where the damaged decode differs from the clean one.
#[derive(Debug, Clone, Copy)]
struct Damage {
    first: u64,
    last: u64,
}

/// Decodes `damaged` and `clean` in full and checks that the damage was skipped: the
/// same length, one quiet stretch of at most `max_ms` that differs, the same audio after
/// it, and a seek past it landing on the same samples.
fn assert_damage_skipped(clean: &Path, damaged: &Path, max_ms: u64) -> (MediaInfo, Damage) {
    let name = damaged.display();
    let (_, original) = decode_all(clean).expect("the clean file decodes");
    let (info, heard) = decode_all(damaged).expect("a damaged file still plays");
    assert_eq!(
        heard.len(),
        original.len(),
        "{name}: frames lost to damage are replaced, not dropped"
    );
    let channels = usize::from(info.channels);
    let differs = |i: &usize| heard[*i] != original[*i];
    let first = (0..heard.len()).find(differs).expect("the damage is heard") / channels;
    let last = (0..heard.len()).rev().find(differs).expect("last") / channels;
    let damage = Damage {
        first: first as u64,
        last: last as u64,
    };
    let span_ms = info.ms_at_frame(damage.last - damage.first);
    assert!(
        span_ms <= max_ms,
        "{name}: the damage affects {span_ms} ms, frames {first} to {last}"
    );
    let loudest = heard[first * channels..=last * channels + channels - 1]
        .iter()
        .fold(0f32, |m, x| m.max(x.abs()));
    assert!(
        loudest < 0.5,
        "{name}: a loud burst in the damage: {loudest}"
    );
    assert!(
        info.frames - damage.last > u64::from(info.sample_rate),
        "{name}: more than a second after the damage plays unchanged"
    );
    // A seek past the damage lands on the same audio as in the clean file.
    let after_ms = info.ms_at_frame(damage.last) + 100;
    let (_, after) = clip(damaged, after_ms, after_ms + 200).expect("a clip after the damage");
    let at = info.frame_at_ms(after_ms) as usize * channels;
    assert!(!after.is_empty(), "{name}: audio after the damage");
    assert_eq!(
        &after[..],
        &original[at..at + after.len()],
        "{name}: the audio after the damage keeps its time"
    );
    (info, damage)
}

#[test]
fn damage_mid_mp3_is_skipped_and_the_audio_after_keeps_its_time() {
    assert_damage_skipped(
        &fixtures::audio("mp3-cbr-44k-mono.mp3"),
        &fixtures::audio("bad-corrupt-middle.mp3"),
        1_000,
    );
}

/// [`assert_damage_skipped`] on a damaged copy of the fixture `name`; the copy's
/// folder is kept while the caller holds it.
fn damaged_copy_plays(name: &str, max_ms: u64) -> (tempfile::TempDir, PathBuf, MediaInfo, Damage) {
    let dir = tempfile::tempdir().expect("tempdir");
    let damaged = damaged_copy(dir.path(), name);
    let (info, damage) = assert_damage_skipped(&fixtures::audio(name), &damaged, max_ms);
    (dir, damaged, info, damage)
}

#[test]
fn damage_mid_flac_is_skipped_and_the_audio_after_keeps_its_time() {
    damaged_copy_plays("flac-44k-mono.flac", 500);
}

#[test]
fn damage_mid_aac_is_skipped_and_the_audio_after_keeps_its_time() {
    // symphonia reads some damaged AAC packets as using AAC Main's prediction, a
    // feature it lacks: such a packet is damage to skip, not a reason to stop.
    damaged_copy_plays("aac-moov-end-48k-mono-nopns.m4a", 1_000);
}

#[test]
fn damage_mid_vorbis_is_skipped_and_the_engine_plays_on_to_the_end() {
    // Ogg drops a page whose checksum fails: ffmpeg writes pages of about a second,
    // and the damage straddles two of them.
    let name = "vorbis-48k-stereo.ogg";
    let (_dir, damaged, info, damage) = damaged_copy_plays(name, 2_500);

    let mut rig = Rig::new(info.sample_rate, info.channels, true);
    let from_ms = info.ms_at_frame(damage.first).saturating_sub(500);
    rig.player.open(damaged, from_ms).expect("open");
    rig.player.play().expect("play");
    let most_pulls = (info.duration_ms - from_ms) / 200 + 10;
    let ended = (0..most_pulls).find_map(|_| {
        let clock = rig.pull_ms(200);
        matches!(rig.events.try_recv(), Ok(PlayerEvent::Ended)).then_some(clock)
    });
    let ended = ended.expect("playback reaches the end through the damage");
    assert_eq!(
        ended.media_ms, info.duration_ms,
        "the clock ends at the end"
    );
    let tail = usize::from(info.channels) * info.sample_rate as usize / 2;
    let (_, original) = decode_all(&fixtures::audio(name)).expect("clean");
    let heard = rig.captured.iter().rposition(|x| *x != 0.0).expect("heard") + 1;
    assert!(heard >= tail, "half a second heard before the end");
    let worst = rig.captured[heard - tail..heard]
        .iter()
        .zip(&original[original.len() - tail..])
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(
        worst < 1e-3,
        "the last half second is heard as decoded: {worst}"
    );
}
