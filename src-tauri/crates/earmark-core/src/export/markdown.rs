//! Markdown for Obsidian and similar tools.
//!
//! One episode gives one note file:
//!
//! ```text
//! ---
//! podcast: "The Show"
//! episode: "Rivers and Deltas"
//! date: 2024-05-01
//! published: "2024-05-01T12:00:00Z"
//! source: "https://example.com/ep1.mp3"
//! duration: "1:02:03"
//! earmark_episode: 12
//! ---
//!
//! # Rivers and Deltas
//!
//! ## [1:23] Note
//!
//! > **Ana:** What was said at that moment.
//!
//! What the user wrote.
//!
//! ## [2:05] Highlight
//!
//! > The highlighted passage.
//!
//! The user's note on it.
//! ```
//!
//! Several episodes give one document with a front matter of its own and a `#` section
//! per episode. Front matter values are YAML double-quoted strings (dates plain, so
//! Obsidian reads them as dates). All text — transcripts, highlights and the user's
//! notes, which are plain text — is escaped so that it reads back exactly as written
//! and can never turn into markup, links, embeds or HTML. The headings' words ("Note",
//! "Muistiinpano") and the bylines' days are in the export's [`ExportLanguage`]; the
//! front matter stays the same in every language, for the tools that read it.

use std::fmt::Write as _;

use super::bundle::{Entry, EpisodeNotes};
use super::language::{ExportLanguage, ExportWords};
use super::moment::{timestamp, Quotes};
use crate::transcript::{is_line_break, one_line, split_lines, Segment};

/// The Markdown document for these episodes: a note file for one episode, a notebook
/// with one section per episode for several; the words around the user's own, and
/// the days in the notebook's bylines, in `language`.
pub fn to_markdown(episodes: &[EpisodeNotes], language: ExportLanguage) -> String {
    let mut out = String::new();
    match episodes {
        [one] => {
            front_matter(&mut out, one);
            push_line(
                &mut out,
                &format!("# {}", escape_line(&one_line(&one.episode.title))),
            );
            entries(&mut out, one, "##", language.words());
        }
        many => {
            out.push_str("---\n");
            push_line(&mut out, "title: \"Earmark notes\"");
            push_line(&mut out, &format!("episodes: {}", many.len()));
            out.push_str("---\n");
            for episode in many {
                out.push('\n');
                push_line(
                    &mut out,
                    &format!("# {}", escape_line(&one_line(&episode.episode.title))),
                );
                out.push('\n');
                push_line(&mut out, &byline(episode, language));
                entries(&mut out, episode, "##", language.words());
            }
        }
    }
    out
}

/// A file name for an episode's note file: `Podcast - Title.md` (or `Title.md`), with
/// the characters file systems and Obsidian links refuse replaced by `-`.
pub fn episode_file_name(episode: &EpisodeNotes) -> String {
    const MAX_CHARS: usize = 120;
    let name = match episode.podcast_title() {
        Some(podcast) => format!("{podcast} - {}", episode.episode.title),
        None => episode.episode.title.clone(),
    };
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(MAX_CHARS)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        format!("episode-{}.md", episode.episode.id)
    } else {
        format!("{trimmed}.md")
    }
}

/// The YAML front matter of a one-episode note file.
fn front_matter(out: &mut String, episode: &EpisodeNotes) {
    out.push_str("---\n");
    if let Some(podcast) = episode.podcast_title() {
        push_line(out, &format!("podcast: {}", yaml_string(podcast)));
    }
    push_line(
        out,
        &format!("episode: {}", yaml_string(&episode.episode.title)),
    );
    if let Some(date) = episode.date() {
        push_line(out, &format!("date: {date}"));
    }
    if let Some(published) = &episode.episode.published {
        push_line(out, &format!("published: {}", yaml_string(published)));
    }
    if let Some(source) = episode.source() {
        push_line(out, &format!("source: {}", yaml_string(&source)));
    }
    if let (Some(path), Some(_)) = (&episode.episode.audio_path, &episode.episode.audio_url) {
        push_line(
            out,
            &format!("audio: {}", yaml_string(&path.to_string_lossy())),
        );
    }
    if let Some(feed) = episode.podcast.as_ref().and_then(|p| p.feed_url.as_deref()) {
        push_line(out, &format!("feed: {}", yaml_string(feed)));
    }
    if let Some(duration) = episode.episode.duration_ms {
        push_line(
            out,
            &format!("duration: {}", yaml_string(&timestamp(duration))),
        );
    }
    push_line(out, &format!("earmark_episode: {}", episode.episode.id));
    out.push_str("---\n\n");
}

/// The line under an episode's heading in a notebook: podcast · date · source.
fn byline(episode: &EpisodeNotes, language: ExportLanguage) -> String {
    let mut parts = Vec::new();
    if let Some(podcast) = episode.podcast_title() {
        parts.push(format!("*{}*", escape_line(&one_line(podcast))));
    }
    if let Some(date) = episode.date() {
        parts.push(language.day(date));
    }
    if let Some(source) = episode.source() {
        parts.push(format!("`{}`", one_line(&source).replace('`', "'")));
    }
    if parts.is_empty() {
        parts.push(format!(
            "{} {}",
            language.words().episode,
            episode.episode.id
        ));
    }
    parts.join(" · ")
}

/// One entry per note or highlight, in the order they occur.
fn entries(out: &mut String, episode: &EpisodeNotes, level: &str, words: ExportWords) {
    let quotes = episode.transcript.as_ref().map(Quotes::new);
    for entry in episode.entries() {
        out.push('\n');
        match entry {
            Entry::Note(note) => {
                let kind = if note.text.trim().is_empty() {
                    words.earmark
                } else {
                    words.note
                };
                push_line(out, &format!("{level} [{}] {kind}", timestamp(note.at_ms)));
                if let Some(quotes) = &quotes {
                    let heard = quotes.at(note.at_ms);
                    if !heard.is_empty() {
                        out.push('\n');
                        quote_segments(out, &heard);
                    }
                }
                if !note.text.trim().is_empty() {
                    out.push('\n');
                    paragraphs(out, &note.text);
                }
            }
            Entry::Highlight(highlight) => {
                push_line(
                    out,
                    &format!(
                        "{level} [{}] {}",
                        timestamp(highlight.start_ms),
                        words.highlight
                    ),
                );
                out.push('\n');
                quote(out, &highlight.text);
                if let Some(note) = highlight.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    out.push('\n');
                    paragraphs(out, note);
                }
            }
        }
    }
}

/// Transcript segments as one block quote, speakers in bold.
fn quote_segments(out: &mut String, segments: &[&Segment]) {
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push_str(">\n");
        }
        let words = escape_line(&words_of(&segment.text));
        let speaker = segment.speaker.as_deref().map(one_line);
        let text = match speaker.filter(|name| !name.is_empty()) {
            Some(speaker) => format!("**{}:** {words}", escape_line(&speaker)),
            None => words,
        };
        push_line(out, &format!("> {text}"));
    }
}

/// Text as a block quote, line by line.
fn quote(out: &mut String, text: &str) {
    for line in lines(text) {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            push_line(out, &format!("> {}", escape_line(line)));
        }
    }
}

/// The user's text as paragraphs, line by line (blank lines kept as breaks).
fn paragraphs(out: &mut String, text: &str) {
    for line in lines(text) {
        push_line(out, &escape_line(line));
    }
}

/// The lines of a text, split at every line break (a lone `\r` too, as Markdown
/// readers do), leading and trailing blank lines dropped.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    split_lines(text.trim_matches(is_line_break))
}

/// Words on one line: every run of white space (line breaks included) is one space.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// One line of plain text made safe for Markdown: a line break that got this far
/// becomes a space (it would end a quote or a heading), characters that start inline markup
/// (emphasis, code, links, embeds, HTML, tags, math, Obsidian highlights and comments)
/// are backslash-escaped, and so are markers that would make the line a heading, list
/// item, quote, table or rule. Leading spaces are kept as non-breaking ones so the
/// line never becomes a code block.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let leading = line.len() - line.trim_start_matches(' ').len();
    for _ in 0..leading.min(3) {
        out.push('\u{a0}');
    }
    let rest = &line[leading..];
    let rest = rest.trim_start_matches([' ', '\t']);
    // An ordered-list marker: digits then `.` or `)`.
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let ordered_marker = digits > 0 && matches!(rest[digits..].chars().next(), Some('.' | ')'));
    let mut chars = rest.char_indices().peekable();
    let mut previous = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let escape = match c {
            // Heading, quote, inline markup, HTML, tags, math, tables.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '$' => true,
            // List items and setext/rule lines.
            '-' | '+' if i == 0 => true,
            '=' if i == 0 => true,
            // Obsidian highlights (==), comments (%%), strikethrough (~~).
            '=' | '%' | '~' => next == Some(c) || previous == Some(c),
            // An HTML entity (&amp;, &#38;).
            '&' => next.is_some_and(|n| n.is_alphanumeric() || n == '#'),
            '.' | ')' => ordered_marker && i == digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(if c == '\t' || is_line_break(c) {
            ' '
        } else {
            c
        });
        previous = Some(c);
    }
    out
}

/// A YAML double-quoted string (JSON-compatible escapes).
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(escape_line("a *b* _c_"), r"a \*b\* \_c\_");
        assert_eq!(escape_line("[[Link]] ![x](y)"), r"\[\[Link\]\] !\[x\](y)");
        assert_eq!(escape_line("<script>"), r"\<script\>");
        assert_eq!(escape_line("#tag $x$ `c`"), r"\#tag \$x\$ \`c\`");
        assert_eq!(
            escape_line("==mark== %%c%% a=b 5%"),
            r"\=\=mark\=\= \%\%c\%\% a=b 5%"
        );
        assert_eq!(escape_line("R&D &amp; A & B"), r"R\&D \&amp; A & B");
        assert_eq!(escape_line("~~gone~~ ~5"), r"\~\~gone\~\~ ~5");
    }

    #[test]
    fn block_markers_are_escaped() {
        assert_eq!(escape_line("- item"), r"\- item");
        assert_eq!(escape_line("---"), r"\---");
        assert_eq!(escape_line("+ x"), r"\+ x");
        assert_eq!(escape_line("1. first"), r"1\. first");
        assert_eq!(escape_line("2) second"), r"2\) second");
        assert_eq!(escape_line("in 1999. Then"), "in 1999. Then");
        assert_eq!(escape_line("> quote"), r"\> quote");
        assert_eq!(escape_line("a | b"), r"a \| b");
        assert_eq!(
            escape_line("      code?"),
            "\u{a0}\u{a0}\u{a0}code?",
            "no indented code block"
        );
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(yaml_string("plain"), "\"plain\"");
        assert_eq!(yaml_string("a \"b\": c\\"), r#""a \"b\": c\\""#);
        assert_eq!(yaml_string("two\nlines"), r#""two\nlines""#);
        assert_eq!(yaml_string("bell\u{7}"), r#""bell\u0007""#);
    }
}
