// @ts-check
/**
 * The reader's hands on the transcript: a click on a line plays from it, on a pin
 * button pins or unpins it; scrolling and selecting stop following, "Back to now"
 * resumes it; a copy carries timestamps; a resize measures the rows again.
 * @module views/transcript/input
 */

import { copyPassages } from "./copy.js";
import { followAgain, scheduleUpdate, scrollToCurrent, stopFollowing } from "./follow.js";
import { startOf, timingOf } from "./lines.js";
import { watchReader } from "./reader.js";

/** @typedef {import("./state.js").TranscriptState} TranscriptState */

/**
 * @typedef {object} LineHandlers
 * @property {(ms: number) => void} onPlayFrom a line was clicked
 * @property {(index: number, ms: number) => void} onPin "this line starts now"
 * @property {(index: number) => void} onUnpin
 */

/** @param {TranscriptState} t @param {LineHandlers} handlers */
export function listenToReader(t, { onPlayFrom, onPin, onUnpin }) {
  const { scroller, container, backToNow, rows } = t;
  container.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const pinButton = /** @type {HTMLElement|null} */ (target.closest(".pin-button"));
    const line = /** @type {HTMLElement|null} */ (target.closest(".segment"));
    if (!line) return;
    const index = Number(line.dataset.index);
    if (pinButton) {
      if (t.lines.times?.[index]?.source === "pinned") onUnpin(index);
      else onPin(index, t.positionMs);
      return;
    }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // selecting text, not seeking
    const start = startOf(t.lines, index);
    if (start == null) return;
    followAgain(t);
    onPlayFrom(start);
  });
  watchReader(scroller, container, rows, { onReader: () => stopFollowing(t), onScroll: () => scheduleUpdate(t) });
  backToNow.addEventListener("click", () => {
    followAgain(t);
    scrollToCurrent(t, true);
  });
  copyPassages(container, rows.rendered, (i) => ({
    startMs: startOf(t.lines, i),
    estimated: timingOf(t.lines, i) === "estimated",
    speaker: t.lines.segments[i].speaker,
  }));
  new ResizeObserver(() => {
    if (t.lines.segments.length > 0 && rows.remeasureIfResized() && t.following) scrollToCurrent(t, false);
    scheduleUpdate(t);
  }).observe(scroller);
}

/**
 * The line P pins: the one holding the text cursor or selection, else the lit one;
 * -1 when the transcript is timed or its times are not there yet.
 * @param {TranscriptState} t
 */
export function lineToPin({ lines, container, lit }) {
  if (lines.timed || !lines.times) return -1;
  const selection = window.getSelection();
  const node = selection?.anchorNode;
  if (node && container.contains(node)) {
    const element = node instanceof HTMLElement ? node : node.parentElement;
    const line = /** @type {HTMLElement|null} */ (element?.closest(".segment") ?? null);
    if (line) return Number(line.dataset.index);
  }
  return lit.index;
}
