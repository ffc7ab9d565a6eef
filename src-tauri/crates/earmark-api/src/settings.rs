//! The settings the app itself reads (the window reads and writes these too: its
//! table is `ui/js/lib/settings.js`, and a UI test checks that every key here is
//! there, spelled the same).

use std::path::PathBuf;
use std::time::Duration;

use earmark_core::directory::Directories;
use earmark_core::store::{Store, StoreResult};
use serde_json::Value;

/// The playback speed (a number, 0.5–3.0), restored at start.
pub const SPEED_KEY: &str = "playback.speed";
/// Skip silence (a boolean), restored at start.
pub const SKIP_SILENCE_KEY: &str = "playback.skip_silence";
/// How far "back" skips, in ms (a number); the desktop's Previous without chapters.
pub const SKIP_BACK_KEY: &str = "playback.skip_back_ms";
/// How far "forward" skips, in ms (a number); the desktop's Next without chapters.
pub const SKIP_FORWARD_KEY: &str = "playback.skip_forward_ms";
/// The skip distances (back, forward) unless the settings say otherwise, in ms, and
/// the shortest and longest taken: the window's (`tests/ui/settings-keys.test.js`).
pub const DEFAULT_SKIPS_MS: (u64, u64) = (15_000, 30_000);
/// See [`DEFAULT_SKIPS_MS`].
pub const SKIP_RANGE_MS: (u64, u64) = (1_000, 300_000);
/// The minutes between background checks for new episodes (a number).
pub const REFRESH_MINUTES_KEY: &str = "library.refresh_minutes";

/// The user's own Podcast Index API key (a string); searches ask Podcast Index too
/// when it and the secret are set.
pub const PODCAST_INDEX_KEY: &str = "directory.podcastindex_key";
/// The secret that goes with [`PODCAST_INDEX_KEY`] (a string).
pub const PODCAST_INDEX_SECRET_KEY: &str = "directory.podcastindex_secret";

/// A folder with a CTranslate2 Whisper model to transcribe with instead of the
/// installed one (a string; empty for the installed one).
pub const SPEECH_MODEL_KEY: &str = "speech.model_dir";
/// Transcribe episodes with audio on this computer and no transcript in the
/// background (a boolean; [`crate::transcribe_queue`]).
pub const AUTO_TRANSCRIBE_KEY: &str = "speech.auto_transcribe";

/// Minutes between background checks unless the settings say otherwise.
pub const DEFAULT_REFRESH_MINUTES: f64 = 60.0;
/// The shortest and longest gaps between background checks the app takes, in minutes.
/// The window's Settings offer the same default and longest gap and, as the shortest,
/// 5 minutes (`REFRESH_MINUTES` in `ui/js/lib/settings.js`; `tests/ui/settings-keys.test.js`
/// holds the two to that); a shorter gap is only ever written into the library by the
/// end-to-end tests, which need a background check within seconds.
pub const REFRESH_MINUTES_RANGE: (f64, f64) = (0.05, 1440.0);

/// The gap before the next background check: the setting, within
/// [`REFRESH_MINUTES_RANGE`], else [`DEFAULT_REFRESH_MINUTES`] (also when the library
/// cannot be read).
pub fn refresh_interval(store: &Store) -> Duration {
    let minutes = store
        .setting::<f64>(REFRESH_MINUTES_KEY)
        .ok()
        .flatten()
        .filter(|m| m.is_finite())
        .unwrap_or(DEFAULT_REFRESH_MINUTES)
        .clamp(REFRESH_MINUTES_RANGE.0, REFRESH_MINUTES_RANGE.1);
    Duration::from_secs_f64(minutes * 60.0)
}

/// How far to skip (back, forward) in ms: the settings within [`SKIP_RANGE_MS`], else
/// [`DEFAULT_SKIPS_MS`].
pub fn skip_distances(store: &Store) -> (u64, u64) {
    let read = |key: &str, fallback: u64| {
        store
            .setting::<f64>(key)
            .ok()
            .flatten()
            .filter(|ms| ms.is_finite() && *ms >= 0.0)
            .map_or(fallback, |ms| ms.round() as u64)
            .clamp(SKIP_RANGE_MS.0, SKIP_RANGE_MS.1)
    };
    (
        read(SKIP_BACK_KEY, DEFAULT_SKIPS_MS.0),
        read(SKIP_FORWARD_KEY, DEFAULT_SKIPS_MS.1),
    )
}

/// The podcast directories a search asks: the public ones, and Podcast Index with the
/// key and secret the settings hold (when the library cannot be read, without it).
pub fn directories(store: &Store) -> Directories {
    let text = |key: &str| {
        store
            .setting::<String>(key)
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    Directories::from_env()
        .with_podcast_index(&text(PODCAST_INDEX_KEY), &text(PODCAST_INDEX_SECRET_KEY))
}

/// The speech model folder Settings name, if any.
pub fn speech_model(store: &Store) -> Option<PathBuf> {
    store
        .setting::<String>(SPEECH_MODEL_KEY)
        .ok()
        .flatten()
        .map(|dir| dir.trim().to_owned())
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// Sets a setting; the value as stored (read back), which the window shows.
pub fn set_setting(store: &Store, key: &str, value: &Value) -> StoreResult<Value> {
    store.set_setting(key, value)?;
    Ok(store.setting(key)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_set_answers_with_what_is_stored() {
        let store = crate::testing::library();
        let stored = set_setting(&store, "playback.skip_back_ms", &Value::from(5_000));
        assert_eq!(stored.expect("set"), Value::from(5_000));
        let again = set_setting(&store, "playback.skip_back_ms", &Value::from(7_000));
        assert_eq!(again.expect("set"), Value::from(7_000));
        assert_eq!(
            store.setting::<u64>("playback.skip_back_ms").expect("read"),
            Some(7_000)
        );
    }

    #[test]
    fn skip_distances_are_the_settings_within_range_else_the_defaults() {
        let store = crate::testing::library();
        assert_eq!(skip_distances(&store), DEFAULT_SKIPS_MS);
        set_setting(&store, SKIP_BACK_KEY, &Value::from(5_000)).expect("set");
        set_setting(&store, SKIP_FORWARD_KEY, &Value::from(10_000_000)).expect("set");
        assert_eq!(skip_distances(&store), (5_000, SKIP_RANGE_MS.1));
        set_setting(&store, SKIP_BACK_KEY, &Value::from("soon")).expect("set");
        assert_eq!(skip_distances(&store).0, DEFAULT_SKIPS_MS.0);
    }

    #[test]
    fn podcast_index_is_asked_once_the_settings_hold_a_key_and_a_secret() {
        let store = crate::testing::library();
        assert!(directories(&store).podcast_index.is_none());
        store
            .set_setting(PODCAST_INDEX_KEY, &Value::from("K"))
            .expect("set");
        assert!(directories(&store).podcast_index.is_none(), "no secret yet");
        store
            .set_setting(PODCAST_INDEX_SECRET_KEY, &Value::from("S"))
            .expect("set");
        let index = directories(&store).podcast_index.expect("asked");
        assert_eq!((index.key.as_str(), index.secret.as_str()), ("K", "S"));
    }

    #[test]
    fn the_refresh_interval_is_the_setting_within_its_range() {
        let store = crate::testing::library();
        assert_eq!(
            refresh_interval(&store),
            Duration::from_secs(3_600),
            "the default"
        );
        store
            .set_setting(REFRESH_MINUTES_KEY, &Value::from(0.05))
            .expect("set");
        assert_eq!(refresh_interval(&store), Duration::from_secs(3));
        store
            .set_setting(REFRESH_MINUTES_KEY, &Value::from(100_000))
            .expect("set");
        assert_eq!(refresh_interval(&store), Duration::from_secs(1_440 * 60));
        store
            .set_setting(REFRESH_MINUTES_KEY, &Value::from("soon"))
            .expect("set");
        assert_eq!(
            refresh_interval(&store),
            Duration::from_secs(3_600),
            "unreadable: the default"
        );
    }
}
