// @ts-check
/**
 * A transcript line's text as elements: plain text, or cut into pieces
 * ({@link splitLine}) for the current line's words, search matches (`mark`, the
 * current one marked) and the listener's highlights (`.hl`, by colour).
 * @module views/transcript/line-text
 */

import { splitLine } from "../../lib/line-pieces.js";

/** @typedef {import("../../lib/find.js").Match} Match */
/** @typedef {import("../../lib/highlight-ranges.js").PaintedRange} PaintedRange */

/**
 * @typedef {object} LinePaint
 * @property {{start: number, end: number}[]} words the word ranges (current line only)
 * @property {Match[]} marks the search matches in this line
 * @property {number[]} markIndexes each match's index in the whole search
 * @property {number} currentMatch the index of the current match in the whole search
 * @property {PaintedRange[]} painted the highlights on this line
 */

/**
 * Draws `text` into `target`; returns the word elements (empty without words).
 * @param {HTMLElement} target
 * @param {string} text
 * @param {LinePaint} paint
 * @returns {HTMLElement[]}
 */
export function paintLineText(target, text, { words, marks, markIndexes, currentMatch, painted }) {
  /** @type {HTMLElement[]} */
  const wordEls = [];
  if (words.length === 0 && marks.length === 0 && painted.length === 0) {
    target.textContent = text;
    return wordEls;
  }
  const fragment = document.createDocumentFragment();
  /** @type {HTMLElement|null} */
  let wordEl = null;
  let wordIndex = -1;
  for (const piece of splitLine(text.length, words, marks, painted)) {
    /** @type {Node} */
    let node = document.createTextNode(text.slice(piece.start, piece.end));
    if (piece.mark >= 0) {
      const mark = document.createElement("mark");
      const matchIndex = markIndexes[piece.mark];
      mark.dataset.match = String(matchIndex);
      if (matchIndex === currentMatch) {
        mark.classList.add("is-current-match");
        mark.dataset.testid = "find-current";
      }
      mark.append(node);
      node = mark;
    }
    if (piece.highlight >= 0) {
      const span = document.createElement("span");
      span.className = "hl";
      span.dataset.color = painted[piece.highlight].color;
      span.dataset.highlightId = String(painted[piece.highlight].id);
      span.dataset.testid = "transcript-highlight";
      span.append(node);
      node = span;
    }
    if (piece.word >= 0) {
      if (piece.word !== wordIndex || !wordEl) {
        wordEl = document.createElement("span");
        wordEl.className = "word";
        wordEls[piece.word] = wordEl;
        fragment.append(wordEl);
        wordIndex = piece.word;
      }
      wordEl.append(node);
    } else {
      wordIndex = -1;
      fragment.append(node);
    }
  }
  target.replaceChildren(fragment);
  return wordEls;
}
