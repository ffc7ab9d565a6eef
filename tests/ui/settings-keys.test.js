// @ts-check
// The settings the app reads itself are written in Rust too
// (src-tauri/crates/earmark-api/src/settings.rs); the window's table (lib/settings.js)
// must spell every one of those keys the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as settings from "../../ui/js/lib/settings.js";

const RUST = new URL("../../src-tauri/crates/earmark-api/src/settings.rs", import.meta.url);

test("every setting key the app reads is in the window's table, spelled the same", () => {
  const rust = readFileSync(RUST, "utf8");
  const rustKeys = [...rust.matchAll(/pub const \w+_KEY: &str = "([^"]+)";/g)].map((m) => m[1]);
  assert.ok(rustKeys.length >= 3, `keys read from settings.rs: ${rustKeys}`);
  const windowKeys = new Set(
    Object.values(settings)
      .filter((value) => typeof value === "object" && value !== null && "key" in value)
      .map((setting) => /** @type {{key: string}} */ (setting).key),
  );
  for (const key of rustKeys) assert.ok(windowKeys.has(key), `"${key}" is missing from lib/settings.js`);
});

test("the refresh interval's default and longest gap are the app's; the shortest offered is one the app takes", () => {
  const rust = readFileSync(RUST, "utf8");
  const fallback = rust.match(/DEFAULT_REFRESH_MINUTES: f64 = ([\d.]+);/);
  const range = rust.match(/REFRESH_MINUTES_RANGE: \(f64, f64\) = \(([\d.]+), ([\d.]+)\);/);
  assert.ok(fallback && range, "the constants are read from settings.rs");
  const { REFRESH_MINUTES } = settings;
  assert.equal(REFRESH_MINUTES.fallback, Number(fallback[1]));
  assert.equal(REFRESH_MINUTES.max, Number(range[2]));
  assert.equal(REFRESH_MINUTES.min, 5, "the window offers no gap under 5 minutes");
  assert.ok(Number(range[1]) <= REFRESH_MINUTES.min, "and the app takes every gap the window offers");
});

test("the skip distances' defaults and range are the app's", () => {
  const rust = readFileSync(RUST, "utf8");
  const defaults = rust.match(/DEFAULT_SKIPS_MS: \(u64, u64\) = \(([\d_]+), ([\d_]+)\);/);
  const range = rust.match(/SKIP_RANGE_MS: \(u64, u64\) = \(([\d_]+), ([\d_]+)\);/);
  assert.ok(defaults && range, "the constants are read from settings.rs");
  const number = (/** @type {string} */ text) => Number(text.replaceAll("_", ""));
  const { SKIP_BACK_MS, SKIP_FORWARD_MS } = settings;
  assert.deepEqual([SKIP_BACK_MS.fallback, SKIP_FORWARD_MS.fallback], [number(defaults[1]), number(defaults[2])]);
  for (const skip of [SKIP_BACK_MS, SKIP_FORWARD_MS]) {
    assert.deepEqual([skip.min, skip.max], [number(range[1]), number(range[2])]);
  }
});
