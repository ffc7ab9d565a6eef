//! Each failure is a typed error with a sentence.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use earmark_speech::{transcribe, SpeechError};

use crate::fixtures::{clip, options};

fn fails(options: &earmark_speech::TranscribeOptions) -> SpeechError {
    let never = AtomicBool::new(false);
    match transcribe(&clip("goforward.flac"), options, &never, &mut |_| {}) {
        Err(e) => e,
        Ok(t) => panic!("expected an error, got {t:?}"),
    }
}

#[test]
fn a_missing_transcriber_is_named() {
    let mut opts = options();
    opts.transcriber = PathBuf::from("/nonexistent/earmark/python");
    let error = fails(&opts);
    assert_eq!(error.code(), "transcriber_failed");
    assert!(
        error.to_string().contains("/nonexistent/earmark/python"),
        "{error}"
    );
}

#[test]
fn a_folder_without_a_model_says_so() {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut opts = options();
    opts.model = Some(empty.path().to_path_buf());
    let error = fails(&opts);
    assert_eq!(error.code(), "no_model", "{error}");
    assert!(
        error.params().contains(&("why", "missing".to_owned())),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("No speech model was found in"),
        "{error}"
    );
}

#[test]
fn a_language_without_a_model_says_so() {
    let mut opts = options();
    opts.language = "de".into();
    let error = fails(&opts);
    assert_eq!(error.code(), "no_model_for_language");
    assert!(matches!(error, SpeechError::NoModelForLanguage(_)));
    assert!(error.to_string().contains("English only"), "{error}");
    let params = error.params();
    assert!(
        params.contains(&("language", "de".to_owned())),
        "{params:?}"
    );
    assert!(
        params.iter().any(|(k, v)| *k == "model" && !v.is_empty()),
        "{params:?}"
    );
}
