// @ts-check
/**
 * Asking before something that cannot be undone (unsubscribing): a heading, what will
 * happen in a sentence, Cancel (focused, and what Escape or a click outside means)
 * and the action, named by what it does.
 * @module views/confirm-dialog
 */

/**
 * @param {HTMLElement} overlay the `[data-testid=confirm-dialog]` overlay
 */
export function createConfirmDialog(overlay) {
  const heading = /** @type {HTMLElement} */ (overlay.querySelector(".confirm-title"));
  const text = /** @type {HTMLElement} */ (overlay.querySelector(".confirm-text"));
  const yes = /** @type {HTMLButtonElement} */ (overlay.querySelector("[data-action=confirm]"));
  const no = /** @type {HTMLButtonElement} */ (overlay.querySelector("[data-action=cancel-confirm]"));
  /** Answers the question on screen. @type {((answer: boolean) => void)|null} */
  let settle = null;

  /** @param {boolean} answer */
  function answer(answer) {
    overlay.hidden = true;
    const waiting = settle;
    settle = null;
    waiting?.(answer);
  }

  yes.addEventListener("click", () => answer(true));
  no.addEventListener("click", () => answer(false));
  overlay.addEventListener("click", (event) => {
    if (event.target === overlay) answer(false);
  });

  return {
    /**
     * Asks, and says whether the user chose the action (an earlier question still
     * open is answered "no").
     * @param {{title: string, text: string, action: string}} question
     * @returns {Promise<boolean>}
     */
    ask(question) {
      answer(false);
      heading.textContent = question.title;
      text.textContent = question.text;
      yes.textContent = question.action;
      overlay.hidden = false;
      no.focus();
      return new Promise((resolve) => {
        settle = resolve;
      });
    },
    /** Closes it, as Cancel does. */
    close() {
      if (settle) answer(false);
    },
  };
}
