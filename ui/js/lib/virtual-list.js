// @ts-check
/**
 * The arithmetic of a virtual list with rows of different heights: where each row
 * is, which rows a viewport shows, and an estimate for rows not yet measured.
 *
 * Heights live in a Fenwick (binary indexed) tree, so that a row's offset, the row
 * at an offset, and changing one height after measuring it all cost O(log n): a
 * 10,000-row transcript stays cheap to scroll while its rows get measured.
 * @module lib/virtual-list
 */

export class HeightIndex {
  /** @param {ArrayLike<number>} heights the first height of every row */
  constructor(heights) {
    const n = heights.length;
    /** @private */ this.heights = Float64Array.from(heights);
    /** @private */ this.tree = new Float64Array(n + 1);
    // Linear-time build: each node passes its sum on to its parent.
    for (let i = 1; i <= n; i++) {
      this.tree[i] += this.heights[i - 1];
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent] += this.tree[i];
    }
    /** @private */ this.topBit = n > 0 ? 1 << Math.floor(Math.log2(n)) : 0;
  }

  /** How many rows. */
  get length() {
    return this.heights.length;
  }

  /** @param {number} i @returns {number} the height of row `i` */
  get(i) {
    return this.heights[i];
  }

  /**
   * Sets the height of row `i`; returns the change.
   * @param {number} i
   * @param {number} height
   * @returns {number}
   */
  set(i, height) {
    const delta = height - this.heights[i];
    if (delta === 0) return 0;
    this.heights[i] = height;
    for (let k = i + 1; k < this.tree.length; k += k & -k) this.tree[k] += delta;
    return delta;
  }

  /** @param {number} i @returns {number} the top of row `i` (the sum of the rows before it) */
  offsetOf(i) {
    let sum = 0;
    for (let k = Math.min(i, this.heights.length); k > 0; k -= k & -k) sum += this.tree[k];
    return sum;
  }

  /** @returns {number} the height of all rows */
  total() {
    return this.offsetOf(this.heights.length);
  }

  /**
   * The row at offset `y`: the last row whose top is at or above `y` (0 above the
   * first row, the last row below the end; -1 when there are no rows).
   * @param {number} y
   * @returns {number}
   */
  indexAt(y) {
    const n = this.heights.length;
    if (n === 0) return -1;
    let position = 0;
    let remaining = y;
    for (let step = this.topBit; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= n && this.tree[next] <= remaining) {
        position = next;
        remaining -= this.tree[next];
      }
    }
    return Math.min(position, n - 1);
  }
}

/**
 * The rows to render for a viewport from `top` to `bottom` (offsets within the
 * list), with `overscan` pixels more on each side so that scrolling never shows a
 * gap before the next update.
 * @param {HeightIndex} index
 * @param {number} top
 * @param {number} bottom
 * @param {number} overscan
 * @returns {{first: number, last: number}} inclusive; `last < first` when empty
 */
export function visibleRange(index, top, bottom, overscan) {
  if (index.length === 0) return { first: 0, last: -1 };
  const first = index.indexAt(Math.max(0, top - overscan));
  const last = index.indexAt(Math.max(0, bottom + overscan));
  return { first, last: Math.max(first, last) };
}

/**
 * What a row's height is guessed to be before it is measured.
 * @typedef {object} RowMetrics
 * @property {number} charsPerLine characters of reading text that fit on one line
 * @property {number} lineHeight px per line of text
 * @property {number} oneLineRow px of a row with one line of text
 * @property {number} headerExtra px a speaker's name adds above the first line of a turn
 */

/**
 * The estimated height of a row holding `chars` characters of text.
 * @param {number} chars
 * @param {boolean} startsTurn the row shows the speaker's name above its text
 * @param {RowMetrics} metrics
 * @returns {number}
 */
export function estimateRowHeight(chars, startsTurn, metrics) {
  const perLine = Math.max(1, metrics.charsPerLine);
  // Words wrap before the edge: a line holds a little less than it could.
  const lines = Math.max(1, Math.ceil((chars * 1.08) / perLine));
  return metrics.oneLineRow + (lines - 1) * metrics.lineHeight + (startsTurn ? metrics.headerExtra : 0);
}

/**
 * Where to scroll so that a row sits at the middle of the viewport.
 * @param {HeightIndex} index
 * @param {number} row
 * @param {number} viewportHeight
 * @returns {number} an offset within the list (may be negative near the start)
 */
export function centeredOffset(index, row, viewportHeight) {
  return index.offsetOf(row) + index.get(row) / 2 - viewportHeight / 2;
}
