// @ts-check
/** Time formatting. @module lib/time */

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
 * A duration in words for lists, e.g. `2 min`, `1 h 05 min`.
 * @param {number|null} ms
 * @returns {string}
 */
export function formatDuration(ms) {
  if (ms == null) return "";
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/**
 * A length in whole seconds, for a sentence: `30 seconds`.
 * @param {number} ms
 * @returns {string}
 */
export function formatSeconds(ms) {
  return `${Math.round(ms / 1000)} seconds`;
}
