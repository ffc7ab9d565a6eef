// @ts-check
/**
 * Select transcript text, pick a colour: the passage becomes a highlight anchored to
 * its time range (from the selected lines) and its text. Words selected within one
 * line can also be corrected in place ("Correct", then type and press Enter).
 * @module views/highlight-popover
 */

import { t } from "../lib/i18n.js";
import { spanOf } from "../lib/annotations.js";

/** Colours a highlight can have (the CSS knows each). */
export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink"];

/**
 * Words of one line to correct: the line, where they are in its text (UTF-16
 * offsets), what they read and what they should read.
 * @typedef {{index: number, start: number, end: number, old: string, new: string}} Correction
 */

/**
 * The selection as words of one line's text, or null when it leaves the text or
 * spans lines.
 * @returns {Omit<Correction, "new">|null}
 */
function selectedWords() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const textOf = (/** @type {Node} */ node) =>
    (node instanceof Element ? node : node.parentElement)?.closest(".segment-text") ?? null;
  const text = textOf(range.startContainer);
  const line = text?.closest(".segment");
  if (!text || !(line instanceof HTMLElement) || text !== textOf(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const old = range.toString();
  return old.trim() ? { index: Number(line.dataset.index), start, end: start + old.length, old } : null;
}

/**
 * @param {HTMLElement} popover
 * @param {HTMLElement} transcript the element holding the lines
 * @param {{onHighlight: (passage: {start_ms: number, end_ms: number, text: string, color: string}) => void,
 *   onCorrect: (fix: Correction) => void}} handlers
 */
export function createHighlightPopover(popover, transcript, { onHighlight, onCorrect }) {
  for (const color of HIGHLIGHT_COLORS) {
    const swatch = document.createElement("button");
    swatch.type = "button";
    swatch.className = "swatch";
    swatch.dataset.color = color;
    swatch.dataset.testid = `highlight-${color}`;
    swatch.title = t(`highlight-in-${color}`);
    swatch.setAttribute("aria-label", swatch.title);
    popover.append(swatch);
  }
  const correct = document.createElement("button");
  correct.type = "button";
  correct.className = "popover-correct";
  correct.dataset.testid = "correct-words";
  correct.textContent = t("correct-words");
  correct.title = t("correct-words-title");
  const editor = document.createElement("input");
  editor.type = "text";
  editor.className = "popover-editor";
  editor.dataset.testid = "correct-input";
  editor.setAttribute("aria-label", t("correct-input-label"));
  editor.spellcheck = true;
  editor.hidden = true;
  popover.append(correct, editor);
  /** The words selected when "Correct" was pressed, and those being corrected while the editor shows. @type {Omit<Correction, "new">|null} */
  let chosen = null;
  /** @type {Omit<Correction, "new">|null} */
  let fixing = null;

  /** The selected passage, when the selection lies in timed transcript lines. */
  function selectedPassage() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!transcript.contains(range.commonAncestorContainer)) return null;
    const lines = [...transcript.querySelectorAll(".segment[data-start-ms]")].filter((line) =>
      range.intersectsNode(line),
    );
    const span = spanOf(
      lines.map((line) => ({
        start_ms: Number(/** @type {HTMLElement} */ (line).dataset.startMs),
        end_ms: /** @type {HTMLElement} */ (line).dataset.endMs ? Number(/** @type {HTMLElement} */ (line).dataset.endMs) : null,
      })),
    );
    const text = selection.toString().replace(/\s+/g, " ").trim();
    if (!span || !text) return null;
    return { ...span, text, rect: range.getBoundingClientRect() };
  }

  /** Back to the colours (the editor closed). */
  function closeEditor() {
    fixing = null;
    editor.hidden = true;
    popover.classList.remove("is-editing");
  }

  function place() {
    if (fixing) return;
    const passage = selectedPassage();
    if (!passage) {
      popover.hidden = true;
      return;
    }
    correct.hidden = !selectedWords();
    popover.hidden = false;
    const width = popover.offsetWidth;
    popover.style.left = `${Math.max(8, passage.rect.left + passage.rect.width / 2 - width / 2)}px`;
    popover.style.top = `${Math.max(8, passage.rect.top - popover.offsetHeight - 8)}px`;
  }

  /** @param {string} color */
  function highlight(color) {
    const passage = selectedPassage();
    if (!passage) return false;
    onHighlight({ start_ms: passage.start_ms, end_ms: passage.end_ms, text: passage.text, color });
    window.getSelection()?.removeAllRanges();
    popover.hidden = true;
    return true;
  }

  transcript.addEventListener("mouseup", () => requestAnimationFrame(place));
  transcript.addEventListener("keyup", () => requestAnimationFrame(place));
  document.addEventListener("selectionchange", () => {
    if (!fixing && window.getSelection()?.isCollapsed) popover.hidden = true;
  });
  // mousedown, not click: a click would first collapse the selection.
  popover.addEventListener("mousedown", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const swatch = target.closest("[data-color]");
    if (swatch) {
      event.preventDefault();
      highlight(/** @type {HTMLElement} */ (swatch).dataset.color ?? "yellow");
    } else if (target === correct) {
      // The words are read now, while the selection is there; the editor opens on the click.
      event.preventDefault();
      chosen = selectedWords();
    }
  });
  correct.addEventListener("click", () => {
    fixing = chosen;
    if (!fixing) return;
    popover.classList.add("is-editing");
    editor.hidden = false;
    editor.value = fixing.old.trim();
    editor.focus();
    editor.select();
  });
  editor.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      closeEditor();
      popover.hidden = true;
    } else if (event.key === "Enter" && fixing) {
      event.preventDefault();
      const typed = editor.value.trim();
      if (typed && typed !== fixing.old.trim()) onCorrect({ ...fixing, new: typed });
      closeEditor();
      popover.hidden = true;
      window.getSelection()?.removeAllRanges();
    }
  });
  editor.addEventListener("blur", () => {
    closeEditor();
    popover.hidden = true;
  });

  return {
    /** Highlights the current selection (key H); false when nothing is selected. */
    highlightSelection() {
      return highlight(HIGHLIGHT_COLORS[0]);
    },
  };
}
