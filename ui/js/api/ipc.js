// @ts-check
/**
 * The bridge to the Rust side that api.js and api/ use: Tauri's global, a command
 * call, and a native dialog's words.
 * @module api/ipc
 */

/** @returns {any} */
export function tauri() {
  // @ts-ignore -- injected by Tauri (app.withGlobalTauri).
  return window.__TAURI__;
}

/**
 * @template T
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<T>}
 */
export function call(command, args) {
  return tauri().core.invoke(command, args);
}

/** A native dialog's words, in the listener's language. @param {string} title @param {string|null} [filter] */
export const dialog = (title, filter = null) => ({ title, filter });
