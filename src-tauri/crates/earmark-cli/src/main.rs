//! `earmark-cli`: the same core and database as the Earmark app, for scripting,
//! exports and tests. Human-readable output by default, one JSON document with `--json`.

mod commands;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Earmark from the command line: probe and clip audio, parse transcripts.
#[derive(Debug, Parser)]
#[command(name = "earmark-cli", version, about)]
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
    Probe {
        /// The audio file.
        audio: PathBuf,
    },
    /// Write the exact samples of a time range to a WAV file.
    Clip(commands::clip::ClipArgs),
    /// Benchmarks of the playback engine, each printing one JSON document with --json.
    Bench(commands::bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = report::Report { json: cli.json };
    let result = match cli.command {
        Command::Probe { audio } => commands::probe::run(&audio, &out),
        Command::Clip(args) => commands::clip::run(&args, &out),
        Command::Bench(args) => commands::bench::run(&args, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("earmark-cli: {e}");
            ExitCode::FAILURE
        }
    }
}
