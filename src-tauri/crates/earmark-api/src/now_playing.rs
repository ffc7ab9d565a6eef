//! The episode in the player: which one's audio is loaded, switching it, and the
//! playback settings kept in the library. Blocking; a front end calls it off its
//! async workers.
//!
//! A switch pauses the old audio and saves its position on the old episode, marks
//! the player as holding no episode, opens the new audio (with the MP3 seek index
//! the library keeps for it, [`crate::seek_tables`]), then marks the new episode
//! ([`crate::positions`]): a clock of the old audio is never saved on the new
//! episode, and one switch runs at a time, in the order they were asked for.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use earmark_core::store::{Episode, EpisodeId, Store};
use earmark_player::{MediaInfo, OutputKind, Player, PlayerError};

use crate::episode_view::{opened, OpenedEpisode};
use crate::error_report::ErrorReport;
use crate::positions::{save_position, SessionEvent};
use crate::seek_tables;
use crate::settings::{SKIP_SILENCE_KEY, SPEED_KEY};
use crate::shared::lock;

/// Why an episode without an audio file cannot play.
pub const NOT_DOWNLOADED: &str = "This episode has not been downloaded yet.";

/// The player, the library it saves positions in, and which episode it holds.
#[derive(Debug)]
pub struct NowPlaying {
    store: Arc<Mutex<Store>>,
    player: Player,
    episode: Mutex<Option<EpisodeId>>,
    session: Sender<SessionEvent>,
    /// Held while the audio is switched (fair: switches run in the order asked).
    switching: tokio::sync::Mutex<()>,
}

/// An episode opened by [`NowPlaying::open`]: as the library has it, and its audio's
/// length and format or why it could not be loaded.
#[derive(Debug)]
pub struct Opened {
    /// The episode, read after the one that was in the player saved its position.
    pub episode: Episode,
    /// Its audio, or why it cannot play.
    pub audio: Result<MediaInfo, ErrorReport>,
}

impl NowPlaying {
    /// Starts a player on `output` with the speed and skip silence remembered in
    /// `store`. The receiver hears the player's events and every switch, in order.
    pub fn start(
        store: Arc<Mutex<Store>>,
        output: OutputKind,
    ) -> Result<(Self, Receiver<SessionEvent>), PlayerError> {
        let (session, events) = mpsc::channel();
        let tx = session.clone();
        let player = Player::spawn(output, move |e| {
            let _ = tx.send(SessionEvent::Player(e));
        })?;
        let now = NowPlaying {
            store,
            player,
            episode: Mutex::new(None),
            session,
            switching: tokio::sync::Mutex::new(()),
        };
        now.restore_playback();
        Ok((now, events))
    }

    /// The player, for what needs no episode (pause, volume, the output).
    pub fn player(&self) -> &Player {
        &self.player
    }

    /// The episode whose audio is in the player.
    pub fn loaded(&self) -> Option<EpisodeId> {
        *lock(&self.episode)
    }

    /// Opens `id` in one switch: pauses the episode in the player and saves its
    /// position, marks `id` opened and reads it (after that save, so reopening the
    /// episode that was playing reads where it was), and loads its audio at its saved
    /// position. No play, seek or other open loads anything in between.
    pub fn open(&self, id: EpisodeId) -> Result<Opened, ErrorReport> {
        let _switching = self.switching.blocking_lock();
        self.release_now();
        let episode = {
            let store = lock(&self.store);
            store.mark_opened(id)?;
            store.episode(id)?
        };
        let audio = self.load_now(&episode);
        Ok(Opened { episode, audio })
    }

    /// [`NowPlaying::open`], as the episode view shows it (the audio's exact length
    /// stored when the library had another).
    pub fn open_view(&self, id: EpisodeId) -> Result<OpenedEpisode, ErrorReport> {
        let Opened { episode, audio } = self.open(id)?;
        let audio = audio.map(|info| info.duration_ms);
        Ok(opened(&lock(&self.store), episode, audio)?)
    }

    /// Makes sure the player holds `id`'s audio (loading it at its saved position when
    /// another episode's, or none, is there), so a play or seek meant for the episode
    /// on screen is heard in it. `None` (a window that names no episode) changes
    /// nothing. The error says why the audio cannot play.
    pub fn ensure_loaded(&self, id: Option<EpisodeId>) -> Result<(), ErrorReport> {
        let Some(id) = id else {
            return Ok(());
        };
        let _switching = self.switching.blocking_lock();
        if self.loaded() == Some(id) {
            return Ok(());
        }
        let episode = lock(&self.store).episode(id)?;
        self.load_now(&episode).map(|_| ())
    }

    /// Plays `episode` (the one on screen) from where it is.
    pub fn play(&self, episode: Option<EpisodeId>) -> Result<(), ErrorReport> {
        self.ensure_loaded(episode)?;
        Ok(self.player.play()?)
    }

    /// Moves to `ms` in `episode`, exact to the sample.
    pub fn seek(&self, episode: Option<EpisodeId>, ms: u64) -> Result<(), ErrorReport> {
        self.ensure_loaded(episode)?;
        Ok(self.player.seek(ms)?)
    }

    /// Moves to `ms` in `episode` and plays from there, even when another episode
    /// was playing.
    pub fn play_from(&self, episode: Option<EpisodeId>, ms: u64) -> Result<(), ErrorReport> {
        self.seek(episode, ms)?;
        Ok(self.player.play()?)
    }

    /// Sets the speed (pitch kept) and remembers it; the speed in effect.
    pub fn set_speed(&self, rate: f32) -> Result<f32, ErrorReport> {
        let speed = self.player.set_speed(rate);
        lock(&self.store).set_setting(SPEED_KEY, &speed)?;
        Ok(speed)
    }

    /// Skips silences (or stops) and remembers the choice.
    pub fn set_skip_silence(&self, on: bool) -> Result<(), ErrorReport> {
        self.player.set_skip_silence(on);
        Ok(lock(&self.store).set_setting(SKIP_SILENCE_KEY, &on)?)
    }

    /// Pauses the episode in the player, saves its position and marks the player as
    /// holding none, then runs `work` before any episode can be opened again (a
    /// restore of the library, after which the ids the player knew mean others).
    pub fn with_none_loaded<T>(&self, work: impl FnOnce() -> T) -> T {
        let _switching = self.switching.blocking_lock();
        self.release_now();
        work()
    }

    /// Saves where the loaded episode is (when the app exits).
    pub fn save_position_now(&self) {
        if let (Some(episode), Ok(clock)) = (self.loaded(), self.player.clock()) {
            save_position(&self.store, episode, clock.media_ms);
        }
    }

    fn restore_playback(&self) {
        let store = lock(&self.store);
        if let Ok(Some(speed)) = store.setting::<f32>(SPEED_KEY) {
            self.player.set_speed(speed);
        }
        if let Ok(Some(on)) = store.setting::<bool>(SKIP_SILENCE_KEY) {
            self.player.set_skip_silence(on);
        }
    }

    /// Loads `episode`'s audio at its saved position in place of what the player
    /// holds and marks it loaded. An episode with no audio file leaves the player as
    /// it is.
    fn load_now(&self, episode: &Episode) -> Result<MediaInfo, ErrorReport> {
        let Some(path) = episode.audio_path.clone() else {
            return Err(ErrorReport::new("not_downloaded", NOT_DOWNLOADED));
        };
        self.release_now();
        let info = self.open_indexed(path, episode.position_ms)?.info;
        self.mark(Some(episode.id));
        Ok(info)
    }

    /// Loads `audio` at `start_ms` with the seek index the library holds for it, and
    /// keeps in the library an index the player had to build.
    fn open_indexed(
        &self,
        audio: PathBuf,
        start_ms: u64,
    ) -> Result<earmark_player::Opened, PlayerError> {
        let from_cache = seek_tables::cached(&lock(&self.store), &audio);
        let opened = self
            .player
            .open_indexed(audio.clone(), start_ms, from_cache.clone())?;
        if let Some(used) = &opened.index {
            seek_tables::remember(&lock(&self.store), &audio, from_cache.as_ref(), used);
        }
        Ok(opened)
    }

    /// Pauses, saves the loaded episode's position on it, and marks nothing loaded.
    /// The pause's clock reaches the session before the mark (the player answers
    /// `clock` after it has sent it), so the session saves it on the old episode too.
    fn release_now(&self) {
        let Some(previous) = self.loaded() else {
            return;
        };
        self.player.pause();
        if let Ok(clock) = self.player.clock() {
            if clock.duration_ms > 0 {
                save_position(&self.store, previous, clock.media_ms);
            }
        }
        self.mark(None);
    }

    fn mark(&self, episode: Option<EpisodeId>) {
        *lock(&self.episode) = episode;
        let _ = self.session.send(SessionEvent::Loaded(episode));
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use earmark_core::store::{FileCache, FileKey, NewEpisode};
    use earmark_player::{MediaDecoder, SeekIndex};

    use super::*;

    /// A library in `dir` and a player that needs no sound card.
    fn now_playing(dir: &Path) -> NowPlaying {
        let store = Store::open_in_data_dir(dir).expect("a library for the test");
        let output = OutputKind::NullFast {
            sample_rate: 44_100,
            channels: 1,
        };
        NowPlaying::start(Arc::new(Mutex::new(store)), output)
            .expect("a player for the test")
            .0
    }

    /// A mono 16-bit WAV of a second of a tone at `rate` (0: a header no decoder can
    /// use, the file damaged).
    fn wav(rate: u32) -> Vec<u8> {
        let samples: Vec<u8> = (0..8_000u32)
            .flat_map(|i| (((i % 20) as i16 - 10) * 1_000).to_le_bytes())
            .collect();
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"RIFF");
        bytes.extend_from_slice(&(36 + samples.len() as u32).to_le_bytes());
        bytes.extend_from_slice(b"WAVEfmt ");
        bytes.extend_from_slice(&16u32.to_le_bytes());
        bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
        bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
        bytes.extend_from_slice(&rate.to_le_bytes());
        bytes.extend_from_slice(&(rate * 2).to_le_bytes());
        bytes.extend_from_slice(&2u16.to_le_bytes());
        bytes.extend_from_slice(&16u16.to_le_bytes());
        bytes.extend_from_slice(b"data");
        bytes.extend_from_slice(&(samples.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&samples);
        bytes
    }

    /// An episode whose audio is `bytes` in a file named `name` (`None`: no file).
    fn episode(now: &NowPlaying, dir: &Path, name: &str, bytes: Option<Vec<u8>>) -> EpisodeId {
        let path = dir.join(name);
        if let Some(bytes) = bytes {
            std::fs::write(&path, bytes).expect("write the audio");
        }
        let episode = NewEpisode {
            title: name.into(),
            audio_path: Some(path),
            ..NewEpisode::default()
        };
        lock(&now.store).insert_episode(&episode).expect("episode")
    }

    #[test]
    fn each_reason_the_audio_cannot_play_has_its_own_code() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = now_playing(dir.path());
        let not_downloaded = {
            let episode = NewEpisode {
                title: "not downloaded".into(),
                ..NewEpisode::default()
            };
            lock(&now.store).insert_episode(&episode).expect("episode")
        };
        let d = dir.path();
        let cases = [
            (not_downloaded, Some("not_downloaded")),
            (episode(&now, d, "gone.mp3", None), Some("audio_missing")),
            (
                episode(&now, d, "rate-0.wav", Some(wav(0))),
                Some("audio_corrupt"),
            ),
            (
                episode(&now, d, "notes.mp3", Some(b"not audio\n".repeat(500))),
                Some("audio_unsupported"),
            ),
            (episode(&now, d, "good.wav", Some(wav(8_000))), None),
        ];
        for (id, code) in cases {
            let got = now.ensure_loaded(Some(id)).err().map(|e| e.code);
            assert_eq!(got, code, "episode {id}");
        }
        assert_eq!(now.loaded(), Some(cases[4].0), "the good one is loaded");
    }

    #[test]
    fn reopening_the_loaded_episode_reads_where_the_player_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = now_playing(dir.path());
        let id = episode(&now, dir.path(), "good.wav", Some(wav(8_000)));
        let first = now.open(id).expect("open");
        assert_eq!(first.episode.position_ms, 0);
        assert_eq!(first.audio.expect("the audio loads").duration_ms, 1_000);
        now.player.seek(600).expect("seek");
        let again = now.open(id).expect("open again");
        assert_eq!(again.episode.position_ms, 600, "saved before it was read");
        assert_eq!(now.loaded(), Some(id));
    }

    #[test]
    fn opening_an_episode_without_audio_lets_go_of_the_one_loaded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = now_playing(dir.path());
        let good = episode(&now, dir.path(), "good.wav", Some(wav(8_000)));
        let gone = episode(&now, dir.path(), "gone.mp3", None);
        now.open(good).expect("open");
        let opened = now.open(gone).expect("open");
        assert_eq!(opened.episode.title, "gone.mp3", "the episode opens");
        assert_eq!(
            opened.audio.map(|_| ()).map_err(|e| e.code),
            Err("audio_missing")
        );
        assert_eq!(now.loaded(), None, "nothing plays under it");
    }

    #[test]
    fn speed_and_skip_silence_are_remembered_for_the_next_start() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = now_playing(dir.path());
        let speed = now.set_speed(1.52).expect("speed");
        assert!((speed - 1.5).abs() < 1e-6, "snapped to 0.05: {speed}");
        now.set_skip_silence(true).expect("skip silence");
        let store = lock(&now.store);
        assert_eq!(store.setting::<f32>(SPEED_KEY).expect("read"), Some(speed));
        assert_eq!(
            store.setting::<bool>(SKIP_SILENCE_KEY).expect("read"),
            Some(true)
        );
    }

    fn demo_copy(dir: &Path) -> PathBuf {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/demo/demo.mp3");
        let copy = dir.join("episode.mp3");
        std::fs::copy(demo, &copy).expect("copy the demo episode");
        copy
    }

    fn stored(now: &NowPlaying, audio: &Path) -> Option<SeekIndex> {
        seek_tables::cached(&lock(&now.store), audio)
    }

    #[test]
    fn the_first_open_stores_the_index_and_the_next_open_reuses_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let now = now_playing(dir.path());

        assert_eq!(
            stored(&now, &audio),
            None,
            "nothing cached before the first open"
        );
        let first = now.open_indexed(audio.clone(), 0).expect("first open");
        let built = first.index.expect("an MP3 gets a seek index");
        assert_eq!(
            stored(&now, &audio).as_ref(),
            Some(&built),
            "the open stored the index it built"
        );
        let second = now.open_indexed(audio.clone(), 0).expect("second open");
        assert_eq!(second.index, Some(built), "the cached index was used");
        assert_eq!(second.info, first.info, "same exact length from the cache");
    }

    #[test]
    fn opening_hands_the_cached_index_to_the_player() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let now = now_playing(dir.path());
        // The index of a copy as long as the episode whose last two thirds are zeros
        // describes a shorter stream: only the index from the library gives that length.
        let shorter = dir.path().join("shorter.mp3");
        let mut bytes = std::fs::read(&audio).expect("read");
        let third = bytes.len() / 3;
        bytes[third..].fill(0);
        std::fs::write(&shorter, bytes).expect("write the shorter copy");
        let (short, short_index) = MediaDecoder::open_with_index(&shorter, None).expect("open");
        let short_index = short_index.expect("index");
        let key = FileKey::for_file(&audio).expect("key");
        lock(&now.store)
            .put_cached(FileCache::SeekIndex, &key, &short_index.to_bytes())
            .expect("cache the index");

        let opened = now.open_indexed(audio.clone(), 0).expect("open");
        assert_eq!(
            opened.index.as_ref(),
            Some(&short_index),
            "the player used the cached index"
        );
        assert_eq!(
            opened.info.frames,
            short.info().frames,
            "the length comes from the cached index, not from a scan"
        );
        assert_eq!(
            stored(&now, &audio),
            Some(short_index),
            "an index used from the cache is not written again"
        );
    }

    #[test]
    fn a_changed_file_misses_the_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let audio = demo_copy(dir.path());
        let now = now_playing(dir.path());
        now.open_indexed(audio.clone(), 0).expect("open");

        let mut bytes = std::fs::read(&audio).expect("read");
        bytes.truncate(bytes.len() / 2);
        std::fs::write(&audio, bytes).expect("rewrite the file shorter");
        assert_eq!(
            stored(&now, &audio),
            None,
            "an index of the old file is not offered"
        );
    }
}
