//! A sentence for the user that a front end can also say in the listener's language:
//! its stable code, the English sentence (the command line's), and the values the
//! sentence carries, by name. What a refresh warns of (a repaired feed, a transcript
//! that could not be fetched) and why one feed of an OPML import failed travel so;
//! `earmark_api::error_report::ErrorReport` is the same shape for errors.
//!
//! A `cause` param names the code of the error under this one (a transcript that
//! could not be fetched: the network's error); that error's own params are among
//! these, so the window can word it too.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// A sentence with its code and params.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodedMessage {
    /// Stable machine-readable code, e.g. `feed_episodes_dropped`.
    pub code: &'static str,
    /// What to show the user, in English.
    pub message: String,
    /// The values `message` carries, by name (left out when there are none).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl CodedMessage {
    /// A sentence with a code and no params.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            params: BTreeMap::new(),
        }
    }

    /// The same sentence carrying `params`.
    pub fn with_params(mut self, params: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        self.params.extend(params);
        self
    }

    /// The same sentence naming `code` as the error under it (the `cause` param).
    pub fn caused_by(self, code: &'static str) -> Self {
        self.with_params([("cause", code.to_owned())])
    }
}

impl fmt::Display for CodedMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_sent_by_name_and_left_out_when_there_are_none() {
        let plain =
            serde_json::to_value(CodedMessage::new("feed_closed", "Closed.")).expect("json");
        assert_eq!(plain["code"], "feed_closed");
        assert_eq!(plain["message"], "Closed.");
        assert!(plain.get("params").is_none(), "{plain}");
        let counted = CodedMessage::new("feed_episodes_dropped", "2 episodes…")
            .with_params([("count", "2".to_owned())])
            .caused_by("malformed_feed");
        let json = serde_json::to_value(&counted).expect("json");
        assert_eq!(json["params"]["count"], "2");
        assert_eq!(json["params"]["cause"], "malformed_feed");
        assert_eq!(counted.to_string(), "2 episodes…");
    }
}
