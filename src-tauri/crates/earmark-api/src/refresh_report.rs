//! What a check for new episodes found, show by show: the report the window's
//! status line and `earmark-cli feed refresh` both give.

use earmark_core::feeds::{
    check, refresh_all, AllRefreshed, RefreshAll, RefreshProgress, Refreshed, SubscribeError,
};
use earmark_core::http::{HttpClient, NetError};
use earmark_core::store::{Podcast, PodcastId, Store, StoreResult};
use serde::Serialize;

use crate::error_report::ErrorReport;

/// What a check found.
#[derive(Debug, Clone, Serialize)]
pub struct RefreshReport {
    /// New episodes across all podcasts checked.
    pub new_episodes: usize,
    /// Each podcast's outcome.
    pub podcasts: Vec<PodcastOutcome>,
    /// Every podcast failed for want of a network: nothing is wrong with the feeds.
    pub offline: bool,
    /// Feeds the server said had not changed (304): nothing was read or written.
    pub not_modified: usize,
    /// Bytes of feed received across all podcasts.
    pub bytes: u64,
    /// Feeds a background check left alone because they say they change less often.
    pub not_due: usize,
}

/// How one podcast's check went.
#[derive(Debug, Clone, Serialize)]
pub struct PodcastOutcome {
    /// The podcast.
    pub podcast: PodcastId,
    /// Its title.
    pub title: String,
    /// Episodes that were not in the library before.
    pub new_episodes: usize,
    /// Why it could not be checked, as a sentence.
    pub error: Option<String>,
    /// The same, by code with its params, for a front end that words it itself (the
    /// window, in the listener's language).
    pub error_report: Option<ErrorReport>,
    /// What was repaired in its feed, and what could not be fetched, as sentences.
    pub warnings: Vec<String>,
    /// The same, by code with their params, for the window to word (left out when
    /// there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warning_reports: Vec<ErrorReport>,
    /// The feed had not changed since it was last read.
    pub not_modified: bool,
    /// Bytes of feed received.
    pub bytes: u64,
    /// Its server asked to slow down (429, 503), now or at an earlier check that it
    /// is still waiting out (the error says for how long).
    pub waiting: bool,
}

impl PodcastOutcome {
    /// The outcome of refreshing `show`.
    pub fn of(show: Podcast, result: Result<Refreshed, SubscribeError>) -> PodcastOutcome {
        match result {
            Ok(done) => PodcastOutcome {
                podcast: done.podcast,
                title: done.title,
                new_episodes: done.new_episodes,
                error: None,
                error_report: None,
                warnings: done.warnings.iter().map(|w| w.message.clone()).collect(),
                warning_reports: done.warnings.into_iter().map(Into::into).collect(),
                not_modified: done.not_modified,
                bytes: done.bytes,
                waiting: false,
            },
            Err(e) => PodcastOutcome {
                podcast: show.id,
                title: show.title,
                new_episodes: 0,
                waiting: matches!(
                    e,
                    SubscribeError::Waiting(_) | SubscribeError::Net(NetError::Busy { .. })
                ),
                error: Some(e.to_string()),
                error_report: Some(e.into()),
                warnings: Vec::new(),
                warning_reports: Vec::new(),
                not_modified: false,
                bytes: 0,
            },
        }
    }
}

/// Checks `podcast`'s feed (asked for: whatever it says of its update frequency), or
/// every feed as `how` says, telling `progress` after each feed of a whole check that
/// is not a background one.
pub fn check_feeds(
    store: &Store,
    http: &HttpClient,
    podcast: Option<PodcastId>,
    how: RefreshAll,
    progress: &(dyn Fn(&RefreshProgress) + Sync),
) -> StoreResult<RefreshReport> {
    // Progress is told for a check someone waits on; a background check is quiet.
    let quiet = |_: &RefreshProgress| {};
    let progress = if how.background { &quiet } else { progress };
    let all = match podcast {
        None => refresh_all(store, http, how, progress)?,
        Some(id) => {
            let show = store.podcast(id)?;
            let (outcomes, not_due) = match check(store, http, id, how.background) {
                Ok(Some(done)) => (vec![(show, Ok(done))], 0),
                Ok(None) => (Vec::new(), 1),
                Err(e) => (vec![(show, Err(e))], 0),
            };
            AllRefreshed { outcomes, not_due }
        }
    };
    Ok(report(all))
}

/// The report of a check's outcomes, podcast by podcast.
pub fn report(all: AllRefreshed) -> RefreshReport {
    let AllRefreshed { outcomes, not_due } = all;
    let offline = !outcomes.is_empty()
        && outcomes
            .iter()
            .all(|(_, r)| matches!(r, Err(SubscribeError::Net(e)) if e.is_transient()));
    let podcasts: Vec<PodcastOutcome> = outcomes
        .into_iter()
        .map(|(show, result)| PodcastOutcome::of(show, result))
        .collect();
    RefreshReport {
        new_episodes: podcasts.iter().map(|p| p.new_episodes).sum(),
        not_modified: podcasts.iter().filter(|p| p.not_modified).count(),
        bytes: podcasts.iter().map(|p| p.bytes).sum(),
        podcasts,
        offline,
        not_due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use earmark_core::coded_message::CodedMessage;

    #[test]
    fn progress_is_told_for_a_check_asked_for_and_not_for_a_background_one() {
        let store = crate::testing::library();
        let podcast = earmark_core::store::NewPodcast {
            title: "Gone".into(),
            // Nothing listens on port 1: the check fails at once.
            feed_url: Some("http://127.0.0.1:1/feed.xml".into()),
            ..Default::default()
        };
        store.add_podcast(&podcast).expect("a podcast");
        let http = HttpClient::new().expect("a client");
        let told = std::sync::atomic::AtomicUsize::new(0);
        let count = |_: &RefreshProgress| {
            told.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        };
        let asked = check_feeds(&store, &http, None, RefreshAll::ASKED, &count).expect("checked");
        assert_eq!(asked.podcasts.len(), 1);
        assert_eq!(told.load(std::sync::atomic::Ordering::SeqCst), 1);
        let quiet =
            check_feeds(&store, &http, None, RefreshAll::BACKGROUND, &count).expect("checked");
        assert_eq!(quiet.podcasts.len(), 1);
        assert_eq!(
            told.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "nothing more told"
        );
    }

    fn show(id: PodcastId, title: &str) -> Podcast {
        Podcast {
            id,
            title: title.into(),
            feed_url: Some(format!("https://example.com/{id}")),
            description: None,
            image_url: None,
            created: "2024-01-01T00:00:00Z".into(),
        }
    }

    fn refreshed(id: PodcastId, new_episodes: usize) -> Result<Refreshed, SubscribeError> {
        Ok(Refreshed {
            podcast: id,
            title: format!("Show {id}"),
            episodes: 10,
            new_episodes,
            transcripts: 0,
            chapters: 0,
            subscribed_now: false,
            not_modified: new_episodes == 0,
            bytes: if new_episodes == 0 { 0 } else { 1_000 },
            update_every_secs: None,
            warnings: Vec::new(),
            page_episode: None,
        })
    }

    fn report(outcomes: Vec<(Podcast, Result<Refreshed, SubscribeError>)>) -> RefreshReport {
        super::report(AllRefreshed {
            outcomes,
            not_due: 0,
        })
    }

    fn unreachable() -> Result<Refreshed, SubscribeError> {
        Err(SubscribeError::Net(NetError::Unreachable {
            host: "example.com".into(),
            reason: "connection refused".into(),
        }))
    }

    #[test]
    fn new_episodes_are_counted_and_failures_named() {
        let report = report(vec![
            (show(1, "A"), refreshed(1, 2)),
            (show(2, "B"), unreachable()),
            (show(3, "C"), refreshed(3, 1)),
        ]);
        assert_eq!(report.new_episodes, 3);
        assert_eq!((report.not_modified, report.bytes), (0, 2_000));
        assert!(!report.offline, "some feeds answered: the network is there");
        let failed: Vec<_> = report
            .podcasts
            .iter()
            .filter(|p| p.error.is_some())
            .collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].title, "B", "a failed podcast keeps its name");
        let why = failed[0]
            .error_report
            .as_ref()
            .expect("the error by code too");
        assert_eq!(why.code, "unreachable");
        assert_eq!(
            why.params.get("host").map(String::as_str),
            Some("example.com")
        );
        assert_eq!(
            Some(&why.message),
            failed[0].error.as_ref(),
            "the same sentence"
        );
    }

    #[test]
    fn warnings_go_by_code_beside_the_english_sentences() {
        let mut done = refreshed(1, 1).expect("refreshed");
        done.warnings =
            vec![
                CodedMessage::new("feed_episodes_dropped", "2 episodes' XML was broken.")
                    .with_params([("count", "2".to_owned())]),
            ];
        let outcome = PodcastOutcome::of(show(1, "A"), Ok(done));
        assert_eq!(outcome.warnings, ["2 episodes' XML was broken."]);
        assert_eq!(outcome.warning_reports.len(), 1);
        let report = &outcome.warning_reports[0];
        assert_eq!(report.code, "feed_episodes_dropped");
        assert_eq!(report.params.get("count").map(String::as_str), Some("2"));
        let json = serde_json::to_value(&outcome).expect("json");
        assert_eq!(json["warning_reports"][0]["params"]["count"], "2");
        let quiet = PodcastOutcome::of(show(2, "B"), refreshed(2, 0));
        let json = serde_json::to_value(&quiet).expect("json");
        assert!(json.get("warning_reports").is_none(), "{json}");
    }

    #[test]
    fn only_network_trouble_everywhere_is_offline() {
        let all_down = report(vec![
            (show(1, "A"), unreachable()),
            (show(2, "B"), unreachable()),
        ]);
        assert!(all_down.offline);
        let missing = Err(SubscribeError::Net(NetError::Status {
            url: "https://example.com/1".into(),
            status: 404,
        }));
        let one_missing = report(vec![(show(1, "A"), unreachable()), (show(2, "B"), missing)]);
        assert!(
            !one_missing.offline,
            "a 404 is an answer: the network is there"
        );
        assert!(
            !report(Vec::new()).offline,
            "nothing to check is not offline"
        );
    }
}
