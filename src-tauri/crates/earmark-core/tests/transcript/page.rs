//! Episode web pages: the transcript section among navigation, summaries,
//! sidebars and footers (`tests/fixtures/pages/`).

use std::error::Error;
use std::path::PathBuf;

use earmark_core::transcript::{
    read_episode_page, PageTranscript, Segment, TranscriptError, TranscriptFormat,
};

use crate::{all_text, TestResult};

/// Reads `tests/fixtures/pages/<name>`.
fn read_page(name: &str) -> Result<Result<PageTranscript, TranscriptError>, Box<dyn Error>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name);
    let html = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read fixture {}: {e}", path.display()))?;
    Ok(read_episode_page(&html))
}

/// A page that must have a transcript.
fn transcript_of(name: &str) -> Result<PageTranscript, Box<dyn Error>> {
    Ok(read_page(name)??)
}

/// `(speaker, text)` of a segment.
fn said(segment: Option<&Segment>) -> Option<(Option<&str>, &str)> {
    segment.map(|s| (s.speaker.as_deref(), s.text.as_str()))
}

/// Checks what every page transcript shares, its ends and its size, and that
/// none of `leaks` got in.
fn check(
    page: &PageTranscript,
    first: (&str, &str),
    last: (&str, &str),
    count: usize,
    leaks: &[&str],
) {
    let t = &page.transcript;
    assert_eq!(t.format, TranscriptFormat::Html);
    assert!(
        t.segments.iter().all(|s| s.start_ms.is_none()),
        "the page gives no times"
    );
    assert_eq!(said(t.segments.first()), Some((Some(first.0), first.1)));
    assert_eq!(said(t.segments.last()), Some((Some(last.0), last.1)));
    assert_eq!(t.segments.len(), count, "{:#?}", t.segments);
    let text = all_text(t);
    for leak in leaks {
        assert!(!text.contains(leak), "{leak:?} leaked into {text}");
    }
}

#[test]
fn wordpress_post_with_a_transcript_heading() -> TestResult {
    let page = transcript_of("wordpress.html")?;
    check(
        &page,
        (
            "Anna",
            "Welcome to Slow Kitchen. I’m Anna Lind, and my guest today bakes bread where \
             most of us would struggle to boil an egg.",
        ),
        (
            "Anna",
            "Tomas Berg, thank you. That’s all for this week: bake slow, and see you next time.",
        ),
        7,
        &[
            // navigation and header
            "Skip to the content",
            "All Episodes",
            "Support the Show",
            "Sourdough at altitude",
            "June 5",
            // summary and links above the heading
            "Baker Tomas Berg moved",
            "In this episode",
            "Why dough rises",
            "Boiling points",
            "Apple Podcasts",
            "Download MP3",
            // after the section: sharing, tags, post navigation, comments, form
            "Share this",
            "Facebook",
            "pickle cellar",
            "Salt, slowly",
            "COMMENT",
            "Marja",
            "Leave a Reply",
            "Post Comment",
            // sidebar widgets and footer
            "Recent episodes",
            "Rye, again",
            "WIDGET",
            "About the show",
            "Powered by",
            // scripts and styles
            "SCRIPTED",
            "SCRIPT VARIABLE",
            "wpemoji",
            "wp-smiley",
            "Transcript",
        ],
    );
    let speakers: Vec<Option<&str>> = page
        .transcript
        .segments
        .iter()
        .map(|s| s.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        ["Anna", "Anna", "Tomas", "Anna", "Tomas", "Tomas", "Anna"].map(Some),
        "<strong>Name:</strong> names the speaker; unnamed paragraphs continue it"
    );
    assert!(!page.incomplete);
    Ok(())
}

#[test]
fn squarespace_blocks_cut_off_with_read_more() -> TestResult {
    let page = transcript_of("squarespace.html")?;
    check(
        &page,
        ("Mira", "Hello and welcome to Loose Threads. I'm Mira."),
        (
            "Jonah",
            "And the thing about darning is that once you start, you",
        ),
        6,
        &[
            "Episodes",
            "Shop",
            "lost art",
            "March 14",
            "Mira and Jonah pull out",
            "Darning versus patching",
            "sashiko",
            "Read more",
            "Read More",
            "More episodes",
            "Buttons, a history",
            "SIDEBAR",
            "Mar 7",
            "FOOTER",
            "CONTEXT JSON",
            "LD JSON",
            "SCRIPT INSERTED",
            "line-height",
            "...",
        ],
    );
    assert_eq!(
        said(page.transcript.segments.get(3)),
        Some((
            Some("Mira"),
            "Today we are talking about mending, the slow and slightly stubborn habit of \
             fixing what you already own."
        )),
        "a paragraph without a name continues the speaker before it"
    );
    assert!(page.incomplete, "\"...\" and a Read more link after it");
    Ok(())
}

#[test]
fn finnish_directory_page_with_tekstivastine() -> TestResult {
    let page = transcript_of("directory_fi.html")?;
    check(
        &page,
        (
            "Laura",
            "Tervetuloa kuuntelemaan Metsän ääntä. Minä olen Laura Koski, ja tänään puhumme \
             sienistä.",
        ),
        (
            "Laura",
            "Aika hurjaa. Kiitos, Eero, ja kiitos kuulijoille. Ensi kerralla puhutaan jäkälistä.",
        ),
        7,
        &[
            "Etusivu",
            "Selaa",
            "Kirjaudu",
            "Hae",
            "Tiede",
            "Jakso 18",
            "Kuuntele",
            "41:07",
            "12 Kesä",
            "41min",
            "Sienitutkija Eero Salo kertoo",
            "Mikä on sienirihmasto",
            "kantarellia",
            "Jaa Facebookissa",
            "Tekstivastine",
            "Muut jaksot",
            "Jakso 17",
            "Jäkälät",
            "SIVUPALKKI",
            "5 Kesä 2024",
            "38min",
            "29 Touko",
            "Samankaltaisia",
            "Luontoilta",
            "SUOSITUS",
            "Käyttöehdot",
            "tekijöidensä",
            "STATE",
            "SCRIPT",
        ],
    );
    assert_eq!(
        said(page.transcript.segments.get(1)),
        Some((
            Some("Laura"),
            "Vieraanani on sienitutkija Eero Salo. Tervetuloa!"
        ))
    );
    assert!(!page.incomplete);
    Ok(())
}

#[test]
fn swedish_directory_page_found_by_shape() -> TestResult {
    let page = transcript_of("directory_sv.html")?;
    check(
        &page,
        (
            "Karin",
            "Välkommen till Fågelpodden. Vi sitter i en båt utanför Sandhamn, och det blåser \
             ganska rejält.",
        ),
        (
            "Olof",
            "Det finns flera skäl. Ett av dem är havsörnen, som har kommit tillbaka, och det \
             som händer på våren är att",
        ),
        7,
        &[
            "Poddlistan",
            "Topplistor",
            "Logga in",
            "Skärgårdens fåglar",
            "28 Maj",
            "52min",
            "Karin Ek tar med",
            "Ejdern och isen",
            "Havsörnens comeback",
            "Gäst",
            "ornitolog",
            "hela utskriften",
            "Fler avsnitt",
            "Tranornas",
            "SIDOFÄLT",
            "21 Maj",
            "47min",
            "Liknande",
            "RELATERAD",
            "SIDFOT",
            "DATALAYER",
            "NUXT",
            "…",
        ],
    );
    assert!(page.incomplete, "cut off with \"…\"");
    Ok(())
}

#[test]
fn a_show_page_without_a_transcript_says_so() -> TestResult {
    let error = read_page("no_transcript.html")?.err();
    assert_eq!(error, Some(TranscriptError::NoTranscriptOnPage));
    let error = error.ok_or("no error")?;
    assert_eq!(error.code(), "no_transcript_on_page");
    assert_eq!(
        error.to_string(),
        "This page has no transcript that Earmark could find."
    );
    assert_eq!(
        read_episode_page("").err(),
        Some(TranscriptError::NoTranscriptOnPage)
    );
    Ok(())
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() -> TestResult {
    let depth = 20_000;
    let page = format!(
        "{}<h2>Transcript</h2><p>Ana: Hello.</p><p>Ben: Hi.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let read = read_episode_page(&page)?;
    assert_eq!(read.transcript.segments.len(), 2);
    let unclosed = "<div><span><b>".repeat(depth);
    assert_eq!(
        read_episode_page(&unclosed).err(),
        Some(TranscriptError::NoTranscriptOnPage)
    );
    Ok(())
}

#[test]
fn a_page_of_200_000_paragraphs_is_read() -> TestResult {
    let count = 200_000;
    let mut page = String::from("<main>");
    for i in 0..count {
        let name = if i % 2 == 0 { "Ana" } else { "Ben" };
        page.push_str(&format!("<p>{name}: Line {i}.</p>"));
    }
    let read = read_episode_page(&page)?;
    assert_eq!(read.transcript.segments.len(), count);
    let headings = "<h3>Transcript</h3><p>Ana: Hi.</p>".repeat(count / 2);
    let read = read_episode_page(&headings)?;
    assert_eq!(
        read.transcript.segments.len(),
        1,
        "each heading's section ends at the next"
    );
    Ok(())
}

#[test]
fn pages_tell_whether_they_cut_the_transcript_off() -> Result<(), TranscriptError> {
    let turns = "<h2>Transcript</h2><p>Anna: Hello there.</p><p>Ben: Hi, Anna.</p>";
    let whole = read_episode_page(&format!("<article>{turns}</article>"))?;
    assert!(!whole.incomplete);
    let dots = read_episode_page(&format!("<article>{turns}<p>Anna: So we…</p></article>"))?;
    assert!(dots.incomplete);
    assert_eq!(
        dots.transcript.segments.last().map(|s| s.text.as_str()),
        Some("So we")
    );
    let link_after = read_episode_page(&format!("<div>{turns}<a href='/e/1'>Lue lisää</a></div>"))?;
    assert!(
        link_after.incomplete,
        "a link right after the last paragraph"
    );
    let link_inside = read_episode_page(&format!(
        "<div>{turns}<p>Anna: And then <a href='/e/1'>Read more</a></p></div>"
    ))?;
    assert!(link_inside.incomplete);
    assert_eq!(
        link_inside
            .transcript
            .segments
            .last()
            .map(|s| s.text.as_str()),
        Some("And then")
    );
    let link_later = read_episode_page(&format!(
        "<div>{turns}<h2>More</h2><p><a href='/e/2'>Read more</a></p></div>"
    ))?;
    assert!(!link_later.incomplete, "a link elsewhere says nothing");
    Ok(())
}
