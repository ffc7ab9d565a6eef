import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatPublished,
  listeningState,
  progressFraction,
  stateLabel,
  unsubscribedWords,
} from "../../ui/js/lib/library.js";
import { setLanguage } from "../../ui/js/lib/i18n.js";

/** @param {Partial<import("../../ui/js/lib/library.js").EpisodeLike>} over */
const episode = (over) => ({
  id: 1,
  podcast: null,
  podcast_id: null,
  title: "Ep",
  published: null,
  duration_ms: 60 * 60_000,
  position_ms: 0,
  played: false,
  last_opened: null,
  downloaded: false,
  ...over,
});

test("listening state: played beats in progress beats new", () => {
  assert.equal(listeningState(episode({})), "new");
  assert.equal(listeningState(episode({ last_opened: "2024-01-01T00:00:00Z" })), "unplayed");
  assert.equal(listeningState(episode({ position_ms: 5000, last_opened: "2024-01-01T00:00:00Z" })), "progress");
  assert.equal(listeningState(episode({ position_ms: 5000, played: true })), "played");
});

test("state labels say how much is left", () => {
  assert.equal(stateLabel(episode({})), "New");
  assert.equal(stateLabel(episode({ position_ms: 48 * 60_000 })), "12 min left");
  assert.equal(stateLabel(episode({ duration_ms: 3 * 3600_000, position_ms: 60_000 })), "2 hr 59 min left");
  assert.equal(stateLabel(episode({ duration_ms: null, position_ms: 1000 })), "In progress");
  assert.equal(stateLabel(episode({ played: true })), "Played");
  assert.equal(stateLabel(episode({ last_opened: "2024-01-01T00:00:00Z" })), "");
  setLanguage("fi");
  assert.equal(stateLabel(episode({ duration_ms: 3 * 3600_000, position_ms: 60_000 })), "2 t 59 min jäljellä");
  assert.equal(stateLabel(episode({ played: true })), "Kuunneltu");
  setLanguage("sv");
  assert.equal(stateLabel(episode({ position_ms: 48 * 60_000 })), "12 min kvar");
  setLanguage("en");
});

test("progress fraction only while in progress", () => {
  assert.equal(progressFraction(episode({})), null);
  assert.equal(progressFraction(episode({ position_ms: 15 * 60_000 })), 0.25);
  assert.equal(progressFraction(episode({ position_ms: 15 * 60_000, played: true })), null);
  assert.equal(progressFraction(episode({ duration_ms: null, position_ms: 10 })), null);
});

test("dates read in the listener's language and the given time zone", () => {
  setLanguage("en", "en-GB");
  assert.equal(formatPublished("2024-03-12T23:30:00Z", "UTC"), "12 Mar 2024");
  assert.equal(formatPublished("2024-03-12T23:30:00Z", "Asia/Tokyo"), "13 Mar 2024");
  assert.equal(formatPublished(null), "");
  assert.equal(formatPublished("not a date"), "");
  setLanguage("fi", "fi-FI");
  assert.equal(formatPublished("2024-06-12T10:00:00Z", "UTC"), "12.6.2024");
  setLanguage("sv");
  assert.equal(formatPublished("2024-06-12T10:00:00Z", "UTC"), "12 juni 2024");
  setLanguage("en");
});

test("unsubscribing is told in one sentence that counts, and names what stayed only when something did", () => {
  assert.equal(
    unsubscribedWords({ title: "Show", removed: 12, kept: 0, files_deleted: 0 }),
    "Unsubscribed from “Show”: 12 episodes removed.",
  );
  assert.equal(
    unsubscribedWords({ title: "Show", removed: 1, kept: 2, files_deleted: 1 }),
    "Unsubscribed from “Show”: 1 episode removed, 1 download deleted. 2 episodes stayed under Local files.",
  );
  setLanguage("fi");
  assert.equal(
    unsubscribedWords({ title: "Show", removed: 12, kept: 1, files_deleted: 0 }),
    "Tilaus ”Show” lopetettu: 12 jaksoa poistettu. 1 jakso jäi kohtaan Omat tiedostot.",
  );
  setLanguage("en");
});
