// @ts-check
/** Time formatting. @module lib/time */

import { formatDuration, t } from "./i18n.js";

/**
 * Formats milliseconds as `m:ss` or `h:mm:ss`.
 * @param {number} ms
 * @returns {string}
 */
export function formatTime(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * The time a job has left, in words, from how long it has been watched, the share
 * done, and the share it had done when the watch began (a job resumed, or one the
 * window first hears of halfway): its pace since then; "" until a little is done,
 * when the pace says nothing yet.
 * @param {number} elapsedMs
 * @param {number} doneNow 0 to 1
 * @param {number} [doneThen] 0 to 1
 */
export function timeLeft(elapsedMs, doneNow, doneThen = 0) {
  const done = (doneNow - doneThen) / (1 - doneThen);
  if (!(done >= 0.02) || done >= 1 || !(elapsedMs > 0)) return "";
  const leftMs = (elapsedMs * (1 - done)) / done;
  if (leftMs < 60_000) return t("time-left-under-minute");
  return t("time-left-about", { duration: formatDuration(leftMs) });
}
