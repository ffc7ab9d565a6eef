// @ts-check
/**
 * The find bar of the transcript: a query field, "3 of 12", previous and next.
 * Enter goes to the next match, Shift+Enter to the previous, Escape closes.
 * Built with DOM calls only (no HTML strings).
 * @module views/transcript/find-bar
 */

import { t } from "../../lib/i18n.js";

/**
 * @typedef {object} FindHandlers
 * @property {(query: string) => void} onQuery the query changed
 * @property {(step: 1 | -1) => void} onStep go to the next (1) or previous (-1) match
 * @property {() => void} onClose the bar was closed
 */

/**
 * @param {HTMLElement} host where the bar is placed
 * @param {FindHandlers} handlers
 */
export function createFindBar(host, { onQuery, onStep, onClose }) {
  const bar = document.createElement("div");
  bar.className = "find-bar";
  bar.dataset.testid = "find-bar";
  bar.setAttribute("role", "search");
  bar.hidden = true;

  const input = document.createElement("input");
  input.type = "text";
  input.className = "find-input";
  input.dataset.testid = "find-input";
  input.placeholder = t("find-placeholder");
  input.setAttribute("aria-label", input.placeholder);
  input.spellcheck = false;
  input.autocomplete = "off";

  const count = document.createElement("span");
  count.className = "find-count";
  count.dataset.testid = "find-count";
  count.setAttribute("aria-live", "polite");

  /**
   * @param {string} label
   * @param {string} title
   * @param {string} glyph
   */
  const button = (label, title, glyph) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "find-button";
    b.title = title;
    b.setAttribute("aria-label", label);
    b.textContent = glyph;
    return b;
  };
  const previous = button(t("find-previous"), t("find-previous-title"), "↑");
  const next = button(t("find-next"), t("find-next-title"), "↓");
  const close = button(t("find-close"), t("find-close-title"), "✕");
  bar.append(input, count, previous, next, close);
  host.append(bar);

  /** @type {number|undefined} */
  let typing;
  /** Searches for what the field holds; the count says which query it counts. */
  const search = () => {
    count.dataset.query = input.value;
    onQuery(input.value);
  };
  input.addEventListener("input", () => {
    // Typing fast re-searches once, after a short pause.
    window.clearTimeout(typing);
    typing = window.setTimeout(search, 60);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      window.clearTimeout(typing);
      search(); // no-op when unchanged
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      api.close();
    }
  });
  previous.addEventListener("click", () => onStep(-1));
  next.addEventListener("click", () => onStep(1));
  close.addEventListener("click", () => api.close());

  const api = {
    /** Shows the bar with the field focused and its text selected. */
    open() {
      bar.hidden = false;
      input.focus();
      input.select();
    },
    /** Hides the bar and clears the search. */
    close() {
      if (bar.hidden) return;
      bar.hidden = true;
      window.clearTimeout(typing);
      onClose();
    },
    /** @returns {boolean} */
    get isOpen() {
      return !bar.hidden;
    },
    /** @returns {string} */
    get query() {
      return bar.hidden ? "" : input.value;
    },
    /** @param {string} label e.g. "3 of 12" */
    setCount(label) {
      count.textContent = label;
    },
  };
  return api;
}
