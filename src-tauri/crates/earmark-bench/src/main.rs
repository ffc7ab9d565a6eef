//! `earmark-bench`: Earmark's benchmarks, apart from the user's command line. Each
//! prints its figures as text, or one JSON document with `--json`; docs/benchmarks.md
//! records them with the machine and the date. Errors print as one line on stderr,
//! `earmark-bench: <sentence>`, and exit with 1.

mod align;
mod corpus;
mod engine;
mod feed;
mod feed_farm;
mod library;
mod notes;
mod playback;
mod refresh;
mod scaling;
mod transcript;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use earmark_cli::report::Report;

/// Earmark's benchmarks: the playback engine, parsers, aligner, feeds and notes.
#[derive(Debug, Parser)]
#[command(name = "earmark-bench", version)]
struct Cli {
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Engine(engine::Bench),
    /// Parse and store a podcast feed (default: 3,000 generated episodes).
    Feed(feed::BenchFeedArgs),
    /// Notes, highlights and search on a generated library.
    #[command(subcommand)]
    Notes(notes::BenchNotesCommand),
    /// The window's calls on a large library (the sidebar, a show's page).
    Library(library::LibraryArgs),
    /// Checking 1,000 generated feeds on 50 loopback hosts for new episodes, in
    /// parallel and politely, against the refresh as it was before.
    Refresh(refresh::RefreshArgs),
    /// One step of `refresh`, in its own process (run by `refresh`).
    #[command(hide = true)]
    RefreshStep(refresh::StepArgs),
}

fn main() -> ExitCode {
    earmark_core::panic_report::install_panic_hook(None);
    let cli = Cli::parse();
    let out = Report { json: cli.json };
    let result = match &cli.command {
        Command::Engine(bench) => engine::run(bench, &out),
        Command::Feed(args) => feed::run(args, &out),
        Command::Notes(command) => notes::run(command, &out),
        Command::Library(args) => library::run(args, &out),
        Command::Refresh(args) => refresh::run(args, &out),
        Command::RefreshStep(args) => refresh::run_step(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("earmark-bench: {}", e.line());
            ExitCode::FAILURE
        }
    }
}
