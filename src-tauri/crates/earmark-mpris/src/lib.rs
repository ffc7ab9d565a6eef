//! Earmark on the Linux desktop's media controls: MPRIS2 on the session bus, which
//! the keyboard's media keys, a headset's buttons, the desktop's player widgets and
//! `playerctl` speak. Play, pause, stop, next and previous (chapters, or the skip
//! distances), seek and set the position, speed and volume; the episode's title,
//! show, length and artwork; the `Seeked` signal when the position jumps.
//!
//! The bus is served on a thread of its own, which hears the player's clock from the
//! session thread ([`MediaControls::clock`]). Without a session bus there are no media
//! controls and Earmark runs as before.

mod desktop;
mod moves;
mod seen;
mod track;

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use earmark_api::now_playing::NowPlaying;
use earmark_api::shared::lock;
use earmark_core::store::Store;
use earmark_player::ClockSnapshot;
use mpris_server::{Property, Server, Signal};

pub use desktop::Raise;

use desktop::Desktop;
use seen::Seen;

/// The desktop entry the controls belong to (`Earmark.desktop`, the package's).
pub const DESKTOP_ENTRY: &str = "Earmark";
/// The player's name on the bus, before its `.instance<pid>`: what `playerctl -p` takes.
pub const BUS_NAME: &str = "earmark";

/// What the announcing thread hears.
#[derive(Debug)]
enum Update {
    /// The player's clock, heard at that instant.
    Clock(ClockSnapshot, Instant),
    /// The playback status changed without a clock (a stop).
    Status,
}

/// The media controls: send them every clock of the player.
#[derive(Debug)]
pub struct MediaControls {
    updates: mpsc::Sender<Update>,
}

impl MediaControls {
    /// Offers the player to the desktop on the session bus as
    /// `org.mpris.MediaPlayer2.earmark.instance<pid>`, with the episodes' pictures from
    /// `data_dir`'s artwork cache. Returns at once; without a bus it says so on stderr
    /// and the controls do nothing.
    pub fn start(
        now: Arc<NowPlaying>,
        store: Arc<Mutex<Store>>,
        data_dir: PathBuf,
        raise: Raise,
    ) -> Self {
        let (updates, heard) = mpsc::channel();
        let desktop = Desktop {
            now,
            store,
            data_dir,
            seen: Mutex::new(Seen::default()),
            raise,
            updates: updates.clone(),
        };
        let serving = std::thread::Builder::new()
            .name("earmark-mpris".into())
            .spawn(move || serve(desktop, heard));
        if let Err(e) = serving {
            eprintln!("earmark: no media controls: {e}");
        }
        MediaControls { updates }
    }

    /// The player's clock, as it comes (changes are announced from it).
    pub fn clock(&self, clock: ClockSnapshot) {
        let _ = self.updates.send(Update::Clock(clock, Instant::now()));
    }
}

/// Serves the bus until the app ends.
fn serve(desktop: Desktop, heard: Receiver<Update>) {
    let name = format!("{BUS_NAME}.instance{}", std::process::id());
    let server = match futures_lite::future::block_on(Server::new(&name, desktop)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("earmark: no media keys or desktop player controls (no session bus: {e})");
            return;
        }
    };
    for update in heard {
        futures_lite::future::block_on(announce(&server, update));
    }
}

/// Tells the desktop what `update` changed.
async fn announce(server: &Server<Desktop>, update: Update) {
    let desktop = server.imp();
    let changes = match update {
        Update::Clock(clock, at) => {
            let episode = desktop.now.loaded();
            lock(&desktop.seen).update(clock, at, episode)
        }
        Update::Status => seen::Changes {
            status: true,
            ..Default::default()
        },
    };
    let mut properties = Vec::new();
    if changes.track {
        properties.push(Property::Metadata(desktop.track()));
        let some = desktop.has_episode();
        properties.extend([
            Property::CanPlay(some),
            Property::CanPause(some),
            Property::CanSeek(some),
            Property::CanGoNext(some),
            Property::CanGoPrevious(some),
        ]);
    }
    let clock = lock(&desktop.seen).clock();
    if changes.status || changes.track {
        properties.push(Property::PlaybackStatus(desktop.status()));
    }
    if let Some(clock) = clock {
        if changes.rate {
            properties.push(Property::Rate(f64::from(clock.rate)));
        }
        if changes.volume {
            properties.push(Property::Volume(f64::from(clock.volume)));
        }
    }
    if !properties.is_empty() {
        let _ = server.properties_changed(properties).await;
    }
    if let Some(ms) = changes.jumped_to {
        let position = mpris_server::Time::from_millis(i64::try_from(ms).unwrap_or(i64::MAX));
        let _ = server.emit(Signal::Seeked { position }).await;
    }
}
