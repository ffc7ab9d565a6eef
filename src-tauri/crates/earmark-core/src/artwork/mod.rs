//! Artwork kept on this computer: a show's and an episode's pictures (`itunes:image`)
//! are fetched once into `<data>/artwork/`, checked and scaled down there, and shown
//! from there ever after — offline too, and without the window loading anything from
//! the web.
//!
//! A picture is trusted only by its own bytes: at most [`MAX_ARTWORK_BYTES`], PNG,
//! JPEG, GIF or WebP by signature (never SVG, which can carry script), decoded within
//! bounds ([`scaled`]) and stored again as PNG or JPEG in the [`ArtworkSize`]s the
//! window uses, under a hash of its address ([`ArtworkCache`]). A fetch that failed is
//! remembered, and tried again only after [`RETRY_FAILED_AFTER`].

mod cache;
mod fetch;
mod png_palette;
mod scale;

pub use cache::{ArtworkCache, ArtworkSize, ARTWORK_DIR, RETRY_FAILED_AFTER};
pub use fetch::{fetch_artwork, ArtworkFetch, MAX_ARTWORK_BYTES};
pub use scale::{scaled, Scaled};
