// @ts-check
/**
 * The transcript's virtual window: only the rows near the viewport are in the page
 * (a few dozen, however long the transcript), in one positioned element inside a
 * container as tall as all rows together. Rows are measured once rendered; the
 * others keep an estimate from their text length ({@link estimateRowHeight}), and
 * when a measurement changes the height of rows above the viewport the scroll
 * position is corrected so that the text being read does not move.
 *
 * It also knows which scrolling is its own (programmatic) and which is the reader's.
 * @module views/transcript/virtual-rows
 */

import { HeightIndex, centeredOffset, estimateRowHeight, visibleRange } from "../../lib/virtual-list.js";

/** @typedef {import("../../lib/virtual-list.js").RowMetrics} RowMetrics */

/** A smooth scroll of ours lasts at most this long. */
const SMOOTH_SCROLL_MS = 1200;
/** Scroll events from an instant scroll of ours arrive within this long. */
const INSTANT_SCROLL_MS = 150;
/** Rows are rendered this far above and below the viewport. */
const OVERSCAN_PX = 800;
/** While text is selected rows are kept, up to this many. */
const MAX_KEPT_ROWS = 400;

/**
 * @template {{row: HTMLElement}} R
 * @typedef {object} RowSource
 * @property {(i: number) => R} createRow builds row `i`
 * @property {(i: number) => number} charsOf how many characters row `i` holds
 * @property {(i: number) => boolean} startsTurn whether row `i` shows a speaker's name
 * @property {() => boolean} keepRows true while rows must not be removed (a selection)
 */

/**
 * @template {{row: HTMLElement}} R
 * @param {HTMLElement} scroller the scrolling element
 * @param {HTMLElement} container the element as tall as all rows
 * @param {RowSource<R>} source
 */
export function createVirtualRows(scroller, container, { createRow, charsOf, startsTurn, keepRows }) {
  const windowEl = document.createElement("div");
  windowEl.className = "transcript-window";
  let count = 0;
  /** @type {HeightIndex|null} */
  let heights = null;
  /** @type {Uint8Array} 1 where a row's height was measured */
  let measured = new Uint8Array(0);
  /** @type {RowMetrics|null} */
  let metrics = null;
  let measuredWidth = 0;
  /** @type {Map<number, R>} */
  const rendered = new Map();
  let first = 0;
  let last = -1;
  /**
   * The scroll we started last: scroll events on its path (between where it started
   * and where it goes) before `until` are ours; any other scrolling is the reader's.
   */
  let ourScroll = { from: 0, to: 0, until: 0 };

  /** Sets the scroll position as ours (not the reader's). @param {number} top @param {number} [forMs] */
  function scrollOurselves(top, forMs = INSTANT_SCROLL_MS) {
    const from = scroller.scrollTop;
    scroller.scrollTop = top;
    ourScroll = { from, to: scroller.scrollTop, until: performance.now() + forMs };
  }

  /** Puts rows `from..to` in the page, keeping rows that stay. @param {number} from @param {number} to */
  function renderRange(from, to) {
    if (keepRows() && rendered.size > 0) {
      // Removing rows would cut the reader's selection short: only add while it lasts.
      const keptFrom = Math.min(from, first);
      const keptTo = Math.max(to, last);
      if (keptTo - keptFrom < MAX_KEPT_ROWS) {
        from = keptFrom;
        to = keptTo;
      }
    }
    const overlaps = rendered.size > 0 && from <= last && to >= first;
    if (!overlaps) {
      rendered.clear();
      /** @type {HTMLElement[]} */
      const rows = [];
      for (let i = from; i <= to; i++) {
        const entry = createRow(i);
        rendered.set(i, entry);
        rows.push(entry.row);
      }
      windowEl.replaceChildren(...rows);
    } else {
      for (const [i, entry] of rendered) {
        if (i < from || i > to) {
          entry.row.remove();
          rendered.delete(i);
        }
      }
      /** @type {HTMLElement[]} */
      const before = [];
      for (let i = from; i < first; i++) {
        const entry = createRow(i);
        rendered.set(i, entry);
        before.push(entry.row);
      }
      if (before.length) windowEl.prepend(...before);
      for (let i = Math.max(last + 1, from); i <= to; i++) {
        const entry = createRow(i);
        rendered.set(i, entry);
        windowEl.append(entry.row);
      }
    }
    first = from;
    last = to;
  }

  /** Measures rows not measured yet; true when any height changed. */
  function measureRows() {
    if (!heights) return false;
    let changed = false;
    for (const [i, entry] of rendered) {
      if (measured[i]) continue;
      const height = entry.row.getBoundingClientRect().height;
      measured[i] = 1;
      if (height > 0 && Math.abs(heights.set(i, height)) > 0.5) changed = true;
    }
    return changed;
  }

  function positionWindow() {
    if (!heights) return;
    container.style.height = `${heights.total()}px`;
    windowEl.style.transform = `translateY(${heights.offsetOf(first)}px)`;
  }

  /** Renders the rows the viewport needs, measures them, keeps the reading place. */
  function update() {
    if (!heights || count === 0) return;
    for (let pass = 0; pass < 4; pass++) {
      const top = scroller.scrollTop - container.offsetTop;
      const anchor = heights.indexAt(Math.max(0, top));
      const anchorShift = top - heights.offsetOf(anchor);
      const range = visibleRange(heights, top, top + scroller.clientHeight, OVERSCAN_PX);
      renderRange(range.first, range.last);
      const changed = measureRows();
      positionWindow();
      if (!changed) return;
      if (top > 0) {
        const wanted = container.offsetTop + heights.offsetOf(anchor) + anchorShift;
        if (Math.abs(wanted - scroller.scrollTop) >= 1) scrollOurselves(wanted);
      }
    }
  }

  /** The estimated height of every row. @returns {Float64Array} */
  function estimates() {
    const out = new Float64Array(count);
    const m = /** @type {RowMetrics} */ (metrics);
    for (let i = 0; i < count; i++) out[i] = estimateRowHeight(charsOf(i), startsTurn(i), m);
    return out;
  }

  /** Measures a sample row to learn line height, row padding and characters per line. @returns {RowMetrics} */
  function measureMetrics() {
    const probe = document.createElement("div");
    probe.className = "transcript-row turn-start";
    probe.style.visibility = "hidden";
    probe.style.position = "absolute";
    probe.style.left = "0";
    probe.style.right = "0";
    const name = document.createElement("span");
    name.className = "speaker";
    name.textContent = "Speaker";
    const line = document.createElement("p");
    line.className = "segment";
    const text = document.createElement("span");
    text.className = "segment-text";
    text.textContent = "Word";
    line.append(text);
    probe.append(name, line);
    windowEl.append(probe);
    const withName = probe.getBoundingClientRect().height;
    name.remove();
    probe.classList.remove("turn-start");
    const oneLineRow = probe.getBoundingClientRect().height;
    const style = getComputedStyle(line);
    const lineHeight = parseFloat(style.lineHeight) || 30;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const width = line.getBoundingClientRect().width - padding;
    probe.remove();
    measuredWidth = container.clientWidth;
    return {
      charsPerLine: Math.max(10, width / averageCharWidth(style)),
      lineHeight,
      oneLineRow: oneLineRow || lineHeight,
      headerExtra: Math.max(0, withName - oneLineRow),
    };
  }

  return {
    /** The rows in the page, by index. */
    rendered,

    /**
     * Starts over with `rows` rows (none: the container is left to the caller), at
     * the top, and renders the first screen.
     * @param {number} rows
     */
    reset(rows) {
      count = rows;
      rendered.clear();
      first = 0;
      last = -1;
      measured = new Uint8Array(rows);
      scrollOurselves(0);
      if (rows === 0) {
        heights = null;
        container.style.height = "";
        return;
      }
      windowEl.replaceChildren();
      container.replaceChildren(windowEl);
      metrics = measureMetrics();
      heights = new HeightIndex(estimates());
      update();
    },

    update,

    /** The width changed: every height is estimated again and rows measured anew. */
    remeasureIfResized() {
      if (!heights || container.clientWidth === measuredWidth) return false;
      const top = scroller.scrollTop - container.offsetTop;
      const anchor = heights.indexAt(Math.max(0, top));
      const fraction = (top - heights.offsetOf(anchor)) / Math.max(1, heights.get(anchor));
      metrics = measureMetrics();
      heights = new HeightIndex(estimates());
      measured = new Uint8Array(count);
      rendered.clear();
      windowEl.replaceChildren();
      first = 0;
      last = -1;
      if (top > 0) scrollOurselves(container.offsetTop + heights.offsetOf(anchor) + fraction * heights.get(anchor));
      update();
      return true;
    },

    /** The row at the top of the viewport. */
    topRow() {
      return heights ? heights.indexAt(Math.max(0, scroller.scrollTop - container.offsetTop)) : 0;
    },

    /**
     * Brings row `index` to the middle of the view: smoothly when it is near, at
     * once when it is far (then measured and centred again).
     * @param {number} index
     * @param {boolean} smooth
     */
    scrollToRow(index, smooth) {
      if (!heights) return;
      const target = () =>
        Math.max(0, container.offsetTop + centeredOffset(/** @type {HeightIndex} */ (heights), index, scroller.clientHeight));
      const wanted = target();
      const near = Math.abs(wanted - scroller.scrollTop) <= scroller.clientHeight;
      if (smooth && near) {
        const from = scroller.scrollTop;
        const to = Math.min(wanted, scroller.scrollHeight - scroller.clientHeight);
        ourScroll = { from, to, until: performance.now() + SMOOTH_SCROLL_MS };
        scroller.scrollTo({ top: wanted, behavior: "smooth" });
        return;
      }
      scrollOurselves(wanted);
      update();
      const again = target();
      if (Math.abs(again - scroller.scrollTop) >= 1) {
        scrollOurselves(again);
        update();
      }
    },

    /** Is a scroll event at `top`, at time `now`, one of ours? @param {number} top @param {number} now */
    isOurScroll(top, now) {
      if (now >= ourScroll.until) return false;
      const low = Math.min(ourScroll.from, ourScroll.to) - 2;
      const high = Math.max(ourScroll.from, ourScroll.to) + 2;
      if (top < low || top > high) return false;
      // Arrived: the next scroll event is the reader's (allowing for a last one or two).
      if (Math.abs(top - ourScroll.to) < 1) ourScroll.until = Math.min(ourScroll.until, now + 50);
      return true;
    },
  };
}

/** @type {CanvasRenderingContext2D|null|undefined} */
let measuringContext;

/**
 * The average width of a character of reading text in `style`'s font.
 * @param {CSSStyleDeclaration} style
 * @returns {number}
 */
function averageCharWidth(style) {
  const size = parseFloat(style.fontSize) || 18;
  if (measuringContext === undefined) measuringContext = document.createElement("canvas").getContext("2d");
  if (!measuringContext) return size * 0.5;
  measuringContext.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const sample = "Because listening feels like learning, but very little of it is stored yet. ";
  return measuringContext.measureText(sample).width / sample.length || size * 0.5;
}
