// @ts-check
/**
 * What was typed into "Add to your library": an address to subscribe to (a feed or a
 * web page), or words to look up in the podcast directories.
 * @module lib/add-input
 */

/**
 * Whether `text` is an address: a scheme (`https://`, `feed:`, `podcast:`…), or a
 * host name with a dot and no spaces (`example.com/feed`).
 * @param {string} text
 * @returns {boolean}
 */
export function looksLikeAddress(text) {
  const t = text.trim();
  if (!t || /\s/.test(t)) return /^[a-z][a-z0-9+.-]*:\/\//i.test(t);
  if (/^(https?|feed|itpc|pcast|podcast):/i.test(t)) return true;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#].*)?$/u.test(t);
}
