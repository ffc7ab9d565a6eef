//! `earmark-cli`: the same core and database as the Earmark app, for scripting,
//! exports and tests. Human-readable output by default, one JSON document with `--json`.
//! Errors print as one line on stderr, `earmark-cli: <sentence>`, and exit with 1
//! (usage errors exit with 2); an internal error (a panic) prints one line too,
//! "Earmark hit an internal error in …", and exits with 101.

mod commands;

/// Printing and errors, shared with `earmark-bench` through the library target.
use earmark_cli::report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::notes::NotesCommand;
use commands::transcript::TranscriptCommand;

/// Earmark from the command line: the app's library, transcripts and audio engine.
///
/// Every command prints text for people, or one JSON document with --json. An error
/// prints one line on stderr ("earmark-cli: ...") and exits with 1; a usage error
/// exits with 2.
#[derive(Debug, Parser)]
#[command(name = "earmark-cli", version)]
struct Cli {
    /// Data directory shared with the app (default: the app's data folder).
    #[arg(long, global = true, env = earmark_core::paths::DATA_DIR_ENV)]
    data_dir: Option<PathBuf>,
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Codec, sample rate, channels and exact duration of an audio file.
    ///
    /// JSON: {"codec", "sample_rate", "channels", "duration_ms", "frames"}.
    Probe {
        /// The audio file.
        audio: PathBuf,
    },
    /// Write the exact samples of a time range to a WAV file.
    ///
    /// A range that runs past the end of the audio is an error naming the file's
    /// real length (exit 1, nothing written), never a shorter clip.
    Clip(commands::clip::ClipArgs),
    /// Read transcript files.
    #[command(subcommand)]
    Transcript(TranscriptCommand),
    /// Recognise what is said in an audio file or a downloaded episode, on this
    /// computer, offline.
    ///
    /// JSON: the `transcript parse` document with "format": "speech",
    /// "machine_made": true and "words" on every line.
    Transcribe(commands::transcribe::TranscribeArgs),
    /// Place an untimed transcript's segments on the audio, offline (needs espeak-ng).
    ///
    /// JSON: the `transcript parse` document with times filled in and, per segment,
    /// "confidence" (0-1) and "flagged" (text and audio do not match there); plus
    /// "unmatched": [{"start_ms", "end_ms"}], audio no text was matched to.
    Align(commands::align::AlignArgs),
    /// Add a local audio file to the library, measured exactly, with its transcript.
    ///
    /// JSON: {"id": EPISODE}; importing the same file again gives the same id.
    Import(commands::import::ImportArgs),
    /// List the episodes in the library.
    ///
    /// JSON: {"episodes": [{"id", "podcast", "title", "published", "duration_ms",
    /// "downloaded", "has_transcript", "position_ms"}]}.
    List,
    /// Add and list notes.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// Search every transcript, note, highlight and episode title.
    Search(commands::search::SearchArgs),
    /// Subscribe to podcast feeds, refresh them, list them.
    #[command(subcommand)]
    Feed(commands::feed::FeedCommand),
    /// Download an episode for offline listening (progress on stderr; resumes an
    /// interrupted download). JSON: {"path", …}.
    Download(commands::download::DownloadArgs),
    /// Import and export subscriptions as OPML.
    #[command(subcommand)]
    Opml(commands::opml::OpmlCommand),
    /// Export notes and highlights as Markdown, JSON or Readwise CSV.
    Export(commands::export::ExportArgs),
    /// Copy the whole library to one file, consistently, even while the app runs.
    Backup(commands::backup::BackupArgs),
    /// Replace the library with a backup (the replaced one is kept).
    Restore(commands::backup::RestoreArgs),
    /// Import a JSON export: notes and highlights, and the shows, episodes and
    /// transcripts the library lacks (twice adds nothing).
    ImportNotes(commands::import_notes::ImportNotesArgs),
}

fn main() -> ExitCode {
    // A panic is one line on stderr, never a backtrace; the process then exits
    // with 101.
    earmark_core::panic_report::install_panic_hook(None);
    let cli = Cli::parse();
    let out = report::Report { json: cli.json };
    let data_dir = cli
        .data_dir
        .unwrap_or_else(earmark_core::paths::default_data_dir);
    let result = match &cli.command {
        Command::Probe { audio } => commands::probe::run(audio, &out),
        Command::Clip(args) => commands::clip::run(args, &out),
        Command::Transcript(command) => commands::transcript::run(command, &out),
        Command::Transcribe(args) => commands::transcribe::run(args, &data_dir, &out),
        Command::Align(args) => commands::align::run(args, &out),
        Command::Import(args) => commands::import::run(args, &data_dir, &out),
        Command::List => commands::list::run(&data_dir, &out),
        Command::Notes(command) => commands::notes::run(command, &data_dir, &out),
        Command::Search(args) => commands::search::run(args, &data_dir, &out),
        Command::Feed(command) => commands::feed::run(command, &data_dir, &out),
        Command::Download(args) => commands::download::run(args, &data_dir, &out),
        Command::Opml(command) => commands::opml::run(command, &data_dir, &out),
        Command::Export(args) => commands::export::run(args, &data_dir, &out),
        Command::Backup(args) => commands::backup::run_backup(args, &data_dir, &out),
        Command::Restore(args) => commands::backup::run_restore(args, &data_dir, &out),
        Command::ImportNotes(args) => commands::import_notes::run(args, &data_dir, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("earmark-cli: {}", e.line());
            ExitCode::FAILURE
        }
    }
}
