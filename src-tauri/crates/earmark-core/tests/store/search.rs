//! Search: kinds, prefixes, phrases, accent folding, hostile input, snippets, ranking.

use earmark_core::store::{
    render_snippet, EpisodeId, HitKind, NewEpisode, NewHighlight, SearchHit, Store,
    SNIPPET_MARK_END, SNIPPET_MARK_START,
};

use crate::{library, timed_transcript, Library};

/// A library with one episode holding a transcript, a note and a highlight.
fn filled() -> (Library, EpisodeId) {
    let lib = library();
    let id = lib
        .store
        .insert_episode(&NewEpisode {
            title: "Morning at the café".into(),
            description: Some("A conversation about coffee".into()),
            ..NewEpisode::default()
        })
        .unwrap();
    lib.store
        .set_transcript(
            id,
            &timed_transcript(&[
                "Welcome back to the show.",
                "Today the river delta floods every spring.",
                "The delta of the river is wide.",
                "Naïve questions are the best questions.",
            ]),
            None,
        )
        .unwrap();
    lib.store
        .add_note(id, 61_000, "Look up the Mekong delta conversation")
        .unwrap();
    lib.store
        .add_highlight(
            id,
            &NewHighlight {
                start_ms: 3_000,
                end_ms: 4_000,
                text: "Naïve questions are the best questions.".into(),
                note: Some("quote this in the essay".into()),
                ..NewHighlight::default()
            },
        )
        .unwrap();
    (lib, id)
}

fn search(store: &Store, query: &str) -> Vec<SearchHit> {
    store
        .search(query, 50)
        .unwrap_or_else(|e| panic!("query {query:?} failed: {e}"))
}

fn kinds(hits: &[SearchHit]) -> Vec<HitKind> {
    let mut kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds
}

#[test]
fn every_kind_is_found_with_its_moment() {
    let (lib, id) = filled();
    let transcript = search(&lib.store, "spring");
    assert_eq!(transcript.len(), 1);
    assert_eq!(transcript[0].kind, HitKind::Transcript);
    assert_eq!(transcript[0].episode, id);
    assert_eq!(transcript[0].episode_title, "Morning at the café");
    assert_eq!(transcript[0].at_ms, Some(1_000));
    assert_eq!(transcript[0].segment, Some(1));

    let note = search(&lib.store, "mekong");
    assert_eq!(note.len(), 1);
    assert_eq!((note[0].kind, note[0].at_ms), (HitKind::Note, Some(61_000)));

    let highlight = search(&lib.store, "essay");
    assert_eq!(highlight.len(), 1, "a highlight's note is searchable");
    assert_eq!(
        (highlight[0].kind, highlight[0].at_ms),
        (HitKind::Highlight, Some(3_000))
    );

    let episode = search(&lib.store, "coffee");
    assert_eq!(episode.len(), 1, "description is searchable");
    assert_eq!(
        (episode[0].kind, episode[0].at_ms),
        (HitKind::Episode, None)
    );
}

#[test]
fn hit_json_has_the_cli_shape() {
    let (lib, id) = filled();
    let json = serde_json::to_value(search(&lib.store, "mekong")).unwrap();
    assert_eq!(json[0]["episode"], id);
    assert_eq!(json[0]["at_ms"], 61_000);
    assert_eq!(json[0]["kind"], "note");
    assert!(json[0]["snippet"].is_string());
    let episode = serde_json::to_value(search(&lib.store, "coffee")).unwrap();
    assert_eq!(episode[0]["kind"], "episode");
    assert!(episode[0]["at_ms"].is_null(), "{episode}");
}

#[test]
fn prefix_queries_find_word_beginnings() {
    let (lib, _) = filled();
    let hits = search(&lib.store, "conver*");
    assert_eq!(
        kinds(&hits),
        vec![HitKind::Episode, HitKind::Note],
        "conversation in the description and the note"
    );
    assert!(
        search(&lib.store, "conver").is_empty(),
        "no star, no prefix"
    );
    assert_eq!(
        search(&lib.store, "\"river del\"*").len(),
        1,
        "phrase prefix"
    );
}

#[test]
fn phrases_need_the_words_in_order() {
    let (lib, _) = filled();
    let phrase = search(&lib.store, "\"river delta\"");
    assert_eq!(phrase.len(), 1, "only the line with 'river delta' in order");
    assert_eq!(phrase[0].at_ms, Some(1_000));
    let words = search(&lib.store, "river delta");
    assert_eq!(words.len(), 2, "both words anywhere: both lines");
}

#[test]
fn accents_fold_both_ways() {
    let (lib, id) = filled();
    assert_eq!(kinds(&search(&lib.store, "cafe")), vec![HitKind::Episode]);
    assert_eq!(kinds(&search(&lib.store, "CAFÉ")), vec![HitKind::Episode]);
    let naive = search(&lib.store, "naive");
    assert_eq!(
        kinds(&naive),
        vec![HitKind::Highlight, HitKind::Transcript],
        "\"naive\" finds \"Naïve\""
    );
    lib.store
        .add_note(id, 0, "plain resume without accents")
        .unwrap();
    assert_eq!(kinds(&search(&lib.store, "résumé")), vec![HitKind::Note]);
}

#[test]
fn hostile_input_never_errors() {
    let (lib, _) = filled();
    let long = "delta ".repeat(2_000);
    let inputs = [
        "\"unbalanced",
        "unbalanced\"",
        "\"\"\"",
        "AND OR NOT",
        "AND",
        "NOT delta",
        "delta NOT",
        "*",
        "**",
        "-",
        "-delta",
        "+",
        "NEAR(",
        "NEAR(river delta, 2)",
        "body:delta",
        "body : delta",
        "{body}: delta",
        "^delta",
        "(",
        "((delta))",
        ")",
        "delta*)",
        "'",
        "'; DROP TABLE notes; --",
        "\u{0}",
        "delta\u{0}river",
        "\u{2}delta\u{3}",
        "😀",
        "日本語",
        "a\"b\"c",
        "\"*\"*",
        "delta **",
        "*delta",
        long.as_str(),
        "",
        "   ",
    ];
    for input in inputs {
        let result = lib.store.search(input, 10);
        assert!(result.is_ok(), "input {input:?} gave {:?}", result.err());
    }
    assert!(
        !search(&lib.store, "-delta").is_empty(),
        "a dash is not an operator"
    );
    assert!(
        !search(&lib.store, "((delta))").is_empty(),
        "brackets are not syntax"
    );
}

#[test]
fn operators_are_searched_as_words() {
    let lib = library();
    let id = lib
        .store
        .insert_episode(&NewEpisode {
            title: "t".into(),
            ..NewEpisode::default()
        })
        .unwrap();
    lib.store
        .add_note(id, 0, "to be or not to be, and so on")
        .unwrap();
    let hits = search(&lib.store, "or NOT and");
    assert_eq!(hits.len(), 1, "OR/NOT/AND match the words themselves");
}

#[test]
fn snippet_marks_the_match_with_control_characters() {
    let (lib, _) = filled();
    let hit = &search(&lib.store, "spring")[0];
    let start = SNIPPET_MARK_START.to_string();
    let end = SNIPPET_MARK_END.to_string();
    assert!(
        hit.snippet.contains(&format!("{start}spring{end}")),
        "snippet {:?}",
        hit.snippet
    );
    assert_eq!(
        render_snippet(&hit.snippet, "[", "]"),
        "Today the river delta floods every [spring]."
    );
    let folded = &search(&lib.store, "cafe")[0];
    assert!(
        render_snippet(&folded.snippet, "[", "]").contains("[café]"),
        "the original accented text is marked: {:?}",
        folded.snippet
    );
}

#[test]
fn marker_characters_in_user_text_cannot_forge_marks() {
    let lib = library();
    let id = crate::add_episode(&lib.store, "t");
    lib.store
        .add_note(id, 0, "plain \u{2}fake\u{3} mark and the real word kiwi")
        .unwrap();
    let hit = &search(&lib.store, "kiwi")[0];
    assert_eq!(
        render_snippet(&hit.snippet, "[", "]"),
        "plain fake mark and the real word [kiwi]"
    );
}

#[test]
fn denser_matches_rank_first_and_limit_applies() {
    let lib = library();
    let id = crate::add_episode(&lib.store, "t");
    lib.store
        .add_note(
            id,
            0,
            "one mention of otters in a long note about many other things entirely",
        )
        .unwrap();
    let dense = lib.store.add_note(id, 5, "otters otters otters").unwrap();
    let hits = search(&lib.store, "otters");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].note, Some(dense), "best match first: {hits:?}");
    assert_eq!(lib.store.search("otters", 1).unwrap().len(), 1);
    assert!(lib.store.search("otters", 0).unwrap().is_empty());
}

#[test]
fn highlight_changes_reach_the_index() {
    let (lib, id) = filled();
    let highlight = lib.store.list_highlights(id).unwrap()[0].id;
    lib.store
        .update_highlight(highlight, "blue", Some("cite in the thesis"))
        .unwrap();
    assert!(search(&lib.store, "essay").is_empty());
    assert_eq!(search(&lib.store, "thesis").len(), 1);
    lib.store.delete_highlight(highlight).unwrap();
    assert!(search(&lib.store, "thesis").is_empty());
}
