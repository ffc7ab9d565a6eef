// @ts-check
/**
 * Drawing the transcript's rows: a row built when it comes into view, its time, its
 * text (the lit word, search marks, highlights) and whether it is the lit line.
 * @module views/transcript/paint
 */

import { placeHighlights } from "../../lib/highlight-ranges.js";
import { speakerSlot } from "../../lib/segments.js";
import { paintLineText } from "./line-text.js";
import { endOf, startOf, timingOf } from "./lines.js";
import { buildRow, paintRowTimes } from "./row.js";

/** @typedef {import("./state.js").TranscriptState} TranscriptState */
/** @typedef {import("./row.js").RenderedRow} RenderedRow */

/** @param {TranscriptState} t @param {number} i @returns {RenderedRow} */
export function createRow(t, i) {
  const { lines } = t;
  const turnStart = lines.turnStarts[i] === 1;
  const speaker = turnStart ? lines.segments[i].speaker : null;
  const entry = buildRow(i, { turnStart, speaker, slot: speaker ? speakerSlot(lines.slots, speaker) : 0, pinnable: !lines.timed });
  paintTimes(t, i, entry);
  paintText(t, i, entry);
  if (i === t.lit.index) markCurrent(entry, true);
  return entry;
}

/** @param {TranscriptState} t @param {number} i @param {RenderedRow} entry */
export function paintTimes({ lines }, i, entry) {
  paintRowTimes(entry, { start: startOf(lines, i), end: endOf(lines, i), timing: timingOf(lines, i), notFound: lines.notFound.has(i) });
}

/** Draws a line's text: plain, or with word elements and search marks. @param {TranscriptState} t @param {number} i @param {RenderedRow} entry */
export function paintText({ lines, lit, search, highlights }, i, entry) {
  const markIndexes = search.bySegment.get(i) ?? [];
  entry.words = paintLineText(entry.text, lines.segments[i].text, {
    words: i === lit.index && lit.wordRanges ? lit.wordRanges : [],
    marks: markIndexes.map((k) => search.matches[k]),
    markIndexes,
    currentMatch: search.current,
    painted: highlights.byLine.get(i) ?? [],
  });
  if (i === lit.index && lit.word >= 0) entry.words[lit.word]?.classList.add("is-current-word");
}

/** Draws line `i`'s text again, when it is in the page. @param {TranscriptState} t @param {number} i */
export function repaintText(t, i) {
  const entry = t.rows.rendered.get(i);
  if (entry) paintText(t, i, entry);
}

/** Draws the text of every row in the page again. @param {TranscriptState} t */
export function repaintAllText(t) {
  for (const [i, entry] of t.rows.rendered) paintText(t, i, entry);
}

/** @param {RenderedRow} entry @param {boolean} on */
export function markCurrent(entry, on) {
  entry.line.classList.toggle("is-current", on);
  if (on) entry.line.setAttribute("aria-current", "true");
  else entry.line.removeAttribute("aria-current");
}

/** Places the highlights on the lines (again, once the lines' times are known). @param {TranscriptState} t */
export function placeAllHighlights({ lines, highlights }) {
  highlights.byLine = placeHighlights(
    lines.segments.map((_, i) => startOf(lines, i)),
    lines.segments.map((segment) => segment.text),
    highlights.list,
  );
}
