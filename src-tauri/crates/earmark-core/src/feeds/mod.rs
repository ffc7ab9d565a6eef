//! Podcast feeds: reading RSS 2.0 (iTunes and Podcasting 2.0 tags) and Atom, and
//! keeping subscriptions in the library.
//!
//! - [`parse_feed`] is pure: bytes in, a [`Feed`] of sanitized text out.
//! - [`subscribe`] and [`refresh`] fetch a feed with an [`HttpClient`](crate::http::HttpClient),
//!   store the podcast and upsert its episodes by guid (counting new ones), and fetch
//!   the transcripts and chapters of the newest new episodes ([`fetch_extras`]; the
//!   rest come with the audio when an episode is downloaded).
//!
//! Feed input is hostile until proven otherwise: see [`parse`] for the bounds and
//! [`text`] for the sanitizing.

mod atom;
mod dates;
mod discover;
mod duration;
mod episode_page;
mod error;
mod extras;
mod media_rss;
mod model;
mod month_names;
mod page_episode;
pub mod parse;
mod podcast_tags;
mod podlove;
mod refresh;
mod refresh_all;
mod rss;
mod salvage;
pub mod schedule;
pub mod text;
mod unsubscribe;
mod update_frequency;

pub use dates::{parse_date, parse_datetime, parse_datetime_at};
pub use discover::feed_links;
pub use duration::parse_duration;
pub use episode_page::{
    attach_page_transcript, fetch_page_transcript, FetchedPage, PageError, MAX_PAGE_BYTES,
};
pub use error::{FeedError, NotFeed, SubscribeError};
pub use extras::{fetch_extras, Extras, MAX_SIDECAR_BYTES, TRANSCRIPT_TRIES};
pub use model::{
    best_transcript, ChaptersLink, Enclosure, Feed, FeedEpisode, FeedKind, Person, TranscriptLink,
};
pub use parse::{parse_feed, parse_feed_from, parse_fetched_feed, MAX_FEED_BYTES};
pub use refresh::{refresh, store_feed, subscribe, Refreshed, StoredFeed, EXTRAS_FOR_NEWEST};
pub use refresh_all::{
    check, refresh_all, AllRefreshed, RefreshAll, RefreshProgress, REFRESH_WORKERS,
};
pub use text::{html_to_text, one_line_text};
pub use unsubscribe::{unsubscribe, Unsubscribed};
