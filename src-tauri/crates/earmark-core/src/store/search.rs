//! Full-text search over transcripts, notes, highlights and episode titles.
//!
//! The index (`search_fts`, FTS5 with `unicode61 remove_diacritics 2`, so "cafe" finds
//! "café") is kept in step by triggers in the schema. User input is never handed to
//! FTS5 as syntax: [`fts_query`] turns it into quoted phrases, so any text — `"abc`,
//! `AND OR NOT`, `*`, `NEAR(` — is a valid query. The query language users get:
//!
//! - words: every word must occur (`river delta`);
//! - prefixes: a trailing `*` (`conver*` finds "conversation");
//! - phrases: double quotes (`"river delta"`), optionally followed by `*`.
//!
//! # Snippet markers
//!
//! A hit's `snippet` is plain text from the library in which each match is wrapped in
//! [`SNIPPET_MARK_START`] (U+0002) and [`SNIPPET_MARK_END`] (U+0003); `…` marks text
//! cut off. These control characters never occur in indexed text (the triggers strip
//! them), so a UI splits the snippet on them and renders the pieces as text nodes and
//! `<mark>` elements — never as HTML. [`render_snippet`] swaps them for printable
//! markers (the CLI prints `[`…`]`).

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{EpisodeId, HighlightId, NoteId, Store, StoreResult};

/// Starts a match in a snippet (U+0002, START OF TEXT).
pub const SNIPPET_MARK_START: char = '\u{2}';
/// Ends a match in a snippet (U+0003, END OF TEXT).
pub const SNIPPET_MARK_END: char = '\u{3}';

/// The most words and phrases a query keeps; the rest of a very long query is ignored.
const MAX_QUERY_TERMS: usize = 32;

/// The most matches a search ranks: a query matching more documents than this (a very
/// common word or short prefix over a large library) ranks only the newest this many.
///
/// FTS5 ranks by calling bm25 on every match, about a microsecond each here, so a word
/// in 35,000 of a library's 900,000 transcript lines took 40 ms to rank; 5,000
/// candidates keep every search within ~10 ms (`earmark-cli bench-notes search`).
/// Newest means most recently indexed: recent episodes and notes. A second word
/// narrows the matches and brings back ranking over all of them.
const RANK_CANDIDATES: i64 = 5_000;

/// A word in at least this many documents is very common ("the", "of" in a library of
/// 10,000 hours). FTS5's bm25 counts the documents holding each word of a query by
/// walking all of them — 4.5 million for "of", 100 ms and more — and a phrase with
/// such a word reads its long position lists. A query with a very common word is not
/// ranked: its newest matches come first, found by walking the index newest first,
/// which stops at the page's last hit. Finding out costs a walk of at most this many
/// entries per word, about a millisecond.
const COMMON_WORD_DOCS: i64 = 50_000;

/// How many tokens a snippet shows around the match.
const SNIPPET_TOKENS: u32 = 16;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A transcript segment.
    Transcript,
    /// A note.
    Note,
    /// A highlight (its quoted text or its note).
    Highlight,
    /// The episode's title or description.
    Episode,
}

/// One search result: the `earmark-cli search --json` hit shape (docs/cli.md), plus
/// the episode's title and which segment, note or highlight matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The episode to open.
    pub episode: EpisodeId,
    /// Its title, for the result list.
    pub episode_title: String,
    /// The moment to open it at; `null` for an episode hit or an untimed segment.
    pub at_ms: Option<u64>,
    /// What matched.
    pub kind: HitKind,
    /// Text around the match, matches marked (see the module docs).
    pub snippet: String,
    /// For a transcript hit: the segment's index in the transcript.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<u64>,
    /// For a note hit: the note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<NoteId>,
    /// For a highlight hit: the highlight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight: Option<HighlightId>,
}

impl Store {
    /// The best `limit` hits for a user's query, best first. A query with nothing
    /// searchable in it (empty, only punctuation) gives no hits; no input is an error.
    pub fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let newest_first = self.has_very_common_word(query)?;
        // For one word or prefix, walking its matches newest first without ranking
        // them is cheap: the RANK_CANDIDATES-th newest bounds what gets ranked. (For
        // several words or a phrase, matching costs more than ranking and the walk
        // would double it; their matches are fewer, and all get ranked.)
        let oldest_ranked: i64 = if is_one_token(query) && !newest_first {
            self.conn()
                .query_row(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 \
                     ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                    rusqlite::params![fts, RANK_CANDIDATES - 1],
                    |row| row.get(0),
                )
                .optional()?
                .unwrap_or(i64::MIN)
        } else {
            i64::MIN
        };
        // Rank (or take the newest) only the top N inside the FTS query, then join.
        let (score, order) = if newest_first {
            ("-rowid", "rowid DESC")
        } else {
            ("rank", "rank")
        };
        let sql = format!(
            "WITH top AS MATERIALIZED ( \
                 SELECT rowid AS doc_id, {score} AS score, \
                        snippet(search_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS}) AS snip \
                 FROM search_fts WHERE search_fts MATCH ?1 AND rowid >= ?3 \
                 ORDER BY {order} LIMIT ?2) \
             SELECT d.episode_id, e.title, d.kind, d.at_ms, d.source_id, top.snip \
             FROM top JOIN search_docs d ON d.id = top.doc_id \
                      JOIN episodes e ON e.id = d.episode_id \
             ORDER BY top.score, d.id"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params![fts, limit, oldest_ranked], |row| {
            let kind: String = row.get(2)?;
            let source: Option<i64> = row.get(4)?;
            let kind = match kind.as_str() {
                "transcript" => HitKind::Transcript,
                "note" => HitKind::Note,
                "highlight" => HitKind::Highlight,
                _ => HitKind::Episode,
            };
            Ok(SearchHit {
                episode: row.get(0)?,
                episode_title: row.get(1)?,
                at_ms: row.get(3)?,
                kind,
                snippet: row.get(5)?,
                segment: source
                    .filter(|_| kind == HitKind::Transcript)
                    .and_then(|s| u64::try_from(s).ok()),
                note: source.filter(|_| kind == HitKind::Note),
                highlight: source.filter(|_| kind == HitKind::Highlight),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Whether a word of the query (a prefix counts as one) is in at least
    /// [`COMMON_WORD_DOCS`] documents.
    fn has_very_common_word(&self, query: &str) -> StoreResult<bool> {
        let mut probe = self.conn().prepare_cached(
            "SELECT EXISTS (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 \
             ORDER BY rowid DESC LIMIT 1 OFFSET ?2)",
        )?;
        for term in parse_terms(query).into_iter().take(MAX_QUERY_TERMS) {
            let star = if term.prefix { "*" } else { "" };
            let words = term
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>();
            let last = words.len().saturating_sub(1);
            for (at, word) in words.iter().enumerate() {
                let star = if at == last { star } else { "" };
                let common: bool = probe.query_row(
                    rusqlite::params![format!("\"{word}\"{star}"), COMMON_WORD_DOCS - 1],
                    |row| row.get(0),
                )?;
                if common {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

/// One word or phrase of a user's query.
#[derive(Debug, PartialEq, Eq)]
struct Term {
    text: String,
    prefix: bool,
}

/// Turns a user's query into an FTS5 query that cannot be a syntax error: each word or
/// quoted phrase becomes a quoted FTS5 string (`"word"`, `"two words"`), a trailing
/// `*` becomes a prefix query (`"word"*`), and the terms are ANDed. Operators and
/// punctuation are plain text. `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = parse_terms(input)
        .into_iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .take(MAX_QUERY_TERMS)
        .map(|t| format!("\"{}\"{}", t.text, if t.prefix { "*" } else { "" }))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// True when the query is one word or one prefix: a single term that the index reads
/// as a single token (letters and digits only).
fn is_one_token(input: &str) -> bool {
    let terms: Vec<Term> = parse_terms(input)
        .into_iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .collect();
    matches!(terms.as_slice(), [term] if term.text.chars().all(char::is_alphanumeric))
}

/// Splits input into words and quoted phrases; an unclosed quote runs to the end.
/// Control characters count as spaces; `"` never appears inside a term.
fn parse_terms(input: &str) -> Vec<Term> {
    let is_space = |c: char| c.is_whitespace() || c.is_control();
    let mut terms = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if is_space(c) {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                text.push(if is_space(c) { ' ' } else { c });
            }
            let mut prefix = false;
            while closed && chars.peek() == Some(&'*') {
                chars.next();
                prefix = true;
            }
            terms.push(Term { text, prefix });
        } else {
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if is_space(c) || c == '"' {
                    break;
                }
                text.push(c);
                chars.next();
            }
            let trimmed = text.trim_end_matches('*');
            let prefix = trimmed.len() < text.len();
            terms.push(Term {
                text: trimmed.to_owned(),
                prefix,
            });
        }
    }
    terms
}

/// The snippet with its match markers replaced by `open` and `close`
/// (e.g. `render_snippet(s, "[", "]")` for a terminal).
pub fn render_snippet(snippet: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    for c in snippet.chars() {
        match c {
            SNIPPET_MARK_START => out.push_str(open),
            SNIPPET_MARK_END => out.push_str(close),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_strings() {
        assert_eq!(
            fts_query("river delta").as_deref(),
            Some(r#""river" "delta""#)
        );
    }

    #[test]
    fn trailing_star_is_a_prefix() {
        assert_eq!(fts_query("conver*").as_deref(), Some(r#""conver"*"#));
        assert_eq!(fts_query(r#""big riv"*"#).as_deref(), Some(r#""big riv"*"#));
    }

    #[test]
    fn quoted_text_is_one_phrase() {
        assert_eq!(
            fts_query(r#"say "a b" c"#).as_deref(),
            Some(r#""say" "a b" "c""#)
        );
    }

    #[test]
    fn unbalanced_quote_runs_to_the_end() {
        assert_eq!(
            fts_query(r#""unbalanced words"#).as_deref(),
            Some(r#""unbalanced words""#)
        );
    }

    #[test]
    fn operators_are_plain_words() {
        assert_eq!(
            fts_query("AND OR NOT").as_deref(),
            Some(r#""AND" "OR" "NOT""#)
        );
        assert_eq!(fts_query("NEAR(a").as_deref(), Some(r#""NEAR(a""#));
    }

    #[test]
    fn nothing_searchable_gives_none() {
        for input in ["", "   ", "*", "-", "\"\"", "\"", "()", "* - +", "\u{0}"] {
            assert_eq!(fts_query(input), None, "input {input:?}");
        }
    }

    #[test]
    fn very_long_queries_are_capped() {
        let input = "w ".repeat(500);
        let query = fts_query(&input).unwrap();
        assert_eq!(query.matches('"').count(), 2 * MAX_QUERY_TERMS);
    }

    #[test]
    fn one_word_or_prefix_is_one_token() {
        for one in ["people", "conv*", "\"river\"", "  café  ", "- people"] {
            assert!(is_one_token(one), "{one:?}");
        }
        for several in [
            "river delta",
            "\"the river\"",
            "e-mail",
            "history of science",
            "",
        ] {
            assert!(!is_one_token(several), "{several:?}");
        }
    }

    #[test]
    fn render_snippet_swaps_markers() {
        let s = format!("a {SNIPPET_MARK_START}b{SNIPPET_MARK_END} c");
        assert_eq!(render_snippet(&s, "[", "]"), "a [b] c");
    }
}
