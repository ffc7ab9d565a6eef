//! What can go wrong reading a feed or subscribing to one, in sentences a user
//! understands.

use crate::http::NetError;
use crate::store::StoreError;

/// Why a document is not a usable podcast feed ([`parse_feed`](super::parse_feed)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The document is something else: a web page, another XML format, not XML.
    #[error("it is {0}, not an RSS or Atom feed")]
    NotAFeed(String),
    /// The document starts like a feed but is broken.
    #[error("it could not be read as a feed ({0})")]
    Malformed(String),
    /// The document nests deeper than any feed does (it is not salvaged).
    #[error("it could not be read as a feed ({0})")]
    TooDeep(#[from] crate::limits::TooDeep),
    /// The feed has items but none carries audio.
    #[error("none of its {0} items has an audio file")]
    NoAudio(usize),
    /// The document is larger than [`MAX_FEED_BYTES`](super::MAX_FEED_BYTES).
    #[error("it is larger than {} MB", .0 / 1_000_000)]
    TooLarge(u64),
}

impl FeedError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            FeedError::NotAFeed(_) => "not_a_feed",
            FeedError::Malformed(_) | FeedError::TooDeep(_) => "malformed_feed",
            FeedError::NoAudio(_) => "feed_without_audio",
            FeedError::TooLarge(_) => "feed_too_large",
        }
    }
}

/// Subscribing to or refreshing a podcast failed.
#[derive(Debug, thiserror::Error)]
pub enum SubscribeError {
    /// The feed could not be fetched.
    #[error(transparent)]
    Net(#[from] NetError),
    /// What came back is not a podcast feed.
    #[error("The feed at {url} is not a podcast feed: {reason}.")]
    NotAPodcast {
        /// The feed's address.
        url: String,
        /// Why.
        reason: FeedError,
    },
    /// The podcast was added without a feed address (nothing to refresh).
    #[error("The podcast \"{0}\" has no feed to refresh.")]
    NoFeedUrl(String),
    /// The library database refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A web page was given, and none of the feeds it names (`tried` of them) reads
    /// as a podcast feed.
    #[error("{}", no_feed_sentence(url, *tried))]
    NoFeedOnPage {
        /// The page.
        url: String,
        /// How many feed addresses it named.
        tried: usize,
    },
    /// Its server asked to slow down, and the time it named has not come yet: the
    /// feed was not asked this time.
    #[error("Not checked: its server asked Earmark to slow down, so it is asked again in {}.", crate::http::wait_words(*.0))]
    Waiting(std::time::Duration),
}

impl SubscribeError {
    /// A short stable code for the IPC boundary and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            SubscribeError::Net(e) => e.code(),
            SubscribeError::NotAPodcast { reason, .. } => reason.code(),
            SubscribeError::NoFeedUrl(_) => "no_feed_url",
            SubscribeError::Store(e) => e.code(),
            SubscribeError::Waiting(_) => "waiting",
            SubscribeError::NoFeedOnPage { .. } => "no_feed_on_page",
        }
    }
}

/// "The page at … names no podcast feed…".
fn no_feed_sentence(url: &str, tried: usize) -> String {
    match tried {
        0 => format!(
            "The page at {url} is a web page that names no podcast feed. Paste the show's \
             feed address, or the address of its page on the show's own site."
        ),
        n => format!(
            "The page at {url} names {n} feed address{}, and none of them is a podcast \
             feed Earmark could read.",
            if n == 1 { "" } else { "es" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_podcast_reads_as_one_sentence() {
        let e = SubscribeError::NotAPodcast {
            url: "https://example.com/".into(),
            reason: FeedError::NotAFeed("a web page".into()),
        };
        assert_eq!(
            e.to_string(),
            "The feed at https://example.com/ is not a podcast feed: it is a web page, \
             not an RSS or Atom feed."
        );
        assert_eq!(e.code(), "not_a_feed");
    }
}
