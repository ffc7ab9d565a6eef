// @ts-check
/**
 * The lit line (and word) at the playback position, and following it: the view
 * keeps it in sight until the reader scrolls or selects, then offers "Back to now".
 * @module views/transcript/follow
 */

import { locateWords, wordIndexAt } from "../../lib/line-pieces.js";
import { segmentIndexAt } from "../../lib/segments.js";
import { markCurrent, paintText } from "./paint.js";

/** @typedef {import("./state.js").TranscriptState} TranscriptState */

/** How many highlight measures are kept before the oldest are dropped. */
const MAX_HIGHLIGHT_MEASURES = 2000;

/**
 * Lights the line (and word) at `ms`; keeps it in view while following. Each frame
 * in which that changed is measured as `transcript-highlight`.
 * @param {TranscriptState} t
 * @param {number} ms
 */
export function followPosition(t, ms) {
  t.positionMs = ms;
  const startedAt = performance.now();
  let changed = false;
  const index = segmentIndexAt(t.lines.starts, ms);
  if (index !== t.lit.index) {
    setCurrent(t, index);
    changed = true;
  }
  if (t.lit.words) {
    const word = wordIndexAt(t.lit.words, ms);
    if (word !== t.lit.word) {
      setCurrentWord(t, word);
      changed = true;
    }
  }
  if (changed) {
    performance.measure("transcript-highlight", { start: startedAt, end: performance.now() });
    if (performance.getEntriesByName("transcript-highlight").length > MAX_HIGHLIGHT_MEASURES) {
      performance.clearMeasures("transcript-highlight");
    }
  }
}

/** Lights line `index` (-1: none). @param {TranscriptState} t @param {number} index */
export function setCurrent(t, index) {
  const { lit, lines, rows } = t;
  const previous = rows.rendered.get(lit.index);
  const had = lit.index;
  lit.index = index;
  lit.word = -1;
  const words = lines.timed ? lines.segments[index]?.words : undefined;
  lit.words = words && words.length ? words : null;
  lit.wordRanges = lit.words ? locateWords(lines.segments[index].text, /** @type {{text: string}[]} */ (words)) : null;
  if (!lit.wordRanges) lit.words = null;
  if (previous) {
    markCurrent(previous, false);
    if (previous.words.length) paintText(t, had, previous);
  }
  const entry = rows.rendered.get(index);
  if (entry) {
    markCurrent(entry, true);
    if (lit.wordRanges) paintText(t, index, entry);
  }
  if (t.following && index >= 0) {
    // Scrolling reads layout: done in the next animation frame, not in this one.
    t.followPending = true;
    scheduleUpdate(t);
  } else if (!t.following) {
    t.backToNow.hidden = index < 0;
  }
}

/** @param {TranscriptState} t @param {number} word */
function setCurrentWord({ lit, rows }, word) {
  const entry = rows.rendered.get(lit.index);
  if (entry) {
    entry.words[lit.word]?.classList.remove("is-current-word");
    entry.words[word]?.classList.add("is-current-word");
  }
  lit.word = word;
}

/** Brings the lit line to the middle of the view. @param {TranscriptState} t @param {boolean} smooth */
export function scrollToCurrent({ lit, rows }, smooth) {
  if (lit.index >= 0) rows.scrollToRow(lit.index, smooth);
}

/** Follows the lit line again (a line clicked, "Back to now"). @param {TranscriptState} t */
export function followAgain(t) {
  t.following = true;
  t.backToNow.hidden = true;
}

/** The reader scrolled or selected: stop following ("Back to now" once a line is lit). @param {TranscriptState} t */
export function stopFollowing(t) {
  if (!t.following) return;
  t.following = false;
  t.backToNow.hidden = t.lit.index < 0;
}

/** Runs {@link update} in the next animation frame (once, however often asked). @param {TranscriptState} t */
export function scheduleUpdate(t) {
  if (t.updateScheduled) return;
  t.updateScheduled = true;
  requestAnimationFrame(() => {
    t.updateScheduled = false;
    update(t);
  });
}

/** Follows the lit line when it changed, then renders what the viewport needs. @param {TranscriptState} t */
function update(t) {
  if (t.followPending) {
    t.followPending = false;
    if (t.following) scrollToCurrent(t, true);
  }
  t.rows.update();
}
