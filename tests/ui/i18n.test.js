// @ts-check
import { test } from "node:test";
import assert from "node:assert/strict";

import { errorWords } from "../../ui/js/lib/error-words.js";
import {
  currentLocale,
  formatBytes,
  formatClockTime,
  formatDuration,
  formatList,
  formatNumber,
  formatRelative,
  formatSeconds,
  languageFor,
  setLanguage,
  t,
} from "../../ui/js/lib/i18n.js";

test("the language is the one chosen, else the system's first one Earmark speaks, else English", () => {
  assert.equal(languageFor("sv", ["fi-FI"]), "sv");
  assert.equal(languageFor("", ["de-DE", "fi-FI", "en-US"]), "fi");
  assert.equal(languageFor(null, ["sv_SE"]), "sv");
  assert.equal(languageFor("klingon", ["de-DE"]), "en");
  assert.equal(languageFor(undefined, []), "en");
});

test("the system's own tag keeps its formats when it speaks the language chosen", () => {
  setLanguage("en", "en-GB");
  assert.equal(currentLocale(), "en-GB");
  setLanguage("fi", "en-GB");
  assert.equal(currentLocale(), "fi");
  setLanguage("en", "C");
  assert.equal(currentLocale(), "en", "a POSIX C system is English, not a locale Intl refuses");
  assert.equal(formatNumber(1200), "1,200");
  setLanguage("en", "en_US");
  assert.equal(currentLocale(), "en", "not a BCP 47 tag");
  setLanguage("en");
});

test("messages follow each language's plural rules and write numbers its way", () => {
  setLanguage("en");
  assert.equal(t("episodes-count", { count: 1 }), "1 episode");
  assert.equal(t("episodes-count", { count: 1200 }), "1,200 episodes");
  setLanguage("fi");
  assert.equal(t("episodes-count", { count: 1 }), "1 jakso");
  assert.equal(t("episodes-count", { count: 1200 }), "1\u00a0200 jaksoa");
  assert.equal(t("refresh-found", { count: 0 }), "Ei uusia jaksoja");
  setLanguage("sv");
  assert.equal(t("files-added", { count: 2 }), "Lade till 2 filer.");
  setLanguage("en");
  assert.equal(t("no-such-key"), "no-such-key", "an unknown key shows as itself");
});

test("numbers, sizes, lengths, times and lists through Intl", () => {
  setLanguage("en");
  assert.equal(formatDuration(null), "");
  assert.equal(formatDuration(20_000), "1 min");
  assert.equal(formatDuration(176_268), "3 min");
  assert.equal(formatDuration(65 * 60_000), "1 hr 5 min");
  assert.equal(formatDuration(120 * 60_000), "2 hr");
  assert.equal(formatSeconds(9_600), "10 seconds");
  assert.equal(formatBytes(0), "0 kB");
  assert.equal(formatBytes(12_345_678), "12.3 MB");
  assert.equal(formatBytes(2_500_000_000), "2.5 GB");
  assert.equal(formatList(["a", "b", "c"]), "a, b, and c");
  setLanguage("fi");
  assert.equal(formatDuration(65 * 60_000), "1 t 5 min");
  assert.equal(formatSeconds(30_000), "30 sekuntia");
  assert.equal(formatBytes(12_345_678), "12,3 Mt");
  assert.equal(formatNumber(1.5, { minimumFractionDigits: 1 }), "1,5");
  assert.equal(formatList(["a", "b"]), "a ja b");
  assert.equal(formatClockTime(new Date(2024, 5, 12, 14, 5)), "14.05");
  setLanguage("sv");
  assert.equal(formatSeconds(30_000), "30 sekunder");
  assert.equal(formatClockTime(new Date(2024, 5, 12, 14, 5)), "14:05");
  setLanguage("en");
});

test("relative times in the largest unit that fits", () => {
  const now = new Date("2024-06-12T12:00:00Z");
  setLanguage("en");
  assert.equal(formatRelative(new Date("2024-06-12T11:55:00Z"), now), "5 minutes ago");
  assert.equal(formatRelative(new Date("2024-06-11T12:00:00Z"), now), "yesterday");
  assert.equal(formatRelative(now, now), "this minute");
  assert.equal(formatRelative(new Date("not a date"), now), "");
  setLanguage("fi");
  assert.equal(formatRelative(new Date("2024-06-11T12:00:00Z"), now), "eilen");
  setLanguage("sv");
  assert.equal(formatRelative(new Date("2024-06-12T09:00:00Z"), now), "för 3 timmar sedan");
  setLanguage("en");
});

test("an error is said in the listener's language from its code and params; English for an unknown code", () => {
  const gone = { code: "audio_missing", message: "Could not open /m/e.mp3: …", params: { file: "/m/e.mp3", why: "gone" } };
  setLanguage("en");
  assert.equal(errorWords(gone), "Could not open /m/e.mp3: …", "English is the app's own sentence");
  setLanguage("fi");
  assert.equal(errorWords({ code: "no_output_device", message: "No audio output device found" }), "Äänen toistolaitetta ei löytynyt");
  assert.equal(errorWords(gone), "Tiedostoa /m/e.mp3 ei voitu avata: sitä ei enää ole (siirretty tai poistettu?)");
  assert.equal(
    errorWords({ code: "not_found", message: "404 …", params: { status: "404", url: "http://x/feed" } }),
    "404 Ei löydy: osoitteessa http://x/feed ei ole mitään.",
  );
  assert.equal(errorWords({ code: "audio_missing", message: "Could not open it." }), "Could not open it.", "without the params its words need");
  assert.equal(errorWords({ code: "never_heard_of", message: "Something broke." }), "Something broke.");
  assert.equal(errorWords("plain"), "plain");
  setLanguage("sv");
  assert.equal(errorWords({ code: "no_output_device", message: "No audio output device found" }), "Ingen ljudutgång hittades");
  setLanguage("en");
});

test("numbers sent as text pick the message's plural form and are written the language's way", () => {
  setLanguage("fi");
  const page = (tried) => ({ code: "no_feed_on_page", message: "The page …", params: { url: "http://x/", tried } });
  assert.match(errorWords(page("0")), /^Sivu osoitteessa http:\/\/x\/ on verkkosivu, joka ei nimeä/);
  assert.match(errorWords(page("1")), /nimeää yhden syöteosoitteen/);
  assert.match(errorWords(page("3")), /nimeää 3 syöteosoitetta/);
  const sizes = { code: "length_mismatch", message: "…", params: { title: "Ep", got: "1234567", expected: "2000000" } };
  assert.match(errorWords(sizes), /1\u00a0234\u00a0567 tavua/);
  setLanguage("sv");
  const feed = { code: "not_a_feed", message: "…", params: { url: "http://x/", what: "other_xml", root: "svg" } };
  assert.equal(errorWords(feed), "Flödet på http://x/ är inget poddflöde: det är ett XML-dokument av annat slag (<svg>), inte ett RSS- eller Atom-flöde.");
  setLanguage("en");
});
