// @ts-check
/** The episode header: cover, kicker, title, description. @module views/episode */

import { t } from "../lib/i18n.js";
import { formatPublished } from "../lib/library.js";

/** @typedef {import("../api.js").OpenedEpisode} OpenedEpisode */

/** @param {HTMLElement} head */
export function createEpisodeHeader(head) {
  const kicker = /** @type {HTMLElement} */ (head.querySelector(".episode-kicker"));
  const title = /** @type {HTMLElement} */ (head.querySelector(".episode-title"));
  const description = /** @type {HTMLElement} */ (head.querySelector(".episode-description"));
  const cover = /** @type {HTMLImageElement} */ (head.querySelector(".episode-cover"));
  return {
    /** @param {OpenedEpisode} episode */
    render(episode) {
      cover.hidden = true;
      cover.removeAttribute("src");
      kicker.textContent = formatPublished(episode.published) || t("episode");
      title.textContent = episode.title;
      description.textContent = episode.description ?? "";
      description.hidden = !episode.description;
      document.title = `${episode.title} — Earmark`;
    },
    /** Shows the episode's picture (a data: URL), if it has one. @param {string|null} url */
    setCover(url) {
      cover.hidden = !url;
      if (url) cover.src = url;
    },
  };
}
