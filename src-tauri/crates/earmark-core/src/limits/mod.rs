//! Bounds on what outside input can cost: how deep markup may nest before a
//! recursive parser sees it, and how many bytes any read of a file may take.
//!
//! Every parser of outside input goes through these before the work that would grow
//! with them:
//!
//! - XML (feeds, OPML): [`XmlDepth`] counts open elements in Earmark's own first,
//!   non-recursive pass; a document deeper than [`MAX_XML_DEPTH`] is refused before
//!   the `rss` or `atom_syndication` crate (which recurse over extension elements)
//!   ever reads it.
//! - HTML (transcripts, show notes, fetched transcripts): [`bound_html_depth`]
//!   rewrites a document nested deeper than [`MAX_HTML_DEPTH`] so that no element
//!   opens beyond it (the text stays), which keeps html5ever's tree builder linear.
//! - JSON (transcripts, chapters, notes import): `serde_json`'s own recursion limit
//!   (128) is on; the tests hold it there.
//! - Files: [`read_capped`] reads at most a named number of bytes per kind of file;
//!   responses are capped the same way by [`HttpClient::fetch`](crate::http::HttpClient::fetch).

mod html_depth;
mod read;
mod xml_depth;

pub use html_depth::{bound_html_depth, MAX_HTML_DEPTH};
pub use read::{read_capped, ReadError, MAX_NOTES_IMPORT_BYTES};
pub use xml_depth::{TooDeep, XmlDepth, MAX_XML_DEPTH};
