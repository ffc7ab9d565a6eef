//! Getting episodes into the library: local files with their transcripts, and the
//! bundled demo episode a fresh install opens on.

mod demo;
mod error;
mod import;

pub use demo::{install_demo, DEMO_TITLE};
pub use error::LibraryError;
pub use import::{find_sidecar_transcript, import_local, read_transcript, LocalImport};
