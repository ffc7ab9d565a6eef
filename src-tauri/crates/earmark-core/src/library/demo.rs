//! The demo episode bundled in the binary, so a fresh install shows its worth at once.

use std::path::Path;

use serde::Deserialize;

use crate::store::{EpisodeId, Store};

use super::{import_local, LibraryError, LocalImport};

const DEMO_AUDIO: &[u8] = include_bytes!("../../../../../assets/demo/demo.mp3");
const DEMO_VTT: &[u8] = include_bytes!("../../../../../assets/demo/demo.vtt");
const DEMO_TXT: &[u8] = include_bytes!("../../../../../assets/demo/demo.txt");
const DEMO_META: &str = include_str!("../../../../../assets/demo/episode.json");

/// Settings key remembering that the demo was offered once (a user who deletes it
/// does not get it back).
const INSTALLED_KEY: &str = "demo_installed";

/// Fallback title, used when the bundled metadata cannot be read.
pub const DEMO_TITLE: &str = "Earmark demo episode";

#[derive(Deserialize)]
struct DemoMeta {
    title: String,
    /// The show it belongs to ("Earmark Demo"): it is filed under it, not under
    /// "Local files", so its exports name the show.
    podcast: Option<String>,
    description: Option<String>,
    duration_ms: Option<u64>,
}

/// On the first start, writes the demo episode into `data_dir/demo/` and adds it to
/// the library with its timed transcript, filed under its show (a show without a
/// feed, as local files are filed by their tags). Returns its id when it was
/// installed now.
pub fn install_demo(store: &Store, data_dir: &Path) -> Result<Option<EpisodeId>, LibraryError> {
    if store.setting::<bool>(INSTALLED_KEY)?.unwrap_or(false) {
        return Ok(None);
    }
    let dir = data_dir.join("demo");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LibraryError::Io { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let files: [(&str, &[u8]); 3] = [
        ("demo.mp3", DEMO_AUDIO),
        ("demo.vtt", DEMO_VTT),
        ("demo-website.txt", DEMO_TXT),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    let meta: Option<DemoMeta> = serde_json::from_str(DEMO_META).ok();
    let podcast = meta
        .as_ref()
        .and_then(|m| m.podcast.as_deref())
        .map(|show| store.local_show(show))
        .transpose()?;
    let id = import_local(
        store,
        &LocalImport {
            audio: dir.join("demo.mp3"),
            transcript: Some(dir.join("demo.vtt")),
            title: Some(
                meta.as_ref()
                    .map_or(DEMO_TITLE.to_string(), |m| m.title.clone()),
            ),
            description: meta.as_ref().and_then(|m| m.description.clone()),
            duration_ms: meta.as_ref().and_then(|m| m.duration_ms),
            podcast,
        },
    )?;
    store.set_setting(INSTALLED_KEY, &true)?;
    Ok(Some(id))
}
