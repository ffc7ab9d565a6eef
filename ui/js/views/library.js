// @ts-check
/**
 * The sidebar's library: one group per show (podcasts, then local files), each with
 * its newest episodes as the store gives them; the show's name (with its picture)
 * opens its page, an episode opens it. A show's picture is asked for only when its
 * name scrolls near the screen.
 * @module views/library
 */

import { formatPublished, listeningState } from "../lib/library.js";
import { formatDuration, t } from "../lib/i18n.js";
import { progressBar } from "./episode-progress.js";

/** @typedef {import("../api.js").EpisodeSummary} EpisodeSummary */
/** @typedef {import("../api.js").SidebarShow} SidebarShow */

/** Shows drawn at once: more than fill the sidebar's first screens. */
const FIRST_GROUPS = 40;
/** Shows drawn in each frame after those. */
const GROUPS_PER_FRAME = 100;
/**
 * @param {HTMLElement} container where the groups go
 * @param {{onOpen: (id: number) => void, onOpenShow: (podcast: number|null) => void,
 *   artwork: {get: (podcast: number) => Promise<string|null>, peek: (podcast: number) => string|undefined}}} handlers
 *   `artwork` gives a show's thumbnail (`peek`: one found already, drawn at once)
 */
export function createLibraryView(container, { onOpen, onOpenShow, artwork }) {
  /** @type {number|null} */
  let currentId = null;
  /** Shows folded away by the listener, by podcast id ("local" for local files). */
  const folded = new Set();
  /** The show whose page is open ("" for none), as its group's key. */
  let currentShow = "";
  /** Counts the drawings, so that a newer one stops an older one's later chunks. */
  let drawn = 0;
  /** Fills a show's picture once it comes near the sidebar's visible part. */
  const nearScreen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const art = /** @type {HTMLImageElement} */ (entry.target);
        nearScreen.unobserve(art);
        artwork.get(Number(art.dataset.podcast)).then((url) => {
          if (!url) return;
          art.src = url;
          art.dataset.state = "shown";
        });
      }
    },
    { root: container.closest(".library"), rootMargin: "400px 0px" },
  );

  container.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const fold = /** @type {HTMLElement|null} */ (target.closest("[data-fold]"));
    if (fold) {
      const key = /** @type {string} */ (fold.dataset.fold);
      if (folded.has(key)) folded.delete(key);
      else folded.add(key);
      const group = /** @type {HTMLElement} */ (fold.closest(".show-group"));
      group.classList.toggle("is-folded", folded.has(key));
      fold.setAttribute("aria-expanded", String(!folded.has(key)));
      return;
    }
    const show = /** @type {HTMLElement|null} */ (target.closest("[data-show]"));
    if (show) return onOpenShow(show.dataset.show === "local" ? null : Number(show.dataset.show));
    const item = /** @type {HTMLElement|null} */ (target.closest("[data-episode-id]"));
    if (item) onOpen(Number(item.dataset.episodeId));
  });

  /** @param {EpisodeSummary} episode */
  function episodeItem(episode) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "episode-item";
    button.dataset.testid = "episode-item";
    button.dataset.episodeId = String(episode.id);
    button.dataset.state = listeningState(episode);
    if (episode.id === currentId) button.setAttribute("aria-current", "true");
    const title = document.createElement("span");
    title.className = "episode-item-title";
    title.textContent = episode.title;
    const meta = document.createElement("span");
    meta.className = "episode-item-meta";
    meta.textContent = [formatPublished(episode.published), formatDuration(episode.duration_ms)]
      .filter(Boolean)
      .join(" · ");
    if (!episode.downloaded) button.title = t("not-downloaded");
    button.append(title, meta);
    const bar = progressBar(episode);
    if (bar) button.append(bar);
    li.append(button);
    return li;
  }

  /** One show's group: its name (with its new count) and newest episodes. @param {SidebarShow} group */
  function groupSection(group) {
    const key = group.podcast_id == null ? "local" : String(group.podcast_id);
    const section = document.createElement("section");
    section.className = "show-group";
    section.classList.toggle("is-folded", folded.has(key));
    const head = document.createElement("div");
    head.className = "show-head";
    const fold = document.createElement("button");
    fold.type = "button";
    fold.className = "show-fold";
    fold.dataset.fold = key;
    fold.setAttribute("aria-expanded", String(!folded.has(key)));
    fold.setAttribute("aria-label", t("show-fold", { title: group.title }));
    const name = document.createElement("button");
    name.type = "button";
    name.className = "show-item";
    name.dataset.testid = "podcast-item";
    name.dataset.show = key;
    name.title = t("show-all-of", { title: group.title });
    if (key === currentShow) name.setAttribute("aria-current", "");
    const title = document.createElement("span");
    title.className = "show-title";
    title.textContent = group.title;
    if (group.podcast_id != null) {
      const art = document.createElement("img");
      art.className = "show-art";
      art.dataset.testid = "show-art";
      art.dataset.podcast = String(group.podcast_id);
      art.alt = "";
      const known = artwork.peek(group.podcast_id);
      if (known) {
        art.src = known;
        art.dataset.state = "shown";
      } else {
        nearScreen.observe(art);
      }
      name.append(art);
    }
    name.append(title);
    if (group.new_count > 0) {
      const badge = document.createElement("span");
      badge.className = "show-new";
      badge.dataset.testid = "new-count";
      badge.textContent = String(group.new_count);
      badge.title = t("new-count", { count: group.new_count });
      name.append(badge);
    }
    head.append(fold, name);
    const list = document.createElement("ul");
    list.className = "episode-list";
    list.setAttribute("role", "list");
    list.append(...group.episodes.map(episodeItem));
    if (group.total > group.episodes.length) {
      const more = document.createElement("li");
      const all = document.createElement("button");
      all.type = "button";
      all.className = "show-more";
      all.dataset.show = key;
      all.textContent = t("show-all-count", { count: group.total });
      more.append(all);
      list.append(more);
    }
    section.append(head, list);
    return section;
  }

  return {
    /**
     * Draws the shows: the first screens at once, the rest a chunk per frame, so
     * that a library of a thousand shows opens as fast as one of ten.
     * @param {SidebarShow[]} groups in library order
     */
    render(groups) {
      const drawing = ++drawn;
      nearScreen.disconnect();
      container.replaceChildren(...groups.slice(0, FIRST_GROUPS).map(groupSection));
      let at = FIRST_GROUPS;
      const more = () => {
        if (drawing !== drawn || at >= groups.length) return;
        container.append(...groups.slice(at, at + GROUPS_PER_FRAME).map(groupSection));
        at += GROUPS_PER_FRAME;
        requestAnimationFrame(more);
      };
      requestAnimationFrame(more);
    },
    /** Whether `id` is listed. @param {number} id */
    lists(id) {
      return container.querySelector(`[data-episode-id="${id}"]`) != null;
    },
    /** @param {number} id */
    select(id) {
      currentId = id;
      for (const el of container.querySelectorAll("[data-episode-id]")) {
        const on = Number(/** @type {HTMLElement} */ (el).dataset.episodeId) === id;
        if (on) el.setAttribute("aria-current", "true");
        else el.removeAttribute("aria-current");
      }
    },
    /** Marks the show whose page is open (or none). @param {number|null|undefined} podcast */
    selectShow(podcast) {
      const key = podcast === undefined ? "" : podcast == null ? "local" : String(podcast);
      currentShow = key;
      for (const el of container.querySelectorAll("[data-testid=podcast-item]")) {
        el.toggleAttribute("aria-current", /** @type {HTMLElement} */ (el).dataset.show === key);
      }
    },
  };
}
