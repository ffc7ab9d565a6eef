// @ts-check
/** The settings dialog: each change is saved at once. @module views/settings */

import { formatList, LANGUAGES, t } from "../lib/i18n.js";
import {
  AUTO_TRANSCRIBE,
  EARMARK_MS,
  LANGUAGE,
  PAUSE_WHILE_NOTING,
  PODCAST_INDEX_KEY,
  PODCAST_INDEX_SECRET,
  REFRESH_MINUTES,
  SKIP_BACK_MS,
  SPEECH_MODEL_DIR,
  SKIP_FORWARD_MS,
  within,
} from "../lib/settings.js";

/**
 * A setting as its field shows it: `read` turns the field into the value to save
 * (kept within the setting's limits), `write` the other way.
 * @typedef {{key: string, read: (input: HTMLInputElement) => unknown,
 *   write: (input: HTMLInputElement, value: unknown) => void, fallback: unknown,
 *   limits?: {min: number, max: number}}} SettingField
 */

/**
 * A length kept in ms, shown in whole seconds.
 * @param {import("../lib/settings.js").NumberSetting} setting
 * @returns {SettingField}
 */
function secondsField(setting) {
  return {
    key: setting.key,
    fallback: setting.fallback,
    limits: { min: setting.min / 1000, max: setting.max / 1000 },
    read: (input) => within(setting, (Number(input.value) || setting.fallback / 1000) * 1000),
    write: (input, value) => {
      input.value = String(Math.round(Number(value) / 1000));
    },
  };
}

/**
 * Text kept as typed, without the spaces around it.
 * @param {import("../lib/settings.js").TextSetting} setting
 * @returns {SettingField}
 */
function textField(setting) {
  return {
    key: setting.key,
    fallback: setting.fallback,
    read: (input) => input.value.trim(),
    write: (input, value) => {
      input.value = typeof value === "string" ? value : setting.fallback;
    },
  };
}

/**
 * A box ticked or not.
 * @param {import("../lib/settings.js").FlagSetting} setting
 * @returns {SettingField}
 */
function flagField(setting) {
  return {
    key: setting.key,
    fallback: setting.fallback,
    read: (input) => input.checked,
    write: (input, value) => {
      input.checked = value === true;
    },
  };
}

/** Settings shown in the dialog, by input name. @type {Record<string, SettingField>} */
const SETTINGS = {
  pause_while_typing: flagField(PAUSE_WHILE_NOTING),
  auto_transcribe: flagField(AUTO_TRANSCRIBE),
  skip_back_seconds: secondsField(SKIP_BACK_MS),
  skip_forward_seconds: secondsField(SKIP_FORWARD_MS),
  earmark_seconds: secondsField(EARMARK_MS),
  language: textField(LANGUAGE),
  podcastindex_key: textField(PODCAST_INDEX_KEY),
  podcastindex_secret: textField(PODCAST_INDEX_SECRET),
  speech_model_dir: textField(SPEECH_MODEL_DIR),
  refresh_minutes: {
    key: REFRESH_MINUTES.key,
    fallback: REFRESH_MINUTES.fallback,
    limits: REFRESH_MINUTES,
    read: (input) => within(REFRESH_MINUTES, Math.round(Number(input.value) || REFRESH_MINUTES.fallback)),
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
  return formatList([
    t("shows-count", { count: facts.podcasts }),
    t("episodes-count", { count: facts.episodes }),
    t("notes-count", { count: facts.notes }),
    t("highlights-count", { count: facts.highlights }),
  ]);
}

/**
 * @param {HTMLElement} overlay
 * @param {{load: (key: string) => Promise<unknown>, save: (key: string, value: unknown) => Promise<unknown>,
 *   onError: (e: unknown) => void, onBackUp: () => Promise<string|null>,
 *   onRestore: () => Promise<string|null>, onLanguage: () => void}} store
 *   `onBackUp` and `onRestore` run the dialog and the work, and give the sentence to show
 *   (null when the dialog was cancelled); a failure's message is shown the same way.
 *   `onLanguage` follows a change of language, once it is saved.
 */
export function createSettings(overlay, { load, save, onError, onBackUp, onRestore, onLanguage }) {
  const form = /** @type {HTMLFormElement} */ (overlay.querySelector("form"));
  const language = /** @type {HTMLSelectElement} */ (form.elements.namedItem("language"));
  const system = document.createElement("option");
  system.value = LANGUAGE.fallback;
  system.textContent = t("language-system");
  language.replaceChildren(
    system,
    ...Object.entries(LANGUAGES).map(([code, name]) => {
      const option = document.createElement("option");
      option.value = code;
      option.lang = code;
      option.textContent = name;
      return option;
    }),
  );
  const status = /** @type {HTMLElement} */ (overlay.querySelector("[data-testid=backup-status]"));
  const buttons = /** @type {HTMLButtonElement[]} */ ([...overlay.querySelectorAll(".setting-actions button")]);
  /** Runs one library action at a time and shows its outcome. @param {() => Promise<string|null>} action */
  const run = async (action) => {
    for (const button of buttons) button.disabled = true;
    status.textContent = t("working");
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
  for (const [name, { limits }] of Object.entries(SETTINGS)) {
    const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
    if (limits) {
      input.min = String(limits.min);
      input.max = String(limits.max);
    }
  }
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const field = SETTINGS[input.name];
    // The field shows what was stored (kept within its limits), as the library has it.
    if (!field) return;
    save(field.key, field.read(input)).then((stored) => {
      field.write(input, stored ?? field.fallback);
      if (field.key === LANGUAGE.key) onLanguage();
    }, onError);
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
