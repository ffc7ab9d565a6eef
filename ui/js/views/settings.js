// @ts-check
/** The settings dialog: each change is saved at once. @module views/settings */

/**
 * @typedef {{key: string, read: (input: HTMLInputElement) => unknown,
 *   write: (input: HTMLInputElement, value: unknown) => void, fallback: unknown}} SettingField
 */

/** Settings shown in the dialog, by input name. @type {Record<string, SettingField>} */
export const SETTINGS = {
  pause_while_typing: {
    key: "notes.pause_while_typing",
    fallback: false,
    read: (input) => input.checked,
    write: (input, value) => {
      input.checked = value === true;
    },
  },
  skip_back_seconds: {
    key: "playback.skip_back_ms",
    fallback: 15000,
    read: (input) => Math.min(300, Math.max(1, Number(input.value) || 15)) * 1000,
    write: (input, value) => {
      input.value = String(Math.round(Number(value) / 1000));
    },
  },
  skip_forward_seconds: {
    key: "playback.skip_forward_ms",
    fallback: 30000,
    read: (input) => Math.min(300, Math.max(1, Number(input.value) || 30)) * 1000,
    write: (input, value) => {
      input.value = String(Math.round(Number(value) / 1000));
    },
  },
  earmark_seconds: {
    key: "notes.earmark_ms",
    fallback: 30000,
    read: (input) => Math.min(300, Math.max(5, Number(input.value) || 30)) * 1000,
    write: (input, value) => {
      input.value = String(Math.round(Number(value) / 1000));
    },
  },
  refresh_minutes: {
    key: "library.refresh_minutes",
    fallback: 60,
    read: (input) => Math.min(1440, Math.max(5, Math.round(Number(input.value) || 60))),
    write: (input, value) => {
      input.value = String(Math.round(Number(value)));
    },
  },
};

/**
 * What a backup holds, in words. @param {{podcasts: number, episodes: number, notes: number,
 * highlights: number}} facts @returns {string}
 */
export function libraryContents(facts) {
  const count = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) =>
    `${n} ${n === 1 ? one : many}`;
  return `${count(facts.podcasts, "show", "shows")}, ${count(facts.episodes, "episode", "episodes")}, ` +
    `${count(facts.notes, "note", "notes")} and ${count(facts.highlights, "highlight", "highlights")}`;
}

/**
 * @param {HTMLElement} overlay
 * @param {{load: (key: string) => Promise<unknown>, save: (key: string, value: unknown) => Promise<void>,
 *   onError: (e: unknown) => void, onBackUp: () => Promise<string|null>,
 *   onRestore: () => Promise<string|null>}} store
 *   `onBackUp` and `onRestore` run the dialog and the work, and give the sentence to show
 *   (null when the dialog was cancelled); a failure's message is shown the same way.
 */
export function createSettings(overlay, { load, save, onError, onBackUp, onRestore }) {
  const form = /** @type {HTMLFormElement} */ (overlay.querySelector("form"));
  const status = /** @type {HTMLElement} */ (overlay.querySelector("[data-testid=backup-status]"));
  const buttons = /** @type {HTMLButtonElement[]} */ ([...overlay.querySelectorAll(".setting-actions button")]);
  /** Runs one library action at a time and shows its outcome. @param {() => Promise<string|null>} action */
  const run = async (action) => {
    for (const button of buttons) button.disabled = true;
    status.textContent = "Working…";
    try {
      status.textContent = (await action()) ?? "";
    } catch (error) {
      status.textContent = "";
      onError(error);
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  };
  overlay.querySelector("[data-action=library-backup]")?.addEventListener("click", () => run(onBackUp));
  overlay.querySelector("[data-action=library-restore]")?.addEventListener("click", () => run(onRestore));
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const field = SETTINGS[input.name];
    if (field) save(field.key, field.read(input)).catch(onError);
  });
  overlay.addEventListener("click", (e) => {
    if (e.target === overlay) overlay.hidden = true;
  });
  return {
    async open() {
      for (const [name, field] of Object.entries(SETTINGS)) {
        const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
        const value = await load(field.key);
        field.write(input, value ?? field.fallback);
      }
      status.textContent = "";
      overlay.hidden = false;
      /** @type {HTMLElement|null} */ (form.querySelector("input"))?.focus();
    },
    close() {
      overlay.hidden = true;
    },
  };
}
