// @ts-check
/** The sidebar's episode list. @module views/library */

import { formatDuration } from "../lib/time.js";

/** @typedef {import("../api.js").EpisodeSummary} EpisodeSummary */

/**
 * @param {HTMLElement} list the `<ul>` to fill
 * @param {{onOpen: (id: number) => void}} handlers
 */
export function createLibraryView(list, { onOpen }) {
  /** @type {number|null} */
  let currentId = null;

  list.addEventListener("click", (event) => {
    const item = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-episode-id]"));
    if (item) onOpen(Number(item.dataset.episodeId));
  });

  return {
    /** @param {EpisodeSummary[]} episodes */
    render(episodes) {
      list.replaceChildren(
        ...episodes.map((episode) => {
          const li = document.createElement("li");
          const button = document.createElement("button");
          button.type = "button";
          button.className = "episode-item";
          button.dataset.testid = "episode-item";
          button.dataset.episodeId = String(episode.id);
          if (episode.id === currentId) button.setAttribute("aria-current", "true");
          const title = document.createElement("span");
          title.className = "episode-item-title";
          title.textContent = episode.title;
          const meta = document.createElement("span");
          meta.className = "episode-item-meta";
          meta.textContent = [episode.podcast ?? "Local file", formatDuration(episode.duration_ms)]
            .filter(Boolean)
            .join(" · ");
          button.append(title, meta);
          if (episode.duration_ms && episode.position_ms > 0) {
            const bar = document.createElement("span");
            bar.className = "episode-progress";
            const fill = document.createElement("span");
            fill.style.width = `${Math.min(100, (100 * episode.position_ms) / episode.duration_ms)}%`;
            bar.append(fill);
            button.append(bar);
          }
          li.append(button);
          return li;
        }),
      );
    },
    /** @param {number} id */
    select(id) {
      currentId = id;
      for (const el of list.querySelectorAll("[data-episode-id]")) {
        const on = Number(/** @type {HTMLElement} */ (el).dataset.episodeId) === id;
        if (on) el.setAttribute("aria-current", "true");
        else el.removeAttribute("aria-current");
      }
    },
  };
}
