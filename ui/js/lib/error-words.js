// @ts-check
/**
 * An error from the app in the listener's language. Errors cross from Rust as
 * `{code, message, params}`: the catalogue's `error-<code>` message, with the params
 * put in, is what the window says; the English `message` is said in English, and for
 * a code no catalogue knows yet, or a report without the params its words need.
 * Warnings (a check's, an OPML import's failed feeds, the player's problems) come in
 * the same shape and are worded the same way.
 * @module lib/error-words
 */

import { currentLanguage, tIfComplete } from "./i18n.js";

/**
 * @typedef {{code: string, message: string, params?: Record<string, string|number>}} ErrorReport
 */

/**
 * The words of an error from a command (or anything thrown).
 * @param {unknown} error
 * @returns {string}
 */
export function errorWords(error) {
  if (!error || typeof error !== "object" || !("message" in error)) return String(error);
  const report = /** @type {ErrorReport} */ (error);
  // In English the app's own sentence says it best (it words each case; the catalogue, one per code).
  if (currentLanguage() === "en") return String(report.message);
  return worded(report.code, report.params ?? {}) ?? String(report.message);
}

/**
 * The catalogue's words for `code`, or null. Whole numbers go in as numbers (so that
 * plurals follow the language's rules), and a `cause` param (the code of the error
 * under this one, whose params are among these) goes in worded.
 * @param {string} code
 * @param {Record<string, string|number>} params
 * @returns {string|null}
 */
function worded(code, params) {
  /** @type {Record<string, string|number>} */
  const args = {};
  for (const [name, value] of Object.entries(params)) {
    args[name] = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  }
  if (typeof params.cause === "string") {
    const { cause, ...rest } = params;
    const because = worded(cause, rest);
    if (because === null) return null;
    args.cause = because;
  }
  return tIfComplete(`error-${code}`, args);
}
