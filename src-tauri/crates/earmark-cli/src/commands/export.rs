//! `earmark-cli export (EPISODE|--all) --format md|json|csv [--out FILE]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use earmark_core::atomic_file::write_atomically;
use earmark_core::export::{
    export_to_folder, library_to_json, EpisodeNotes, ExportLanguage, NotesFormat, VaultFile,
};
use earmark_core::store::{EpisodeId, Podcast, Store};
use serde::Serialize;

use crate::report::{CliError, Report};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Without --out the document goes to stdout. With --out FILE it is written to FILE and a \
summary is printed (JSON: {\"files\", \"format\", \"episodes\", \"notes\", \"highlights\"}). \
With --all --format md and --out naming an existing folder (an Obsidian vault, say), each \
episode gets its own note file there; a file of the same name that Earmark did not write \
(or that was edited since) is left as it is and the notes go beside it as \"NAME (2).md\" \
(JSON: \"kept\" lists the files left alone). --all exports every episode that has a note \
or a highlight; with --format json it exports the whole library (every show and episode, \
transcripts and positions too), which `import-notes` restores into another library. \
Files are written to a temporary file and renamed, so a failed export leaves what was \
there before.")]
pub struct ExportArgs {
    /// The episode's id (see `earmark-cli list`).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    episode: Option<EpisodeId>,
    /// Export every episode that has notes or highlights.
    #[arg(long)]
    all: bool,
    /// The document's format: md (or markdown), json or csv.
    #[arg(long)]
    format: NotesFormat,
    /// Write to this file (or, for --all --format md, this existing folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The summary printed after writing files.
#[derive(Serialize)]
struct Written {
    files: Vec<PathBuf>,
    kept: Vec<PathBuf>,
    format: &'static str,
    episodes: usize,
    notes: usize,
    highlights: usize,
}

/// Exports one episode, every annotated one, or (JSON) the whole library.
pub fn run(args: &ExportArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    // The JSON of --all is the whole library, to move it to another machine.
    let whole_library = args.all && args.format == NotesFormat::Json;
    let episodes = match args.episode {
        Some(id) if !args.all => vec![EpisodeNotes::read(&store, id)?],
        _ if whole_library => EpisodeNotes::read_every(&store)?,
        _ => EpisodeNotes::read_all(&store)?,
    };
    let podcasts = if whole_library {
        Some(store.podcasts()?)
    } else {
        None
    };
    // A note file is the reader's document: its words follow the system's language.
    let language = ExportLanguage::of_environment("LC_MESSAGES", |name| std::env::var(name).ok());
    let document =
        |episodes: &[EpisodeNotes]| document(args.format, episodes, podcasts.as_deref(), language);
    let Some(target) = &args.out else {
        return to_stdout(&document(&episodes)?);
    };
    let (files, kept) = if target.is_dir() && args.format == NotesFormat::Md {
        let written = export_to_folder(target, &episodes, language)
            .map_err(|e| CliError::Message(e.to_string()))?;
        let kept = written.iter().flat_map(|w| w.kept.clone()).collect();
        (
            written.into_iter().map(|w: VaultFile| w.path).collect(),
            kept,
        )
    } else {
        write_atomically(target, document(&episodes)?.as_bytes()).map_err(|e| {
            CliError::Message(format!(
                "Could not write {}: {e}. Nothing there was changed.",
                target.display()
            ))
        })?;
        (vec![target.clone()], Vec::new())
    };
    let written = Written {
        files,
        kept,
        format: args.format.name(),
        episodes: episodes.len(),
        notes: episodes.iter().map(|e| e.notes.len()).sum(),
        highlights: episodes.iter().map(|e| e.highlights.len()).sum(),
    };
    out.print(&written, || {
        let place = match written.files.as_slice() {
            [one] => one.display().to_string(),
            many => format!("{} files in {}", many.len(), target.display()),
        };
        let mut lines = vec![format!(
            "Exported {} notes and {} highlights of {} episode(s) to {place}.",
            written.notes, written.highlights, written.episodes
        )];
        lines.extend(written.kept.iter().map(|path| {
            format!(
                "Left {} as it was (Earmark did not write it, or it was edited since); \
                 the notes went beside it.",
                path.display()
            )
        }));
        lines.join("\n")
    })
}

/// The whole document in `format`.
/// `podcasts` are the library's shows, for the whole-library JSON.
fn document(
    format: NotesFormat,
    episodes: &[EpisodeNotes],
    podcasts: Option<&[Podcast]>,
    language: ExportLanguage,
) -> Result<String, CliError> {
    let exported = match (format, podcasts) {
        (NotesFormat::Json, Some(podcasts)) => library_to_json(podcasts, episodes),
        _ => format.render(episodes, language),
    };
    exported.map_err(|e| CliError::Message(e.to_string()))
}

/// Prints the document as it is (a reader that stops early is not an error).
fn to_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Message(format!(
            "Could not print the export: {e}."
        ))),
        Ok(()) => Ok(()),
    }
}
