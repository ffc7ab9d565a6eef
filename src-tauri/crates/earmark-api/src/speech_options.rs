//! How this library transcribes an episode: with the model directory Settings name
//! (else the installed Whisper tiny.en) and in the language its show's feed names
//! (else English). The window and `earmark-cli transcribe` both ask here.

use earmark_core::store::{Episode, Store};
use earmark_speech::{find_transcriber, TranscribeOptions};

use crate::error_report::ErrorReport;
use crate::settings::speech_model;

/// The language assumed when the show names none.
const DEFAULT_LANGUAGE: &str = "en";

/// The options for transcribing `episode`.
pub fn speech_options(store: &Store, episode: &Episode) -> Result<TranscribeOptions, ErrorReport> {
    let transcriber =
        find_transcriber().map_err(|error| ErrorReport::new(error.code(), error.to_string()))?;
    let mut options = TranscribeOptions::new(transcriber);
    options.model = speech_model(store);
    let named = match episode.podcast_id {
        Some(show) => store.podcast_language(show)?,
        None => None,
    };
    options.language = spoken_language(named.as_deref());
    Ok(options)
}

/// The recogniser's language code for a feed's language tag: its primary subtag
/// (`en-US` → `en`, `FI` → `fi`), or English for none or a malformed one.
pub fn spoken_language(tag: Option<&str>) -> String {
    tag.and_then(|tag| tag.trim().split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .filter(|code| {
            (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
        })
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::SPEECH_MODEL_KEY;
    use earmark_core::store::{NewEpisode, NewPodcast};
    use serde_json::Value;
    use std::path::PathBuf;

    #[test]
    fn a_feeds_language_tag_becomes_the_recognisers_code() {
        assert_eq!(spoken_language(Some("en-US")), "en");
        assert_eq!(spoken_language(Some(" FI ")), "fi");
        assert_eq!(spoken_language(Some("sv_SE")), "sv");
        assert_eq!(spoken_language(None), "en");
        assert_eq!(spoken_language(Some("")), "en");
        assert_eq!(spoken_language(Some("english")), "en", "not a code");
        assert_eq!(spoken_language(Some("1x")), "en");
    }

    #[test]
    fn the_model_set_in_settings_and_the_shows_language_are_used() {
        let store = crate::testing::library();
        let show = store
            .add_podcast(&NewPodcast {
                title: "Radio".into(),
                feed_url: Some("https://radio.example/feed".into()),
                ..NewPodcast::default()
            })
            .expect("show");
        store
            .set_podcast_language(show, Some("fi-FI"))
            .expect("language");
        let id = store
            .insert_episode(&NewEpisode {
                title: "Jakso".into(),
                podcast_id: Some(show),
                ..NewEpisode::default()
            })
            .expect("episode");
        let episode = store.episode(id).expect("read");
        assert_eq!(speech_model(&store), None, "the installed model");
        store
            .set_setting(SPEECH_MODEL_KEY, &Value::from("  /models/small  "))
            .expect("set");
        assert_eq!(speech_model(&store), Some(PathBuf::from("/models/small")));
        let options =
            speech_options(&store, &episode).expect("tests/setup installs the transcriber");
        assert_eq!(options.language, "fi");
        assert_eq!(options.model, Some(PathBuf::from("/models/small")));
    }
}
