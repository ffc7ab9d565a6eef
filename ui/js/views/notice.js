// @ts-check
/** The notice bar at the top of the episode view. @module views/notice */

/** @param {HTMLElement} el */
export function createNotice(el) {
  return {
    /** @param {string} message */
    show(message) {
      el.textContent = message;
      el.hidden = false;
    },
    hide() {
      el.hidden = true;
      el.textContent = "";
    },
  };
}
