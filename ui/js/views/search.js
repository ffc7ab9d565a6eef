// @ts-check
/**
 * The search box's results: every transcript line, note, highlight and episode that
 * matches, with the match marked; a click opens the episode at that moment.
 * @module views/search
 */

import { t } from "../lib/i18n.js";
import { splitSnippet } from "../lib/snippet.js";
import { formatTime } from "../lib/time.js";
import { resultRow } from "./result-row.js";

/** @typedef {import("../api.js").SearchHit} SearchHit */

/**
 * @param {HTMLElement} view the results view
 * @param {{onOpen: (episode: number, atMs: number|null) => void}} handlers
 */
export function createSearchView(view, { onOpen }) {
  const heading = /** @type {HTMLElement} */ (view.querySelector(".view-heading"));
  const list = /** @type {HTMLElement} */ (view.querySelector(".hit-list"));
  /** @type {SearchHit[]} */
  let hits = [];

  list.addEventListener("click", (event) => {
    const item = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-hit]"));
    if (!item) return;
    const hit = hits[Number(item.dataset.hit)];
    onOpen(hit.episode, hit.at_ms);
  });

  return {
    /**
     * @param {string} query
     * @param {SearchHit[]} found
     */
    render(query, found) {
      hits = found;
      heading.textContent = t("search-results", { count: found.length, query });
      list.replaceChildren(
        ...found.map((hit, index) => {
          const where = hit.at_ms == null ? "" : ` · ${formatTime(hit.at_ms)}`;
          const pieces = splitSnippet(hit.snippet).map((piece) => {
            if (!piece.marked) return document.createTextNode(piece.text);
            const mark = document.createElement("mark");
            mark.textContent = piece.text;
            return mark;
          });
          return resultRow("search-hit", `${t(`kind-${hit.kind}`)} · ${hit.episode_title}${where}`, pieces, {
            hit: String(index),
            kind: hit.kind,
          });
        }),
      );
    },
  };
}
