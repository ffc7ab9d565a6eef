// @ts-check
/**
 * The library as the sidebar and a podcast's page show it: each episode's listening
 * state and its date in the reader's locale (the grouping by show is the store's).
 * @module lib/library
 */

/**
 * @typedef {{id: number, podcast: string|null, podcast_id: number|null, title: string,
 *   published: string|null, duration_ms: number|null, position_ms: number, played: boolean,
 *   last_opened: string|null, downloaded: boolean}} EpisodeLike
 * @typedef {"new"|"progress"|"played"|"unplayed"} ListeningState
 */

/** The group of episodes that belong to no show. */
export const LOCAL_FILES = "Local files";

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
      return "Played";
    case "new":
      return "New";
    case "progress": {
      if (!episode.duration_ms) return "In progress";
      const left = Math.max(0, episode.duration_ms - episode.position_ms);
      const minutes = Math.max(1, Math.round(left / 60000));
      return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min left` : `${minutes} min left`;
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
 * A publication date in the reader's locale and time zone ("12 Mar 2024"), or ""
 * when unknown or unreadable. `locale` and `timeZone` override the reader's.
 * @param {string|null} published RFC 3339
 * @param {string} [locale]
 * @param {string} [timeZone]
 * @returns {string}
 */
export function formatPublished(published, locale, timeZone) {
  if (!published) return "";
  const date = new Date(published);
  if (Number.isNaN(date.getTime())) return "";
  return dateFormat(locale, timeZone).format(date);
}

/** Formatters made so far: making one costs about a millisecond, a page shows 100 dates. */
const dateFormats = new Map();

/**
 * @param {string} [locale]
 * @param {string} [timeZone]
 * @returns {Intl.DateTimeFormat}
 */
function dateFormat(locale, timeZone) {
  const key = `${locale ?? ""}|${timeZone ?? ""}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/** @param {number} n @param {string} what */
const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * What unsubscribing did, in words for the toast.
 * @param {{title: string, removed: number, kept: number, files_deleted: number}} done
 */
export function unsubscribedWords(done) {
  const words = [`Unsubscribed from “${done.title}”: ${count(done.removed, "episode")} removed`];
  if (done.files_deleted > 0) words.push(`, ${count(done.files_deleted, "download")} deleted`);
  words.push(".");
  if (done.kept > 0) words.push(` ${count(done.kept, "episode")} stayed under ${LOCAL_FILES}.`);
  return words.join("");
}
