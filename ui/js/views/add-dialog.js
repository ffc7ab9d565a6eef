// @ts-check
/**
 * "Add to your library": subscribe by feed address, add audio files or a folder,
 * import or export OPML. Results and problems are said in the dialog, calmly.
 * @module views/add-dialog
 */

/**
 * @typedef {object} AddHandlers
 * @property {(url: string) => Promise<string>} onSubscribe resolves to what to say
 * @property {(folders: boolean) => Promise<string|null>} onAddFiles
 * @property {() => Promise<string|null>} onImportOpml
 * @property {() => Promise<string|null>} onExportOpml
 * @property {(error: unknown) => string} describe an error in words
 */

/**
 * @param {HTMLElement} overlay the `[data-testid=add-dialog]` overlay
 * @param {AddHandlers} handlers
 */
export function createAddDialog(overlay, { onSubscribe, onAddFiles, onImportOpml, onExportOpml, describe }) {
  const form = /** @type {HTMLFormElement} */ (overlay.querySelector("[data-testid=subscribe-form]"));
  const input = /** @type {HTMLInputElement} */ (overlay.querySelector("[data-testid=feed-url]"));
  const submit = /** @type {HTMLButtonElement} */ (overlay.querySelector("[data-testid=subscribe]"));
  const message = /** @type {HTMLElement} */ (overlay.querySelector("[data-testid=add-message]"));

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

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = input.value.trim();
    if (!url) return input.focus();
    run("Fetching the feed…", async () => {
      const said = await onSubscribe(url);
      input.value = "";
      return said;
    });
  });
  overlay.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target === overlay) return close();
    const action = /** @type {HTMLElement|null} */ (target.closest("[data-action]"))?.dataset.action;
    if (action === "close-add") close();
    if (action === "add-files") run("Adding files…", () => onAddFiles(false));
    if (action === "add-folder") run("Adding the folder…", () => onAddFiles(true));
    if (action === "opml-import") run("Subscribing to the feeds in the file…", onImportOpml);
    if (action === "opml-export") run("Saving…", onExportOpml);
  });

  function close() {
    overlay.hidden = true;
  }

  return {
    open() {
      say("", "done");
      overlay.hidden = false;
      input.focus();
    },
    close,
    get isOpen() {
      return !overlay.hidden;
    },
    submitDisabled: () => submit.disabled,
  };
}
