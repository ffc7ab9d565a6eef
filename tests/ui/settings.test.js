import { test } from "node:test";
import assert from "node:assert/strict";
import {
  EARMARK_MS,
  numberOf,
  PAUSE_WHILE_NOTING,
  readFlag,
  readNumber,
  REFRESH_MINUTES,
  SKIP_BACK_MS,
  SKIP_FORWARD_MS,
  SKIP_SILENCE,
  SPEED,
  within,
} from "../../ui/js/lib/settings.js";

/** A settings table as the library keeps it: JSON values by key. */
const library = (/** @type {Record<string, unknown>} */ values) => async (/** @type {string} */ key) => values[key] ?? null;

test("each setting has one key, its default within its limits", () => {
  const all = [EARMARK_MS, SKIP_BACK_MS, SKIP_FORWARD_MS, REFRESH_MINUTES, SPEED];
  assert.equal(new Set([...all, PAUSE_WHILE_NOTING, SKIP_SILENCE].map((s) => s.key)).size, 7, "no key is used twice");
  for (const setting of all) {
    assert.ok(setting.min <= setting.fallback && setting.fallback <= setting.max, setting.key);
  }
  assert.deepEqual([SKIP_BACK_MS.fallback, SKIP_FORWARD_MS.fallback, EARMARK_MS.fallback], [15_000, 30_000, 30_000]);
});

test("a value is kept within the setting's limits", () => {
  assert.equal(within(EARMARK_MS, 1_000), 5_000);
  assert.equal(within(EARMARK_MS, 10_000), 10_000);
  assert.equal(within(REFRESH_MINUTES, 5000), 1440);
});

test("a number never set, or not a positive number, reads as the default", () => {
  assert.equal(numberOf(SKIP_BACK_MS, 5_000), 5_000);
  for (const stored of [null, 0, -3, "10", true]) assert.equal(numberOf(SKIP_BACK_MS, stored), 15_000, String(stored));
});

test("settings are read from the library, with the default when it fails", async () => {
  assert.equal(await readNumber(library({ "notes.earmark_ms": 10_000 }), EARMARK_MS), 10_000);
  assert.equal(await readNumber(library({}), EARMARK_MS), 30_000);
  assert.equal(await readNumber(() => Promise.reject(new Error("closed")), EARMARK_MS), 30_000);
  assert.equal(await readFlag(library({ "notes.pause_while_typing": true }), PAUSE_WHILE_NOTING), true);
  assert.equal(await readFlag(library({ "notes.pause_while_typing": "yes" }), PAUSE_WHILE_NOTING), false);
});
