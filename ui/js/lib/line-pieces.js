// @ts-check
/**
 * Cutting a transcript line into the pieces it is drawn with: runs of plain text,
 * words (when the current line has word timings, each word is its own element so
 * that the word being spoken can be lit) and search matches (drawn as <mark>).
 * Pure: the view turns pieces into text nodes and elements, never HTML.
 * @module lib/line-pieces
 */

/** @typedef {{start: number, end: number}} Range UTF-16 offsets, end exclusive */

/**
 * @typedef {object} Piece
 * @property {number} start
 * @property {number} end
 * @property {number} word index of the word this piece belongs to, or -1
 * @property {number} mark index (in the line's marks) of the match it belongs to, or -1
 */

/**
 * Where each timed word is in the line's text, found in order. Words that cannot be
 * found (the file's words differ from its text) make the whole answer `null`.
 * @param {string} text
 * @param {{text: string}[]} words
 * @returns {Range[] | null}
 */
export function locateWords(text, words) {
  /** @type {Range[]} */
  const ranges = [];
  let from = 0;
  for (const word of words) {
    const needle = word.text.trim();
    if (!needle) {
      ranges.push({ start: from, end: from });
      continue;
    }
    const at = text.indexOf(needle, from);
    if (at === -1) return null;
    ranges.push({ start: at, end: at + needle.length });
    from = at + needle.length;
  }
  return ranges;
}

/**
 * Splits `[0, length)` at every boundary of `words` and `marks` (each sorted and
 * non-overlapping) into pieces that each lie wholly inside or outside one word and
 * one mark.
 * @param {number} length
 * @param {Range[]} words
 * @param {Range[]} marks
 * @returns {Piece[]}
 */
export function splitLine(length, words, marks) {
  /** @type {Set<number>} */
  const cuts = new Set([0, length]);
  for (const r of words) {
    cuts.add(clamp(r.start, length));
    cuts.add(clamp(r.end, length));
  }
  for (const r of marks) {
    cuts.add(clamp(r.start, length));
    cuts.add(clamp(r.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  /** @type {Piece[]} */
  const pieces = [];
  let w = 0;
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    while (w < words.length && words[w].end <= start) w++;
    while (m < marks.length && marks[m].end <= start) m++;
    const word = w < words.length && words[w].start <= start && end <= words[w].end ? w : -1;
    const mark = m < marks.length && marks[m].start <= start && end <= marks[m].end ? m : -1;
    pieces.push({ start, end, word, mark });
  }
  return pieces;
}

/**
 * Index of the word being spoken at `ms`: the last one started, or -1 before the
 * first.
 * @param {{start_ms: number}[]} words
 * @param {number} ms
 * @returns {number}
 */
export function wordIndexAt(words, ms) {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start_ms <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** @param {number} n @param {number} length */
function clamp(n, length) {
  return Math.max(0, Math.min(length, n));
}
