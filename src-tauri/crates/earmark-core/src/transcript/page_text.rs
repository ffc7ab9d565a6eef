//! The words an episode page prints around its transcript, read without the page:
//! a transcript heading in many languages, a "Read more" link, the marks of a cut-off
//! ending, and the date or length lines of an episode list. Used by `page.rs`.

use super::cleanup::collapse_whitespace;
use super::speaker::{is_remark_word, split_label};

/// How words that name a transcript begin, lower case: Transcript, Transcription,
/// Transcriptie, Transcripción; Transkript, Transkription, Transkriptio,
/// Transkripsjon; Transkrypcja; Transcrição; Trascrizione; Litterointi;
/// Tekstivastine; Utskrift; Transkribering.
const TRANSCRIPT_STEMS: &[&str] = &[
    "transcrip",
    "transkrip",
    "transkryp",
    "transcriç",
    "trascrizion",
    "litterointi",
    "tekstivastine",
    "utskrift",
    "transkribering",
];

/// The most words in a transcript heading ("Transcript of episode 12").
const MAX_HEADING_WORDS: usize = 6;
/// The longest transcript heading, in characters.
const MAX_HEADING_CHARS: usize = 60;
/// The most bytes of an element's text looked at as a heading or a link label;
/// anything longer is neither (and is never copied).
const MAX_LABEL_BYTES: usize = 240;

/// "Read more" links, lower case.
const READ_MORE: &[&str] = &[
    "read more",
    "continue reading",
    "show more",
    "lue lisää",
    "näytä lisää",
    "läs mer",
    "visa mer",
    "les mer",
    "læs mere",
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "seguir leyendo",
    "leia mais",
    "ler mais",
    "leggi tutto",
    "continua a leggere",
    "lees meer",
    "verder lezen",
];

/// What may trail a "Read more" label: arrows, guillemets, dots.
const LINK_TRIMMINGS: &[char] = &['»', '›', '→', '>', '…', '.', '+', '(', ')', '[', ']'];

/// The marks of text cut off, as they end a paragraph.
const ELLIPSES: &[&str] = &["[…]", "[...]", "(…)", "(...)", "…", "..."];

/// The longest date or length line ("5 Kesä 2024 · 38min"), in bytes.
const MAX_META_BYTES: usize = 64;

/// What separates the parts of a date or length line.
const META_SEPARATORS: &[char] = &['·', '|', '•', '–', '—', ','];

/// Units of an episode's length, lower case.
const LENGTH_UNITS: &[&str] = &[
    "s",
    "sec",
    "secs",
    "sek",
    "seconds",
    "sekunder",
    "sekuntia",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "minuten",
    "minuter",
    "minutter",
    "minuutti",
    "minuuttia",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "t",
    "tim",
    "timme",
    "timmar",
    "tunti",
    "tuntia",
    "std",
    "stunde",
    "stunden",
];

/// How month names begin (English, Swedish, Finnish, German, French, Spanish),
/// lower case.
const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "maj", "mai", "jun", "jul", "aug", "ago", "sep", "oct",
    "okt", "nov", "dec", "dez", "déc", "dic", "ene", "abr", "avr", "juin", "juil", "fév", "mär",
    "jän", "août", "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys",
    "loka", "marras", "joulu",
];

/// The longest month name looked for ("maaliskuuta").
const MAX_MONTH_CHARS: usize = 11;

/// True when `text` is a transcript heading: at most six words, the first or the
/// last a transcript word, an optional colon.
pub(super) fn is_transcript_heading(text: &str) -> bool {
    if text.len() > MAX_LABEL_BYTES {
        return false;
    }
    let lower = collapse_whitespace(text).to_lowercase();
    if lower.is_empty() || lower.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let names = |word: &&str| TRANSCRIPT_STEMS.iter().any(|s| word.starts_with(s));
    words.len() <= MAX_HEADING_WORDS
        && (words.first().is_some_and(names) || words.last().is_some_and(names))
}

/// True when `text` is a "Read more" link's label.
pub(super) fn is_read_more(text: &str) -> bool {
    if text.len() > MAX_LABEL_BYTES {
        return false;
    }
    let lower = collapse_whitespace(text).to_lowercase();
    let label = lower.trim_matches(|c: char| c.is_whitespace() || LINK_TRIMMINGS.contains(&c));
    READ_MORE.contains(&label)
}

/// True for a paragraph that only names its speaker: `Anna:`.
pub(super) fn is_speaker_line(text: &str) -> bool {
    split_label(text).is_some_and(|(name, rest)| rest.is_empty() && !is_remark_word(name))
}

/// `text` without the marks of a cut-off ending (a trailing "Read more", "...",
/// "…"), or `None` when it has none.
pub(super) fn without_cut_off_marks(text: &str) -> Option<&str> {
    let mut rest = text.trim_end();
    let mut cut = false;
    loop {
        let unlinked = rest
            .trim_end_matches(|c: char| c.is_whitespace() || "»›→>".contains(c))
            .trim_end();
        if let Some(before) = strip_read_more(unlinked) {
            rest = before.trim_end();
        } else if let Some(before) = ELLIPSES.iter().find_map(|e| rest.strip_suffix(e)) {
            rest = before.trim_end();
        } else {
            return cut.then_some(rest);
        }
        cut = true;
    }
}

/// `text` without a "Read more" label that ends it as a word of its own.
fn strip_read_more(text: &str) -> Option<&str> {
    READ_MORE.iter().find_map(|phrase| {
        let chars = phrase.chars().count();
        let (start, _) = text.char_indices().rev().nth(chars.checked_sub(1)?)?;
        let (before, tail) = text.split_at(start);
        let whole_word = !before.ends_with(char::is_alphanumeric);
        (whole_word && tail.to_lowercase() == *phrase).then_some(before)
    })
}

/// True for a line that only gives a date or a length: "5 Kesä 2024", "28 Maj",
/// "38min", "1 h 5 min", "5.6.2024 · 38 min". Bare numbers and clock times are
/// not enough (a transcript's `00:01:10` line is a time).
pub(super) fn is_date_or_length(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty()
        || text.len() > MAX_META_BYTES
        || !text.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let mut dated = false;
    let tokens = text
        .split(|c: char| c.is_whitespace() || META_SEPARATORS.contains(&c))
        .map(|t| t.trim_matches(['.', ',', ':', '(', ')']).to_lowercase())
        .filter(|t| !t.is_empty());
    for token in tokens {
        let unit = token.trim_start_matches(|c: char| c.is_ascii_digit());
        if unit.is_empty() {
            continue;
        }
        if token
            .chars()
            .all(|c| c.is_ascii_digit() || "./-:".contains(c))
        {
            // 5.6.2024, 2024-06-05 and 05/06/2024 are dates; 38:12 and "-" pass.
            dated |= token.matches(['.', '/', '-']).count() >= 2;
        } else if LENGTH_UNITS.contains(&unit) || is_month(&token) {
            dated = true;
        } else {
            return false;
        }
    }
    dated
}

/// True when `word` (lower case) is a month name or its abbreviation.
fn is_month(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() <= MAX_MONTH_CHARS
        && MONTH_STEMS.iter().any(|stem| word.starts_with(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_headings_in_many_languages() {
        for heading in [
            "Transcript",
            "TRANSCRIPT:",
            "Transcription",
            "Episode transcript",
            "Full transcript",
            "Transcript of episode 12",
            "Transkriptio",
            "Litterointi",
            "Tekstivastine",
            "Jakson tekstivastine:",
            "Transkript",
            "Transkription",
            "Utskrift",
            "Avsnittets utskrift",
            "Transcripción",
            "Transcrição",
            "Trascrizione",
            "Transcriptie",
            "  Transcript\n (auto-generated) ",
        ] {
            assert!(is_transcript_heading(heading), "{heading:?} is a heading");
        }
        for heading in [
            "Show notes",
            "Recent episodes",
            "Muut jaksot",
            "Fler avsnitt",
            "We talked about how to write a transcript for every single episode",
            "Kuuntele jakso",
            "",
        ] {
            assert!(!is_transcript_heading(heading), "{heading:?} is not");
        }
    }

    #[test]
    fn read_more_links_in_many_languages() {
        for label in [
            "Read more",
            "Read more »",
            "Lue lisää",
            "Läs mer →",
            "Weiterlesen…",
            "Lire la suite",
            "Leer más",
            "Continue reading",
            "(read more)",
        ] {
            assert!(is_read_more(label), "{label:?}");
        }
        assert!(!is_read_more("Read more about composting"));
        assert!(!is_read_more("Jakso 12"));
    }

    #[test]
    fn cut_off_endings_are_found_and_taken_off() {
        assert_eq!(without_cut_off_marks("and then we..."), Some("and then we"));
        assert_eq!(
            without_cut_off_marks("ja sitten me …"),
            Some("ja sitten me")
        );
        assert_eq!(
            without_cut_off_marks("och sedan [...] Läs mer »"),
            Some("och sedan")
        );
        assert_eq!(
            without_cut_off_marks("and then we… Read more"),
            Some("and then we")
        );
        assert_eq!(without_cut_off_marks("That is all."), None);
        assert_eq!(
            without_cut_off_marks("I like to thread more"),
            None,
            "a phrase must be a word of its own"
        );
    }

    #[test]
    fn dates_and_lengths_are_not_text() {
        for meta in [
            "5 Kesä 2024",
            "28 Maj",
            "38min",
            "1 h 5 min",
            "5.6.2024 · 38 min",
            "Mar 3, 2024",
        ] {
            assert!(is_date_or_length(meta), "{meta:?}");
        }
        for text in [
            "00:01:10",
            "2024",
            "We met 5 times.",
            "Jakso 12",
            "Ana: 5 min",
        ] {
            assert!(!is_date_or_length(text), "{text:?}");
        }
    }
}
