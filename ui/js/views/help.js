// @ts-check
/** The keyboard shortcuts overlay (`?`). @module views/help */

/**
 * @param {HTMLElement} overlay
 * @param {[string, string][]} shortcuts key label, what it does
 */
export function createHelp(overlay, shortcuts) {
  const list = /** @type {HTMLElement} */ (overlay.querySelector(".shortcuts"));
  for (const [key, what] of shortcuts) {
    const dt = document.createElement("dt");
    const kbd = document.createElement("kbd");
    kbd.textContent = key;
    dt.append(kbd);
    const dd = document.createElement("dd");
    dd.textContent = what;
    list.append(dt, dd);
  }
  overlay.addEventListener("click", (e) => {
    if (e.target === overlay) overlay.hidden = true;
  });
  return {
    toggle() {
      overlay.hidden = !overlay.hidden;
    },
    close() {
      overlay.hidden = true;
    },
    get open() {
      return !overlay.hidden;
    },
  };
}
