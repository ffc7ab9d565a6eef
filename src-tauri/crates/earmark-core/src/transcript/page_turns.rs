//! Where a run of paragraphs on an episode page becomes a conversation: the turns
//! begin where speakers' names open paragraphs, by the rules of `speaker.rs`. The
//! "by shape" search of `page.rs` uses it when the page names no transcript.

use std::collections::HashMap;

use super::html::PageParagraph;
use super::speaker::{split_label, Labels};

/// Where the turns of a run of paragraphs begin, if at least two paragraphs open
/// with a speaker's name: the first whose speaker speaks again (so a one-off
/// "Guest: Olof Berg" line above the turns is left out), else the first named.
pub(super) fn first_turn(run: &[&PageParagraph]) -> Option<usize> {
    let known: Vec<String> = run.iter().filter_map(|(name, _)| name.clone()).collect();
    let labels = Labels::decide(run.iter().filter_map(|p| opening_label(p)), &known);
    let named: Vec<(usize, &str)> = run
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let label = opening_label(p).map(|(label, _)| label);
            let name = p.0.as_deref().or(label.filter(|l| labels.accepts(l)))?;
            Some((i, name))
        })
        .collect();
    if named.len() < 2 {
        return None;
    }
    let mut turns: HashMap<&str, usize> = HashMap::new();
    for (_, name) in &named {
        *turns.entry(name).or_default() += 1;
    }
    named
        .iter()
        .find(|(_, name)| turns.get(name).is_some_and(|&n| n >= 2))
        .or(named.first())
        .map(|(i, _)| *i)
}

/// The label-shaped prefix a paragraph opens with, and the rest of its line.
fn opening_label((_, lines): &PageParagraph) -> Option<(&str, &str)> {
    lines.first().and_then(|line| split_label(line))
}
