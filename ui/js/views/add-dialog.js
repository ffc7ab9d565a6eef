// @ts-check
/**
 * "Add to your library": subscribe by feed address or web page, find a show by name
 * in the podcast directories, add audio files or a folder, import or export OPML.
 * Results and problems are said in the dialog, calmly.
 * @module views/add-dialog
 */

import { t } from "../lib/i18n.js";
import { looksLikeAddress } from "../lib/add-input.js";
import { createDirectoryResults } from "./directory-results.js";

/**
 * @typedef {object} AddHandlers
 * @property {(url: string) => Promise<string>} onSubscribe resolves to what to say
 * @property {(terms: string) => Promise<import("../api.js").DirectorySearch>} onSearch
 * @property {(url: string) => Promise<string|null>} onArtwork a picture as a data: URL
 * @property {(folders: boolean) => Promise<string|null>} onAddFiles
 * @property {(launched: boolean) => Promise<string|null>} onImportOpml
 * @property {() => Promise<string|null>} onExportOpml
 * @property {(error: unknown) => string} describe an error in words
 */

/**
 * @param {HTMLElement} overlay the `[data-testid=add-dialog]` overlay
 * @param {AddHandlers} handlers
 */
export function createAddDialog(overlay, { onSubscribe, onSearch, onArtwork, onAddFiles, onImportOpml, onExportOpml, describe }) {
  const form = /** @type {HTMLFormElement} */ (overlay.querySelector("[data-testid=subscribe-form]"));
  const input = /** @type {HTMLInputElement} */ (overlay.querySelector("[data-testid=feed-url]"));
  const submit = /** @type {HTMLButtonElement} */ (overlay.querySelector("[data-testid=subscribe]"));
  const message = /** @type {HTMLElement} */ (overlay.querySelector("[data-testid=add-message]"));
  const results = createDirectoryResults(/** @type {HTMLElement} */ (overlay.querySelector("[data-testid=directory-results]")), {
    onSubscribe: (feedUrl) => subscribe(feedUrl),
    onArtwork,
  });

  /**
   * @param {string} text
   * @param {"busy"|"done"|"problem"} tone
   */
  const say = (text, tone) => {
    message.textContent = text;
    message.dataset.tone = tone;
    message.hidden = !text;
  };

  /**
   * Runs one of the dialog's jobs with the buttons held while it works.
   * @param {string} busy what to say meanwhile
   * @param {() => Promise<string|null>} job resolves to what to say after (null: nothing, e.g. cancelled)
   */
  async function run(busy, job) {
    const buttons = overlay.querySelectorAll("button");
    for (const b of buttons) b.disabled = true;
    say(busy, "busy");
    try {
      const done = await job();
      say(done ?? "", "done");
    } catch (error) {
      say(describe(error), "problem");
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  }

  /** @param {string} url */
  function subscribe(url) {
    run(t("add-fetching"), async () => {
      const said = await onSubscribe(url);
      input.value = "";
      submit.textContent = t("subscribe");
      results.clear();
      return said;
    });
  }

  /** @param {string} terms */
  function search(terms) {
    results.clear();
    run(t("add-searching"), async () => {
      const found = await onSearch(terms);
      results.show(found.hits);
      const count = found.hits.length;
      const said = count === 0 ? t("add-none-found", { terms }) : t("add-found", { count });
      return [said, ...found.problems].join("\n");
    });
  }

  // The button says what Enter will do.
  input.addEventListener("input", () => {
    const text = input.value.trim();
    submit.textContent = t(!text || looksLikeAddress(text) ? "subscribe" : "search");
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return input.focus();
    if (looksLikeAddress(text)) subscribe(text);
    else search(text);
  });
  overlay.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target === overlay) return close();
    const action = /** @type {HTMLElement|null} */ (target.closest("[data-action]"))?.dataset.action;
    if (action === "close-add") close();
    if (action === "add-files") run(t("add-adding-files"), () => onAddFiles(false));
    if (action === "add-folder") run(t("add-adding-folder"), () => onAddFiles(true));
    if (action === "opml-import") run(t("add-importing-opml"), () => onImportOpml(false));
    if (action === "opml-export") run(t("saving"), onExportOpml);
  });

  function close() {
    overlay.hidden = true;
  }

  function open() {
    say("", "done");
    results.clear();
    overlay.hidden = false;
    input.focus();
  }

  return {
    open,
    /** Opens on a feed address handed to Earmark, asking to subscribe to it. @param {string} url */
    offer(url) {
      open();
      input.value = url;
      submit.textContent = t("subscribe");
      say(t("add-offer", { url }), "done");
      submit.focus();
    },
    /** Opens and imports the subscription list Earmark was launched with. */
    importLaunched() {
      open();
      run(t("add-importing-opml"), () => onImportOpml(true));
    },
    close,
    get isOpen() {
      return !overlay.hidden;
    },
    submitDisabled: () => submit.disabled,
  };
}
