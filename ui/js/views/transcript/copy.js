// @ts-check
/**
 * Copying from the transcript: the selected part of the lines in the page as
 * "[m:ss] Speaker: text" lines ({@link formatPassage}), each cut where the
 * selection starts and ends.
 * @module views/transcript/copy
 */

import { formatPassage } from "../../lib/passage.js";

/**
 * The selection inside `container` as a passage, or null when nothing in it is selected.
 * @param {HTMLElement} container the transcript's lines
 * @param {Map<number, {text: HTMLElement}>} rendered the rows in the page, by line index
 * @param {(i: number) => {startMs: number|null, estimated: boolean, speaker: string|null}} lineAt
 * @returns {string|null}
 */
export function selectedPassage(container, rendered, lineAt) {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const indexes = [...rendered.keys()].sort((a, b) => a - b);
  /** @type {import("../../lib/passage.js").PassageLine[]} */
  const lines = [];
  for (const i of indexes) {
    const { text } = /** @type {{text: HTMLElement}} */ (rendered.get(i));
    if (!range.intersectsNode(text)) continue;
    const part = document.createRange();
    part.selectNodeContents(text);
    if (range.compareBoundaryPoints(Range.START_TO_START, part) > 0) part.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, part) < 0) part.setEnd(range.endContainer, range.endOffset);
    lines.push({ ...lineAt(i), text: part.toString() });
  }
  return lines.length ? formatPassage(lines) : null;
}

/**
 * Puts the selected passage, with its timestamps, on the clipboard whenever the
 * reader copies from `container`.
 * @param {HTMLElement} container
 * @param {Map<number, {text: HTMLElement}>} rendered
 * @param {(i: number) => {startMs: number|null, estimated: boolean, speaker: string|null}} lineAt
 */
export function copyPassages(container, rendered, lineAt) {
  document.addEventListener("copy", (event) => {
    const text = selectedPassage(container, rendered, lineAt);
    if (text == null || !event.clipboardData) return;
    event.clipboardData.setData("text/plain", text);
    event.preventDefault();
  });
}
