//! An episode's transcript and chapters, fetched from the links its feed gave.
//!
//! Small files, fetched at subscribe time for the newest episodes and together with
//! the audio for any episode downloaded. A transcript the episode already has (one
//! the user attached, say) is never replaced; chapters already stored are kept too.
//! Failures are reported as warnings, never as a failed download or refresh.

use serde::Serialize;

use crate::chapters::{parse_json_chapters, ChapterSource, ChaptersError};
use crate::coded_message::CodedMessage;
use crate::http::{HttpClient, NetError};
use crate::store::{EpisodeId, EpisodeLink, LinkKind, Store, StoreResult};
use crate::transcript::{parse_fetched, FormatHint, TranscriptError};

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
    /// What could not be fetched, as coded sentences for the user.
    pub warnings: Vec<CodedMessage>,
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
                extras.warnings.push(transcript_not_fetched(&e));
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
            Err(e) => extras.warnings.push(transcript_unreadable(&link.url, &e)),
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
            extras.warnings.push(chapters_not_fetched(&e));
            return Ok(());
        }
    };
    match parse_json_chapters(&fetched.bytes) {
        Ok(chapters) if chapters.is_empty() => {}
        Ok(chapters) => {
            store.set_chapters(episode, &chapters, ChapterSource::Feed)?;
            extras.chapters = chapters.len();
        }
        Err(e) => extras.warnings.push(chapters_unreadable(&link.url, &e)),
    }
    Ok(())
}

/// A transcript the network did not give: the network's error is the cause.
fn transcript_not_fetched(e: &NetError) -> CodedMessage {
    CodedMessage::new(
        "transcript_not_fetched",
        format!("The transcript could not be fetched: {e}"),
    )
    .with_params(e.params())
    .caused_by(e.code())
}

/// A transcript fetched from `url` that does not read as one.
fn transcript_unreadable(url: &str, e: &TranscriptError) -> CodedMessage {
    CodedMessage::new(
        "transcript_unreadable",
        format!("The transcript at {url} could not be read: {e}"),
    )
    .with_params([("url", url.to_owned())])
    .caused_by(e.code())
}

/// Chapters the network did not give: the network's error is the cause.
fn chapters_not_fetched(e: &NetError) -> CodedMessage {
    CodedMessage::new(
        "chapters_not_fetched",
        format!("The chapters could not be fetched: {e}"),
    )
    .with_params(e.params())
    .caused_by(e.code())
}

/// A chapters document fetched from `url` that does not read as one.
fn chapters_unreadable(url: &str, e: &ChaptersError) -> CodedMessage {
    let detail = match e {
        ChaptersError::Json(detail) => detail.clone(),
        ChaptersError::Tags { reason, .. } => reason.clone(),
    };
    CodedMessage::new("chapters_unreadable", format!("{e} ({url})"))
        .with_params([("url", url.to_owned()), ("detail", detail)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param<'a>(warning: &'a CodedMessage, name: &str) -> Option<&'a str> {
        warning.params.get(name).map(String::as_str)
    }

    #[test]
    fn a_transcript_the_network_refused_names_the_network_error_as_its_cause() {
        let warning = transcript_not_fetched(&NetError::Status {
            url: "https://example.com/t.vtt".into(),
            status: 404,
        });
        assert_eq!(warning.code, "transcript_not_fetched");
        assert_eq!(param(&warning, "cause"), Some("not_found"));
        assert_eq!(param(&warning, "status"), Some("404"));
        assert_eq!(param(&warning, "url"), Some("https://example.com/t.vtt"));
        assert!(
            warning
                .message
                .starts_with("The transcript could not be fetched: 404"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn an_unreadable_transcript_or_chapters_file_names_its_address() {
        let warning = transcript_unreadable("https://e.com/t", &TranscriptError::Empty);
        assert_eq!(warning.code, "transcript_unreadable");
        assert_eq!(param(&warning, "url"), Some("https://e.com/t"));
        assert_eq!(param(&warning, "cause"), Some("empty_transcript"));
        let chapters = chapters_unreadable(
            "https://e.com/c.json",
            &ChaptersError::Json("expected value".into()),
        );
        assert_eq!(chapters.code, "chapters_unreadable");
        assert_eq!(param(&chapters, "detail"), Some("expected value"));
        assert_eq!(
            chapters.message,
            "The chapters file could not be read: expected value (https://e.com/c.json)"
        );
        let gone = chapters_not_fetched(&NetError::UnknownHost {
            host: "e.com".into(),
        });
        assert_eq!(
            (gone.code, param(&gone, "cause"), param(&gone, "host")),
            ("chapters_not_fetched", Some("unknown_host"), Some("e.com"))
        );
    }
}
