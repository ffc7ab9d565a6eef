//! Files the user exports: a name made from a title, and the text written
//! atomically (temporary file, flush, rename), so a full disk leaves the old file
//! whole.

use std::path::Path;

use earmark_core::atomic_file::write_atomically;

use crate::error_report::ErrorReport;

/// Writes `text` to `path` atomically; the path as shown to the user.
pub fn save_text_to(path: &Path, text: &str) -> Result<String, ErrorReport> {
    let shown = path.display().to_string();
    write_atomically(path, text.as_bytes()).map_err(|e| {
        let message = format!("Could not save {shown}: {e}. Nothing there was changed.");
        ErrorReport::new("io", message)
    })?;
    Ok(shown)
}

/// A file name made from an episode title: letters, digits, spaces, `-` and `_`.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .trim_matches([' ', '-'])
        .chars()
        .take(80)
        .collect::<String>();
    if stem.is_empty() {
        "earmark".to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(
            file_stem("Hearing It Twice — Memory/Notes"),
            "Hearing It Twice - Memory-Notes"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("???"), "earmark");
    }

    #[test]
    fn a_save_that_fails_says_where_and_that_nothing_changed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("notes.md");
        assert_eq!(
            save_text_to(&path, "one").expect("saved"),
            path.display().to_string()
        );
        let missing = dir.path().join("no such folder").join("notes.md");
        let error = save_text_to(&missing, "two").expect_err("no folder to save in");
        assert_eq!(error.code, "io");
        assert!(
            error.message.ends_with("Nothing there was changed."),
            "{}",
            error.message
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "one");
    }
}
