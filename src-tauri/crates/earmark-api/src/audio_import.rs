//! Local audio brought into the library (dropped on the window or picked in a
//! dialog): folders walked, each file measured exactly by the player's probe (a file
//! that does not play is reported, the others come in), tagged, and imported with
//! the transcript beside it and its chapters; what a drop of files holds.

use std::path::{Path, PathBuf};

use earmark_core::library::{
    collect_audio_files, import_audio_files, is_audio_file_name, is_transcript_file_name,
    FilesImported,
};
use earmark_core::store::Store;

use crate::background::Background;

/// What files dropped on the window hold.
#[derive(Debug, PartialEq, Eq)]
pub enum Dropped<'a> {
    /// Audio files or folders: imported.
    Audio,
    /// A transcript file without audio: for the episode on screen.
    Transcript(&'a Path),
    /// Nothing Earmark takes.
    Nothing,
}

/// What `paths` hold: audio or folders first, so dropping `talk.mp3` with
/// `talk.vtt` imports the pair; else a transcript file.
pub fn dropped(paths: &[PathBuf]) -> Dropped<'_> {
    if paths.iter().any(|p| p.is_dir() || is_audio_file_name(p)) {
        return Dropped::Audio;
    }
    let transcript = paths.iter().find(|p| is_transcript_file_name(p));
    transcript.map_or(Dropped::Nothing, |p| Dropped::Transcript(p))
}

/// [`import_paths`] on the background runner; a job that fails is one problem.
pub async fn import_in_background(background: &Background, paths: Vec<PathBuf>) -> FilesImported {
    let job = move |store: &Store, _: &Path| Ok(import_paths(store, &paths));
    background
        .run("Importing files", job)
        .await
        .unwrap_or_else(|e| FilesImported {
            episodes: Vec::new(),
            problems: vec![e.message],
        })
}

/// Imports the audio files among `paths` (folders walked).
pub fn import_paths(store: &Store, paths: &[PathBuf]) -> FilesImported {
    let files = collect_audio_files(paths);
    let mut done = import_audio_files(store, &files, &measure);
    if files.is_empty() {
        done.problems.push(
            "No audio files were found there (MP3, M4A or M4B, AAC, Ogg or Opus, FLAC, WAV or AIFF)."
                .into(),
        );
    }
    done
}

/// The exact duration, or why the file does not play.
fn measure(path: &Path) -> Result<u64, String> {
    earmark_player::probe(path)
        .map(|media| media.duration_ms)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_comes_in_measured_with_the_transcript_beside_it() {
        let store = crate::testing::library();
        let media = tempfile::tempdir().expect("tempdir");
        let audio = media.path().join("talk.flac");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/audio/flac-44k-mono.flac");
        std::fs::copy(fixture, &audio).expect("copy");
        std::fs::write(
            media.path().join("talk.vtt"),
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n",
        )
        .expect("transcript");
        let imported = import_paths(&store, &[media.path().to_path_buf()]);
        assert_eq!(imported.problems, Vec::<String>::new());
        let [id] = imported.episodes[..] else {
            panic!("one episode: {:?}", imported.episodes);
        };
        let episode = store.episode(id).expect("episode");
        assert_eq!(episode.duration_ms, Some(3_000), "measured exactly");
        let transcript = store.get_transcript(id).expect("read").expect("transcript");
        assert_eq!(transcript.segments[0].text, "Hello.");
    }

    #[test]
    fn a_drop_of_audio_with_its_transcript_is_audio_and_a_transcript_alone_is_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (audio, vtt) = (dir.path().join("talk.mp3"), dir.path().join("talk.vtt"));
        let folder = dir.path().to_path_buf();
        assert_eq!(dropped(&[vtt.clone(), audio]), Dropped::Audio);
        assert_eq!(dropped(&[folder]), Dropped::Audio, "a folder is walked");
        let notes = dir.path().join("notes.pdf");
        assert_eq!(
            dropped(&[notes.clone(), vtt.clone()]),
            Dropped::Transcript(&vtt)
        );
        assert_eq!(dropped(&[notes]), Dropped::Nothing);
    }

    #[test]
    fn a_folder_without_audio_says_so() {
        let store = crate::testing::library();
        let empty = tempfile::tempdir().expect("tempdir");
        let imported = import_paths(&store, &[empty.path().to_path_buf()]);
        assert!(imported.episodes.is_empty());
        assert!(imported.problems[0].starts_with("No audio files were found there"));
    }
}
