// @ts-check
/**
 * An error from the app in the listener's language. Errors cross from Rust as
 * `{code, message, params}`: the catalogue's `error-<code>` message, with the params
 * put in, is what the window says; the English `message` is said in English, and for
 * a code no catalogue knows yet, or a report without the params its words need.
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
  return tIfComplete(`error-${report.code}`, numbered(report.params ?? {})) ?? String(report.message);
}

/**
 * The params with whole numbers as numbers, so that a message picks its plural form
 * and writes them the language's way (Rust sends every value as a string).
 * @param {Record<string, string|number>} params
 * @returns {Record<string, string|number>}
 */
function numbered(params) {
  const entries = Object.entries(params).map(([k, v]) => [k, typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : v]);
  return Object.fromEntries(entries);
}
