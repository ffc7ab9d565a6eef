//! What an export holds for one episode, read from the library in one go.

use crate::store::{Episode, EpisodeId, Highlight, Note, Podcast, Store, StoreError, StoreResult};
use crate::transcript::Transcript;

/// One episode with everything the user kept from it: the input of every exporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeNotes {
    /// The episode.
    pub episode: Episode,
    /// Its podcast; `None` for a local file.
    pub podcast: Option<Podcast>,
    /// Its notes, in the order they occur.
    pub notes: Vec<Note>,
    /// Its highlights, in the order they occur.
    pub highlights: Vec<Highlight>,
    /// Its transcript, to quote what was said at each note.
    pub transcript: Option<Transcript>,
    /// The web page the transcript was read from, if any, and whether the page cut it
    /// off.
    pub transcript_page: Option<(String, bool)>,
}

/// A note or a highlight, for walking an episode's entries in time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    /// A note at a moment.
    Note(&'a Note),
    /// A highlighted passage.
    Highlight(&'a Highlight),
}

impl Entry<'_> {
    /// The moment the entry belongs to: a note's time, a highlight's start.
    pub fn at_ms(&self) -> u64 {
        match self {
            Entry::Note(note) => note.at_ms,
            Entry::Highlight(highlight) => highlight.start_ms,
        }
    }

    /// When the user made it, RFC 3339 UTC.
    pub fn created(&self) -> &str {
        match self {
            Entry::Note(note) => &note.created,
            Entry::Highlight(highlight) => &highlight.created,
        }
    }
}

impl EpisodeNotes {
    /// Reads episode `id` with its podcast, notes, highlights and transcript.
    pub fn read(store: &Store, id: EpisodeId) -> StoreResult<EpisodeNotes> {
        let episode = store.episode(id)?;
        let podcast = match episode.podcast_id {
            Some(podcast) => match store.podcast(podcast) {
                Ok(found) => Some(found),
                Err(StoreError::PodcastNotFound(_)) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        Ok(EpisodeNotes {
            notes: store.list_notes(id)?,
            highlights: store.list_highlights(id)?,
            transcript: store.get_transcript(id)?,
            transcript_page: store
                .transcript_info(id)?
                .and_then(|info| Some((info.origin.page_url?, info.origin.incomplete))),
            episode,
            podcast,
        })
    }

    /// Every episode that has at least one note or highlight, by id (`export --all`).
    pub fn read_all(store: &Store) -> StoreResult<Vec<EpisodeNotes>> {
        EpisodeNotes::read_listed(
            store,
            "SELECT episode_id FROM notes UNION SELECT episode_id FROM highlights ORDER BY 1",
        )
    }

    /// Every episode of the library, by id (the whole-library JSON export).
    pub fn read_every(store: &Store) -> StoreResult<Vec<EpisodeNotes>> {
        EpisodeNotes::read_listed(store, "SELECT id FROM episodes ORDER BY id")
    }

    /// The episodes whose ids `query` lists.
    fn read_listed(store: &Store, query: &str) -> StoreResult<Vec<EpisodeNotes>> {
        let mut stmt = store.conn().prepare(query)?;
        let ids = stmt
            .query_map([], |row| row.get::<_, EpisodeId>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        ids.into_iter()
            .map(|id| EpisodeNotes::read(store, id))
            .collect()
    }

    /// Notes and highlights together, in the order they occur in the episode (a note
    /// before a highlight at the same moment, then in the order they were made).
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut entries: Vec<Entry<'_>> = self
            .notes
            .iter()
            .map(Entry::Note)
            .chain(self.highlights.iter().map(Entry::Highlight))
            .collect();
        entries.sort_by_key(|entry| {
            let (kind, id) = match entry {
                Entry::Note(note) => (0, note.id),
                Entry::Highlight(highlight) => (1, highlight.id),
            };
            (entry.at_ms(), kind, entry.created().to_owned(), id)
        });
        entries
    }

    /// The podcast's title, if the episode belongs to one.
    pub fn podcast_title(&self) -> Option<&str> {
        self.podcast.as_ref().map(|p| p.title.as_str())
    }

    /// The day the episode belongs to, `YYYY-MM-DD`: its publication date, else the
    /// day it was added to the library.
    pub fn date(&self) -> Option<&str> {
        self.episode
            .published
            .as_deref()
            .and_then(day_of)
            .or_else(|| day_of(&self.episode.created))
    }

    /// Where the episode comes from: its audio address, else the local file.
    pub fn source(&self) -> Option<String> {
        self.episode.audio_url.clone().or_else(|| {
            self.episode
                .audio_path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned())
        })
    }
}

/// The `YYYY-MM-DD` day at the start of an RFC 3339 timestamp, if it starts with one.
pub(crate) fn day_of(timestamp: &str) -> Option<&str> {
    let day = timestamp.get(..10)?;
    let shape_ok = day.char_indices().all(|(i, c)| match i {
        4 | 7 => c == '-',
        _ => c.is_ascii_digit(),
    });
    shape_ok.then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_of_takes_the_date_part() {
        assert_eq!(day_of("2024-05-01T12:00:00Z"), Some("2024-05-01"));
        assert_eq!(day_of("2024-05-01"), Some("2024-05-01"));
        assert_eq!(day_of("May 1st, 2024"), None);
        assert_eq!(day_of("2024"), None);
        assert_eq!(day_of("2024-05-0é"), None);
    }
}
