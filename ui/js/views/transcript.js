// @ts-check
/**
 * The transcript: lines grouped by speaker, the current line (and word) lit, a click
 * plays from a line, auto-follow that yields to the reader's own scrolling, find,
 * copy with timestamps, and pins on estimated lines.
 *
 * Virtualized ({@link createVirtualRows}): only the rows near the viewport are in
 * the page. Each row is one segment, with its speaker's name on top when it starts
 * a turn; its text is drawn by {@link paintLineText}.
 *
 * Performance marks (read by the end-to-end tests and benchmarks):
 * `transcript-render` (building the view), `transcript-first-frame` (from the start
 * of rendering to the animation frame that paints it), `transcript-first-paint` (to
 * just after that frame was painted), `transcript-highlight` (each
 * frame in which the lit line or word changed).
 * @module views/transcript
 */

import { segmentIndexAt, speakerSlot } from "../lib/segments.js";
import { locateWords, wordIndexAt } from "../lib/line-pieces.js";
import { MATCH_LIMIT, findMatches, firstMatchFrom, foldCase, matchCountLabel, matchesBySegment, stepMatch } from "../lib/find.js";
import { placeHighlights, samePainted } from "../lib/highlight-ranges.js";
import { createFindBar } from "./transcript-find.js";
import { createTranscriptTools } from "./transcript-tools.js";
import { paintLineText } from "./line-text.js";
import { buildRow, paintRowTimes } from "./transcript-row.js";
import { copyPassages } from "./transcript-copy.js";
import { selectionInside, watchReader } from "./transcript-reader.js";
import { createVirtualRows } from "./virtual-rows.js";

/** @typedef {import("../api.js").Segment} Segment */
/** @typedef {import("../api.js").EstimatedTime} EstimatedTime */
/** @typedef {import("./transcript-tools.js").ExportFormat} ExportFormat */
/** @typedef {import("../lib/find.js").Match} Match */
/** @typedef {import("../lib/annotations.js").Highlight} Highlight */

/** How many highlight measures are kept before the oldest are dropped. */
const MAX_HIGHLIGHT_MEASURES = 2000;

/**
 * @typedef {object} TranscriptHandlers
 * @property {(ms: number) => void} onPlayFrom a line was clicked
 * @property {(index: number, ms: number) => void} onPin "this line starts now"
 * @property {(index: number) => void} onUnpin
 * @property {() => void} onAddTranscript the file dialog was asked for
 * @property {(file: File) => void} onTranscriptFile a file was chosen in the file input
 * @property {(format: ExportFormat, estimated: boolean) => void} onExport
 * @property {() => void} onAlign align the transcript to the audio
 * @property {() => void} onCancelAlign
 * @property {() => void} onCheckTiming check a timed transcript against the audio
 * @property {(deltaMs: number) => void} onNudge move every time (negative: earlier)
 */

/** @typedef {import("./transcript-row.js").RenderedRow} RenderedRow */

/**
 * @param {HTMLElement} scroller the scrolling section
 * @param {HTMLElement} container where lines go
 * @param {HTMLElement} backToNow the "Back to now" button
 * @param {TranscriptHandlers} handlers
 */
export function createTranscriptView(scroller, container, backToNow, handlers) {
  const { onPlayFrom, onPin, onUnpin } = handlers;

  /** @type {Segment[]} */
  let segments = [];
  let timed = false;
  /** @type {EstimatedTime[]|null} estimated and pinned times of an untimed transcript */
  let times = null;
  /** @type {number[]} start of every line, for the lit-line lookup */
  let starts = [];
  /** @type {Uint8Array} 1 where a row starts a speaker's turn */
  let turnStarts = new Uint8Array(0);
  /** @type {Map<string, number>} */
  let slots = new Map();
  /** The lines the aligner did not find in the audio. @type {Set<number>} */
  let notFound = new Set();

  let current = -1;
  let currentWord = -1;
  /** @type {{start_ms: number}[]|null} */
  let currentWords = null;
  /** @type {{start: number, end: number}[]|null} */
  let currentWordRanges = null;
  let following = true;
  let positionMs = 0;
  let updateScheduled = false;
  /** The lit line changed while following: scroll to it in the next update. */
  let followPending = false;

  /** The listener's highlights, and where they fall in the lines. */
  const highlights = {
    /** @type {Highlight[]} */ list: [],
    /** @type {Map<number, import("../lib/highlight-ranges.js").PaintedRange[]>} */ byLine: new Map(),
  };

  /** Search state: folded texts (built on first use), matches, and which is current. */
  const search = noSearch();

  /** @type {ReturnType<typeof createVirtualRows<RenderedRow>>} */
  const rows = createVirtualRows(scroller, container, {
    createRow: (i) => createRow(i),
    charsOf: (i) => segments[i].text.length,
    startsTurn: (i) => turnStarts[i] === 1,
    keepRows: () => selectionInside(container),
  });
  const rendered = rows.rendered;

  const findBar = createFindBar(/** @type {HTMLElement} */ (scroller.parentElement), {
    onQuery: (query) => setQuery(query),
    onStep: (step) => goToMatch(stepMatch(search.current, search.matches.length, step)),
    onClose: () => setQuery(""),
  });
  const tools = createTranscriptTools(container, /** @type {HTMLElement} */ (scroller.parentElement), {
    onFind: () => findBar.open(),
    onAdd: handlers.onAddTranscript,
    onFile: handlers.onTranscriptFile,
    onExport: handlers.onExport,
    onAlign: handlers.onAlign,
    onCancelAlign: handlers.onCancelAlign,
    onCheckTiming: handlers.onCheckTiming,
    onNudge: handlers.onNudge,
  });

  // --- input -----------------------------------------------------------------

  container.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const pinButton = /** @type {HTMLElement|null} */ (target.closest(".pin-button"));
    const line = /** @type {HTMLElement|null} */ (target.closest(".segment"));
    if (!line) return;
    const index = Number(line.dataset.index);
    if (pinButton) {
      if (times?.[index]?.source === "pinned") onUnpin(index);
      else onPin(index, positionMs);
      return;
    }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // selecting text, not seeking
    const start = startOf(index);
    if (start == null) return;
    following = true;
    backToNow.hidden = true;
    onPlayFrom(start);
  });

  /** The reader scrolled or selected: stop following ("Back to now" once a line is lit). */
  const userScrolled = () => {
    if (!following) return;
    following = false;
    backToNow.hidden = current < 0;
  };
  watchReader(scroller, container, rows, { onReader: userScrolled, onScroll: scheduleUpdate });
  backToNow.addEventListener("click", () => {
    following = true;
    backToNow.hidden = true;
    scrollToCurrent(true);
  });
  copyPassages(container, rendered, (i) => ({
    startMs: startOf(i),
    estimated: timingOf(i) === "estimated",
    speaker: segments[i].speaker,
  }));
  new ResizeObserver(() => {
    if (segments.length > 0 && rows.remeasureIfResized() && following) scrollToCurrent(false);
    scheduleUpdate();
  }).observe(scroller);

  // --- times -------------------------------------------------------------------

  /** @param {number} i @returns {number|null} */
  function startOf(i) {
    if (timed) return segments[i]?.start_ms ?? null;
    return times?.[i]?.start_ms ?? null;
  }

  /** @param {number} i @returns {number|null} */
  function endOf(i) {
    if (!timed) return times?.[i]?.end_ms ?? null;
    const segment = segments[i];
    if (!segment || segment.start_ms == null) return null;
    return segment.end_ms ?? segments[i + 1]?.start_ms ?? segment.start_ms;
  }

  /** @param {number} i @returns {"given"|"estimated"|"pinned"|null} */
  function timingOf(i) {
    if (timed) return "given";
    return times?.[i]?.source ?? null;
  }

  // --- rows ----------------------------------------------------------------------

  /** @param {number} i @returns {RenderedRow} */
  function createRow(i) {
    const turnStart = turnStarts[i] === 1;
    const speaker = turnStart ? segments[i].speaker : null;
    const entry = buildRow(i, { turnStart, speaker, slot: speaker ? speakerSlot(slots, speaker) : 0, pinnable: !timed });
    fillTimes(i, entry);
    fillText(i, entry);
    if (i === current) markCurrent(entry, true);
    return entry;
  }

  /** @param {number} i @param {RenderedRow} entry */
  function fillTimes(i, entry) {
    paintRowTimes(entry, { start: startOf(i), end: endOf(i), timing: timingOf(i), notFound: notFound.has(i) });
  }

  /** Draws a line's text: plain, or with word elements and search marks. @param {number} i @param {RenderedRow} entry */
  function fillText(i, entry) {
    const markIndexes = search.bySegment.get(i) ?? [];
    entry.words = paintLineText(entry.text, segments[i].text, {
      words: i === current && currentWordRanges ? currentWordRanges : [],
      marks: markIndexes.map((k) => search.matches[k]),
      markIndexes,
      currentMatch: search.current,
      painted: highlights.byLine.get(i) ?? [],
    });
    if (i === current && currentWord >= 0) entry.words[currentWord]?.classList.add("is-current-word");
  }

  /** @param {RenderedRow} entry @param {boolean} on */
  function markCurrent(entry, on) {
    entry.line.classList.toggle("is-current", on);
    if (on) entry.line.setAttribute("aria-current", "true");
    else entry.line.removeAttribute("aria-current");
  }

  function scheduleUpdate() {
    if (updateScheduled) return;
    updateScheduled = true;
    requestAnimationFrame(() => {
      updateScheduled = false;
      update();
    });
  }

  /** Follows the lit line when it changed, then renders what the viewport needs. */
  function update() {
    if (followPending) {
      followPending = false;
      if (following) scrollToCurrent(true);
    }
    rows.update();
  }

  // --- the lit line and following -------------------------------------------------

  /** @param {number} index */
  function setCurrent(index) {
    const previous = rendered.get(current);
    const had = current;
    current = index;
    currentWord = -1;
    const words = timed ? segments[index]?.words : undefined;
    currentWords = words && words.length ? words : null;
    currentWordRanges = currentWords ? locateWords(segments[index].text, /** @type {{text: string}[]} */ (words)) : null;
    if (!currentWordRanges) currentWords = null;
    if (previous) {
      markCurrent(previous, false);
      if (previous.words.length) fillText(had, previous);
    }
    const entry = rendered.get(index);
    if (entry) {
      markCurrent(entry, true);
      if (currentWordRanges) fillText(index, entry);
    }
    if (following && index >= 0) {
      // Scrolling reads layout: done in the next animation frame, not in this one.
      followPending = true;
      scheduleUpdate();
    } else if (!following) {
      backToNow.hidden = index < 0;
    }
  }

  /** @param {number} word */
  function setCurrentWord(word) {
    const entry = rendered.get(current);
    if (entry) {
      entry.words[currentWord]?.classList.remove("is-current-word");
      entry.words[word]?.classList.add("is-current-word");
    }
    currentWord = word;
  }

  /** Brings the current line to the middle of the view. @param {boolean} smooth */
  function scrollToCurrent(smooth) {
    if (current >= 0) rows.scrollToRow(current, smooth);
  }

  /** The line P pins: the one holding the text cursor or selection, else the lit one. */
  function lineToPin() {
    if (timed || !times) return -1;
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    if (node && container.contains(node)) {
      const element = node instanceof HTMLElement ? node : node.parentElement;
      const line = /** @type {HTMLElement|null} */ (element?.closest(".segment") ?? null);
      if (line) return Number(line.dataset.index);
    }
    return current;
  }

  // --- find ---------------------------------------------------------------------

  /** @param {string} query */
  function setQuery(query) {
    if (query === search.query) return;
    search.query = query;
    if (!search.folded && query) search.folded = segments.map((s) => foldCase(s.text));
    search.matches = query ? findMatches(/** @type {string[]} */ (search.folded), query) : [];
    search.bySegment = matchesBySegment(search.matches);
    // Start from the first match at or after what the reader is looking at.
    const top = rows.topRow();
    search.current = -1;
    refreshAllText();
    if (search.matches.length) goToMatch(firstMatchFrom(search.matches, top));
    else findBar.setCount(query ? matchCountLabel(-1, 0) : "");
  }

  /** @param {number} k */
  function goToMatch(k) {
    if (k < 0 || k >= search.matches.length) return;
    const previous = search.matches[search.current];
    search.current = k;
    findBar.setCount(matchCountLabel(k, search.matches.length, search.matches.length >= MATCH_LIMIT));
    const match = search.matches[k];
    if (previous) refreshText(previous.segment);
    refreshText(match.segment);
    userScrolled(); // going to a match is the reader's move: stop following
    rows.scrollToRow(match.segment, false);
  }

  /** Places the highlights on the lines (again, once the lines' times are known). */
  function placeAllHighlights() {
    highlights.byLine = placeHighlights(
      segments.map((_, i) => startOf(i)),
      segments.map((segment) => segment.text),
      highlights.list,
    );
  }

  /** @param {number} i */
  function refreshText(i) {
    const entry = rendered.get(i);
    if (entry) fillText(i, entry);
  }

  function refreshAllText() {
    for (const [i, entry] of rendered) fillText(i, entry);
  }

  // --- the view's interface ----------------------------------------------------------

  return {
    /**
     * Shows a transcript (untimed ones get their times later, from {@link setTimes}).
     * @param {Segment[]} newSegments
     * @param {boolean} isTimed
     * @param {boolean} [coarse] timed by the paragraph (aligning cuts it into sentences)
     */
    render(newSegments, isTimed, coarse = false) {
      const startedAt = performance.now();
      segments = newSegments;
      timed = isTimed;
      times = null;
      notFound = new Set();
      scroller.classList.toggle("untimed", !isTimed);
      current = -1;
      currentWord = -1;
      currentWords = null;
      currentWordRanges = null;
      following = true;
      backToNow.hidden = true;
      slots = new Map();
      Object.assign(search, noSearch());
      findBar.close();
      tools.setState({ hasTranscript: segments.length > 0, timed, coarse });
      starts = timed ? segments.map((s) => s.start_ms ?? 0) : [];
      turnStarts = new Uint8Array(segments.length);
      for (let i = 0; i < segments.length; i++) {
        turnStarts[i] = i === 0 || segments[i].speaker !== segments[i - 1].speaker ? 1 : 0;
      }
      placeAllHighlights();
      rows.reset(segments.length);
      if (segments.length === 0) {
        const empty = document.createElement("p");
        empty.className = "transcript-empty";
        empty.textContent = "This episode has no transcript yet. Add one with \u201cAdd transcript\u201d, or drop a transcript file on the window.";
        container.replaceChildren(empty);
        return;
      }
      performance.measure("transcript-render", { start: startedAt, end: performance.now() });
      requestAnimationFrame(() => {
        performance.measure("transcript-first-frame", { start: startedAt, end: performance.now() });
        setTimeout(() => performance.measure("transcript-first-paint", { start: startedAt, end: performance.now() }), 0);
      });
    },

    /**
     * Marks the lines the aligner did not find in the audio (until the next render).
     * @param {number[]} indexes
     */
    setNotFound(indexes) {
      notFound = new Set(indexes);
      for (const [i, entry] of rendered) fillTimes(i, entry);
    },

    /** @returns {number[]} the lines marked as not found in the audio */
    notFoundLines() {
      return [...notFound];
    },

    /**
     * Gives an untimed transcript its estimated (and pinned) times.
     * @param {EstimatedTime[]} estimated
     */
    setTimes(estimated) {
      if (timed || estimated.length !== segments.length) return;
      times = estimated;
      starts = estimated.map((t) => t.start_ms);
      placeAllHighlights();
      for (const [i, entry] of rendered) {
        fillTimes(i, entry);
        fillText(i, entry);
      }
      const index = segmentIndexAt(starts, positionMs);
      if (index !== current) setCurrent(index);
    },

    /**
     * Paints the listener's highlights of this episode on the lines they quote.
     * @param {Highlight[]} list
     */
    setHighlights(list) {
      highlights.list = list;
      const before = highlights.byLine;
      placeAllHighlights();
      // Only lines whose highlights changed are drawn again: drawing a line anew
      // would drop a selection the reader is making in it.
      for (const [i, entry] of rendered) {
        if (!samePainted(before.get(i), highlights.byLine.get(i))) fillText(i, entry);
      }
    },

    /** Lights the line (and word) at `ms`; keeps it in view while following. @param {number} ms */
    setPosition(ms) {
      positionMs = ms;
      const startedAt = performance.now();
      let changed = false;
      const index = segmentIndexAt(starts, ms);
      if (index !== current) {
        setCurrent(index);
        changed = true;
      }
      if (currentWords) {
        const word = wordIndexAt(currentWords, ms);
        if (word !== currentWord) {
          setCurrentWord(word);
          changed = true;
        }
      }
      if (changed) {
        performance.measure("transcript-highlight", { start: startedAt, end: performance.now() });
        if (performance.getEntriesByName("transcript-highlight").length > MAX_HIGHLIGHT_MEASURES) {
          performance.clearMeasures("transcript-highlight");
        }
      }
    },

    /** Opens the find bar. */
    openFind() {
      findBar.open();
    },

    /** Closes the find bar, when it is open. */
    closeFind() {
      if (findBar.isOpen) findBar.close();
    },

    /**
     * Pins the line holding the text cursor, else the lit one: "it starts now".
     * @returns {boolean} whether there was a line to pin
     */
    pinHere() {
      const index = lineToPin();
      if (index >= 0) onPin(index, positionMs);
      return index >= 0;
    },

    /** The row of transcript actions: alignment progress, the drop hint, the file chooser. */
    tools,
  };
}

/** A search with nothing asked. */
function noSearch() {
  return {
    query: "",
    /** @type {string[]|null} */ folded: null,
    /** @type {Match[]} */ matches: [],
    /** @type {Map<number, number[]>} match indexes by segment */ bySegment: new Map(),
    current: -1,
  };
}
