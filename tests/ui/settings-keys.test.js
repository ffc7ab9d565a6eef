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
