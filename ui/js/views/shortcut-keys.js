// @ts-check
/**
 * Answers the keys of the shortcut table (lib/shortcuts): one listener for the
 * whole window.
 * @module views/shortcut-keys
 */

import { actionsFor } from "../lib/shortcuts.js";

/**
 * Where the focus is: typing in a field, on a slider, in a modal dialog, or none.
 * @param {EventTarget|null} target
 * @returns {import("../lib/shortcuts.js").Focus}
 */
function focusOf(target) {
  if (!(target instanceof Element)) return "none";
  if (target.closest("input, textarea, select, [contenteditable]")) {
    return target instanceof HTMLInputElement && target.type === "range" ? "slider" : "text";
  }
  return target.closest("[aria-modal=true]") ? "dialog" : "none";
}

/** @param {import("../lib/shortcuts.js").Shortcut[]} table */
export function listenForShortcuts(table) {
  document.addEventListener("keydown", (event) => {
    for (const { run, keepsDefault } of actionsFor(table, event, focusOf(event.target))) {
      if (run() !== false && !keepsDefault) event.preventDefault();
    }
  });
}
