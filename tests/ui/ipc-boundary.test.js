// @ts-check
// Only ui/js/api.js talks to Rust (docs/architecture.md). No other module may reach
// Tauri's global, invoke a command or listen to an event of the Rust side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const JS = new URL("../../ui/js/", import.meta.url).pathname;

/** Every module under ui/js, as paths relative to it. @param {string} dir @returns {string[]} */
function modules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith(".js") ? [relative(JS, path)] : [];
  });
}

const IPC = /__TAURI__|\btauri\(\)|\binvoke\(|\bevent\.listen\(|\bChannel\b/;

test("only api.js talks to Rust", () => {
  const all = modules(JS);
  assert.ok(all.includes("main.js") && all.includes("views/player-bar.js"), `the modules were read: ${all.length}`);
  const outside = all.filter((m) => m !== "api.js" && IPC.test(readFileSync(join(JS, m), "utf8")));
  assert.deepEqual(outside, []);
});
