//! Getting episodes into the library: local files with their transcripts, and the
//! bundled demo episode a fresh install opens on.

mod attach;
mod demo;
mod error;
mod import;

pub use attach::{
    attach_transcript_bytes, attach_transcript_file, is_transcript_file_name, MAX_TRANSCRIPT_BYTES,
    TRANSCRIPT_EXTENSIONS,
};
pub use demo::{install_demo, DEMO_TITLE};
pub use error::LibraryError;
pub use import::{find_sidecar_transcript, import_local, read_transcript, LocalImport};
