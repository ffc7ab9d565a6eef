//! The words of a native file dialog (its title, the kind of file it offers) as a
//! front end sends them, in the listener's language: the window words them from its
//! catalogue, and the shell shows the dialog.

use serde::Deserialize;

/// A dialog's title and the name of the kind of file it offers, in the listener's
/// language: the window words them from its catalogue.
#[derive(Debug, Clone, Deserialize)]
pub struct DialogWords {
    /// The dialog's title.
    pub title: String,
    /// The kind of file, e.g. "Audio"; when not sent, the format's own name.
    pub filter: Option<String>,
}

impl DialogWords {
    /// The kind of file's name, `own` when the window sent none.
    pub fn filter<'a>(&'a self, own: &'a str) -> &'a str {
        self.filter.as_deref().unwrap_or(own)
    }
}
