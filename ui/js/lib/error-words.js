// @ts-check
/**
 * An error from the app in the listener's language. Errors cross from Rust as
 * `{code, message, params}`: the catalogue's `error-<code>` message, with the params
 * put in, is what the window says; the English `message` is the fallback for a code no
 * catalogue knows yet.
 * @module lib/error-words
 */

import { hasKey, t } from "./i18n.js";

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
  const key = `error-${report.code}`;
  return typeof report.code === "string" && hasKey(key) ? t(key, report.params ?? {}) : String(report.message);
}
