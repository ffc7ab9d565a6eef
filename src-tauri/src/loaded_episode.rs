//! Which episode's audio is in the player, and switching it.
//!
//! A switch pauses the old audio and saves its position on the old episode, marks
//! the player as holding no episode, opens the new audio, then marks the new episode
//! (see `session`): a clock of the old audio is never saved on the new episode, and
//! one switch runs at a time.

use earmark_core::store::{Episode, EpisodeId};
use earmark_player::MediaInfo;

use crate::error::{IpcError, IpcResult};
use crate::seek_cache;
use crate::session::{self, SessionEvent};
use crate::state::AppState;
use crate::supervise;

/// Why an episode without an audio file cannot play.
pub const NOT_DOWNLOADED: &str = "This episode has not been downloaded yet.";

/// The episode whose audio is in the player.
pub fn loaded(state: &AppState) -> Option<EpisodeId> {
    *supervise::lock(&state.now_playing.episode)
}

/// An episode opened by [`open`]: as the library has it, and its audio in the player
/// or why it could not be loaded.
#[derive(Debug)]
pub struct Opened {
    /// The episode, read after the one that was in the player saved its position.
    pub episode: Episode,
    /// Its audio's length and format, or why it cannot play.
    pub audio: IpcResult<MediaInfo>,
}

/// Opens `id` in one switch: pauses the episode in the player and saves its position,
/// marks `id` opened and reads it (after that save, so reopening the episode that was
/// playing reads where it was), and loads its audio at its saved position. No play,
/// seek or other open loads anything in between, and two opens finish in the order
/// they began.
pub async fn open(state: &AppState, id: EpisodeId) -> IpcResult<Opened> {
    let _switching = state.now_playing.switching.lock().await;
    release_now(state);
    let episode = state
        .with_store(move |s| {
            s.mark_opened(id)?;
            Ok(s.episode(id)?)
        })
        .await?;
    let audio = load_now(state, &episode).await;
    Ok(Opened { episode, audio })
}

/// Makes sure the player holds `id`'s audio (loading it at its saved position when
/// another episode's, or none, is there), so a play or seek meant for the episode on
/// screen is heard in it. `None` (a window that names no episode) changes nothing.
/// The error says why the audio cannot play (not downloaded, missing, damaged, in a
/// format Earmark cannot play).
pub async fn ensure_loaded(state: &AppState, id: Option<EpisodeId>) -> IpcResult<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let _switching = state.now_playing.switching.lock().await;
    if loaded(state) == Some(id) {
        return Ok(());
    }
    let episode = state.with_store(move |s| Ok(s.episode(id)?)).await?;
    load_now(state, &episode).await.map(|_| ())
}

/// Loads `episode`'s audio at its saved position in place of what the player holds
/// (paused and its position saved) and marks it loaded. An episode with no audio file
/// leaves the player as it is.
async fn load_now(state: &AppState, episode: &Episode) -> IpcResult<MediaInfo> {
    let Some(path) = episode.audio_path.clone() else {
        return Err(IpcError::new("not_downloaded", NOT_DOWNLOADED));
    };
    release_now(state);
    let info = seek_cache::open(state, path, episode.position_ms)
        .await?
        .info;
    mark(state, Some(episode.id));
    Ok(info)
}

/// Pauses the episode in the player, saves its position and marks the player as
/// holding none, then runs `work` before any episode can be opened again (a restore
/// of the library, after which the ids the player knew mean other episodes).
pub async fn with_none_loaded<T>(
    state: &AppState,
    work: impl std::future::Future<Output = T>,
) -> T {
    let _switching = state.now_playing.switching.lock().await;
    release_now(state);
    work.await
}

/// Pauses, saves the loaded episode's position on it, and marks nothing loaded. The
/// pause's clock reaches the session before the mark (the player answers `clock`
/// after it has sent it), so the session saves it on the old episode too.
fn release_now(state: &AppState) {
    let Some(previous) = loaded(state) else {
        return;
    };
    state.player.pause();
    if let Ok(clock) = state.player.clock() {
        if clock.duration_ms > 0 {
            session::save_position(&state.store, previous, clock.media_ms);
        }
    }
    mark(state, None);
}

fn mark(state: &AppState, episode: Option<EpisodeId>) {
    *supervise::lock(&state.now_playing.episode) = episode;
    let _ = state
        .now_playing
        .session
        .send(SessionEvent::Loaded(episode));
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use earmark_core::store::NewEpisode;

    use super::*;

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
    fn episode(state: &AppState, dir: &Path, name: &str, bytes: Option<Vec<u8>>) -> EpisodeId {
        let path = dir.join(name);
        if let Some(bytes) = bytes {
            std::fs::write(&path, bytes).expect("write the audio");
        }
        let episode = NewEpisode {
            title: name.into(),
            audio_path: Some(path),
            ..NewEpisode::default()
        };
        let store = state.store.lock().expect("store");
        store.insert_episode(&episode).expect("episode")
    }

    fn load_code(state: &AppState, id: EpisodeId) -> Option<&'static str> {
        tauri::async_runtime::block_on(ensure_loaded(state, Some(id)))
            .err()
            .map(|e| e.code)
    }

    #[test]
    fn each_reason_the_audio_cannot_play_has_its_own_code() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let not_downloaded = {
            let store = state.store.lock().expect("store");
            let episode = NewEpisode {
                title: "not downloaded".into(),
                ..NewEpisode::default()
            };
            store.insert_episode(&episode).expect("episode")
        };
        let cases = [
            (not_downloaded, Some("not_downloaded")),
            (
                episode(&state, dir.path(), "gone.mp3", None),
                Some("audio_missing"),
            ),
            (
                episode(&state, dir.path(), "rate-0.wav", Some(wav(0))),
                Some("audio_corrupt"),
            ),
            (
                episode(
                    &state,
                    dir.path(),
                    "notes.mp3",
                    Some(b"not audio\n".repeat(500)),
                ),
                Some("audio_unsupported"),
            ),
            (
                episode(&state, dir.path(), "good.wav", Some(wav(8_000))),
                None,
            ),
        ];
        for (id, code) in cases {
            assert_eq!(load_code(&state, id), code, "episode {id}");
        }
        assert_eq!(loaded(&state), Some(cases[4].0), "the good one is loaded");
    }

    #[test]
    fn reopening_the_loaded_episode_reads_where_the_player_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let id = episode(&state, dir.path(), "good.wav", Some(wav(8_000)));
        let first = tauri::async_runtime::block_on(open(&state, id)).expect("open");
        assert_eq!(first.episode.position_ms, 0);
        assert_eq!(first.audio.expect("the audio loads").duration_ms, 1_000);
        state.player.seek(600).expect("seek");
        let again = tauri::async_runtime::block_on(open(&state, id)).expect("open again");
        assert_eq!(again.episode.position_ms, 600, "saved before it was read");
        assert_eq!(loaded(&state), Some(id));
    }

    #[test]
    fn opening_an_episode_without_audio_lets_go_of_the_one_loaded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let good = episode(&state, dir.path(), "good.wav", Some(wav(8_000)));
        let gone = episode(&state, dir.path(), "gone.mp3", None);
        tauri::async_runtime::block_on(open(&state, good)).expect("open");
        let opened = tauri::async_runtime::block_on(open(&state, gone)).expect("open");
        assert_eq!(opened.episode.title, "gone.mp3", "the episode opens");
        assert_eq!(
            opened.audio.map(|_| ()).map_err(|e| e.code),
            Err("audio_missing")
        );
        assert_eq!(loaded(&state), None, "nothing plays under it");
    }
}
