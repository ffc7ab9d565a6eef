// @ts-check
/**
 * The Rust side's commands and events for shows: the podcasts and their episodes,
 * subscribing, the directories, checking feeds, OPML, local files and downloads
 * (re-exported by api.js, which callers import).
 * @module api/shows
 */

import { t } from "../lib/i18n.js";
import { call, dialog, tauri } from "./ipc.js";

/**
 * @typedef {import("../api.js").EpisodeSummary} EpisodeSummary
 * @typedef {import("../api.js").IpcError} IpcError
 */

/**
 * @typedef {{id: number, title: string, feed_url: string|null, description: string|null,
 *   image_url: string|null, created: string}} Podcast
 * @typedef {EpisodeSummary & {excerpt: string|null}} EpisodeListing
 * @typedef {{start_ms: number, end_ms: number|null, title: string, url: string|null, image_url: string|null}} Chapter
 * @typedef {{podcast: number, title: string, episodes: number, new_episodes: number, transcripts: number,
 *   chapters: number, subscribed_now: boolean, warnings: IpcError[], page_episode?: number}} Subscribed
 * @typedef {{podcast: number, title: string, new_episodes: number, error: string|null,
 *   error_report: IpcError|null, warnings: string[], warning_reports?: IpcError[], waiting: boolean,
 *   not_modified: boolean, bytes: number}} PodcastOutcome
 * @typedef {{new_episodes: number, podcasts: PodcastOutcome[], offline: boolean,
 *   not_modified: number, bytes: number, not_due: number}} RefreshReport
 * @typedef {{done: number, total: number, title: string}} RefreshProgress
 * @typedef {{title: string, author: string|null, feed_url: string, artwork_url: string|null,
 *   episodes: number|null, directory: string}} DirectoryHit
 * @typedef {{hits: DirectoryHit[], problems: string[]}} DirectorySearch
 * @typedef {{url: string, title: string|null, podcast: number|null, episodes: number, error: string|null,
 *   error_report?: IpcError}} ImportedFeed
 * @typedef {{episodes: number[], problems: string[], launched?: boolean}} FilesImported
 * @typedef {"queued"|"downloading"|"done"|"failed"} DownloadState
 * @typedef {{episode: number, title: string, state: DownloadState, done_bytes: number,
 *   total_bytes: number|null, error: {code: string, message: string}|null}} QueuedDownload
 */

/** @returns {Promise<Podcast[]>} */
export const listPodcasts = () => call("library_podcasts");

/**
 * A page of a podcast's episodes (local files without a show: null), newest first,
 * and how many there are in all.
 * @param {number|null} podcast @param {number} offset @param {number} limit
 * @returns {Promise<{total: number, episodes: EpisodeListing[]}>}
 */
export const podcastEpisodes = (podcast, offset, limit) => call("podcast_episodes", { podcast, offset, limit });

/** @param {number} id @returns {Promise<Chapter[]>} */
export const episodeChapters = (id) => call("episode_chapters", { id });

/** Subscribes to a feed by its address. @param {string} url @returns {Promise<Subscribed>} */
export const subscribe = (url) => call("feed_subscribe", { url });

/**
 * What unsubscribing did: episodes removed, kept under Local files (the listener's
 * notes or highlights are on them, or one is in the player), downloads deleted.
 * @typedef {{title: string, removed: number, kept: number, files_deleted: number}} Unsubscribed
 */

/**
 * Unsubscribes from a show: it leaves the library with its episodes and their
 * downloads, except the episodes with notes or highlights and the one in the player.
 * @param {number} podcast @returns {Promise<Unsubscribed>}
 */
export const unsubscribe = (podcast) => call("feed_unsubscribe", { podcast });

/** Shows found by name in the podcast directories. @param {string} terms @returns {Promise<DirectorySearch>} */
export const searchDirectories = (terms) => call("directory_search", { terms });

/** A directory's artwork as a data: URL (null: none to show). @param {string} url @returns {Promise<string|null>} */
export const directoryArtwork = (url) => call("directory_artwork", { url });

/** Checks one podcast (or all, with null) for new episodes. @param {number|null} podcast @returns {Promise<RefreshReport>} */
export const refreshFeeds = (podcast) => call("feed_refresh", { podcast });

/**
 * Subscribes to the feeds of an OPML file: the one Earmark was launched with
 * (`launched`), else one picked in a dialog; null when cancelled.
 * @param {boolean} [launched]
 * @returns {Promise<ImportedFeed[]|null>}
 */
export const importOpml = (launched = false) => call("opml_import", { launched, dialog: dialog(t("dialog-import-subscriptions"), t("dialog-filter-opml")) });

/**
 * @typedef {{files: string[], feeds: string[], lists_waiting: boolean}} Opening
 */

/**
 * What `earmark FILE|URL…` asked for, the first launch's or a later one's handed over:
 * the files are opening already (as a drop); the feeds are to offer.
 * @returns {Promise<Opening>}
 */
export const takeLaunch = () => call("launch_take");

/**
 * A later launch handed something over: take it with `takeLaunch`.
 * @param {() => void} onLaunch
 * @returns {Promise<() => void>}
 */
export const onLaunchRequested = (onLaunch) => tauri().event.listen("launch-requested", () => onLaunch());

/** Saves the subscriptions as OPML through a save dialog; the path, or null. @returns {Promise<string|null>} */
export const exportOpml = () => call("opml_export", { dialog: dialog(t("dialog-export-subscriptions"), t("dialog-filter-opml")) });

/** Adds audio files (or folders) picked in a dialog; null when cancelled. @param {boolean} folders @returns {Promise<FilesImported|null>} */
export const addLocalFiles = (folders) => call("local_files_add", { folders, dialog: dialog(t("dialog-add-audio"), t("dialog-filter-audio")) });

/**
 * Receives the download queue now, on every change, and a few times a second while
 * bytes flow.
 * @param {(items: QueuedDownload[]) => void} onChange
 * @returns {Promise<void>}
 */
export function subscribeDownloads(onChange) {
  const channel = new (tauri().core.Channel)();
  channel.onmessage = (/** @type {{items: QueuedDownload[]}} */ snapshot) => onChange(snapshot.items);
  return call("downloads_subscribe", { onChange: channel });
}

/** Queues an episode's download, or retries it. @param {number} episode @returns {Promise<void>} */
export const startDownload = (episode) => call("download_start", { episode });

/** Stops a download (what arrived is kept) or takes it off the queue. @param {number} episode @returns {Promise<void>} */
export const cancelDownload = (episode) => call("download_cancel", { episode });

/** Takes finished and failed downloads off the list. @returns {Promise<void>} */
export const clearDownloads = () => call("downloads_clear");

/** Deletes the downloaded audio; notes and highlights stay. @param {number} episode @returns {Promise<boolean>} */
export const deleteDownload = (episode) => call("download_delete", { episode });

/**
 * A background check for new episodes finished.
 * @param {(report: RefreshReport) => void} onReport
 * @returns {Promise<() => void>}
 */
export const onFeedsRefreshed = (onReport) =>
  tauri().event.listen("feeds-refreshed", (/** @type {any} */ e) => onReport(e.payload));

/**
 * Pictures of a show just subscribed to arrived in the artwork cache.
 * @param {(kept: {podcast: number}) => void} onKept
 * @returns {Promise<() => void>}
 */
export const onArtworkKept = (onKept) =>
  tauri().event.listen("artwork-kept", (/** @type {any} */ e) => onKept(e.payload));

/**
 * How far a check of every feed has come, after each feed.
 * @param {(progress: RefreshProgress) => void} onProgress
 * @returns {Promise<() => void>}
 */
export const onRefreshProgress = (onProgress) =>
  tauri().event.listen("refresh-progress", (/** @type {any} */ e) => onProgress(e.payload));

/**
 * Audio files or folders are dragged over the window (or no longer).
 * @param {(drag: {active: boolean}) => void} onDrag
 * @returns {Promise<() => void>}
 */
export const onFilesDrag = (onDrag) => tauri().event.listen("files-drag", (/** @type {any} */ e) => onDrag(e.payload));

/**
 * Dropped audio files are in the library.
 * @param {(done: FilesImported) => void} onImported
 * @returns {Promise<() => void>}
 */
export const onFilesImported = (onImported) =>
  tauri().event.listen("files-imported", (/** @type {any} */ e) => onImported(e.payload));
