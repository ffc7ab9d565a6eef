//! Line breaks in text that must stay on one line, or be split into lines by the
//! same rules every reader of the exported file uses.
//!
//! Text comes from feeds and files, and old libraries hold whatever the parsers of
//! their day let through — a WebVTT voice name with encoded line breaks (`&#10;`),
//! a lone carriage return from an old Mac file. Written into an export as it is, a
//! line break ends a Markdown block quote or a heading, and starts a new cue in a
//! WebVTT or SRT file. The exporters therefore collapse them on their own, whatever
//! the stored text holds.
//!
//! A line break here is what any of the formats, or a text editor, takes for one:
//! `\n`, `\r` alone or in `\r\n`, vertical tab, form feed, NEL (U+0085) and the
//! Unicode line and paragraph separators (U+2028, U+2029).

/// Whether `c` ends a line for some reader of an exported file.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` on one line: its lines, trimmed, blank ones dropped, joined by one space.
pub fn one_line(text: &str) -> String {
    text.split(is_line_break)
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines of `text`, split at every line break (`\r\n` counts as one), without
/// their breaks.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((at, c)) => {
                let mut next = at + c.len_utf8();
                if c == '\r' && current[next..].starts_with('\n') {
                    next += 1;
                }
                rest = Some(&current[next..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_break_is_collapsed() {
        assert_eq!(
            one_line("Ana\n\n00:01.000 --> 00:02.000\nx"),
            "Ana 00:01.000 --> 00:02.000 x"
        );
        assert_eq!(one_line("a\rb"), "a b", "a lone carriage return is a break");
        assert_eq!(
            one_line("a\r\nb\u{2028}c\u{85}d\u{0B}e\u{0C}f\u{2029}g"),
            "a b c d e f g"
        );
        assert_eq!(one_line("  plain  words "), "plain  words");
        assert_eq!(one_line("\n\r\n"), "");
    }

    #[test]
    fn lines_split_like_the_readers_do() {
        let lines: Vec<&str> = split_lines("one\r\ntwo\rthree\n\nfive").collect();
        assert_eq!(lines, ["one", "two", "three", "", "five"]);
        assert_eq!(split_lines("").collect::<Vec<_>>(), [""]);
        assert_eq!(split_lines("end\n").collect::<Vec<_>>(), ["end", ""]);
    }
}
