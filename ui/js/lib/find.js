// @ts-check
/**
 * Finding text in a transcript: every match of a query in every segment, found in
 * the segment data (not the page), so it works when most lines are not rendered.
 * Case is ignored; offsets are those of the original text.
 * @module lib/find
 */

import { t } from "./i18n.js";

/** Searching stops after this many matches. */
export const MATCH_LIMIT = 10000;

/**
 * @typedef {{segment: number, start: number, end: number}} Match
 *   a match in segment `segment`, from UTF-16 offset `start` to `end`
 */

/**
 * Text lowered for case-insensitive search, with the same length as `text` (so
 * offsets carry over): a character whose lower case is longer stays as it is.
 * @param {string} text
 * @returns {string}
 */
export function foldCase(text) {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/**
 * Every match of `query` in `texts` (already folded with {@link foldCase}), in
 * reading order, at most `limit` of them. Matches do not overlap.
 * @param {string[]} foldedTexts
 * @param {string} query
 * @param {number} [limit]
 * @returns {Match[]}
 */
export function findMatches(foldedTexts, query, limit = MATCH_LIMIT) {
  const needle = foldCase(query.trim());
  /** @type {Match[]} */
  const matches = [];
  if (!needle) return matches;
  for (let segment = 0; segment < foldedTexts.length; segment++) {
    const text = foldedTexts[segment];
    let at = text.indexOf(needle);
    while (at !== -1) {
      matches.push({ segment, start: at, end: at + needle.length });
      if (matches.length >= limit) return matches;
      at = text.indexOf(needle, at + needle.length);
    }
  }
  return matches;
}

/**
 * Each segment's matches, as indexes into `matches`.
 * @param {Match[]} matches
 * @returns {Map<number, number[]>}
 */
export function matchesBySegment(matches) {
  /** @type {Map<number, number[]>} */
  const bySegment = new Map();
  matches.forEach((m, k) => {
    const list = bySegment.get(m.segment);
    if (list) list.push(k);
    else bySegment.set(m.segment, [k]);
  });
  return bySegment;
}

/**
 * The first match at or after segment `segment` (wrapping to the start), or -1.
 * @param {Match[]} matches
 * @param {number} segment
 * @returns {number}
 */
export function firstMatchFrom(matches, segment) {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].segment < segment) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}

/**
 * The next (`step` 1) or previous (`step` -1) match, wrapping around.
 * @param {number} current
 * @param {number} count
 * @param {number} step
 * @returns {number}
 */
export function stepMatch(current, count, step) {
  if (count === 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}

/**
 * "3 of 12", or "No matches" for a query that finds nothing; "3 of 10000+" when
 * the search stopped at its limit.
 * @param {number} current
 * @param {number} count
 * @param {boolean} [capped] more matches exist than were counted
 * @returns {string}
 */
export function matchCountLabel(current, count, capped = false) {
  if (count === 0) return t("find-none");
  return t("find-count", { current: current + 1, count, more: capped ? "yes" : "no" });
}
