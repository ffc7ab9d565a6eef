//! Keeping HTML shallow before html5ever's tree builder reads it.
//!
//! The tree builder checks "is there a `<p>` in scope" and the like by walking the
//! stack of open elements, so a document of N nested elements costs N² (50,000
//! nested `<div>`s took 7–10 s against 0.1 s flat). [`bound_html_depth`] is a
//! linear pre-pass over html5ever's own tokenizer that follows the open elements the
//! way the tree builder would, closely enough (see below); when the nesting passes
//! [`MAX_HTML_DEPTH`] it rewrites the document so that an element that would open
//! beyond that depth first closes the deepest open one: it becomes that element's
//! sibling instead of its child, and the end tags of elements closed early are left
//! out. Every element and all the text stay (a paragraph 50,000 `<div>`s down is
//! still a paragraph); only nesting that deep is flattened, and no ordinary page
//! comes near it, so ordinary pages are passed on untouched.
//!
//! The following is deliberately rough and errs towards counting too deep: every
//! non-void start tag opens an element; an end tag closes up to the nearest open
//! element of its name; `<p>`, `<li>`, `<dt>`/`<dd>`, `<tr>`, `<td>`/`<th>` and
//! `<option>` close an open one of their kind (as far down as the nearest list or
//! table), and block elements close an open `<p>`. `<script>`, `<style>`, `<title>`
//! and the other raw-text elements switch the tokenizer as the tree builder does,
//! except inside `<svg>` and `<math>`.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The deepest element nesting handed to the HTML tree builder. Real pages nest
/// 10–30 deep; the tree builder's scans stay cheap up to a few hundred.
pub const MAX_HTML_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements that close an open element of the same group when they start.
const SELF_CLOSING_GROUPS: &[&[&str]] = &[
    &["p"],
    &["li"],
    &["dt", "dd"],
    &["tr"],
    &["td", "th"],
    &["option"],
    &["rb", "rt", "rp", "rtc"],
];

/// How far down the stack a start tag looks for an element it closes.
const GROUP_BOUNDARIES: &[&str] = &[
    "table", "tbody", "thead", "tfoot", "ul", "ol", "dl", "select", "template", "html", "body",
    "svg", "math", "td", "th", "button",
];

/// Block elements whose start closes an open `<p>`.
const P_CLOSERS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Rewrites `input` so that no element opens deeper than [`MAX_HTML_DEPTH`], keeping
/// its text; returns `input` itself when it never nests that deep. Linear in the
/// input.
pub fn bound_html_depth(input: &str) -> Cow<'_, str> {
    let sink = Sink::default();
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(input));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The sink never asks to stop for a script, so one feed reads everything.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    if state.flattened == 0 {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(state.out)
    }
}

#[derive(Default)]
struct Sink {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The document written back, escaped.
    out: String,
    /// The open elements, never more than [`MAX_HTML_DEPTH`].
    open: Vec<String>,
    /// Elements closed early to keep the depth.
    flattened: usize,
    /// Inside a raw-text element (its text is written as is).
    raw: bool,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag),
            Token::CharacterTokens(text) => state.text(&text),
            Token::NullCharacterToken => state.out.push('\u{fffd}'),
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.state.borrow().in_foreign()
    }
}

impl State {
    fn in_foreign(&self) -> bool {
        self.open.iter().any(|name| name == "svg" || name == "math")
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if tag.kind == TagKind::EndTag {
            self.raw = false;
            match self.open.iter().rposition(|open| open == name) {
                Some(at) => {
                    self.open.truncate(at);
                    self.write_tag(&tag);
                }
                // Raw-text elements are never on the stack; a stray `</p>` or `</br>`
                // is an element to the tree builder.
                None if raw_kind(name).is_some() || matches!(name, "p" | "br") => {
                    self.write_tag(&tag)
                }
                None => {}
            }
            return TokenSinkResult::Continue;
        }
        let raw = if self.in_foreign() {
            None
        } else {
            raw_kind(name)
        };
        if VOID.contains(&name) || raw.is_some() || (tag.self_closing && self.in_foreign()) {
            self.write_tag(&tag);
        } else {
            self.close_implied(name);
            if self.open.len() >= super::MAX_HTML_DEPTH {
                if let Some(deepest) = self.open.pop() {
                    self.flattened += 1;
                    self.out.push_str("</");
                    self.out.push_str(&deepest);
                    self.out.push('>');
                }
            }
            self.open.push(name.to_owned());
            self.write_tag(&tag);
        }
        match raw {
            Some(Some(kind)) => {
                self.raw = true;
                TokenSinkResult::RawData(kind)
            }
            Some(None) => {
                self.raw = true;
                TokenSinkResult::Plaintext
            }
            None => TokenSinkResult::Continue,
        }
    }

    /// Closes what a start tag of `name` closes.
    fn close_implied(&mut self, name: &str) {
        let closes_p = P_CLOSERS.contains(&name);
        let group = SELF_CLOSING_GROUPS.iter().find(|g| g.contains(&name));
        for at in (0..self.open.len()).rev() {
            let open = self.open[at].as_str();
            if (closes_p && open == "p") || group.is_some_and(|g| g.contains(&open)) {
                self.open.truncate(at);
                return;
            }
            if GROUP_BOUNDARIES.contains(&open) {
                return;
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.raw {
            self.out.push_str(text);
            return;
        }
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                c => self.out.push(c),
            }
        }
    }

    fn write_tag(&mut self, tag: &Tag) {
        self.out.push('<');
        if tag.kind == TagKind::EndTag {
            self.out.push('/');
        }
        self.out.push_str(&tag.name);
        for attr in &tag.attrs {
            self.out.push(' ');
            self.out.push_str(&attr.name.local);
            self.out.push_str("=\"");
            for c in attr.value.chars() {
                match c {
                    '&' => self.out.push_str("&amp;"),
                    '"' => self.out.push_str("&quot;"),
                    c => self.out.push(c),
                }
            }
            self.out.push('"');
        }
        if tag.self_closing {
            self.out.push('/');
        }
        self.out.push('>');
    }
}

/// How the tokenizer reads the content of `name` in HTML: `Some(Some(kind))` for a
/// raw-text element, `Some(None)` for `<plaintext>`, `None` for ordinary markup.
fn raw_kind(name: &str) -> Option<Option<RawKind>> {
    Some(Some(match name {
        "title" | "textarea" => RawKind::Rcdata,
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => RawKind::Rawtext,
        "script" => RawKind::ScriptData,
        "plaintext" => return Some(None),
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<html><body><main><p>One <b>two</b><p>three<ul><li>a<li>b</ul>\
                    <table><tr><td>x<td>y<tr><td>z</table><script>if (a<b) {}</script>";
        assert!(matches!(bound_html_depth(page), Cow::Borrowed(_)));
        let many_unclosed = "<p>para".repeat(10_000) + &"<li>item".repeat(10_000);
        assert!(matches!(bound_html_depth(&many_unclosed), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_keeps_its_text() {
        let depth = 1_000;
        let page = format!(
            "{}deep &amp; <i>inner</i>{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let bounded = bound_html_depth(&page);
        assert_eq!(
            bounded.matches("<div>").count(),
            depth,
            "every element stays"
        );
        assert_eq!(bounded.matches("</div>").count(), depth, "each closed once");
        let tail = &bounded[bounded.len() - 2_000..];
        assert!(tail.contains("deep &amp; </div><i>inner</i>"), "{tail}");
        assert!(bounded.ends_with("<p>after</p>"));
        let mut depth_now = 0usize;
        let mut deepest = 0;
        for (i, _) in bounded.match_indices('<') {
            if bounded[i..].starts_with("</") {
                depth_now -= 1;
            } else {
                depth_now += 1;
                deepest = deepest.max(depth_now);
            }
        }
        assert_eq!(deepest, MAX_HTML_DEPTH, "the <i> took the last div's place");
    }

    #[test]
    fn raw_text_stays_raw() {
        let page = format!("{}<script>a<b && c</script>x &lt; y", "<span>".repeat(300));
        let bounded = bound_html_depth(&page);
        assert!(
            bounded.ends_with("<script>a<b && c</script>x &lt; y"),
            "{bounded}"
        );
    }
}
