// @ts-check
/**
 * An episode's download control, the same on a podcast's page and in the episode
 * header: Download; a progress bar with Cancel; Retry with the reason; or
 * Downloaded with Delete. Buttons carry `data-download-action` and
 * `data-episode`; the page that shows them handles the clicks.
 * @module views/download-control
 */

import { t } from "../lib/i18n.js";
import { fractionOf, isOfflineCode, statusText } from "../lib/downloads.js";

/** @typedef {import("../api.js").QueuedDownload} QueuedDownload */
/** @typedef {"download"|"cancel"|"retry"|"delete"} DownloadAction */

/**
 * A button for one download action.
 * @param {string} label
 * @param {DownloadAction} action
 * @param {number} episode
 * @param {string} [title]
 */
export function actionButton(label, action, episode, title) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `download-action download-${action}`;
  button.dataset.testid = `download-${action}`;
  button.dataset.downloadAction = action;
  button.dataset.episode = String(episode);
  button.textContent = label;
  if (title) button.title = title;
  return button;
}

/**
 * A bar filled to `fraction` (0–1); an indeterminate one when null.
 * @param {number|null} fraction
 */
export function progressBar(fraction) {
  const bar = document.createElement("span");
  bar.className = "download-bar";
  bar.classList.toggle("is-indeterminate", fraction == null);
  const fill = document.createElement("span");
  fill.style.width = `${100 * (fraction ?? 0.3)}%`;
  bar.append(fill);
  return bar;
}

/**
 * The control for `episode`.
 * @param {number} episode
 * @param {boolean} downloaded the audio is on this machine
 * @param {boolean} remote it has an address to download from
 * @param {QueuedDownload|undefined} item its place in the queue, if any
 * @returns {HTMLElement}
 */
export function downloadControl(episode, downloaded, remote, item) {
  const box = document.createElement("div");
  box.className = "download-control";
  box.dataset.testid = "download-control";
  box.dataset.episode = String(episode);
  const state = item && item.state !== "done" ? item.state : downloaded ? "done" : "none";
  box.dataset.state = state;
  const status = document.createElement("span");
  status.className = "download-status";
  status.dataset.testid = "download-status";
  switch (state) {
    case "queued":
    case "downloading": {
      const current = /** @type {QueuedDownload} */ (item);
      status.textContent = statusText(current);
      box.append(progressBar(state === "queued" ? 0 : fractionOf(current)), status, actionButton(t("cancel"), "cancel", episode));
      break;
    }
    case "failed": {
      const current = /** @type {QueuedDownload} */ (item);
      status.textContent = statusText(current);
      status.classList.toggle("is-problem", !isOfflineCode(current.error?.code));
      box.append(status, actionButton(t("retry"), "retry", episode));
      break;
    }
    case "done":
      status.textContent = t("downloaded");
      status.classList.add("is-done");
      if (remote) {
        box.append(status, actionButton(t("delete"), "delete", episode, t("download-delete-title")));
      } else {
        box.append(status);
      }
      break;
    default:
      if (remote) box.append(actionButton(t("download"), "download", episode, t("download-title")));
  }
  return box;
}

/**
 * Brings a shown control or queue row up to date in place when only its bytes
 * changed (so a Cancel button keeps its focus and hover while the bar fills);
 * false when it must be drawn anew.
 * @param {HTMLElement} shown
 * @param {QueuedDownload|undefined} item
 * @returns {boolean}
 */
export function updateInPlace(shown, item) {
  if (!item || item.state !== "downloading" || shown.dataset.state !== "downloading") return false;
  const fill = /** @type {HTMLElement|null} */ (shown.querySelector(".download-bar > span"));
  const status = shown.querySelector("[data-testid=download-status]");
  if (!fill || !status) return false;
  const fraction = fractionOf(item);
  shown.querySelector(".download-bar")?.classList.toggle("is-indeterminate", fraction == null);
  fill.style.width = `${100 * (fraction ?? 0.3)}%`;
  status.textContent = statusText(item);
  return true;
}
