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
 * @param {HTMLElement} overlay
 * @param {{load: (key: string) => Promise<unknown>, save: (key: string, value: unknown) => Promise<void>,
 *   onError: (e: unknown) => void}} store
 */
export function createSettings(overlay, { load, save, onError }) {
  const form = /** @type {HTMLFormElement} */ (overlay.querySelector("form"));
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
      overlay.hidden = false;
      /** @type {HTMLElement|null} */ (form.querySelector("input"))?.focus();
    },
    close() {
      overlay.hidden = true;
    },
  };
}
