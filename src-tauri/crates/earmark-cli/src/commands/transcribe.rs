//! `earmark-cli transcribe EPISODE|FILE [--model DIR] [--language en]`: the
//! episode's audio recognised on this computer, offline (earmark-speech), with the
//! model and language the window would use (earmark-api's `speech_options`).
//!
//! JSON: the `transcript parse` document (docs/cli.md) with `"format": "speech"`,
//! `"machine_made": true` and `"words"` on every line. Text: one timed line per
//! segment, `[m:ss] text`. `--progress` prints the percentage and the time left on
//! stderr after each chunk. An episode's finished chunks are kept in the library as
//! they are heard, so an interrupted run of the same episode goes on where it
//! stopped.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use earmark_api::speech_options::speech_options;
use earmark_core::store::{Episode, EpisodeId, Store};
use earmark_speech::{
    find_transcriber, transcribe, transcribe_resuming, Progress, StoreJournal, TranscribeOptions,
};

use super::transcript::{lines_text, ParsedTranscript};
use crate::report::{CliError, Report};

/// Arguments of `transcribe`.
#[derive(Debug, clap::Args)]
pub struct TranscribeArgs {
    /// An audio file, or the id of a downloaded episode (see `earmark-cli list`).
    episode: String,
    /// A CTranslate2 Whisper model directory (a larger model of the same family);
    /// by default the one Settings name, else the installed Whisper tiny.en.
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// The language spoken (ISO 639-1), e.g. `en`; by default the one the episode's
    /// show names, else English.
    #[arg(long)]
    language: Option<String>,
    /// Print progress and the time left on stderr.
    #[arg(long)]
    progress: bool,
}

/// Transcribes the file or episode and prints its lines.
pub fn run(args: &TranscribeArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let (audio, library) = audio_of(&args.episode, data_dir)?;
    let mut options = match &library {
        Some((store, episode)) => {
            speech_options(store, episode).map_err(|e| CliError::Message(e.message))?
        }
        None => TranscribeOptions::new(find_transcriber().map_err(speech)?),
    };
    if let Some(model) = &args.model {
        options.model = Some(model.clone());
    }
    if let Some(language) = &args.language {
        options.language = language.clone();
    }
    let never = AtomicBool::new(false);
    let mut report = |p: Progress| {
        if args.progress {
            let left = p.left.map_or_else(String::new, |left| {
                format!(", about {} s left", left.as_secs())
            });
            eprintln!("transcribing {:.0}%{left}", p.done * 100.0);
        }
    };
    let journal = library
        .as_ref()
        .and_then(|(store, _)| StoreJournal::new(store, &audio, &options));
    let transcript = match journal {
        Some(mut journal) => {
            let made = transcribe_resuming(&audio, &options, &mut journal, &never, &mut report);
            if matches!(made, Ok(Some(_))) {
                journal.forget();
            }
            made
        }
        None => transcribe(&audio, &options, &never, &mut report),
    }
    .map_err(speech)?
    .ok_or_else(|| CliError::Message("The transcription was cancelled.".into()))?;
    out.print(&ParsedTranscript::of(&transcript), || {
        lines_text(&transcript)
    })
}

/// The audio file named, or the downloaded audio of the episode with that id, with
/// the library that keeps its finished chunks and the episode.
fn audio_of(
    episode: &str,
    data_dir: &Path,
) -> Result<(PathBuf, Option<(Store, Episode)>), CliError> {
    let path = PathBuf::from(episode);
    if path.is_file() {
        return Ok((path, None));
    }
    let Ok(id) = episode.parse::<EpisodeId>() else {
        return Err(CliError::Message(format!(
            "{episode} is neither an audio file nor an episode id."
        )));
    };
    let store = Store::open_in_data_dir(data_dir)?;
    let row = store.episode(id)?;
    match row.audio_path.clone() {
        Some(audio) if audio.is_file() => Ok((audio, Some((store, row)))),
        _ => Err(CliError::Message(format!(
            "Episode {id} has no downloaded audio to transcribe: download it first (earmark-cli download {id})."
        ))),
    }
}

fn speech(error: earmark_speech::SpeechError) -> CliError {
    CliError::Message(error.to_string())
}
