//! The settings the app itself reads (the window reads and writes these too: its
//! table is `ui/js/lib/settings.js`, and a UI test checks that every key here is
//! there, spelled the same).

/// The playback speed (a number, 0.5–3.0), restored at start.
pub const SPEED_KEY: &str = "playback.speed";
/// Skip silence (a boolean), restored at start.
pub const SKIP_SILENCE_KEY: &str = "playback.skip_silence";
/// The minutes between background checks for new episodes (a number).
pub const REFRESH_MINUTES_KEY: &str = "library.refresh_minutes";

/// Minutes between background checks unless the settings say otherwise.
pub const DEFAULT_REFRESH_MINUTES: f64 = 60.0;
/// The shortest and longest gaps between background checks the app takes, in minutes
/// (the window offers 5 minutes at the least; shorter gaps are for tests).
pub const REFRESH_MINUTES_RANGE: (f64, f64) = (0.05, 24.0 * 60.0);
