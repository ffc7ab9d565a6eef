//! PocketSphinx's en-US acoustic model, where it is installed: its front end over
//! an episode's 16 kHz audio ([`front`]) and a check of whether a line's words are
//! said in a stretch of it ([`check`]), through Debian's library opened at run
//! time ([`library`]). The aligner uses it to check the lines it placed.
//!
//! This is the workspace's one crate with `unsafe` code: PocketSphinx is C, and
//! Debian's build has no maintained Rust binding (`pocketsphinx` 0.6 on crates.io
//! links the library at build time and wraps the 0.8 API). Every block states why
//! it is sound; the rest of the workspace still forbids `unsafe`.

pub mod check;
pub mod front;
mod library;

pub use check::{Heard, LineChecker, Search};
pub use front::{Cepstra, CepstrumFront};
