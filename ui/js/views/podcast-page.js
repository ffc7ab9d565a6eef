// @ts-check
/**
 * A show's page, like the podcast's own: its picture, title and description, then every
 * episode newest first — title, date in the reader's locale, duration, the start
 * of the show notes (as text), whether it is new, in progress or played, and its
 * download control.
 * @module views/podcast-page
 */

import { formatDuration, t } from "../lib/i18n.js";
import { formatPublished, listeningState, stateLabel } from "../lib/library.js";
import { progressBar } from "./episode-progress.js";
import { downloadControl, updateInPlace } from "./download-control.js";

/** @typedef {import("../api.js").EpisodeListing} EpisodeListing */
/** @typedef {import("../api.js").Podcast} Podcast */
/** @typedef {import("../api.js").QueuedDownload} QueuedDownload */
/** @typedef {import("./download-control.js").DownloadAction} DownloadAction */

/** Rows fetched at first; "Show more episodes" fetches as many again. */
export const PAGE_ROWS = 100;

/**
 * @param {HTMLElement} view the `[data-view=podcast]` section
 * @param {{onOpen: (id: number) => void, onDownload: (action: DownloadAction, episode: number) => void,
 *   onRefresh: (podcast: number) => void, onUnsubscribe: (podcast: Podcast) => void,
 *   onMore: (offset: number) => void,
 *   onArtwork: (podcast: number) => Promise<string|null>}} handlers
 */
export function createPodcastPage(view, { onOpen, onDownload, onRefresh, onUnsubscribe, onMore, onArtwork }) {
  const art = /** @type {HTMLImageElement} */ (view.querySelector(".podcast-art"));
  const kicker = /** @type {HTMLElement} */ (view.querySelector(".podcast-kicker"));
  const title = /** @type {HTMLElement} */ (view.querySelector(".podcast-title"));
  const description = /** @type {HTMLElement} */ (view.querySelector(".podcast-description"));
  const refresh = /** @type {HTMLButtonElement} */ (view.querySelector("[data-action=refresh-podcast]"));
  const unsubscribe = /** @type {HTMLButtonElement} */ (view.querySelector("[data-action=unsubscribe]"));
  const list = /** @type {HTMLElement} */ (view.querySelector(".podcast-episodes"));
  const more = /** @type {HTMLButtonElement} */ (view.querySelector("[data-action=more-episodes]"));
  /** @type {Podcast|null} */
  let show = null;
  /** @type {EpisodeListing[]} */
  let episodes = [];
  let total = 0;
  /** @type {Map<number, QueuedDownload>} */
  let queue = new Map();

  view.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const action = /** @type {HTMLElement|null} */ (target.closest("[data-download-action]"));
    if (action) {
      onDownload(/** @type {DownloadAction} */ (action.dataset.downloadAction), Number(action.dataset.episode));
      return;
    }
    const open = /** @type {HTMLElement|null} */ (target.closest("[data-open-episode]"));
    if (open) onOpen(Number(open.dataset.openEpisode));
  });
  refresh.addEventListener("click", () => show && onRefresh(show.id));
  unsubscribe.addEventListener("click", () => show && onUnsubscribe(show));
  more.addEventListener("click", () => onMore(episodes.length));

  const remote = () => show?.feed_url != null;

  /** @param {EpisodeListing} episode */
  function row(episode) {
    const li = document.createElement("li");
    li.className = "episode-row";
    li.dataset.testid = "episode-row";
    li.dataset.episodeId = String(episode.id);
    li.dataset.state = listeningState(episode);
    const main = document.createElement("div");
    main.className = "episode-row-main";
    const meta = document.createElement("p");
    meta.className = "episode-row-meta";
    const date = document.createElement("time");
    date.dataset.testid = "episode-date";
    if (episode.published) date.dateTime = episode.published;
    date.textContent = formatPublished(episode.published);
    const duration = document.createElement("span");
    duration.dataset.testid = "episode-duration";
    duration.textContent = formatDuration(episode.duration_ms);
    const state = document.createElement("span");
    state.className = "episode-row-state";
    state.dataset.testid = "episode-state";
    state.textContent = stateLabel(episode);
    for (const part of [date, duration, state]) {
      if (!part.textContent) continue;
      if (meta.childNodes.length) meta.append(" · ");
      meta.append(part);
    }
    const name = document.createElement("button");
    name.type = "button";
    name.className = "episode-row-title";
    name.dataset.testid = "episode-row-title";
    name.dataset.openEpisode = String(episode.id);
    name.textContent = episode.title;
    main.append(meta, name);
    if (episode.excerpt) {
      const notes = document.createElement("p");
      notes.className = "episode-row-excerpt";
      notes.dataset.testid = "episode-excerpt";
      notes.textContent = episode.excerpt;
      main.append(notes);
    }
    const bar = progressBar(episode);
    if (bar) main.append(bar);
    li.append(main, downloadControl(episode.id, episode.downloaded, remote(), queue.get(episode.id)));
    return li;
  }

  /** @param {EpisodeListing[]} next */
  function draw(next) {
    episodes.push(...next);
    list.append(...next.map(row));
    more.hidden = episodes.length >= total;
  }

  return {
    /** The show whose page is open: its id, null for local files, undefined for none. */
    get podcast() {
      return show ? show.id : undefined;
    },
    /** How many episodes are drawn. */
    get loaded() {
      return episodes.length;
    },
    /**
     * @param {Podcast|null} podcast null for local files without a show
     * @param {{total: number, episodes: EpisodeListing[]}} page the first episodes
     */
    render(podcast, page) {
      show = podcast;
      episodes = [];
      total = page.total;
      kicker.textContent = t(podcast?.feed_url ? "podcast-kicker" : "local-kicker", { count: total });
      title.textContent = podcast?.title ?? t("local-files");
      description.textContent = podcast?.description ?? "";
      description.hidden = !podcast?.description;
      refresh.hidden = !podcast?.feed_url;
      unsubscribe.hidden = !podcast;
      art.hidden = true;
      art.removeAttribute("src");
      if (podcast) {
        onArtwork(podcast.id).then((url) => {
          if (!url || show?.id !== podcast.id) return;
          art.src = url;
          art.hidden = false;
        });
      }
      list.replaceChildren();
      draw(page.episodes);
    },
    /** Adds the next episodes. @param {{total: number, episodes: EpisodeListing[]}} page */
    append(page) {
      total = page.total;
      draw(page.episodes);
    },
    /** @param {QueuedDownload[]} items */
    setQueue(items) {
      queue = new Map(items.map((i) => [i.episode, i]));
      for (const control of list.querySelectorAll("[data-testid=download-control]")) {
        const id = Number(/** @type {HTMLElement} */ (control).dataset.episode);
        const episode = episodes.find((e) => e.id === id);
        if (!episode) continue;
        const item = queue.get(id);
        if (item?.state === "done") episode.downloaded = true;
        if (!updateInPlace(/** @type {HTMLElement} */ (control), item)) {
          control.replaceWith(downloadControl(id, episode.downloaded, remote(), item));
        }
      }
    },
  };
}
