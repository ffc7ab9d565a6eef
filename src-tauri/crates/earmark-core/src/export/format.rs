//! The formats notes and highlights export to, named once for the window and the
//! command line.

use serde::Deserialize;

use super::{to_json, to_markdown, to_readwise_csv, EpisodeNotes, ExportError, ExportLanguage};

/// A notes export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotesFormat {
    /// Markdown with front matter (Obsidian and the like).
    Md,
    /// Earmark's JSON export (everything, re-importable).
    Json,
    /// Readwise's CSV import columns.
    Csv,
}

impl NotesFormat {
    /// Its short name, which is also its file extension (`md`, `json`, `csv`).
    pub fn name(self) -> &'static str {
        match self {
            NotesFormat::Md => "md",
            NotesFormat::Json => "json",
            NotesFormat::Csv => "csv",
        }
    }

    /// What a save dialog calls files of this format.
    pub fn filter_name(self) -> &'static str {
        match self {
            NotesFormat::Md => "Markdown",
            NotesFormat::Json => "JSON",
            NotesFormat::Csv => "CSV",
        }
    }

    /// The episodes' notes and highlights as a document in this format (a Markdown
    /// document's own words in `language`; the data formats have none).
    pub fn render(
        self,
        episodes: &[EpisodeNotes],
        language: ExportLanguage,
    ) -> Result<String, ExportError> {
        match self {
            NotesFormat::Md => Ok(to_markdown(episodes, language)),
            NotesFormat::Json => to_json(episodes),
            NotesFormat::Csv => to_readwise_csv(episodes),
        }
    }
}

impl std::str::FromStr for NotesFormat {
    type Err = String;

    /// Reads `md` (or `markdown`), `json` or `csv`, ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(NotesFormat::Md),
            "json" => Ok(NotesFormat::Json),
            "csv" => Ok(NotesFormat::Csv),
            _ => Err(format!("\"{s}\" is not a notes format (md, json or csv)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for format in [NotesFormat::Md, NotesFormat::Json, NotesFormat::Csv] {
            assert_eq!(format.name().parse::<NotesFormat>(), Ok(format));
        }
        assert_eq!("Markdown".parse::<NotesFormat>(), Ok(NotesFormat::Md));
        assert!("pdf".parse::<NotesFormat>().is_err());
    }
}
