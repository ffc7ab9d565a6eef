//! What `earmark-cli` shares with `earmark-bench`: printing results (text for people,
//! one JSON document for scripts) and the one error type every command returns.

pub mod report;
