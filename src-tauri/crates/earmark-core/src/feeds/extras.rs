//! An episode's transcript and chapters, fetched from the links its feed gave.
//!
//! Small files, fetched at subscribe time for the newest episodes and together with
//! the audio for any episode downloaded. A transcript the episode already has (one
//! the user attached, say) is never replaced; chapters already stored are kept too.
//! Failures are reported as warnings, never as a failed download or refresh.

use serde::Serialize;

use crate::chapters::{parse_json_chapters, ChapterSource};
use crate::http::HttpClient;
use crate::store::{EpisodeId, EpisodeLink, LinkKind, Store, StoreResult};
use crate::transcript::{parse_fetched, FormatHint};

use super::episode_page::fetch_page_transcript;
use super::model::TranscriptLink;

/// The largest transcript or chapters document fetched, in bytes.
pub const MAX_SIDECAR_BYTES: u64 = 10_000_000;

/// The most transcript links tried for one episode: the best format its feed offers,
/// then the next best if that one fails. A feed may list dozens, and each failure
/// would otherwise cost another request (at subscribe, for each of the newest
/// episodes: at most [`super::EXTRAS_FOR_NEWEST`] × this many per refresh).
pub const TRANSCRIPT_TRIES: usize = 2;

/// What [`fetch_extras`] brought in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extras {
    /// A transcript was stored now.
    pub transcript: bool,
    /// How many chapters were stored now.
    pub chapters: usize,
    /// What could not be fetched, as sentences for the user.
    pub warnings: Vec<String>,
}

/// Fetches and stores the episode's transcript (the best format its feed offers, then
/// the next one if that fails, then the episode's web page: [`TRANSCRIPT_TRIES`]
/// fetches at most) and its chapters, where the library has none yet.
/// Only a database failure is an error.
pub fn fetch_extras(store: &Store, http: &HttpClient, episode: EpisodeId) -> StoreResult<Extras> {
    let links = store.episode_links(episode)?;
    let mut extras = Extras::default();
    if store.transcript_info(episode)?.is_none() {
        fetch_transcript(store, http, episode, &links, &mut extras)?;
    }
    if store.chapters(episode)?.is_none() {
        if let Some(link) = links.iter().find(|l| l.kind == LinkKind::Chapters) {
            fetch_chapters(store, http, episode, link, &mut extras)?;
        }
    }
    Ok(extras)
}

fn fetch_transcript(
    store: &Store,
    http: &HttpClient,
    episode: EpisodeId,
    links: &[EpisodeLink],
    extras: &mut Extras,
) -> StoreResult<()> {
    let mut candidates: Vec<(u8, TranscriptLink)> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Transcript)
        .filter_map(|l| {
            let link = TranscriptLink {
                url: l.url.clone(),
                mime: l.mime.clone().unwrap_or_default(),
                language: l.language.clone(),
                rel: l.rel.clone(),
            };
            link.preference().map(|p| (p, link))
        })
        .collect();
    // Stable: equal formats stay in feed order.
    candidates.sort_by_key(|(p, _)| *p);
    let tried = candidates.len().min(TRANSCRIPT_TRIES);
    for (_, link) in candidates.into_iter().take(TRANSCRIPT_TRIES) {
        let fetched = match http.fetch(&link.url, MAX_SIDECAR_BYTES) {
            Ok(fetched) => fetched,
            Err(e) => {
                extras
                    .warnings
                    .push(format!("The transcript could not be fetched: {e}"));
                continue;
            }
        };
        let hint = FormatHint::from_mime(&link.mime);
        match parse_fetched(&fetched.bytes, hint, fetched.content_type.as_deref()) {
            Ok(transcript) => {
                store.set_transcript(episode, &transcript, None)?;
                extras.transcript = true;
                return Ok(());
            }
            Err(e) => extras.warnings.push(format!(
                "The transcript at {} could not be read: {e}",
                link.url
            )),
        }
    }
    match links.iter().find(|l| l.kind == LinkKind::Page) {
        Some(page) if tried < TRANSCRIPT_TRIES => {
            fetch_page_fallback(store, http, episode, &page.url, extras)
        }
        _ => Ok(()),
    }
}

/// The transcript on the episode's web page, when its feed links none that could be
/// read. Most pages show none, so a page without one (or out of reach) is no warning.
fn fetch_page_fallback(
    store: &Store,
    http: &HttpClient,
    episode: EpisodeId,
    url: &str,
    extras: &mut Extras,
) -> StoreResult<()> {
    if let Ok(page) = fetch_page_transcript(http, url) {
        store.set_transcript_from(episode, &page.transcript, &page.origin())?;
        extras.transcript = true;
    }
    Ok(())
}

fn fetch_chapters(
    store: &Store,
    http: &HttpClient,
    episode: EpisodeId,
    link: &EpisodeLink,
    extras: &mut Extras,
) -> StoreResult<()> {
    let fetched = match http.fetch(&link.url, MAX_SIDECAR_BYTES) {
        Ok(fetched) => fetched,
        Err(e) => {
            extras
                .warnings
                .push(format!("The chapters could not be fetched: {e}"));
            return Ok(());
        }
    };
    match parse_json_chapters(&fetched.bytes) {
        Ok(chapters) if chapters.is_empty() => {}
        Ok(chapters) => {
            store.set_chapters(episode, &chapters, ChapterSource::Feed)?;
            extras.chapters = chapters.len();
        }
        Err(e) => extras.warnings.push(format!("{e} ({})", link.url)),
    }
    Ok(())
}
