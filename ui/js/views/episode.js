// @ts-check
/** The episode header: kicker, title, description. @module views/episode */

import { formatPublished } from "../lib/library.js";

/** @typedef {import("../api.js").OpenedEpisode} OpenedEpisode */

/** @param {HTMLElement} head */
export function createEpisodeHeader(head) {
  const kicker = /** @type {HTMLElement} */ (head.querySelector(".episode-kicker"));
  const title = /** @type {HTMLElement} */ (head.querySelector(".episode-title"));
  const description = /** @type {HTMLElement} */ (head.querySelector(".episode-description"));
  return {
    /** @param {OpenedEpisode} episode */
    render(episode) {
      kicker.textContent = formatPublished(episode.published) || "Episode";
      title.textContent = episode.title;
      description.textContent = episode.description ?? "";
      description.hidden = !episode.description;
      document.title = `${episode.title} — Earmark`;
    },
  };
}
