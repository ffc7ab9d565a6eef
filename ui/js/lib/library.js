// @ts-check
/**
 * The library as the sidebar and a podcast's page show it: each episode's listening
 * state and its date in the reader's locale (the grouping by show is the store's).
 * @module lib/library
 */

import { formatDate, formatDuration, t } from "./i18n.js";

/**
 * @typedef {{id: number, podcast: string|null, podcast_id: number|null, title: string,
 *   published: string|null, duration_ms: number|null, position_ms: number, played: boolean,
 *   last_opened: string|null, downloaded: boolean}} EpisodeLike
 * @typedef {"new"|"progress"|"played"|"unplayed"} ListeningState
 */

/**
 * Where the listener is with an episode: played to the end, in progress, new (never
 * opened), or opened but not started.
 * @param {EpisodeLike} episode
 * @returns {ListeningState}
 */
export function listeningState(episode) {
  if (episode.played) return "played";
  if (episode.position_ms > 0) return "progress";
  if (episode.last_opened == null) return "new";
  return "unplayed";
}

/**
 * The state in words, e.g. "New", "12 min left", "Played"; empty for "unplayed".
 * @param {EpisodeLike} episode
 * @returns {string}
 */
export function stateLabel(episode) {
  switch (listeningState(episode)) {
    case "played":
      return t("state-played");
    case "new":
      return t("state-new");
    case "progress": {
      if (!episode.duration_ms) return t("state-in-progress");
      return t("state-left", { duration: formatDuration(Math.max(0, episode.duration_ms - episode.position_ms)) });
    }
    default:
      return "";
  }
}

/**
 * The fraction listened (0–1), or null when unknown or not started.
 * @param {EpisodeLike} episode
 * @returns {number|null}
 */
export function progressFraction(episode) {
  if (!episode.duration_ms || episode.position_ms <= 0 || episode.played) return null;
  return Math.min(1, episode.position_ms / episode.duration_ms);
}

/**
 * A publication date in the listener's language and the system's time zone
 * ("12 Mar 2024", "12.3.2024"), or "" when unknown or unreadable. `timeZone`
 * overrides the system's.
 * @param {string|null} published RFC 3339
 * @param {string} [timeZone]
 * @returns {string}
 */
export function formatPublished(published, timeZone) {
  if (!published) return "";
  const date = new Date(published);
  if (Number.isNaN(date.getTime())) return "";
  return formatDate(date, timeZone);
}

/**
 * What unsubscribing did, in words for the toast.
 * @param {{title: string, removed: number, kept: number, files_deleted: number}} done
 */
export function unsubscribedWords(done) {
  const words = [t("unsubscribed", { title: done.title, removed: done.removed, deleted: done.files_deleted })];
  if (done.kept > 0) words.push(t("unsubscribed-kept", { kept: done.kept, local: t("local-files") }));
  return words.join(" ");
}
