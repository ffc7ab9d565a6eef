//! The transcript an episode's web page shows: fetched (size-capped; scripts never
//! run, the page is only parsed), its transcript section found and read
//! ([`crate::transcript::read_episode_page`]), and stored marked as read from that
//! page, cut off or whole. For an episode whose feed links no transcript (at
//! subscribe or refresh, [`super::fetch_extras`]) and for any address the user gives.

use serde::Serialize;
use thiserror::Error;

use crate::http::{HttpClient, NetError};
use crate::store::{EpisodeId, Store, StoreError, TranscriptOrigin};
use crate::transcript::{read_fetched_page, PageTranscript, Transcript, TranscriptError};

/// The largest web page read for its transcript.
pub const MAX_PAGE_BYTES: u64 = 5_000_000;

/// A transcript read from a web page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FetchedPage {
    /// The transcript, untimed unless the page gave times.
    pub transcript: Transcript,
    /// The page it was read from, after redirects.
    pub source_url: String,
    /// The page cut it off: it covers only the start of the episode.
    pub incomplete: bool,
}

impl FetchedPage {
    /// Where the transcript came from, as the library keeps it.
    pub fn origin(&self) -> TranscriptOrigin {
        TranscriptOrigin::page(&self.source_url, self.incomplete)
    }
}

/// Why a page's transcript could not be had.
#[derive(Debug, Error)]
pub enum PageError {
    /// The page could not be fetched.
    #[error(transparent)]
    Net(#[from] NetError),
    /// The page holds no transcript that could be read.
    #[error(transparent)]
    Transcript(#[from] TranscriptError),
    /// The library could not store it.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PageError {
    /// A short, stable code for the IPC boundary and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            PageError::Net(e) => e.code(),
            PageError::Transcript(e) => e.code(),
            PageError::Store(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            PageError::Net(e) => e.params(),
            PageError::Transcript(e) => e.params(),
            PageError::Store(e) => e.params(),
        }
    }
}

/// Fetches the page at `url` and reads its transcript.
pub fn fetch_page_transcript(http: &HttpClient, url: &str) -> Result<FetchedPage, PageError> {
    let fetched = http.fetch(url, MAX_PAGE_BYTES)?;
    let PageTranscript {
        transcript,
        incomplete,
    } = read_fetched_page(&fetched.bytes, fetched.content_type.as_deref())?;
    Ok(FetchedPage {
        transcript,
        source_url: fetched.url,
        incomplete,
    })
}

/// Reads the transcript the web page at `url` shows and makes it `episode`'s
/// ("Add transcript from a web page…"), replacing any it had. A page without one
/// changes nothing.
pub fn attach_page_transcript(
    store: &Store,
    http: &HttpClient,
    episode: EpisodeId,
    url: &str,
) -> Result<FetchedPage, PageError> {
    store.episode(episode)?;
    let page = fetch_page_transcript(http, url)?;
    store.set_transcript_from(episode, &page.transcript, &page.origin())?;
    Ok(page)
}
