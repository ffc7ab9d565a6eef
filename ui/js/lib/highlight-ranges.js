// @ts-check
/**
 * Where highlights fall in the transcript's lines, so the view can paint them.
 *
 * A highlight is anchored to a time span (from the first selected line's start to the
 * last one's end) and to its quoted text. Its lines are those starting inside the
 * span; within the first line it starts where the quote's first words are, within
 * the last it ends after the quote's last words (whole lines where the words are not
 * found, e.g. when the selection began in a speaker's name). Pure.
 * @module lib/highlight-ranges
 */

/** How many of the quote's words are looked for at each end. */
const EDGE_WORDS = 3;

/**
 * @typedef {object} PaintedRange
 * @property {number} start UTF-16 offset in the line's text
 * @property {number} end exclusive
 * @property {number} id the highlight's id
 * @property {string} color
 */

/**
 * Whether a line's painted ranges are the same (so it need not be drawn again).
 * @param {PaintedRange[]|undefined} a
 * @param {PaintedRange[]|undefined} b
 * @returns {boolean}
 */
export function samePainted(a = [], b = []) {
  return (
    a.length === b.length &&
    a.every((r, k) => r.start === b[k].start && r.end === b[k].end && r.id === b[k].id && r.color === b[k].color)
  );
}

/**
 * @param {(number|null)[]} starts each line's start in ms (null where unknown), ascending
 *   where known
 * @param {string[]} texts each line's text
 * @param {{id: number, start_ms: number, end_ms: number, text: string, color: string}[]} highlights
 * @returns {Map<number, PaintedRange[]>} line index -> its ranges, in order, not overlapping
 */
export function placeHighlights(starts, texts, highlights) {
  /** @type {Map<number, PaintedRange[]>} */
  const byLine = new Map();
  for (const highlight of highlights) {
    const lines = linesOf(starts, highlight);
    if (lines.length === 0) continue;
    const words = highlight.text.split(/\s+/).filter(Boolean);
    const head = words.slice(0, EDGE_WORDS).join(" ");
    const tail = words.slice(-EDGE_WORDS).join(" ");
    const first = lines[0];
    const last = lines[lines.length - 1];
    const headAt = head ? texts[first].indexOf(head) : -1;
    const tailAt = tail ? texts[last].lastIndexOf(tail) : -1;
    for (const line of lines) {
      let start = line === first && headAt >= 0 ? headAt : 0;
      let end = line === last && tailAt >= 0 ? tailAt + tail.length : texts[line].length;
      if (end <= start) {
        start = 0;
        end = texts[line].length;
      }
      const ranges = byLine.get(line) ?? [];
      ranges.push({ start, end, id: highlight.id, color: highlight.color });
      byLine.set(line, ranges);
    }
  }
  for (const [line, ranges] of byLine) byLine.set(line, withoutOverlaps(ranges));
  return byLine;
}

/**
 * Indexes of the lines starting inside the highlight's span (the first line alone
 * when the span is a single moment).
 * @param {(number|null)[]} starts
 * @param {{start_ms: number, end_ms: number}} span
 * @returns {number[]}
 */
function linesOf(starts, { start_ms, end_ms }) {
  /** @type {number[]} */
  const lines = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    if (start == null || start < start_ms) continue;
    if (start >= end_ms && !(lines.length === 0 && start === start_ms)) break;
    lines.push(i);
  }
  return lines;
}

/**
 * Sorted by start; where two highlights overlap, the earlier one keeps the shared part.
 * @param {PaintedRange[]} ranges
 * @returns {PaintedRange[]}
 */
function withoutOverlaps(ranges) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  /** @type {PaintedRange[]} */
  const out = [];
  for (const range of sorted) {
    const previousEnd = out.length ? out[out.length - 1].end : 0;
    const start = Math.max(range.start, previousEnd);
    if (range.end > start) out.push({ ...range, start });
  }
  return out;
}
