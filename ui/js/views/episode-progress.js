// @ts-check
/** The thin "how far you got" bar under an episode, in the sidebar and on a show's page. @module views/episode-progress */

import { progressFraction } from "../lib/library.js";

/**
 * The bar for an episode, or null when it has not been started (or has no length).
 * @param {import("../lib/library.js").EpisodeLike} episode
 * @returns {HTMLElement|null}
 */
export function progressBar(episode) {
  const fraction = progressFraction(episode);
  if (fraction == null) return null;
  const bar = document.createElement("span");
  bar.className = "episode-progress";
  const fill = document.createElement("span");
  fill.style.width = `${100 * fraction}%`;
  bar.append(fill);
  return bar;
}
