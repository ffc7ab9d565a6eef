// @ts-check
/**
 * Shows found in the podcast directories, in the Add dialog: artwork, title, author
 * and episode count, and a Subscribe button each. Artwork arrives later, one picture
 * at a time, as `data:` URLs (the window loads nothing from the web itself).
 * @module views/directory-results
 */

import { t } from "../lib/i18n.js";

/** @typedef {import("../api.js").DirectoryHit} DirectoryHit */

/**
 * @param {HTMLElement} list the results list
 * @param {{onSubscribe: (feedUrl: string) => void, onArtwork: (url: string) => Promise<string|null>}} handlers
 */
export function createDirectoryResults(list, { onSubscribe, onArtwork }) {
  /** Counts the renders, so that a new search drops an old one's late pictures. */
  let shown = 0;

  list.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-feed]"));
    if (button?.dataset.feed) onSubscribe(button.dataset.feed);
  });

  /** @param {DirectoryHit} hit */
  function item(hit) {
    const li = document.createElement("li");
    li.className = "directory-hit";
    li.dataset.testid = "directory-hit";
    const art = document.createElement("img");
    art.className = "directory-art";
    art.alt = "";
    art.hidden = true;
    const text = document.createElement("div");
    text.className = "directory-text";
    const title = document.createElement("strong");
    title.dataset.testid = "directory-title";
    title.textContent = hit.title;
    const meta = document.createElement("span");
    meta.className = "directory-meta";
    meta.dataset.testid = "directory-meta";
    meta.textContent = [hit.author, hit.episodes != null ? t("episodes-count", { count: hit.episodes }) : ""]
      .filter(Boolean)
      .join(" · ");
    text.append(title, meta);
    const subscribe = document.createElement("button");
    subscribe.type = "button";
    subscribe.className = "button-quiet";
    subscribe.dataset.feed = hit.feed_url;
    subscribe.dataset.testid = "directory-subscribe";
    subscribe.textContent = t("subscribe");
    subscribe.setAttribute("aria-label", t("subscribe-to", { title: hit.title }));
    li.append(art, text, subscribe);
    return li;
  }

  /** Fetches each hit's artwork in turn while these results are shown. @param {DirectoryHit[]} hits @param {number} render */
  async function fillArtwork(hits, render) {
    const images = list.querySelectorAll("img");
    for (const [at, hit] of hits.entries()) {
      if (render !== shown) return;
      if (!hit.artwork_url) continue;
      const url = await onArtwork(hit.artwork_url).catch(() => null);
      const image = /** @type {HTMLImageElement|undefined} */ (images[at]);
      if (url && image && render === shown) {
        image.src = url;
        image.hidden = false;
      }
    }
  }

  return {
    /** @param {DirectoryHit[]} hits */
    show(hits) {
      const render = ++shown;
      list.replaceChildren(...hits.map(item));
      list.hidden = hits.length === 0;
      fillArtwork(hits, render);
    },
    clear() {
      shown += 1;
      list.replaceChildren();
      list.hidden = true;
    },
  };
}
