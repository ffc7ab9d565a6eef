// @ts-check
/**
 * Select transcript text, pick a colour: the passage becomes a highlight anchored to
 * its time range (from the selected lines) and its text.
 * @module views/highlight-popover
 */

import { t } from "../lib/i18n.js";
import { spanOf } from "../lib/annotations.js";

/** Colours a highlight can have (the CSS knows each). */
export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink"];

/**
 * @param {HTMLElement} popover
 * @param {HTMLElement} transcript the element holding the lines
 * @param {{onHighlight: (passage: {start_ms: number, end_ms: number, text: string, color: string}) => void}} handlers
 */
export function createHighlightPopover(popover, transcript, { onHighlight }) {
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

  function place() {
    const passage = selectedPassage();
    if (!passage) {
      popover.hidden = true;
      return;
    }
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
    if (window.getSelection()?.isCollapsed) popover.hidden = true;
  });
  // mousedown, not click: a click would first collapse the selection.
  popover.addEventListener("mousedown", (event) => {
    const swatch = /** @type {HTMLElement} */ (event.target).closest("[data-color]");
    if (!swatch) return;
    event.preventDefault();
    highlight(/** @type {HTMLElement} */ (swatch).dataset.color ?? "yellow");
  });

  return {
    /** Highlights the current selection (key H); false when nothing is selected. */
    highlightSelection() {
      return highlight(HIGHLIGHT_COLORS[0]);
    },
  };
}
