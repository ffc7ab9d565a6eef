//! Earmark's domain: the transcript model and its formats, the library store, and
//! getting episodes in. Nothing here knows about windows or sound cards.

pub mod anchor;
pub mod artwork;
pub mod atomic_file;
pub mod backup;
pub mod chapters;
pub mod coded_message;
pub mod directory;
pub mod downloads;
pub mod earmarks;
pub mod export;
pub mod feeds;
pub mod http;
pub mod library;
pub mod limits;
pub mod opml;
pub mod panic_report;
pub mod paths;
pub mod store;
pub mod text_encoding;
pub mod transcript;
