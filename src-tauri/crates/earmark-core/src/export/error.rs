//! What can go wrong exporting or importing notes, in sentences a user understands.

use crate::store::StoreError;

/// An error from exporting or importing notes.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file to import is not JSON, or not shaped like an Earmark export.
    #[error("The file is not an Earmark notes export (a JSON file made by \"export --format json\"): {0}")]
    NotAnExport(#[source] serde_json::Error),

    /// The file was exported by a newer Earmark whose format this one does not know.
    #[error(
        "The file is an Earmark export of format version {found}, from a newer Earmark; \
         this version reads up to version {known}. Update Earmark to import it."
    )]
    NewerExport {
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        known: u32,
    },

    /// A CSV document could not be written.
    #[error("Could not write the CSV export: {0}")]
    Csv(#[source] csv::Error),

    /// A JSON document could not be written.
    #[error("Could not write the JSON export: {0}")]
    Json(#[source] serde_json::Error),

    /// A file could not be written; whatever was there before is left as it was.
    #[error("Could not write {path}: {source}. Nothing there was changed.")]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },

    /// From the library database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ExportError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::NotAnExport(_) => "not_an_export",
            ExportError::NewerExport { .. } => "newer_export",
            ExportError::Csv(_) => "export_csv",
            ExportError::Json(_) => "export_json",
            ExportError::Write { .. } => "export_write",
            ExportError::Store(e) => e.code(),
        }
    }

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code; `detail` is what the system or a library said, in English.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            ExportError::NotAnExport(e) | ExportError::Json(e) => vec![("detail", e.to_string())],
            ExportError::NewerExport { found, known } => {
                vec![("found", found.to_string()), ("known", known.to_string())]
            }
            ExportError::Csv(e) => vec![("detail", e.to_string())],
            ExportError::Write { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
            ExportError::Store(e) => e.params(),
        }
    }
}
