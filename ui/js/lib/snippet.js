// @ts-check
/**
 * Search snippets arrive with matches wrapped in U+0002 … U+0003. This splits them
 * into pieces the view renders as text nodes and <mark> elements — never as HTML.
 * @module lib/snippet
 */

const OPEN = "\u0002";
const CLOSE = "\u0003";

/**
 * @param {string} snippet
 * @returns {{text: string, marked: boolean}[]}
 */
export function splitSnippet(snippet) {
  /** @type {{text: string, marked: boolean}[]} */
  const pieces = [];
  let marked = false;
  let text = "";
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      if (text) pieces.push({ text, marked });
      text = "";
      marked = ch === OPEN;
    } else {
      text += ch;
    }
  }
  if (text) pieces.push({ text, marked });
  return pieces;
}
