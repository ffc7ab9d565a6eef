//! Earmark's domain: the transcript model and its formats, the library store,
//! and the paths they live in. Nothing here knows about windows or sound cards.

pub mod paths;
pub mod store;
pub mod transcript;
