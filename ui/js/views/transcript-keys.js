// @ts-check
/**
 * The transcript's keys: Ctrl+F opens the find bar, P pins the current line
 * ("this line starts now"), Escape closes the find bar. P and Escape are left to
 * any text field that has the focus.
 * @module views/transcript-keys
 */

/**
 * @param {{openFind: () => void, pin: () => boolean, closeFind: () => void}} actions
 *   `pin` answers whether it pinned a line (the key is then used up)
 */
export function listenForTranscriptKeys({ openFind, pin, closeFind }) {
  document.addEventListener("keydown", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "f") {
      event.preventDefault();
      openFind();
      return;
    }
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key === "p" || event.key === "P") && pin()) event.preventDefault();
    else if (event.key === "Escape") closeFind();
  });
}
