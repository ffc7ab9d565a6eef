// @ts-check
/**
 * Find in the transcript: the matches of the find bar's query, marked in the lines,
 * and going from one to the next.
 * @module views/transcript/search
 */

import { MATCH_LIMIT, findMatches, firstMatchFrom, foldCase, matchCountLabel, matchesBySegment } from "../../lib/find.js";
import { stopFollowing } from "./follow.js";
import { repaintAllText, repaintText } from "./paint.js";

/** @typedef {import("./state.js").TranscriptState} TranscriptState */

/**
 * Finds `query` (nothing: no search), starting from the first match at or after what
 * the reader is looking at.
 * @param {TranscriptState} t
 * @param {string} query
 */
export function setQuery(t, query) {
  const { search } = t;
  if (query === search.query) return;
  search.query = query;
  if (!search.folded && query) search.folded = t.lines.segments.map((s) => foldCase(s.text));
  search.matches = query ? findMatches(/** @type {string[]} */ (search.folded), query) : [];
  search.bySegment = matchesBySegment(search.matches);
  const top = t.rows.topRow();
  search.current = -1;
  repaintAllText(t);
  if (search.matches.length) goToMatch(t, firstMatchFrom(search.matches, top));
  else t.findBar.setCount(query ? matchCountLabel(-1, 0) : "");
}

/** Makes match `k` the current one and scrolls to it. @param {TranscriptState} t @param {number} k */
export function goToMatch(t, k) {
  const { search } = t;
  if (k < 0 || k >= search.matches.length) return;
  const previous = search.matches[search.current];
  search.current = k;
  t.findBar.setCount(matchCountLabel(k, search.matches.length, search.matches.length >= MATCH_LIMIT));
  const match = search.matches[k];
  if (previous) repaintText(t, previous.segment);
  repaintText(t, match.segment);
  stopFollowing(t); // going to a match is the reader's move: stop following
  t.rows.scrollToRow(match.segment, false);
}
