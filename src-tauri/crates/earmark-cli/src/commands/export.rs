//! `earmark-cli export (EPISODE|--all) --format md|json|csv [--out FILE]`.

use std::io::Write;
use std::path::{Path, PathBuf};

use earmark_core::export::{
    episode_file_name, to_json, to_markdown, to_readwise_csv, EpisodeNotes,
};
use earmark_core::store::{EpisodeId, Store};
use serde::Serialize;

use crate::report::{CliError, Report};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown for Obsidian and similar: front matter, one entry per note/highlight.
    #[value(alias = "markdown")]
    Md,
    /// Everything, re-importable with `import-notes`.
    Json,
    /// Readwise's CSV import columns.
    Csv,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Without --out the document goes to stdout. With --out FILE it is written to FILE and a \
summary is printed (JSON: {\"files\", \"format\", \"episodes\", \"notes\", \"highlights\"}). \
With --all --format md and --out naming an existing folder (an Obsidian vault, say), each \
episode gets its own note file there. --all exports every episode that has a note or a \
highlight.")]
pub struct ExportArgs {
    /// The episode's id (see `earmark-cli list`).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    episode: Option<EpisodeId>,
    /// Export every episode that has notes or highlights.
    #[arg(long)]
    all: bool,
    /// The document's format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write to this file (or, for --all --format md, this existing folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The summary printed after writing files.
#[derive(Serialize)]
struct Written {
    files: Vec<PathBuf>,
    format: &'static str,
    episodes: usize,
    notes: usize,
    highlights: usize,
}

/// Exports one episode or every annotated one.
pub fn run(args: &ExportArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    let episodes = match args.episode {
        Some(id) if !args.all => vec![EpisodeNotes::read(&store, id)?],
        _ => EpisodeNotes::read_all(&store)?,
    };
    let Some(target) = &args.out else {
        return to_stdout(&document(args.format, &episodes)?);
    };
    let files = if target.is_dir() && args.format == ExportFormat::Md {
        write_note_files(target, &episodes)?
    } else {
        write_file(target, &document(args.format, &episodes)?)?;
        vec![target.clone()]
    };
    let written = Written {
        files,
        format: match args.format {
            ExportFormat::Md => "md",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        },
        episodes: episodes.len(),
        notes: episodes.iter().map(|e| e.notes.len()).sum(),
        highlights: episodes.iter().map(|e| e.highlights.len()).sum(),
    };
    out.print(&written, || {
        let place = match written.files.as_slice() {
            [one] => one.display().to_string(),
            many => format!("{} files in {}", many.len(), target.display()),
        };
        format!(
            "Exported {} notes and {} highlights of {} episode(s) to {place}.",
            written.notes, written.highlights, written.episodes
        )
    })
}

/// The whole document in `format`.
fn document(format: ExportFormat, episodes: &[EpisodeNotes]) -> Result<String, CliError> {
    let exported = match format {
        ExportFormat::Md => Ok(to_markdown(episodes)),
        ExportFormat::Json => to_json(episodes),
        ExportFormat::Csv => to_readwise_csv(episodes),
    };
    exported.map_err(|e| CliError::Message(e.to_string()))
}

/// One Markdown note file per episode in `folder`; names that collide get ` (2)`, ….
fn write_note_files(folder: &Path, episodes: &[EpisodeNotes]) -> Result<Vec<PathBuf>, CliError> {
    let mut files: Vec<PathBuf> = Vec::with_capacity(episodes.len());
    for episode in episodes {
        let name = episode_file_name(episode);
        let stem = name.trim_end_matches(".md");
        let mut path = folder.join(&name);
        let mut n = 2;
        while files.contains(&path) {
            path = folder.join(format!("{stem} ({n}).md"));
            n += 1;
        }
        write_file(&path, &to_markdown(std::slice::from_ref(episode)))?;
        files.push(path);
    }
    Ok(files)
}

/// Writes `text` to `path` through a temporary file beside it, so a reader never sees
/// half a document and a failed export leaves the old file as it was.
fn write_file(path: &Path, text: &str) -> Result<(), CliError> {
    let failed =
        |e: std::io::Error| CliError::Message(format!("Could not write {}: {e}.", path.display()));
    let mut temp_name = path.as_os_str().to_os_string();
    temp_name.push(".earmark-tmp");
    let temp = PathBuf::from(temp_name);
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(failed(e));
    }
    Ok(())
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
