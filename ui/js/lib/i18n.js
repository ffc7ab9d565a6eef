// @ts-check
/**
 * The listener's language: which one is active, its words (`t`, from the Fluent
 * catalogues in ui/locales/) and its ways of writing numbers, dates, times and
 * durations (`Intl`). The only module that knows which language the window speaks.
 * @module lib/i18n
 */

import { FluentBundle, FluentResource } from "../../vendor/fluent-bundle/index.js";
import en from "../../locales/en.js";
import enErrors from "../../locales/en-errors.js";
import fi from "../../locales/fi.js";
import fiErrors from "../../locales/fi-errors.js";
import sv from "../../locales/sv.js";
import svErrors from "../../locales/sv-errors.js";

/** The languages Earmark speaks, each named in itself (for the Settings menu). */
export const LANGUAGES = /** @type {const} */ ({ en: "English", fi: "Suomi", sv: "Svenska" });

/** @typedef {keyof typeof LANGUAGES} Language */

/** Each language's catalogue, as Fluent text. @type {Record<Language, string>} */
export const CATALOGUES = { en: `${en}\n${enErrors}`, fi: `${fi}\n${fiErrors}`, sv: `${sv}\n${svErrors}` };

/**
 * The language to speak: the one chosen in Settings, else the first of the system's
 * preferred languages Earmark speaks, else English.
 * @param {unknown} chosen the setting: a language code, or anything else for the system's
 * @param {readonly string[]} preferred the system's languages, e.g. `navigator.languages`
 * @returns {Language}
 */
export function languageFor(chosen, preferred) {
  if (typeof chosen === "string" && chosen in LANGUAGES) return /** @type {Language} */ (chosen);
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary in LANGUAGES) return /** @type {Language} */ (primary);
  }
  return "en";
}

/**
 * The catalogue of `language` ready to format.
 * @param {Language} language
 * @param {string} locale
 */
function bundleOf(language, locale) {
  const bundle = new FluentBundle([locale, language], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(CATALOGUES[language]));
  if (errors.length > 0) throw new Error(`The ${language} catalogue does not parse: ${errors[0].message}`);
  return bundle;
}

/** The English words, for a key another catalogue lacks. */
const english = bundleOf("en", "en");

let active = { language: /** @type {Language} */ ("en"), locale: "en", bundle: english };

/**
 * Makes `language` the window's. `locale` is how numbers and dates are written: the
 * system's own tag when it speaks that language (so `en-GB` keeps its dates), else the
 * language itself.
 * @param {Language} language
 * @param {string} [locale]
 */
export function setLanguage(language, locale) {
  const tag = locale && locale.toLowerCase().split(/[-_]/)[0] === language && isLocale(locale) ? locale : language;
  active = { language, locale: tag, bundle: language === "en" ? english : bundleOf(language, tag) };
  formats.clear();
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/** Whether `Intl` takes `tag` (a POSIX "C" is no locale). @param {string} tag */
function isLocale(tag) {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The window's language. */
export function currentLanguage() {
  return active.language;
}

/** The locale tag numbers and dates are written in (for `Intl`). */
export function currentLocale() {
  return active.locale;
}

/**
 * The words of `key` in the window's language, with `args` put in (numbers written
 * the language's way, plurals by its rules); English when the catalogue lacks the key,
 * the key itself when no catalogue has it.
 * @param {string} key
 * @param {Record<string, string|number|Date>} [args]
 * @returns {string}
 */
export function t(key, args) {
  for (const bundle of [active.bundle, english]) {
    const message = bundle.getMessage(key);
    if (message?.value) return bundle.formatPattern(message.value, args ?? null, []);
  }
  return key;
}

/**
 * The words of `key` in the window's language when its catalogue has the key and
 * `args` hold everything the message needs; else null.
 * @param {string} key
 * @param {Record<string, string|number>} args
 * @returns {string|null}
 */
export function tIfComplete(key, args) {
  const message = active.bundle.getMessage(key);
  if (!message?.value) return null;
  /** @type {Error[]} */
  const errors = [];
  const text = active.bundle.formatPattern(message.value, args, errors);
  return errors.length === 0 ? text : null;
}

/**
 * Fills the page's fixed words: each `data-i18n="key"` element's text, and each
 * attribute named in `data-i18n-attr="attribute:key attribute:key"`.
 * @param {ParentNode} root
 */
export function translatePage(root) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(/** @type {string} */ (element.getAttribute("data-i18n")));
  }
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of (element.getAttribute("data-i18n-attr") ?? "").split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute, t(key));
    }
  }
}

/** Formatters made so far, by kind: making one costs about a millisecond. */
const formats = new Map();

/**
 * @template T
 * @param {string} kind
 * @param {() => T} make
 * @returns {T}
 */
function cached(kind, make) {
  let format = formats.get(kind);
  if (!format) {
    format = make();
    formats.set(kind, format);
  }
  return format;
}

/**
 * A number the language's way ("1 234", "1,5" in Finnish).
 * @param {number} n
 * @param {{minimumFractionDigits?: number}} [options]
 */
export function formatNumber(n, options = {}) {
  const digits = options.minimumFractionDigits ?? 0;
  return cached(`number|${digits}`, () => new Intl.NumberFormat(active.locale, { minimumFractionDigits: digits })).format(n);
}

/**
 * A date, e.g. "12 Mar 2024", "12.3.2024", "12 mars 2024"; `timeZone` overrides the system's.
 * @param {Date} date
 * @param {string} [timeZone]
 */
export function formatDate(date, timeZone) {
  return cached(`date|${timeZone ?? ""}`, () => new Intl.DateTimeFormat(active.locale, { dateStyle: "medium", timeZone })).format(date);
}

/** A time of day, e.g. "2:05 PM", "14.05". @param {Date} date */
export function formatClockTime(date) {
  return cached("clock", () => new Intl.DateTimeFormat(active.locale, { timeStyle: "short" })).format(date);
}

/**
 * A count of one unit, e.g. "3 min", "1 t", "30 seconds".
 * @param {number} n
 * @param {"hour"|"minute"|"second"} unit
 * @param {"short"|"long"} display
 */
function unitCount(n, unit, display) {
  return cached(`${unit}|${display}`, () => new Intl.NumberFormat(active.locale, { style: "unit", unit, unitDisplay: display })).format(n);
}

/**
 * A length in hours and minutes for lists: "3 min", "1 hr 5 min" ("1 t 5 min"),
 * at least a minute; "" when unknown.
 * @param {number|null} ms
 */
export function formatDuration(ms) {
  if (ms == null) return "";
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return unitCount(minutes, "minute", "short");
  const rest = minutes % 60;
  const hours = unitCount(Math.floor(minutes / 60), "hour", "short");
  return rest === 0 ? hours : `${hours} ${unitCount(rest, "minute", "short")}`;
}

/** A length in whole seconds, in words: "30 seconds", "30 sekuntia". @param {number} ms */
export function formatSeconds(ms) {
  return unitCount(Math.round(ms / 1000), "second", "long");
}

/**
 * How long ago (or ahead) `date` is from `now`, in words: "5 minutes ago", "yesterday",
 * "eilen", in the largest unit that fits; "" for a date that is none.
 * @param {Date} date
 * @param {Date} now
 */
export function formatRelative(date, now) {
  if (Number.isNaN(date.getTime())) return "";
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = cached("relative", () => new Intl.RelativeTimeFormat(active.locale, { numeric: "auto" }));
  /** @type {[Intl.RelativeTimeFormatUnit, number][]} */
  const units = [["day", 86_400], ["hour", 3_600], ["minute", 60]];
  for (const [unit, length] of units) {
    if (Math.abs(seconds) >= length) return format.format(Math.round(seconds / length), unit);
  }
  return format.format(0, "minute");
}

/** Items joined the language's way: "a, b and c", "a, b ja c". @param {string[]} items */
export function formatList(items) {
  return cached("list", () => new Intl.ListFormat(active.locale)).format(items);
}

/** A size in bytes: "840 kB", "12.3 MB", "2,5 Gt". @param {number} bytes */
export function formatBytes(bytes) {
  /** @type {["gigabyte"|"megabyte"|"kilobyte", number, number]} */
  const [unit, size, digits] = bytes >= 1e9 ? ["gigabyte", bytes / 1e9, 1] : bytes >= 1e6 ? ["megabyte", bytes / 1e6, 1] : ["kilobyte", bytes / 1e3, 0];
  return cached(unit, () => new Intl.NumberFormat(active.locale, { style: "unit", unit, minimumFractionDigits: digits, maximumFractionDigits: digits })).format(size);
}
