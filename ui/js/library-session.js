// @ts-check
/**
 * The library, wired to the Rust side: the sidebar grouped by show, a show's page,
 * the download queue, checking feeds (on demand and in the background), adding
 * podcasts, files and OPML, and saying calmly when the network is not there.
 * @module library-session
 */

import { t } from "./lib/i18n.js";
import * as api from "./api.js";
import { createArtworkCache } from "./lib/artwork.js";
import { isOfflineCode } from "./lib/downloads.js";
import { unsubscribedWords } from "./lib/library.js";
import { createAddDialog } from "./views/add-dialog.js";
import { createConfirmDialog } from "./views/confirm-dialog.js";
import { downloadControl, updateInPlace } from "./views/download-control.js";
import { createDownloadsView } from "./views/downloads.js";
import { createLibraryView } from "./views/library.js";
import { createPodcastPage, PAGE_ROWS } from "./views/podcast-page.js";
import { createRefreshStatus } from "./views/refresh-status.js";

/** @typedef {import("./views/download-control.js").DownloadAction} DownloadAction */

/** Said when the network is not there: what still works. */

/**
 * @typedef {object} LibraryHandlers
 * @property {(id: number) => void} onOpen opens an episode
 * @property {(name: string) => void} showView shows a middle view by name
 * @property {(message: string) => void} inform a short message (the toast)
 * @property {(error: unknown) => void} report a failed command (the notice bar)
 * @property {(id: number) => void} onDownloaded an episode's audio has just arrived
 */

/**
 * @param {import("./lib/open-episode.js").OpenEpisode} opened the episode open in the middle
 * @param {LibraryHandlers} handlers
 */
export function createLibrarySession(opened, { onOpen, showView, inform, report, onDownloaded }) {
  /** @param {string} selector */
  const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
  const status = createRefreshStatus(
    $("[data-testid=library-status]"),
    /** @type {HTMLProgressElement} */ ($("[data-testid=refresh-progress]")),
    $("[data-testid=refresh-problems]"),
  );
  const refreshButton = $("[data-testid=refresh-feeds]");
  const episodeDownload = $("[data-testid=episode-download]");
  const dropOverlay = $("[data-testid=drop-overlay]");

  /** The open episode as the library lists it (null: none, or gone). @type {api.EpisodeSummary|null} */
  let openedSummary = null;
  /** @type {api.Podcast[]} */
  let podcasts = [];
  /** @type {Map<number, api.QueuedDownload>} */
  let queue = new Map();
  /** A check of every feed the user asked for is under way (its progress is shown). */
  let checkingAll = false;

  /** Shows' thumbnails, asked for once each. */
  const thumbnails = createArtworkCache((podcast) => api.artwork({ podcast }, "small"));
  const sidebar = createLibraryView($(".show-groups"), {
    onOpen,
    onOpenShow: (podcast) => openShow(podcast).catch(report),
    artwork: thumbnails,
  });
  const page = createPodcastPage($("[data-testid=podcast-view]"), {
    onOpen,
    onArtwork: (podcast) => api.artwork({ podcast }, "large").catch(() => null),
    onDownload: (action, episode) => download(action, episode),
    onRefresh: (podcast) => refresh(podcast),
    onUnsubscribe: (podcast) => leave(podcast).catch(report),
    onMore: (offset) => {
      const podcast = page.podcast;
      if (podcast === undefined) return;
      api
        .podcastEpisodes(podcast, offset, PAGE_ROWS)
        .then((next) => {
          page.append(next);
          page.setQueue([...queue.values()]);
        })
        .catch(report);
    },
  });
  const confirm = createConfirmDialog($("[data-testid=confirm-dialog]"));
  const downloads = createDownloadsView($("[data-testid=downloads-view]"), $("[data-testid=downloads-nav]"), {
    onAction: (action, episode) => download(action, episode),
    onOpen,
    onClear: () => api.clearDownloads().catch(report),
  });
  const addDialog = createAddDialog($("[data-testid=add-dialog]"), {
    onSubscribe: async (url) => {
      const done = await api.subscribe(url);
      await reload();
      await openShow(done.podcast);
      // An episode's web page: that episode opens too.
      if (done.page_episode != null) onOpen(done.page_episode);
      const summary = done.subscribed_now
        ? t("subscribed", { title: done.title, count: done.episodes })
        : t("checked-feed", { title: done.title, count: done.episodes, new: done.new_episodes });
      return [summary, ...done.warnings.map((w) => api.messageOf(w))].join("\n");
    },
    onSearch: (terms) => api.searchDirectories(terms),
    onArtwork: (url) => api.directoryArtwork(url),
    onAddFiles: async (folders) => {
      const done = await api.addLocalFiles(folders);
      return done && (await filesAdded(done));
    },
    onImportOpml: async (launched) => {
      const feeds = await api.importOpml(launched);
      if (!feeds) return null;
      await reload();
      const failed = feeds.filter((f) => f.error);
      const lines = [t("opml-subscribed", { done: feeds.length - failed.length, count: feeds.length })];
      for (const f of failed) lines.push(`${f.title ?? f.url}: ${api.messageOf(f.error_report ?? f.error)}`);
      return lines.join("\n");
    },
    onExportOpml: async () => {
      const path = await api.exportOpml();
      return path && t("opml-saved", { path });
    },
    describe,
  });

  /** An error in words; network trouble is said calmly. @param {unknown} error */
  function describe(error) {
    const code = api.codeOf(error);
    if (isOfflineCode(code)) {
      return `${api.messageOf(error)} ${t("fetch-when-online")}`;
    }
    return api.messageOf(error);
  }

  /**
   * @param {string} text
   * @param {"info"|"offline"} [tone]
   */
  function setStatus(text, tone = "info") {
    status.say(text, tone);
  }

  /**
   * Marks "library-painted" (User Timing) once, after the frame that first showed the
   * library: the end of a launch, as the lean-start benchmark measures it.
   */
  function markFirstPaint() {
    if (performance.getEntriesByName("library-painted").length > 0) return;
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("library-painted")));
  }

  /** Re-reads the library and redraws the sidebar (and the open show's page). */
  async function reload() {
    const current = opened.id;
    // Timed as "sidebar" (User Timing) for the large-library benchmark.
    performance.mark("sidebar-asked");
    const [shows, listed] = await Promise.all([api.librarySidebar(current), api.listPodcasts()]);
    podcasts = listed;
    openedSummary = shows.flatMap((show) => show.episodes).find((e) => e.id === current) ?? null;
    sidebar.render(shows);
    performance.measure("sidebar", "sidebar-asked");
    markFirstPaint();
    if (opened.id != null) sidebar.select(opened.id);
    const shown = page.podcast;
    if (shown !== undefined && !$("[data-testid=podcast-view]").hidden) await openShow(shown, page.loaded);
    drawEpisodeDownload();
  }

  /**
   * Opens a show's page (local files without a show: null) with its newest episodes.
   * @param {number|null} podcast
   * @param {number} [rows] how many to draw at first
   */
  async function openShow(podcast, rows = PAGE_ROWS) {
    const first = await api.podcastEpisodes(podcast, 0, Math.max(PAGE_ROWS, rows));
    page.render(podcasts.find((p) => p.id === podcast) ?? null, first);
    page.setQueue([...queue.values()]);
    sidebar.selectShow(podcast);
    showView("podcast");
  }

  /**
   * @param {DownloadAction} action
   * @param {number} episode
   */
  async function download(action, episode) {
    try {
      if (action === "download" || action === "retry") await api.startDownload(episode);
      if (action === "cancel") await api.cancelDownload(episode);
      if (action === "delete") {
        await api.deleteDownload(episode);
        inform(t("download-deleted"));
        await reload();
      }
    } catch (error) {
      report(error);
    }
  }

  /** @param {number|null} podcast null: every feed */
  async function refresh(podcast) {
    refreshButton.setAttribute("aria-busy", "true");
    setStatus(t("refresh-checking-any"));
    checkingAll = podcast === null;
    try {
      showReport(await api.refreshFeeds(podcast));
      thumbnails.forget(); // a show's picture may have changed with its feed
      await reload();
    } catch (error) {
      setStatus(describe(error), isOfflineCode(api.codeOf(error)) ? "offline" : "info");
    } finally {
      checkingAll = false;
      refreshButton.removeAttribute("aria-busy");
    }
  }

  /**
   * Unsubscribes from a show once the user says so; the open episode and the ones with
   * notes or highlights stay, under Local files.
   * @param {api.Podcast} podcast
   */
  async function leave(podcast) {
    const sure = await confirm.ask({
      title: t("unsubscribe-ask", { title: podcast.title }),
      text: t("unsubscribe-explain", { local: t("local-files") }),
      action: t("unsubscribe"),
    });
    if (!sure) return;
    const done = await api.unsubscribe(podcast.id);
    thumbnails.forget();
    showView("episode");
    await reload();
    inform(unsubscribedWords(done));
  }

  /** @param {api.RefreshReport} report */
  function showReport(report) {
    if (report.offline) return setStatus(t("offline"), "offline");
    status.show(report);
  }

  /** @param {api.FilesImported} done @returns {Promise<string>} */
  async function filesAdded(done) {
    await reload();
    const added = t("files-added", { count: done.episodes.length });
    return [added, ...done.problems].join("\n");
  }

  /** Opens what `earmark FILE|URL…` asked for: files open, a feed is offered, a list imported. */
  async function takeLaunch() {
    const opening = await api.takeLaunch();
    if (opening.lists_waiting) addDialog.importLaunched();
    else if (opening.feeds.length) addDialog.offer(opening.feeds[opening.feeds.length - 1]);
  }

  /** The open episode's download control (nothing for a file on this computer). */
  function drawEpisodeDownload() {
    const episode = openedSummary?.id === opened.id ? openedSummary : null;
    const remote = episode?.podcast_id != null && podcasts.some((p) => p.id === episode.podcast_id && p.feed_url);
    if (!episode || !remote) return episodeDownload.replaceChildren();
    const shown = /** @type {HTMLElement|null} */ (episodeDownload.firstElementChild);
    const item = queue.get(episode.id);
    if (shown && shown.dataset.episode === String(episode.id) && updateInPlace(shown, item)) return;
    episodeDownload.replaceChildren(downloadControl(episode.id, episode.downloaded, true, item));
  }

  episodeDownload.addEventListener("click", (event) => {
    const action = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-download-action]"));
    if (action) download(/** @type {DownloadAction} */ (action.dataset.downloadAction), Number(action.dataset.episode));
  });
  refreshButton.addEventListener("click", () => refresh(null));
  $("[data-testid=add-open]").addEventListener("click", () => addDialog.open());
  $("[data-testid=downloads-nav]").addEventListener("click", () => {
    sidebar.selectShow(undefined);
    showView("downloads");
  });
  opened.onOpen(({ id }) => {
    sidebar.selectShow(undefined);
    if (!sidebar.lists(id)) {
      // An older episode, opened from its show's page or a search: its show lists it now.
      reload().catch(report);
      return;
    }
    sidebar.select(id);
  });
  window.addEventListener("offline", () => setStatus(t("offline"), "offline"));
  window.addEventListener("online", () => setStatus(""));

  /** @param {api.QueuedDownload[]} items */
  function onQueue(items) {
    const finished = items.filter((i) => i.state === "done" && queue.get(i.episode)?.state !== "done");
    queue = new Map(items.map((i) => [i.episode, i]));
    downloads.render(items);
    page.setQueue(items);
    drawEpisodeDownload();
    if (finished.length === 0) return;
    reload()
      .then(() => finished.forEach((i) => onDownloaded(i.episode)))
      .catch(report);
  }

  return {
    /** Loads the library and starts listening; the episode to open at start. */
    async start() {
      await api.subscribeDownloads(onQueue);
      await api.onRefreshProgress(({ done, total }) => {
        if (checkingAll) status.progress(done, total);
      });
      await api.onArtworkKept(() => {
        thumbnails.forget();
        reload().catch(report);
      });
      await api.onFeedsRefreshed((found) => {
        showReport(found);
        thumbnails.forget();
        reload().catch(report);
      });
      await api.onFilesDrag(({ active }) => {
        dropOverlay.hidden = !active;
      });
      await api.onFilesImported((done) => {
        dropOverlay.hidden = true;
        // Files Earmark was launched with open, as a player opens what it is given.
        if (done.launched && done.episodes.length) onOpen(done.episodes[0]);
        filesAdded(done)
          .then(() => {
            const added = done.episodes.length;
            if (added) inform(t("files-added-library", { count: added }));
            if (done.problems.length) report(done.problems.join(" "));
          })
          .catch(report);
      });
      if (!navigator.onLine) setStatus(t("offline"), "offline");
      await reload();
      await api.onLaunchRequested(() => takeLaunch().catch(report));
      return api.resumeEpisode();
    },
    takeLaunch,
    reload,
    /**
     * Draws the download control of the episode just opened, and says whether its
     * audio is to be downloaded: its header then offers that, so a missing file is
     * nothing to warn about.
     * @param {number} id
     * @returns {Promise<boolean>}
     */
    async offersDownload(id) {
      const episode = await api.libraryEpisode(id);
      if (opened.id !== id) return false;
      openedSummary = episode;
      drawEpisodeDownload();
      return Boolean(episode && !episode.downloaded && episodeDownload.childElementCount > 0);
    },
    closeDialogs() {
      addDialog.close();
      confirm.close();
    },
  };
}
