//! HTML: the Podcasting 2.0 form and ordinary pages.

use earmark_core::transcript::{parse_as, TranscriptFormat};

use crate::{all_text, fixture, parse_fixture, rows, TestResult};

#[test]
fn podcasting_form() -> TestResult {
    let t = parse_fixture("podcasting.html")?;
    assert_eq!(t.format, TranscriptFormat::Html);
    assert_eq!(
        rows(&t),
        vec![
            (Some(0), Some(4000), Some("Ana"), "Welcome back to Deep Roots, the show about soil & the people who study it."),
            (Some(4000), Some(7900), Some("Ben"), "Thanks, Ana. Good to be here."),
            (Some(7900), Some(62_500), Some("Ben"), "And I brought worms."),
            (Some(62_500), None, Some("Ana"), "Of course you did."),
        ],
        "cite gives the speaker (kept until the next cite), time the start, datetime wins over text"
    );
    assert!(
        !all_text(&t).contains("transcript"),
        "the <title> is not text"
    );
    Ok(())
}

#[test]
fn ordinary_page_with_bold_names() -> TestResult {
    let t = parse_fixture("article.html")?;
    assert_eq!(
        rows(&t),
        vec![
            (None, None, None, "Published March 3, 2024"),
            (
                None,
                None,
                Some("Ana Silva"),
                "Welcome back to Deep Roots. Today, we dig."
            ),
            (
                None,
                None,
                Some("Ana Silva"),
                "I want to start with a question I get a lot."
            ),
            (None, None, Some("Ben"), "Go on, then."),
            (
                None,
                None,
                Some("Ana Silva"),
                "What does “healthy” soil look like? Is it dark? Is it crumbly?"
            ),
            (None, None, Some("Ben"), "It’s all of that & more."),
        ],
        "<main> paragraphs only; <strong>Name:</strong> and <b>Name</b>: name speakers; \
         paragraphs without a name continue the speaker"
    );
    let text = all_text(&t);
    for leak in ["LEAK", "Home", "Episodes", "color", "Episode 12"] {
        assert!(
            !text.contains(leak),
            "{leak:?} is navigation, style, script, aside, figure, footer or heading:\n{text}"
        );
    }
    Ok(())
}

#[test]
fn hostile_page_yields_text_only() -> TestResult {
    let t = parse_fixture("hostile.html")?;
    let text = all_text(&t);
    for leak in [
        "<",
        ">",
        "alert",
        "onerror",
        "onclick",
        "javascript",
        "LEAK",
        "nested",
        "Commented",
        "svg",
        "background",
    ] {
        assert!(
            !text.contains(leak),
            "{leak:?} leaked into the transcript:\n{text}"
        );
    }
    assert_eq!(
        rows(&t),
        vec![
            (None, None, Some("Ana"), "This page tries to run script."),
            (None, None, Some("Ben"), "It will not get to."),
            (
                None,
                None,
                Some("Ana"),
                "Handlers on paragraphs are attributes, not text."
            ),
            (None, None, Some("Ben"), "A link keeps its words only."),
            (None, None, Some("Ana"), "Bye."),
        ],
        "the words around the markup survive, with their speakers"
    );
    Ok(())
}

#[test]
fn page_without_paragraphs_reads_its_blocks() -> TestResult {
    let html = "<html><body><div>Ana: First line.</div><div>Ben: Second line.<br>More from Ben.</div></body></html>";
    let t = parse_as(html, TranscriptFormat::Html)?;
    assert_eq!(
        rows(&t),
        vec![
            (None, None, Some("Ana"), "First line."),
            (None, None, Some("Ben"), "Second line. More from Ben.")
        ],
        "blocks become paragraphs"
    );
    Ok(())
}

#[test]
fn deeply_nested_markup_does_not_overflow() -> TestResult {
    let depth = 5_000;
    let html = format!(
        "{}<p>Ana: Deep.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let t = parse_as(&html, TranscriptFormat::Html)?;
    assert_eq!(
        t.segments.len(),
        1,
        "one paragraph at the bottom: {:?}",
        rows(&t)
    );
    assert!(
        fixture("hostile.html")?.contains("<script>"),
        "the fixture really holds script"
    );
    Ok(())
}
