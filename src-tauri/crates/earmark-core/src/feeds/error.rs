//! What can go wrong reading a feed or subscribing to one, in sentences a user
//! understands.

use crate::http::NetError;
use crate::store::StoreError;

/// What a document that is not a feed is instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotFeed {
    /// Nothing but white space.
    #[error("an empty document")]
    Empty,
    /// JSON (a JSON Feed, an API's answer).
    #[error("a JSON document")]
    Json,
    /// Neither XML nor JSON.
    #[error("not an XML document")]
    NotXml,
    /// An HTML page (a show's page may name its feed).
    #[error("a web page")]
    WebPage,
    /// An OPML subscription list.
    #[error("an OPML subscription list (import it as OPML)")]
    Opml,
    /// XML with another root element, named.
    #[error("an XML document of another kind (<{0}>)")]
    OtherXml(String),
}

impl NotFeed {
    /// A short stable word for the kind (`empty`, `json`, `not_xml`, `web_page`,
    /// `opml`, `other_xml`).
    pub fn kind(&self) -> &'static str {
        match self {
            NotFeed::Empty => "empty",
            NotFeed::Json => "json",
            NotFeed::NotXml => "not_xml",
            NotFeed::WebPage => "web_page",
            NotFeed::Opml => "opml",
            NotFeed::OtherXml(_) => "other_xml",
        }
    }
}

/// Why a document is not a usable podcast feed ([`parse_feed`](super::parse_feed)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The document is something else: a web page, another XML format, not XML.
    #[error("it is {0}, not an RSS or Atom feed")]
    NotAFeed(NotFeed),
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

    /// The values the reason carries, by name, for a front end that words it from its
    /// code: what the document is (`what`, a [`NotFeed::kind`], and its XML `root`), the
    /// broken XML's `detail`, a count of `items` or a size in `megabytes`.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            FeedError::NotAFeed(what) => {
                let root = match what {
                    NotFeed::OtherXml(root) => root.clone(),
                    _ => String::new(),
                };
                vec![("what", what.kind().to_owned()), ("root", root)]
            }
            FeedError::Malformed(detail) => vec![("detail", detail.clone())],
            FeedError::TooDeep(e) => vec![("detail", e.to_string())],
            FeedError::NoAudio(items) => vec![("items", items.to_string())],
            FeedError::TooLarge(bytes) => vec![("megabytes", (bytes / 1_000_000).to_string())],
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

    /// The values the sentence carries, by name, for a front end that words the error
    /// from its code.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            SubscribeError::Net(e) => e.params(),
            SubscribeError::NotAPodcast { url, reason } => {
                let mut params = vec![("url", url.clone())];
                params.extend(reason.params());
                params
            }
            SubscribeError::NoFeedUrl(title) => vec![("title", title.clone())],
            SubscribeError::Store(e) => e.params(),
            SubscribeError::NoFeedOnPage { url, tried } => {
                vec![("url", url.clone()), ("tried", tried.to_string())]
            }
            SubscribeError::Waiting(wait) => vec![("wait", crate::http::wait_words(*wait))],
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
            reason: FeedError::NotAFeed(NotFeed::WebPage),
        };
        assert_eq!(
            e.to_string(),
            "The feed at https://example.com/ is not a podcast feed: it is a web page, \
             not an RSS or Atom feed."
        );
        assert_eq!(e.code(), "not_a_feed");
        assert_eq!(
            e.params(),
            [
                ("url", "https://example.com/".to_owned()),
                ("what", "web_page".to_owned()),
                ("root", String::new()),
            ]
        );
    }

    #[test]
    fn each_kind_of_document_that_is_no_feed_reads_as_before_and_names_its_kind() {
        let svg = FeedError::NotAFeed(NotFeed::OtherXml("svg".into()));
        assert_eq!(
            svg.to_string(),
            "it is an XML document of another kind (<svg>), not an RSS or Atom feed"
        );
        assert_eq!(
            svg.params(),
            [("what", "other_xml".to_owned()), ("root", "svg".to_owned())]
        );
        let waiting = SubscribeError::Waiting(std::time::Duration::from_secs(600));
        assert_eq!(waiting.params(), [("wait", "10 min".to_owned())]);
    }
}
