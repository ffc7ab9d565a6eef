//! Writing a transcript as Markdown for reading and notes.
//!
//! ```text
//! # Title
//!
//! **Maya Lindqvist**
//!
//! [0:00] Welcome to the Earmark demo.
//!
//! [0:02] I'm Maya, and this little episode…
//! ```
//!
//! A speaker's name opens each turn in bold. Each segment is a paragraph led by its
//! start as `[m:ss]` (`[h:mm:ss]` past an hour), or `[≈m:ss]` when the times are
//! estimated; untimed segments have none. Characters Markdown would read as markup
//! are escaped with a backslash, and line breaks inside a segment or a speaker's name
//! (a lone `\r` included) become spaces, so a name can never start a block of its own.
//! A machine-made transcript says so in an italic line under the title.

use std::fmt::Write;

use super::MACHINE_MADE_NOTE;
use crate::export::timestamp;
use crate::transcript::line_breaks::one_line;
use crate::transcript::Transcript;

/// How a Markdown export looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions<'a> {
    /// A level-one heading on top, usually the episode's title.
    pub title: Option<&'a str>,
    /// The times are estimates: written as `[≈m:ss]`.
    pub estimated: bool,
}

/// The transcript as Markdown (see the module documentation).
pub fn to_markdown(transcript: &Transcript, options: &MarkdownOptions<'_>) -> String {
    let mut out = String::new();
    if let Some(title) = options.title {
        let _ = writeln!(out, "# {}\n", escape(&one_line(title)));
    }
    if transcript.machine_made() {
        let _ = writeln!(out, "*{}*\n", escape(MACHINE_MADE_NOTE));
    }
    let mut speaker: Option<String> = None;
    for (i, segment) in transcript.segments.iter().enumerate() {
        let this = segment
            .speaker
            .as_deref()
            .map(one_line)
            .filter(|name| !name.is_empty());
        if let Some(name) = this.as_deref().filter(|_| i == 0 || this != speaker) {
            let _ = writeln!(out, "**{}**\n", escape(name));
        }
        speaker = this;
        if let Some(start) = segment.start_ms {
            let mark = if options.estimated { "≈" } else { "" };
            let _ = write!(out, "[{mark}{}] ", timestamp(start));
        }
        let _ = writeln!(out, "{}\n", escape(&one_line(&segment.text)));
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Backslash-escapes the characters Markdown could read as markup (`#` only where
/// it would start a heading).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    if text.starts_with('#') {
        out.push('\\');
    }
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Segment, TranscriptFormat};

    #[test]
    fn turns_times_and_escapes() {
        let transcript = Transcript {
            format: TranscriptFormat::Vtt,
            warnings: Vec::new(),
            segments: vec![
                Segment::timed(400, 2000, "Welcome to *Earmark*.").with_speaker("Maya"),
                Segment::timed(2000, 3000, "Second line.").with_speaker("Maya"),
                Segment::timed(3_723_000, 3_724_000, "Late <b>").with_speaker("Ines"),
            ],
        };
        let md = to_markdown(
            &transcript,
            &MarkdownOptions {
                title: Some("A # title"),
                estimated: false,
            },
        );
        assert_eq!(
            md,
            "# A # title\n\n**Maya**\n\n[0:00] Welcome to \\*Earmark\\*.\n\n\
             [0:02] Second line.\n\n**Ines**\n\n[1:02:03] Late \\<b\\>\n"
        );
    }

    #[test]
    fn estimated_and_untimed() {
        let transcript = Transcript {
            format: TranscriptFormat::Text,
            warnings: Vec::new(),
            segments: vec![Segment::untimed("Just text.")],
        };
        assert_eq!(
            to_markdown(&transcript, &MarkdownOptions::default()),
            "Just text.\n"
        );
        let timed = Transcript {
            format: TranscriptFormat::Text,
            warnings: Vec::new(),
            segments: vec![Segment::timed(42_000, 43_000, "Guess.")],
        };
        let md = to_markdown(
            &timed,
            &MarkdownOptions {
                title: None,
                estimated: true,
            },
        );
        assert_eq!(md, "[≈0:42] Guess.\n");
    }
}
