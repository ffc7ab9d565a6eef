// @ts-check
/**
 * The transcript: lines grouped by speaker, the current line (and word) lit, a click
 * plays from a line, auto-follow that yields to the reader's own scrolling, find,
 * copy with timestamps, and pins on estimated lines.
 *
 * Virtualized ({@link createVirtualRows}): only the rows near the viewport are in
 * the page. Each row is one segment, with its speaker's name on top when it starts
 * a turn; its text is drawn by {@link paintText}. The parts share one
 * {@link TranscriptState}: lines.js (the lines and their times), paint.js (rows),
 * follow.js (the lit line), search.js (find), input.js (the reader's clicks and
 * scrolling).
 *
 * Performance marks (read by the end-to-end tests and benchmarks):
 * `transcript-render` (building the view), `transcript-first-frame` (from the start
 * of rendering to the animation frame that paints it), `transcript-first-paint` (to
 * just after that frame was painted), `transcript-highlight` (each
 * frame in which the lit line or word changed).
 * @module views/transcript/view
 */

import { t } from "../../lib/i18n.js";
import { samePainted } from "../../lib/highlight-ranges.js";
import { segmentIndexAt } from "../../lib/segments.js";
import { stepMatch } from "../../lib/find.js";
import { createFindBar } from "./find-bar.js";
import { followPosition, setCurrent } from "./follow.js";
import { lineToPin, listenToReader } from "./input.js";
import { estimate, readLines } from "./lines.js";
import { createRow, paintText, paintTimes, placeAllHighlights } from "./paint.js";
import { selectionInside } from "./reader.js";
import { goToMatch, setQuery } from "./search.js";
import { noLitLine, noSearch } from "./state.js";
import { createTranscriptTools } from "./tools.js";
import { createVirtualRows } from "./virtual-rows.js";

/** @typedef {import("../../api.js").Segment} Segment */
/** @typedef {import("../../api.js").EstimatedTime} EstimatedTime */
/** @typedef {import("./tools.js").ExportFormat} ExportFormat */
/** @typedef {import("../../lib/annotations.js").Highlight} Highlight */
/** @typedef {import("./state.js").TranscriptState} TranscriptState */

/**
 * @typedef {object} TranscriptHandlers
 * @property {(ms: number) => void} onPlayFrom a line was clicked
 * @property {(index: number, ms: number) => void} onPin "this line starts now"
 * @property {(index: number) => void} onUnpin
 * @property {() => void} onAddTranscript the file dialog was asked for
 * @property {(url: string) => void} onAddPage the transcript a web page shows was asked for
 * @property {(file: File) => void} onTranscriptFile a file was chosen in the file input
 * @property {(format: ExportFormat, estimated: boolean) => void} onExport
 * @property {() => void} onAlign align the transcript to the audio
 * @property {() => void} onTranscribe recognise the episode's speech, offline
 * @property {() => void} onCancelAlign
 * @property {() => void} onCheckTiming check a timed transcript against the audio
 * @property {(deltaMs: number) => void} onNudge move every time (negative: earlier)
 */

/**
 * @param {HTMLElement} scroller the scrolling section
 * @param {HTMLElement} container where lines go
 * @param {HTMLElement} backToNow the "Back to now" button
 * @param {TranscriptHandlers} handlers
 */
export function createTranscriptView(scroller, container, backToNow, handlers) {
  const host = /** @type {HTMLElement} */ (scroller.parentElement);
  /** @type {TranscriptState} */
  const state = {
    scroller,
    container,
    backToNow,
    rows: createVirtualRows(scroller, container, {
      createRow: (i) => createRow(state, i),
      charsOf: (i) => state.lines.segments[i].text.length,
      startsTurn: (i) => state.lines.turnStarts[i] === 1,
      keepRows: () => selectionInside(container),
    }),
    findBar: createFindBar(host, {
      onQuery: (query) => setQuery(state, query),
      onStep: (step) => goToMatch(state, stepMatch(state.search.current, state.search.matches.length, step)),
      onClose: () => setQuery(state, ""),
    }),
    lines: readLines([], false),
    lit: noLitLine(),
    following: true,
    followPending: false,
    updateScheduled: false,
    positionMs: 0,
    highlights: { list: [], byLine: new Map() },
    search: noSearch(),
  };
  const tools = createTranscriptTools(container, host, {
    onFind: () => state.findBar.open(),
    onAdd: handlers.onAddTranscript,
    onAddPage: handlers.onAddPage,
    onFile: handlers.onTranscriptFile,
    onExport: handlers.onExport,
    onAlign: handlers.onAlign,
    onTranscribe: handlers.onTranscribe,
    onCancelAlign: handlers.onCancelAlign,
    onCheckTiming: handlers.onCheckTiming,
    onNudge: handlers.onNudge,
  });
  listenToReader(state, handlers);

  return {
    /**
     * Shows a transcript (untimed ones get their times later, from {@link setTimes}).
     * @param {Segment[]} segments
     * @param {boolean} timed
     * @param {boolean} [coarse] timed by the paragraph (aligning cuts it into sentences)
     */
    render(segments, timed, coarse = false) {
      const startedAt = performance.now();
      state.lines = readLines(segments, timed);
      scroller.classList.toggle("untimed", !timed);
      state.lit = noLitLine();
      state.following = true;
      backToNow.hidden = true;
      state.search = noSearch();
      state.findBar.close();
      tools.setState({ hasTranscript: segments.length > 0, timed, coarse });
      placeAllHighlights(state);
      state.rows.reset(segments.length);
      if (segments.length === 0) {
        const empty = document.createElement("p");
        empty.className = "transcript-empty";
        empty.textContent = t("no-transcript");
        container.replaceChildren(empty);
        return;
      }
      measureFirstPaint(startedAt);
    },

    /**
     * Marks the lines the aligner did not find in the audio (until the next render).
     * @param {number[]} indexes
     */
    setNotFound(indexes) {
      state.lines.notFound = new Set(indexes);
      for (const [i, entry] of state.rows.rendered) paintTimes(state, i, entry);
    },

    /** @returns {number[]} the lines marked as not found in the audio */
    notFoundLines() {
      return [...state.lines.notFound];
    },

    /**
     * Gives an untimed transcript its estimated (and pinned) times.
     * @param {EstimatedTime[]} estimated
     */
    setTimes(estimated) {
      if (!estimate(state.lines, estimated)) return;
      placeAllHighlights(state);
      for (const [i, entry] of state.rows.rendered) {
        paintTimes(state, i, entry);
        paintText(state, i, entry);
      }
      const index = segmentIndexAt(state.lines.starts, state.positionMs);
      if (index !== state.lit.index) setCurrent(state, index);
    },

    /**
     * Paints the listener's highlights of this episode on the lines they quote.
     * @param {Highlight[]} list
     */
    setHighlights(list) {
      state.highlights.list = list;
      const before = state.highlights.byLine;
      placeAllHighlights(state);
      // Only lines whose highlights changed are drawn again: drawing a line anew
      // would drop a selection the reader is making in it.
      for (const [i, entry] of state.rows.rendered) {
        if (!samePainted(before.get(i), state.highlights.byLine.get(i))) paintText(state, i, entry);
      }
    },

    /** Lights the line (and word) at `ms`; keeps it in view while following. @param {number} ms */
    setPosition(ms) {
      followPosition(state, ms);
    },

    /** Opens the find bar. */
    openFind() {
      state.findBar.open();
    },

    /** Closes the find bar, when it is open. */
    closeFind() {
      if (state.findBar.isOpen) state.findBar.close();
    },

    /**
     * Pins the line holding the text cursor, else the lit one: "it starts now".
     * @returns {boolean} whether there was a line to pin
     */
    pinHere() {
      const index = lineToPin(state);
      if (index >= 0) handlers.onPin(index, state.positionMs);
      return index >= 0;
    },

    /** The row of transcript actions: alignment progress, the drop hint, the file chooser. */
    tools,
  };
}

/**
 * Measures how long the transcript took to reach the screen, from `startedAt`.
 * @param {number} startedAt
 */
function measureFirstPaint(startedAt) {
  performance.measure("transcript-render", { start: startedAt, end: performance.now() });
  requestAnimationFrame(() => {
    performance.measure("transcript-first-frame", { start: startedAt, end: performance.now() });
    setTimeout(() => performance.measure("transcript-first-paint", { start: startedAt, end: performance.now() }), 0);
  });
}
