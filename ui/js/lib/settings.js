// @ts-check
/**
 * The settings the window reads and writes: each one's key in the library, its
 * default and its limits. The only place these are written down.
 * @module lib/settings
 */

/**
 * A setting kept as a number between `min` and `max` (lengths in ms).
 * @typedef {{key: string, fallback: number, min: number, max: number}} NumberSetting
 * @typedef {{key: string, fallback: boolean}} FlagSetting
 * @typedef {{key: string, fallback: string}} TextSetting
 */

/** Pause playback while a note is written. @type {FlagSetting} */
export const PAUSE_WHILE_NOTING = { key: "notes.pause_while_typing", fallback: false };

/** How much an earmark (B) keeps, in ms. @type {NumberSetting} */
export const EARMARK_MS = { key: "notes.earmark_ms", fallback: 30_000, min: 5_000, max: 300_000 };

/** How far ← skips back, in ms. @type {NumberSetting} */
export const SKIP_BACK_MS = { key: "playback.skip_back_ms", fallback: 15_000, min: 1_000, max: 300_000 };

/** How far → skips forward, in ms. @type {NumberSetting} */
export const SKIP_FORWARD_MS = { key: "playback.skip_forward_ms", fallback: 30_000, min: 1_000, max: 300_000 };

/**
 * How often the feeds are checked in the background, in minutes. The default and the
 * longest gap are the app's own (`REFRESH_MINUTES_RANGE` in earmark-api's settings.rs);
 * the app also takes gaps shorter than 5 minutes, which only the end-to-end tests write.
 * @type {NumberSetting}
 */
export const REFRESH_MINUTES = { key: "library.refresh_minutes", fallback: 60, min: 5, max: 1440 };

/** The playback speed (the engine snaps it to these limits and saves it when it is set). @type {NumberSetting} */
export const SPEED = { key: "playback.speed", fallback: 1, min: 0.5, max: 3 };

/** Skip silences (saved by the engine when it is set). @type {FlagSetting} */
export const SKIP_SILENCE = { key: "playback.skip_silence", fallback: false };

/** The window's language: a code of lib/i18n's `LANGUAGES`, or "" for the system's. @type {TextSetting} */
export const LANGUAGE = { key: "ui.language", fallback: "" };

/** The user's own Podcast Index API key: searches ask Podcast Index too. @type {TextSetting} */
export const PODCAST_INDEX_KEY = { key: "directory.podcastindex_key", fallback: "" };

/** The secret that goes with that key. @type {TextSetting} */
export const PODCAST_INDEX_SECRET = { key: "directory.podcastindex_secret", fallback: "" };

/** A folder with a CTranslate2 Whisper model to transcribe with; empty for the installed one. @type {TextSetting} */
export const SPEECH_MODEL_DIR = { key: "speech.model_dir", fallback: "" };

/** Transcribe episodes on this computer that have no transcript, in the background. @type {FlagSetting} */
export const AUTO_TRANSCRIBE = { key: "speech.auto_transcribe", fallback: false };

/**
 * `value` kept within the setting's limits.
 * @param {NumberSetting} setting
 * @param {number} value
 * @returns {number}
 */
export function within(setting, value) {
  return Math.min(setting.max, Math.max(setting.min, value));
}

/**
 * A stored number as the window uses it: the default when it was never set or is
 * not a positive number.
 * @param {NumberSetting} setting
 * @param {unknown} stored
 * @returns {number}
 */
export function numberOf(setting, stored) {
  return typeof stored === "number" && stored > 0 ? stored : setting.fallback;
}

/**
 * Reads a number setting; the default when it cannot be read.
 * @param {(key: string) => Promise<unknown>} load
 * @param {NumberSetting} setting
 * @returns {Promise<number>}
 */
export async function readNumber(load, setting) {
  return numberOf(setting, await load(setting.key).catch(() => null));
}

/**
 * Reads a flag setting: on only when stored as `true`.
 * @param {(key: string) => Promise<unknown>} load
 * @param {FlagSetting} setting
 * @returns {Promise<boolean>}
 */
export async function readFlag(load, setting) {
  return (await load(setting.key)) === true;
}
