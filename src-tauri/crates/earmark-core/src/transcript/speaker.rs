//! Speaker labels written into the text: `Ana: words`, `Speaker 1: words`,
//! `DR. SILVA: words`.
//!
//! A colon alone proves little ("Note: …", "at 10:30 we said: …"), so a label is a
//! speaker only when all of these hold:
//!
//! - it starts the line and its colon is followed by a space or the line end (so
//!   clock times like `10:30` never qualify);
//! - it is 1–4 words and at most 32 characters; every word starts with a capital
//!   (or a letter without case, as in Japanese), except name particles such as
//!   `de`, `van`, `bin`; words hold only letters, `.`, `'`, `-`; digits only as a
//!   trailing number word (`Speaker 2`) or after an underscore (`SPEAKER_01`);
//! - it is not a word that commonly introduces a remark rather than a person
//!   ("Note", "Update", "Episode 12", "Chapter 3", …);
//! - and the document is a labelled transcript: the same label occurs at least
//!   twice, or at least two different labels occur. A single "Summary: …"-like line
//!   in prose is therefore left as text.
//! - A label that occurs only once, in a labelled transcript, must also look like
//!   its peers: not followed by a lower-case word ("Today: composting, worms…" is a
//!   remark), and in capitals when every recurring label is in capitals (`ANA:`,
//!   `BEN:`). Labels the markup itself marks as names (HTML `<cite>`, `<strong>`)
//!   are always accepted.

use std::collections::{HashMap, HashSet};

use super::Segment;

/// The longest label, in characters.
const MAX_LABEL_CHARS: usize = 32;
/// The most words in a label.
const MAX_LABEL_WORDS: usize = 4;

/// Lower-case words allowed inside a name.
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van",
    "von", "bin", "binti", "al", "el", "y", "ten", "ter", "zu", "of", "the",
];

/// Labels that introduce a remark, not a person (compared in lower case, after a
/// trailing number word is removed).
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "editor's note",
    "editor’s note",
    "update",
    "updated",
    "edit",
    "warning",
    "caution",
    "disclaimer",
    "source",
    "sources",
    "transcript",
    "transcription",
    "caption",
    "captions",
    "subtitle",
    "subtitles",
    "summary",
    "chapter",
    "episode",
    "part",
    "section",
    "season",
    "correction",
    "ps",
    "p.s.",
    "tldr",
    "music",
    "intro",
    "outro",
    "credits",
    "copyright",
    "links",
    "show notes",
    "sponsor",
    "sponsors",
    "ad",
    "advertisement",
    "important",
    "tip",
    "example",
    "date",
    "time",
    "location",
    "recorded",
    "published",
    "duration",
    "length",
    "title",
    "author",
    "language",
    "kind",
    "tags",
    "topic",
    "topics",
    "references",
    "resources",
    "keywords",
    "timestamps",
    "re",
    "fw",
    "fwd",
    "http",
    "https",
];

/// Splits `line` into a label-shaped prefix and the rest, if it starts with one.
/// Whether the label is a speaker is [`Labels::accepts`]'s call.
pub(crate) fn split_label(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let colon = line.find([':', '：'])?;
    let after = &line[colon..];
    let after = &after[after.chars().next()?.len_utf8()..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = line[..colon].trim();
    is_name_shape(label).then_some((label, after.trim()))
}

/// True when `name` looks like a person's name or a speaker tag (see the module
/// documentation), without looking at the rest of the document.
pub(crate) fn is_name_shape(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS || name.chars().count() > MAX_LABEL_CHARS {
        return false;
    }
    let last = words.len() - 1;
    words.iter().enumerate().all(|(i, word)| {
        let numbered = i > 0 && i == last && word.len() <= 3;
        (numbered && word.bytes().all(|b| b.is_ascii_digit())) || is_name_word(word, i == 0)
    })
}

/// One word of a name: `Ana`, `O'Brien`, `Jean-Luc`, `Dr.`, `van`, `SPEAKER_01`.
fn is_name_word(word: &str, first: bool) -> bool {
    let (letters, number) = match word.split_once('_') {
        Some((letters, number)) => (letters, Some(number)),
        None => (word, None),
    };
    if let Some(number) = number {
        if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let Some(initial) = letters.chars().next() else {
        return false;
    };
    let letters_ok = initial.is_alphabetic()
        && letters
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
    let capital = initial.is_uppercase() || !initial.is_lowercase();
    letters_ok && (capital || (!first && PARTICLES.contains(&letters)))
}

/// True for labels that introduce a remark rather than name a speaker.
pub(crate) fn is_remark_word(label: &str) -> bool {
    let lower = label.to_lowercase();
    let trimmed = match lower.rsplit_once(' ') {
        Some((head, tail)) if tail.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => lower.as_str(),
    };
    NOT_SPEAKERS.contains(&trimmed)
}

/// True when every letter of `label` is a capital.
fn is_capitals(label: &str) -> bool {
    !label.chars().any(char::is_lowercase)
}

/// The labels of one document that count as speakers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labels {
    accepted: HashSet<String>,
}

impl Labels {
    /// Decides from every label-shaped prefix found in the document, as
    /// `(label, text after it)` (one entry per occurrence), and the names its
    /// markup vouches for.
    pub(crate) fn decide<'a>(
        candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
        known: &[String],
    ) -> Self {
        // Per label: how often it occurs, and whether the text after it ever
        // starts with a capital (or anything but a lower-case letter).
        let mut seen: HashMap<&str, (usize, bool)> = HashMap::new();
        for (label, rest) in candidates {
            if !is_remark_word(label) {
                let entry = seen.entry(label).or_default();
                entry.0 += 1;
                entry.1 |= !rest.starts_with(char::is_lowercase);
            }
        }
        let labelled = seen.len() >= 2 || seen.values().any(|&(n, _)| n >= 2);
        let mut accepted: HashSet<String> = known.iter().cloned().collect();
        if labelled {
            let recurring: Vec<&str> = seen
                .iter()
                .filter(|(_, &(n, _))| n >= 2)
                .map(|(label, _)| *label)
                .collect();
            let capitals = !recurring.is_empty() && recurring.iter().all(|l| is_capitals(l));
            accepted.extend(
                seen.iter()
                    .filter(|(label, &(n, capital_text))| {
                        n >= 2 || (capital_text && (!capitals || is_capitals(label)))
                    })
                    .map(|(label, _)| (*label).to_string()),
            );
        }
        Labels { accepted }
    }

    /// True when `label` names a speaker in this document.
    pub(crate) fn accepts(&self, label: &str) -> bool {
        self.accepted.contains(label)
    }
}

/// For subtitle cues: moves an accepted `Name:` prefix from each segment's text to
/// its speaker, and lets a segment without a prefix (and without a speaker)
/// continue the last named speaker. Word timings lose the prefix's words too.
pub(crate) fn apply_prefixes(segments: &mut [Segment]) {
    let labels = Labels::decide(segments.iter().filter_map(|s| split_label(&s.text)), &[]);
    let mut last: Option<String> = None;
    for segment in segments.iter_mut() {
        let split = split_label(&segment.text)
            .filter(|(label, rest)| !rest.is_empty() && labels.accepts(label))
            .map(|(label, rest)| (label.to_string(), rest.to_string()));
        match split {
            Some((label, rest)) => {
                let prefix_words = segment
                    .text
                    .split_whitespace()
                    .count()
                    .saturating_sub(rest.split_whitespace().count());
                if let Some(words) = segment.words.as_mut() {
                    words.drain(..prefix_words.min(words.len()));
                    if words.is_empty() {
                        segment.words = None;
                    }
                }
                segment.text = rest;
                segment.speaker = Some(label.clone());
                last = Some(label);
            }
            None if segment.speaker.is_none() => segment.speaker.clone_from(&last),
            None => last.clone_from(&segment.speaker),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_shapes() {
        for name in [
            "Ana",
            "Ana Silva",
            "Speaker 1",
            "SPEAKER_01",
            "Dr. Jean-Luc O'Brien",
            "Ludwig van Beethoven",
            "山田",
        ] {
            assert!(is_name_shape(name), "{name:?} should look like a name");
        }
        for name in [
            "at 10",
            "And then Mark said",
            "we",
            "1 Speaker",
            "A B C D E",
            "Ana!",
        ] {
            assert!(!is_name_shape(name), "{name:?} should not look like a name");
        }
    }

    #[test]
    fn clock_times_and_prose_are_not_labels() {
        assert_eq!(split_label("At 10:30 we said: hi"), None);
        assert_eq!(split_label("so he said: yes"), None);
        assert_eq!(split_label("Ana: hi there"), Some(("Ana", "hi there")));
        assert_eq!(split_label("Ana :"), Some(("Ana", "")));
    }

    #[test]
    fn a_lone_label_or_a_remark_is_not_a_speaker() {
        let labels = Labels::decide([("Summary", "We talked.")], &[]);
        assert!(!labels.accepts("Summary"));
        let labels = Labels::decide(
            [
                ("Ana", "Hi"),
                ("Note", "x"),
                ("Ben", "Yo"),
                ("Episode 4", "Title"),
            ],
            &[],
        );
        assert!(labels.accepts("Ana") && labels.accepts("Ben"));
        assert!(!labels.accepts("Note") && !labels.accepts("Episode 4"));
    }

    #[test]
    fn a_one_off_label_must_look_like_its_peers() {
        let capitals = [
            ("ANA", "Hi"),
            ("BEN", "Yo"),
            ("ANA", "So"),
            ("BEN", "No"),
            ("Sunday", "Rain"),
            ("CALLER", "Hello"),
        ];
        let labels = Labels::decide(capitals, &[]);
        assert!(labels.accepts("CALLER"), "a one-off caller in capitals");
        assert!(
            !labels.accepts("Sunday"),
            "Title Case among capitals is not a speaker"
        );
        let labels = Labels::decide([("Ana", "Hi"), ("Ana", "So"), ("Worms", "they eat")], &[]);
        assert!(
            !labels.accepts("Worms"),
            "a one-off label before a lower-case word"
        );
    }
}
