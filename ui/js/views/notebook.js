// @ts-check
/**
 * The notebook: every note and highlight across episodes, newest first, filtered by
 * podcast; a click opens the episode at that moment.
 * @module views/notebook
 */

import { formatRelative, t } from "../lib/i18n.js";
import { byMoment, newestFirst } from "../lib/annotations.js";
import { formatTime } from "../lib/time.js";
import { resultRow } from "./result-row.js";

/** @typedef {import("../api.js").EpisodeSummary} EpisodeSummary */
/** @typedef {import("../lib/annotations.js").Annotation} Annotation */

/**
 * @param {HTMLElement} view
 * @param {{onOpen: (episode: number, atMs: number) => void}} handlers
 */
export function createNotebookView(view, { onOpen }) {
  const filter = /** @type {HTMLSelectElement} */ (view.querySelector(".notebook-filter"));
  const list = /** @type {HTMLElement} */ (view.querySelector(".notebook-list"));
  /** @type {Annotation[]} */
  let all = [];
  /** @type {Map<number, EpisodeSummary>} */
  let episodes = new Map();

  const podcastOf = (/** @type {Annotation} */ a) =>
    episodes.get(a.kind === "note" ? a.note.episode : a.highlight.episode)?.podcast ?? t("local-files");

  function draw() {
    const chosen = filter.value;
    const shown = all.filter((a) => !chosen || podcastOf(a) === chosen);
    if (shown.length === 0) {
      const empty = document.createElement("li");
      empty.className = "annotation-empty";
      empty.textContent = t("notebook-empty");
      list.replaceChildren(empty);
      return;
    }
    const now = new Date();
    list.replaceChildren(
      ...shown.map((a) => {
        const episode = a.kind === "note" ? a.note.episode : a.highlight.episode;
        const kind = t(a.kind === "note" ? "kind-note" : a.highlight.color === "earmark" ? "kind-earmark" : "kind-highlight");
        const written = formatRelative(new Date(a.created), now);
        const meta = [kind, episodes.get(episode)?.title ?? t("episode"), formatTime(a.at_ms), written].filter(Boolean).join(" · ");
        const text = document.createTextNode(a.kind === "note" ? a.note.text : a.highlight.text);
        return resultRow("notebook-item", meta, [text], { episode: String(episode), atMs: String(a.at_ms) });
      }),
    );
  }

  filter.addEventListener("change", draw);
  list.addEventListener("click", (event) => {
    const item = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-episode]"));
    if (item) onOpen(Number(item.dataset.episode), Number(item.dataset.atMs));
  });

  return {
    /** @param {{episodes: EpisodeSummary[], notes: import("../api.js").Note[], highlights: import("../api.js").Highlight[]}} book */
    render(book) {
      episodes = new Map(book.episodes.map((e) => [e.id, e]));
      all = newestFirst(byMoment(book.notes, book.highlights));
      const podcasts = [...new Set(all.map(podcastOf))].sort();
      const chosen = filter.value;
      const any = document.createElement("option");
      any.value = "";
      any.textContent = t("notebook-all");
      filter.replaceChildren(
        any,
        ...podcasts.map((p) => {
          const option = document.createElement("option");
          option.value = p;
          option.textContent = p;
          return option;
        }),
      );
      filter.value = podcasts.includes(chosen) ? chosen : "";
      draw();
    },
  };
}
