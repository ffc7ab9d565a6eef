// @ts-check
/**
 * Cutting a transcript line into the pieces it is drawn with: runs of plain text,
 * words (when the current line has word timings, each word is its own element so
 * that the word being spoken can be lit), search matches (drawn as <mark>) and the
 * listener's highlights.
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
 * @property {number} highlight index (in the line's highlights) of the one it is in, or -1
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
 * Splits `[0, length)` at every boundary of `words`, `marks` and `highlights` (each
 * sorted and non-overlapping) into pieces that each lie wholly inside or outside one
 * word, one mark and one highlight.
 * @param {number} length
 * @param {Range[]} words
 * @param {Range[]} marks
 * @param {Range[]} [highlights]
 * @returns {Piece[]}
 */
export function splitLine(length, words, marks, highlights = []) {
  /** @type {Set<number>} */
  const cuts = new Set([0, length]);
  for (const r of [...words, ...marks, ...highlights]) {
    cuts.add(clamp(r.start, length));
    cuts.add(clamp(r.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const word = cursor(words);
  const mark = cursor(marks);
  const highlight = cursor(highlights);
  /** @type {Piece[]} */
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    pieces.push({ start, end, word: word(start, end), mark: mark(start, end), highlight: highlight(start, end) });
  }
  return pieces;
}

/**
 * Walks sorted ranges along increasing pieces: the index of the range holding the
 * piece `[start, end)`, or -1.
 * @param {Range[]} ranges
 * @returns {(start: number, end: number) => number}
 */
function cursor(ranges) {
  let k = 0;
  return (start, end) => {
    while (k < ranges.length && ranges[k].end <= start) k++;
    return k < ranges.length && ranges[k].start <= start && end <= ranges[k].end ? k : -1;
  };
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
