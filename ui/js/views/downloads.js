// @ts-check
/**
 * The downloads view: the whole queue's progress, then each episode's — a bar, what
 * it is doing in words, and Cancel or Retry. The sidebar's Downloads entry shows
 * how many are still to come.
 * @module views/downloads
 */

import { formatBytes, t } from "../lib/i18n.js";
import { fractionOf, isOfflineCode, overallProgress, statusText } from "../lib/downloads.js";
import { actionButton, progressBar, updateInPlace } from "./download-control.js";

/** @typedef {import("../api.js").QueuedDownload} QueuedDownload */
/** @typedef {import("./download-control.js").DownloadAction} DownloadAction */

/**
 * @param {HTMLElement} view the `[data-view=downloads]` section
 * @param {HTMLElement} nav the sidebar entry (its `.nav-count` shows the number)
 * @param {{onAction: (action: DownloadAction, episode: number) => void, onOpen: (episode: number) => void,
 *   onClear: () => void}} handlers
 */
export function createDownloadsView(view, nav, { onAction, onOpen, onClear }) {
  const overall = /** @type {HTMLElement} */ (view.querySelector("[data-testid=downloads-overall]"));
  const list = /** @type {HTMLElement} */ (view.querySelector(".download-list"));
  const clear = /** @type {HTMLButtonElement} */ (view.querySelector("[data-action=clear-downloads]"));
  const count = /** @type {HTMLElement} */ (nav.querySelector(".nav-count"));

  view.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const action = /** @type {HTMLElement|null} */ (target.closest("[data-download-action]"));
    if (action) return onAction(/** @type {DownloadAction} */ (action.dataset.downloadAction), Number(action.dataset.episode));
    const open = /** @type {HTMLElement|null} */ (target.closest("[data-open-episode]"));
    if (open) onOpen(Number(open.dataset.openEpisode));
  });
  clear.addEventListener("click", onClear);

  /** @param {QueuedDownload} item */
  function row(item) {
    const li = document.createElement("li");
    li.className = "download-item";
    li.dataset.testid = "download-item";
    li.dataset.episode = String(item.episode);
    li.dataset.state = item.state;
    const title = document.createElement("button");
    title.type = "button";
    title.className = "download-title";
    title.dataset.openEpisode = String(item.episode);
    title.textContent = item.title;
    const status = document.createElement("span");
    status.className = "download-status";
    status.dataset.testid = "download-status";
    status.classList.toggle("is-problem", item.state === "failed" && !isOfflineCode(item.error?.code));
    status.textContent = statusText(item);
    const actions = document.createElement("span");
    actions.className = "download-actions";
    if (item.state === "queued" || item.state === "downloading") actions.append(actionButton(t("cancel"), "cancel", item.episode));
    if (item.state === "failed") actions.append(actionButton(t("retry"), "retry", item.episode));
    const head = document.createElement("div");
    head.className = "download-head";
    head.append(title, actions);
    li.append(head);
    if (item.state !== "failed") li.append(progressBar(item.state === "queued" ? 0 : fractionOf(item)));
    li.append(status);
    return li;
  }

  return {
    /** @param {QueuedDownload[]} items */
    render(items) {
      const sum = overallProgress(items);
      count.textContent = sum.active > 0 ? String(sum.active) : "";
      count.hidden = sum.active === 0;
      clear.hidden = sum.finished + sum.failed === 0;
      const words =
        sum.active > 0
          ? sum.totalBytes
            ? t("downloads-to-go-of", { count: sum.active, done: formatBytes(sum.doneBytes), total: formatBytes(sum.totalBytes) })
            : t("downloads-to-go", { count: sum.active, done: formatBytes(sum.doneBytes) })
          : t(items.length > 0 ? "downloads-none-left" : "downloads-empty");
      const text = document.createElement("span");
      text.className = "downloads-overall-text";
      text.textContent = words;
      overall.dataset.active = String(sum.active);
      overall.replaceChildren(...(sum.active > 0 ? [progressBar(sum.fraction)] : []), text);
      /** @type {Map<string, HTMLElement>} */
      const shown = new Map();
      for (const li of list.querySelectorAll("[data-testid=download-item]")) {
        shown.set(/** @type {string} */ (/** @type {HTMLElement} */ (li).dataset.episode), /** @type {HTMLElement} */ (li));
      }
      const rows = items.map((item) => {
        const old = shown.get(String(item.episode));
        return old && updateInPlace(old, item) ? old : row(item);
      });
      const same = rows.length === list.children.length && rows.every((r, i) => list.children[i] === r);
      if (!same) list.replaceChildren(...rows);
    },
  };
}
