// @ts-check
/** The keyboard shortcuts overlay (`?`). @module views/help */

/**
 * What a key does: a sentence, or one read when the overlay opens (a length the
 * user can change in Settings).
 * @typedef {string | (() => Promise<string>)} ShortcutText
 */

/**
 * @param {HTMLElement} overlay
 * @param {[string, ShortcutText][]} shortcuts key label, what it does
 */
export function createHelp(overlay, shortcuts) {
  const list = /** @type {HTMLElement} */ (overlay.querySelector(".shortcuts"));

  async function render() {
    const texts = await Promise.all(shortcuts.map(([, what]) => (typeof what === "string" ? what : what())));
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
  return {
    /** Opens (with the lengths as set now) or closes the overlay. */
    async toggle() {
      if (overlay.hidden) await render();
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
