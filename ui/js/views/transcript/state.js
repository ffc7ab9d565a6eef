// @ts-check
/**
 * What the parts of the transcript view share: the page's parts, the lines, the
 * lit line, following, the highlights and the search.
 * @module views/transcript/state
 */

/** @typedef {import("./row.js").RenderedRow} RenderedRow */
/** @typedef {import("../../lib/find.js").Match} Match */
/** @typedef {import("../../lib/annotations.js").Highlight} Highlight */

/**
 * The line lit at the playback position, and its word when the transcript times words.
 * @typedef {object} LitLine
 * @property {number} index the line, -1 for none
 * @property {number} word the word in it, -1 for none
 * @property {{start_ms: number}[]|null} words the line's timed words
 * @property {{start: number, end: number}[]|null} wordRanges where they are in its text
 */

/**
 * A search in the transcript: folded texts (built on first use), matches, and which is current.
 * @typedef {object} Search
 * @property {string} query
 * @property {string[]|null} folded
 * @property {Match[]} matches
 * @property {Map<number, number[]>} bySegment match indexes by line
 * @property {number} current
 */

/**
 * @typedef {object} TranscriptState
 * @property {HTMLElement} scroller the scrolling section
 * @property {HTMLElement} container where lines go
 * @property {HTMLElement} backToNow the "Back to now" button
 * @property {ReturnType<typeof import("./virtual-rows.js").createVirtualRows<RenderedRow>>} rows
 * @property {ReturnType<typeof import("./find-bar.js").createFindBar>} findBar
 * @property {import("./lines.js").Lines} lines
 * @property {LitLine} lit
 * @property {boolean} following whether the view keeps the lit line in sight
 * @property {boolean} followPending the lit line changed while following: scroll to it in the next update
 * @property {boolean} updateScheduled
 * @property {number} positionMs
 * @property {{list: Highlight[], byLine: Map<number, import("../../lib/highlight-ranges.js").PaintedRange[]>}} highlights
 *   the listener's highlights, and where they fall in the lines
 * @property {Search} search
 */

/** No line lit. @returns {LitLine} */
export function noLitLine() {
  return { index: -1, word: -1, words: null, wordRanges: null };
}

/** A search with nothing asked. @returns {Search} */
export function noSearch() {
  return { query: "", folded: null, matches: [], bySegment: new Map(), current: -1 };
}
