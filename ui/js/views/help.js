// @ts-check
/** The keyboard shortcuts overlay (`?`), filled from the shortcut table. @module views/help */

import { createOverlayToggle } from "../lib/overlay-toggle.js";
import { helpRows } from "../lib/shortcuts.js";

/**
 * @param {HTMLElement} overlay
 * @param {import("../lib/shortcuts.js").Shortcut[]} table
 */
export function createHelp(overlay, table) {
  const shortcuts = helpRows(table);
  const list = /** @type {HTMLElement} */ (overlay.querySelector(".shortcuts"));

  /** @param {string[]} texts what each key does */
  function render(texts) {
    list.replaceChildren(
      ...shortcuts.flatMap(([key], index) => {
        const dt = document.createElement("dt");
        const kbd = document.createElement("kbd");
        kbd.textContent = key;
        dt.append(kbd);
        const dd = document.createElement("dd");
        dd.textContent = texts[index];
        return [dt, dd];
      }),
    );
  }

  overlay.addEventListener("click", (e) => {
    if (e.target === overlay) overlay.hidden = true;
  });
  const { toggle } = createOverlayToggle({
    isOpen: () => !overlay.hidden,
    setOpen: (open) => {
      overlay.hidden = !open;
    },
    load: () => Promise.all(shortcuts.map(([, what]) => (typeof what === "string" ? what : what()))),
    fill: render,
  });
  return {
    /** Opens (filled with the lengths as set now, once read) or closes the overlay. */
    toggle,
    close() {
      overlay.hidden = true;
    },
    get open() {
      return !overlay.hidden;
    },
  };
}
