//! What the desktop was last told about playback, and what a new clock changes: the
//! MPRIS properties to announce, and whether the position jumped (the `Seeked`
//! signal, which the specification sends for a position "inconsistent with the
//! current playing state").

use std::time::Instant;

use earmark_core::store::EpisodeId;
use earmark_player::ClockSnapshot;

/// A position further than this from where the last clock said playback would be is a
/// jump. The clock comes ~10 times a second, so playing drifts far less.
const JUMP_MS: f64 = 400.0;

/// The last clock heard, when, and the episode it was about.
#[derive(Debug, Default, Clone, Copy)]
pub struct Seen {
    last: Option<(ClockSnapshot, Instant)>,
    episode: Option<EpisodeId>,
    /// Stopped from the desktop: shown as stopped until playback starts again.
    stopped: bool,
}

/// What one clock changed.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Changes {
    /// Playing, paused or stopped changed.
    pub status: bool,
    /// The speed changed.
    pub rate: bool,
    /// The volume changed.
    pub volume: bool,
    /// Another episode, or the same one's length became known: new metadata.
    pub track: bool,
    /// The position jumped to this many ms (a seek, not playback going on).
    pub jumped_to: Option<u64>,
}

impl Seen {
    /// Takes in `clock`, heard `at`, about `episode` (the one in the player).
    pub fn update(
        &mut self,
        clock: ClockSnapshot,
        at: Instant,
        episode: Option<EpisodeId>,
    ) -> Changes {
        let mut changes = Changes::default();
        let new_track = episode != self.episode;
        if clock.playing {
            changes.status |= self.stopped;
            self.stopped = false;
        }
        match self.last {
            None => {
                changes = Changes {
                    status: true,
                    rate: true,
                    volume: true,
                    track: true,
                    jumped_to: None,
                };
            }
            Some((before, then)) => {
                changes.status |= before.playing != clock.playing;
                changes.rate = before.rate != clock.rate;
                changes.volume = before.volume != clock.volume;
                changes.track = new_track || before.duration_ms != clock.duration_ms;
                let expected = expected_ms(&before, then, at, &clock);
                let jumped = (clock.media_ms as f64 - expected).abs() > JUMP_MS;
                if jumped && !new_track {
                    changes.jumped_to = Some(clock.media_ms);
                }
            }
        }
        self.last = Some((clock, at));
        self.episode = episode;
        changes
    }

    /// Marks playback stopped from the desktop (it is paused, its place kept).
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// True while stopped from the desktop and not played since.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// The last clock heard.
    pub fn clock(&self) -> Option<ClockSnapshot> {
        self.last.map(|(clock, _)| clock)
    }

    /// Where playback is `at`: the last clock, moved on at its speed while playing, never
    /// past the end.
    pub fn position_at(&self, at: Instant) -> u64 {
        let Some((clock, then)) = self.last else {
            return 0;
        };
        if !clock.playing {
            return clock.media_ms;
        }
        let moved =
            at.saturating_duration_since(then).as_secs_f64() * 1000.0 * f64::from(clock.rate);
        let position = clock.media_ms.saturating_add(moved.round() as u64);
        if clock.duration_ms > 0 {
            position.min(clock.duration_ms)
        } else {
            position
        }
    }
}

/// Where `before` said playback would be when `now` came: moved on at its speed while
/// it was playing, plus the silences skipped meanwhile (saved listening time, in media
/// time at the speed).
fn expected_ms(before: &ClockSnapshot, then: Instant, at: Instant, now: &ClockSnapshot) -> f64 {
    let media = before.media_ms as f64;
    if !before.playing {
        return media;
    }
    let rate = f64::from(before.rate);
    let elapsed = at.saturating_duration_since(then).as_secs_f64() * 1000.0;
    let skipped = now.saved_ms.saturating_sub(before.saved_ms) as f64;
    media + (elapsed + skipped) * rate
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn clock(media_ms: u64, playing: bool) -> ClockSnapshot {
        ClockSnapshot {
            media_ms,
            rate: 1.0,
            playing,
            duration_ms: 600_000,
            saved_ms: 0,
            volume: 1.0,
            underruns: 0,
        }
    }

    fn later(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    #[test]
    fn the_first_clock_announces_everything_and_no_jump() {
        let mut seen = Seen::default();
        let changes = seen.update(clock(5_000, false), Instant::now(), Some(1));
        assert!(changes.status && changes.rate && changes.volume && changes.track);
        assert_eq!(changes.jumped_to, None);
    }

    #[test]
    fn playing_on_at_any_speed_is_no_jump_but_a_seek_is() {
        let t = Instant::now();
        let mut seen = Seen::default();
        let fast = ClockSnapshot {
            rate: 2.0,
            ..clock(10_000, true)
        };
        seen.update(fast, t, Some(1));
        let on = seen.update(
            ClockSnapshot {
                media_ms: 10_200,
                ..fast
            },
            later(t, 100),
            Some(1),
        );
        assert_eq!(on, Changes::default(), "200 ms of media in 100 ms at 2×");
        let sought = seen.update(
            ClockSnapshot {
                media_ms: 60_000,
                ..fast
            },
            later(t, 200),
            Some(1),
        );
        assert_eq!(sought.jumped_to, Some(60_000));
        let back = seen.update(
            ClockSnapshot {
                media_ms: 59_000,
                ..fast
            },
            later(t, 300),
            Some(1),
        );
        assert_eq!(back.jumped_to, Some(59_000), "a jump back a second");
    }

    #[test]
    fn a_skipped_silence_is_no_jump() {
        let t = Instant::now();
        let mut seen = Seen::default();
        seen.update(clock(10_000, true), t, Some(1));
        let skipped = ClockSnapshot {
            media_ms: 12_100,
            saved_ms: 2_000,
            ..clock(0, true)
        };
        assert_eq!(seen.update(skipped, later(t, 100), Some(1)).jumped_to, None);
    }

    #[test]
    fn a_seek_while_paused_is_a_jump_and_pausing_is_a_status_change() {
        let t = Instant::now();
        let mut seen = Seen::default();
        seen.update(clock(10_000, true), t, Some(1));
        let paused = seen.update(clock(10_100, false), later(t, 100), Some(1));
        assert!(paused.status && paused.jumped_to.is_none());
        let sought = seen.update(clock(30_000, false), later(t, 5_000), Some(1));
        assert_eq!(sought.jumped_to, Some(30_000));
        assert!(!sought.status);
    }

    #[test]
    fn another_episode_is_a_new_track_not_a_jump() {
        let t = Instant::now();
        let mut seen = Seen::default();
        seen.update(clock(10_000, false), t, Some(1));
        let switched = seen.update(clock(90_000, false), later(t, 10), Some(2));
        assert!(switched.track);
        assert_eq!(switched.jumped_to, None);
    }

    #[test]
    fn volume_speed_and_length_changes_are_each_announced() {
        let t = Instant::now();
        let mut seen = Seen::default();
        seen.update(clock(0, false), t, Some(1));
        let louder = seen.update(
            ClockSnapshot {
                volume: 0.5,
                ..clock(0, false)
            },
            t,
            Some(1),
        );
        assert!(louder.volume && !louder.rate && !louder.track);
        let faster = seen.update(
            ClockSnapshot {
                volume: 0.5,
                rate: 1.5,
                ..clock(0, false)
            },
            t,
            Some(1),
        );
        assert!(faster.rate && !faster.volume);
        let longer = ClockSnapshot {
            volume: 0.5,
            rate: 1.5,
            duration_ms: 700_000,
            ..clock(0, false)
        };
        assert!(seen.update(longer, t, Some(1)).track);
    }

    #[test]
    fn stopped_shows_until_playback_starts_again() {
        let t = Instant::now();
        let mut seen = Seen::default();
        seen.update(clock(1_000, false), t, Some(1));
        seen.stop();
        assert!(seen.is_stopped());
        assert!(!seen.update(clock(1_000, false), t, Some(1)).status);
        assert!(seen.is_stopped());
        assert!(seen.update(clock(1_000, true), t, Some(1)).status);
        assert!(!seen.is_stopped());
    }

    #[test]
    fn the_position_moves_on_while_playing_and_stops_at_the_end() {
        let t = Instant::now();
        let mut seen = Seen::default();
        assert_eq!(seen.position_at(t), 0);
        seen.update(
            ClockSnapshot {
                rate: 1.5,
                ..clock(1_000, true)
            },
            t,
            Some(1),
        );
        assert_eq!(seen.position_at(later(t, 1_000)), 2_500);
        assert_eq!(seen.position_at(later(t, 10_000_000)), 600_000);
        seen.update(clock(4_000, false), later(t, 2_000), Some(1));
        assert_eq!(seen.position_at(later(t, 9_000)), 4_000);
    }
}
