//! Getting episodes into the library: local files with their transcripts (one, or
//! files and folders by the handful), and the bundled demo episode a fresh install
//! opens on.

mod attach;
mod cover;
mod demo;
mod error;
mod files;
mod import;
mod read;
mod tags;

pub use attach::{attach_parsed, is_transcript_file_name, TRANSCRIPT_EXTENSIONS};
pub(crate) use cover::image_type;
pub use cover::{read_cover, Cover, MAX_COVER_BYTES};
pub use demo::{install_demo, DEMO_TITLE};
pub use error::LibraryError;
pub use files::{
    collect_audio_files, import_audio_files, import_tagged, is_audio_file_name, FilesImported,
    AUDIO_EXTENSIONS, MAX_FILES, MAX_FOLDER_DEPTH,
};
pub use import::{find_sidecar_transcript, import_local, LocalImport};
pub use read::{read_transcript, read_transcript_as, read_transcript_bytes, MAX_TRANSCRIPT_BYTES};
pub use tags::{read_tags, AudioTags};
