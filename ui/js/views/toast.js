// @ts-check
/** A short message with an optional Undo, at the bottom of the episode. @module views/toast */

/** How long a toast stays. */
const TOAST_MS = 6000;

/** @param {HTMLElement} el */
export function createToast(el) {
  const text = /** @type {HTMLElement} */ (el.querySelector(".toast-text"));
  const undo = /** @type {HTMLButtonElement} */ (el.querySelector("[data-action=undo]"));
  /** @type {(() => void)|null} */
  let onUndo = null;
  let timer = 0;

  const hide = () => {
    el.hidden = true;
    onUndo = null;
  };
  undo.addEventListener("click", () => {
    const action = onUndo;
    hide();
    action?.();
  });

  return {
    /**
     * @param {string} message
     * @param {(() => void)|null} [undoAction]
     */
    show(message, undoAction = null) {
      text.textContent = message;
      onUndo = undoAction;
      undo.hidden = !undoAction;
      el.hidden = false;
      clearTimeout(timer);
      timer = window.setTimeout(hide, TOAST_MS);
    },
    /** Runs the pending undo, if any (Ctrl+Z). @returns {boolean} */
    undo() {
      if (!onUndo) return false;
      const action = onUndo;
      hide();
      action();
      return true;
    },
  };
}
