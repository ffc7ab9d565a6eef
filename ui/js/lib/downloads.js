// @ts-check
/** The download queue in numbers and words. @module lib/downloads */

import { errorWords } from "./error-words.js";
import { formatBytes, t } from "./i18n.js";

/**
 * @typedef {{episode: number, title: string, state: "queued"|"downloading"|"done"|"failed",
 *   done_bytes: number, total_bytes: number|null, error: {code: string, message: string}|null}} QueuedDownload
 */

/** Error codes that mean the network is not there (not that anything is broken). */
export const OFFLINE_CODES = ["no_network", "unreachable", "unknown_host", "timed_out", "broken_off"];

/**
 * Whether an error code says only that the network is not there.
 * @param {string|null|undefined} code
 * @returns {boolean}
 */
export function isOfflineCode(code) {
  return code != null && OFFLINE_CODES.includes(code);
}

/**
 * One download's fraction done (0–1), or null while its size is unknown.
 * @param {QueuedDownload} item
 * @returns {number|null}
 */
export function fractionOf(item) {
  if (item.state === "done") return 1;
  if (!item.total_bytes) return null;
  return Math.min(1, item.done_bytes / item.total_bytes);
}

/**
 * The queue as a whole: downloads still to finish (waiting, downloading) and their
 * bytes; failed ones are left out, finished ones count in full. `fraction` is null
 * when a size is still unknown.
 * @param {QueuedDownload[]} items
 * @returns {{active: number, finished: number, failed: number, doneBytes: number, totalBytes: number, fraction: number|null}}
 */
export function overallProgress(items) {
  let active = 0;
  let finished = 0;
  let failed = 0;
  let doneBytes = 0;
  let totalBytes = 0;
  let sizesKnown = true;
  for (const item of items) {
    if (item.state === "failed") {
      failed += 1;
      continue;
    }
    if (item.state === "done") finished += 1;
    else active += 1;
    doneBytes += item.done_bytes;
    if (item.total_bytes == null) sizesKnown = false;
    else totalBytes += item.total_bytes;
  }
  const fraction = active === 0 ? (finished > 0 ? 1 : null) : sizesKnown && totalBytes > 0 ? doneBytes / totalBytes : null;
  return { active, finished, failed, doneBytes, totalBytes, fraction };
}

/**
 * What a download is doing, in words.
 * @param {QueuedDownload} item
 * @returns {string}
 */
export function statusText(item) {
  switch (item.state) {
    case "queued":
      return item.done_bytes > 0 ? t("download-waiting-kept", { size: formatBytes(item.done_bytes) }) : t("download-waiting");
    case "downloading":
      return item.total_bytes
        ? t("download-part", { done: formatBytes(item.done_bytes), total: formatBytes(item.total_bytes) })
        : formatBytes(item.done_bytes);
    case "done":
      return item.total_bytes ? t("downloaded-size", { size: formatBytes(item.total_bytes) }) : t("downloaded");
    case "failed":
      return item.error ? errorWords(item.error) : t("download-stopped");
  }
}
