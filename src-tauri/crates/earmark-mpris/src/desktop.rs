//! What the desktop's media controls do in Earmark: the MPRIS2 root and player
//! interfaces over the episode in the player ([`NowPlaying`]).

use std::fmt;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use earmark_api::artwork_file::artwork_file;
use earmark_api::error_report::ErrorReport;
use earmark_api::now_playing::NowPlaying;
use earmark_api::settings::skip_distances;
use earmark_api::shared::lock;
use earmark_core::store::{EpisodeId, Store};
use earmark_player::{MAX_SPEED, MIN_SPEED};
use mpris_server::zbus::{fdo, Error as BusError, Result as BusResult};
use mpris_server::{
    LoopStatus, Metadata, PlaybackRate, PlaybackStatus, PlayerInterface, RootInterface, Time,
    TrackId, Volume,
};

use crate::moves::{next_ms, previous_ms};
use crate::seen::Seen;
use crate::track::{metadata, track_id};
use crate::Update;

/// Brings the window to the front (the desktop's Raise).
pub struct Raise(pub Box<dyn Fn() + Send + Sync>);

impl fmt::Debug for Raise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Raise")
    }
}

/// The player as the desktop sees it.
#[derive(Debug)]
pub struct Desktop {
    pub(crate) now: Arc<NowPlaying>,
    pub(crate) store: Arc<Mutex<Store>>,
    /// The data folder, whose artwork cache gives the episode's picture.
    pub(crate) data_dir: PathBuf,
    pub(crate) seen: Mutex<Seen>,
    pub(crate) raise: Raise,
    /// Tells the announcing thread of a change the player's clock does not show.
    pub(crate) updates: Sender<Update>,
}

impl Desktop {
    /// The episode in the player and where it is now.
    fn playing_where(&self) -> (Option<EpisodeId>, u64) {
        let position = lock(&self.seen).position_at(Instant::now());
        (self.now.loaded(), position)
    }

    fn seek_to(&self, ms: u64) -> fdo::Result<()> {
        let episode = self.now.loaded();
        self.now.seek(episode, ms).map_err(failed)
    }

    /// The loaded episode's chapter starts, in order.
    fn chapter_starts(&self, episode: Option<EpisodeId>) -> Vec<u64> {
        let Some(id) = episode else {
            return Vec::new();
        };
        let chapters = lock(&self.store).chapters(id).ok().flatten();
        let mut starts: Vec<u64> = chapters
            .map(|(chapters, _)| chapters.iter().map(|c| c.start_ms).collect())
            .unwrap_or_default();
        starts.sort_unstable();
        starts
    }

    /// The status the desktop shows now.
    pub(crate) fn status(&self) -> PlaybackStatus {
        let loaded = self.now.loaded().is_some();
        let seen = lock(&self.seen);
        match seen.clock() {
            _ if seen.is_stopped() || !loaded => PlaybackStatus::Stopped,
            Some(clock) if clock.playing => PlaybackStatus::Playing,
            _ => PlaybackStatus::Paused,
        }
    }

    /// The metadata of the episode in the player now.
    pub(crate) fn track(&self) -> Metadata {
        let episode = self.now.loaded();
        let duration = lock(&self.seen).clock().map_or(0, |c| c.duration_ms);
        let store = lock(&self.store);
        let artwork = episode.and_then(|id| artwork_file(&store, &self.data_dir, id));
        metadata(&store, episode, duration, artwork.as_deref())
    }

    pub(crate) fn has_episode(&self) -> bool {
        self.now.loaded().is_some()
    }
}

fn failed(error: ErrorReport) -> fdo::Error {
    fdo::Error::Failed(error.message)
}

fn not_supported(what: &str) -> BusError {
    BusError::from(fdo::Error::NotSupported(format!("Earmark has no {what}")))
}

fn time_of(ms: u64) -> Time {
    Time::from_millis(i64::try_from(ms).unwrap_or(i64::MAX))
}

fn ms_of(time: Time) -> u64 {
    u64::try_from(time.as_millis()).unwrap_or(0)
}

impl RootInterface for Desktop {
    async fn raise(&self) -> fdo::Result<()> {
        (self.raise.0)();
        Ok(())
    }

    async fn quit(&self) -> fdo::Result<()> {
        Err(fdo::Error::NotSupported(
            "Quit from Earmark's window".into(),
        ))
    }

    async fn can_quit(&self) -> fdo::Result<bool> {
        Ok(false)
    }

    async fn fullscreen(&self) -> fdo::Result<bool> {
        Ok(false)
    }

    async fn set_fullscreen(&self, _fullscreen: bool) -> BusResult<()> {
        Err(not_supported("full screen"))
    }

    async fn can_set_fullscreen(&self) -> fdo::Result<bool> {
        Ok(false)
    }

    async fn can_raise(&self) -> fdo::Result<bool> {
        Ok(true)
    }

    async fn has_track_list(&self) -> fdo::Result<bool> {
        Ok(false)
    }

    async fn identity(&self) -> fdo::Result<String> {
        Ok("Earmark".into())
    }

    async fn desktop_entry(&self) -> fdo::Result<String> {
        Ok(crate::DESKTOP_ENTRY.into())
    }

    async fn supported_uri_schemes(&self) -> fdo::Result<Vec<String>> {
        Ok(Vec::new())
    }

    async fn supported_mime_types(&self) -> fdo::Result<Vec<String>> {
        Ok(Vec::new())
    }
}

impl PlayerInterface for Desktop {
    async fn next(&self) -> fdo::Result<()> {
        let (episode, position) = self.playing_where();
        let forward = skip_distances(&lock(&self.store)).1;
        let duration = lock(&self.seen).clock().map_or(0, |c| c.duration_ms);
        match next_ms(&self.chapter_starts(episode), position, forward, duration) {
            Some(ms) => self.seek_to(ms),
            None => Ok(()),
        }
    }

    async fn previous(&self) -> fdo::Result<()> {
        let (episode, position) = self.playing_where();
        let back = skip_distances(&lock(&self.store)).0;
        self.seek_to(previous_ms(&self.chapter_starts(episode), position, back))
    }

    async fn pause(&self) -> fdo::Result<()> {
        self.now.player().pause();
        Ok(())
    }

    async fn play_pause(&self) -> fdo::Result<()> {
        let playing = self.now.player().clock().is_ok_and(|c| c.playing);
        if playing {
            self.pause().await
        } else {
            self.play().await
        }
    }

    /// Pauses and shows "stopped", keeping the listener's place: Play goes on from
    /// there (the specification's "from the start" would lose an hour's place).
    async fn stop(&self) -> fdo::Result<()> {
        self.now.player().pause();
        lock(&self.seen).stop();
        let _ = self.updates.send(Update::Status);
        Ok(())
    }

    async fn play(&self) -> fdo::Result<()> {
        self.now.play(self.now.loaded()).map_err(failed)
    }

    async fn seek(&self, offset: Time) -> fdo::Result<()> {
        let (_, position) = self.playing_where();
        let target = i64::try_from(position)
            .unwrap_or(i64::MAX)
            .saturating_add(offset.as_millis())
            .max(0);
        let duration = lock(&self.seen).clock().map_or(0, |c| c.duration_ms);
        let target = u64::try_from(target).unwrap_or(0);
        self.seek_to(if duration > 0 {
            target.min(duration)
        } else {
            target
        })
    }

    async fn set_position(&self, track: TrackId, position: Time) -> fdo::Result<()> {
        let (episode, _) = self.playing_where();
        let duration = lock(&self.seen).clock().map_or(0, |c| c.duration_ms);
        // The specification: a position for another track, or outside this one, is
        // ignored.
        let ours = episode.and_then(track_id).is_some_and(|id| id == track);
        if !ours || position.is_negative() || ms_of(position) > duration {
            return Ok(());
        }
        self.seek_to(ms_of(position))
    }

    async fn open_uri(&self, _uri: String) -> fdo::Result<()> {
        Err(fdo::Error::NotSupported(
            "Open files from Earmark's window".into(),
        ))
    }

    async fn playback_status(&self) -> fdo::Result<PlaybackStatus> {
        Ok(self.status())
    }

    async fn loop_status(&self) -> fdo::Result<LoopStatus> {
        Ok(LoopStatus::None)
    }

    async fn set_loop_status(&self, _status: LoopStatus) -> BusResult<()> {
        Err(not_supported("loop"))
    }

    async fn rate(&self) -> fdo::Result<PlaybackRate> {
        Ok(lock(&self.seen).clock().map_or(1.0, |c| f64::from(c.rate)))
    }

    /// Our speed; 0 pauses, as the specification says.
    async fn set_rate(&self, rate: PlaybackRate) -> BusResult<()> {
        if rate <= 0.0 || !rate.is_finite() {
            self.now.player().pause();
            return Ok(());
        }
        let speed = rate.clamp(f64::from(MIN_SPEED), f64::from(MAX_SPEED)) as f32;
        self.now
            .set_speed(speed)
            .map(|_| ())
            .map_err(|e| BusError::from(failed(e)))
    }

    async fn shuffle(&self) -> fdo::Result<bool> {
        Ok(false)
    }

    async fn set_shuffle(&self, _shuffle: bool) -> BusResult<()> {
        Err(not_supported("shuffle"))
    }

    async fn metadata(&self) -> fdo::Result<Metadata> {
        Ok(self.track())
    }

    async fn volume(&self) -> fdo::Result<Volume> {
        Ok(lock(&self.seen)
            .clock()
            .map_or(1.0, |c| f64::from(c.volume)))
    }

    async fn set_volume(&self, volume: Volume) -> BusResult<()> {
        if volume.is_finite() {
            self.now.player().set_volume(volume.clamp(0.0, 1.0) as f32);
        }
        Ok(())
    }

    async fn position(&self) -> fdo::Result<Time> {
        Ok(time_of(self.playing_where().1))
    }

    async fn minimum_rate(&self) -> fdo::Result<PlaybackRate> {
        Ok(f64::from(MIN_SPEED))
    }

    async fn maximum_rate(&self) -> fdo::Result<PlaybackRate> {
        Ok(f64::from(MAX_SPEED))
    }

    async fn can_go_next(&self) -> fdo::Result<bool> {
        Ok(self.has_episode())
    }

    async fn can_go_previous(&self) -> fdo::Result<bool> {
        Ok(self.has_episode())
    }

    async fn can_play(&self) -> fdo::Result<bool> {
        Ok(self.has_episode())
    }

    async fn can_pause(&self) -> fdo::Result<bool> {
        Ok(self.has_episode())
    }

    async fn can_seek(&self) -> fdo::Result<bool> {
        Ok(self.has_episode())
    }

    async fn can_control(&self) -> fdo::Result<bool> {
        Ok(true)
    }
}
