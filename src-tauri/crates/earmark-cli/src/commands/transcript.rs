//! `earmark-cli transcript parse FILE [--format vtt|srt|json|html|text]` and
//! `earmark-cli transcript fetch URL`.

use std::path::PathBuf;

use earmark_core::feeds::fetch_page_transcript;
use earmark_core::library::{read_transcript, read_transcript_as};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};
use serde::Serialize;

use super::feed::client;
use crate::report::{clock, one_line, CliError, Report};

/// What to do with a transcript file.
#[derive(Debug, clap::Subcommand)]
pub enum TranscriptCommand {
    /// Read a transcript file and print its segments.
    ///
    /// JSON: {"format", "timed", "segments": [{"start_ms", "end_ms", "speaker", "text",
    /// "words"}], "warnings"}; start_ms/end_ms and speaker are null where the file
    /// gives none, "words" appears only when the file has word timings, "warnings"
    /// (one sentence per cue left out) only when a cue was left out. Text: one line
    /// per segment, "[m:ss] Speaker: text" ("[--:--]" where untimed), and the
    /// warnings on stderr.
    Parse(ParseArgs),
    /// Read the transcript a web page shows (an episode's page) and print it.
    ///
    /// JSON: the `transcript parse` document plus "source_url" (the page, after
    /// redirects) and "incomplete" (true when the page cut the transcript off). Text:
    /// as `transcript parse`, then "(cut off on the page)" when incomplete.
    Fetch(FetchArgs),
}

/// Arguments of `transcript fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// The page's address (http or https).
    url: String,
}

/// Arguments of `transcript parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The transcript file (WebVTT, SRT, Podcasting 2.0 JSON, HTML or plain text).
    file: PathBuf,
    /// Read the file as this format (vtt, srt, json, html or text); by default the
    /// content decides, then the file's extension.
    #[arg(long)]
    format: Option<TranscriptFormat>,
}

/// The `transcript parse --json` document (docs/cli.md), which `transcribe` prints
/// too.
#[derive(Serialize)]
pub(crate) struct ParsedTranscript<'a> {
    format: TranscriptFormat,
    /// True only for a transcript made by speech recognition (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    machine_made: bool,
    timed: bool,
    segments: &'a [Segment],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

impl<'a> ParsedTranscript<'a> {
    /// The document of `transcript`.
    pub(crate) fn of(transcript: &'a Transcript) -> Self {
        ParsedTranscript {
            format: transcript.format,
            machine_made: transcript.machine_made(),
            timed: transcript.timed(),
            segments: &transcript.segments,
            warnings: &transcript.warnings,
        }
    }
}

/// The `transcript fetch --json` document.
#[derive(Serialize)]
struct FetchedTranscript<'a> {
    #[serde(flatten)]
    parsed: ParsedTranscript<'a>,
    source_url: &'a str,
    incomplete: bool,
}

/// Runs a `transcript` subcommand.
pub fn run(command: &TranscriptCommand, out: &Report) -> Result<(), CliError> {
    match command {
        TranscriptCommand::Parse(args) => parse(args, out),
        TranscriptCommand::Fetch(args) => fetch(args, out),
    }
}

/// Parses the file and prints its segments.
fn parse(args: &ParseArgs, out: &Report) -> Result<(), CliError> {
    let transcript = match args.format {
        None => read_transcript(&args.file)?,
        Some(format) => read_transcript_as(&args.file, format)?,
    };
    let document = ParsedTranscript::of(&transcript);
    if !out.json {
        for warning in &transcript.warnings {
            eprintln!("earmark-cli: warning: {}", one_line(warning));
        }
    }
    out.print(&document, || lines_text(&transcript))
}

/// The transcript as text mode prints it: one [`segment_line`] a segment.
pub fn lines_text(transcript: &Transcript) -> String {
    transcript
        .segments
        .iter()
        .map(segment_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fetches the page and prints the transcript it shows.
fn fetch(args: &FetchArgs, out: &Report) -> Result<(), CliError> {
    let page = fetch_page_transcript(&client()?, &args.url)
        .map_err(|e| CliError::Message(e.to_string()))?;
    let document = FetchedTranscript {
        parsed: ParsedTranscript::of(&page.transcript),
        source_url: &page.source_url,
        incomplete: page.incomplete,
    };
    out.print(&document, || {
        let mut lines: Vec<String> = page.transcript.segments.iter().map(segment_line).collect();
        if page.incomplete {
            lines.push("(cut off on the page)".to_owned());
        }
        lines.join("\n")
    })
}

/// `[m:ss] Speaker: text`, or `[--:--] text` for an untimed segment without speaker.
pub(crate) fn segment_line(segment: &Segment) -> String {
    let at = segment.start_ms.map_or_else(|| "--:--".to_string(), clock);
    match &segment.speaker {
        Some(speaker) => format!("[{at}] {speaker}: {}", one_line(&segment.text)),
        None => format!("[{at}] {}", one_line(&segment.text)),
    }
}
