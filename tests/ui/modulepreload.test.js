// @ts-check
// index.html asks for every module main.js imports at once (`<link rel="modulepreload">`)
// rather than one import after another, which took 40 ms of each launch (the
// lean-start benchmark, docs/benchmarks.md). The list must stay whole and hold no
// module that is gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const UI = new URL("../../ui/", import.meta.url).pathname;

/** Every module reachable from `entry` by static imports, as paths under ui/. */
function reachable(entry) {
  const seen = new Set();
  const waiting = [entry];
  while (waiting.length > 0) {
    const module = /** @type {string} */ (waiting.pop());
    if (seen.has(module)) continue;
    seen.add(module);
    const source = readFileSync(join(UI, module), "utf8");
    for (const [, target] of source.matchAll(/^\s*(?:import|export)\b[^;]*?["'](\.{1,2}\/[^"']+)["']/gms)) {
      waiting.push(normalize(join(dirname(module), target)));
    }
  }
  seen.delete(entry);
  return seen;
}

test("index.html preloads exactly the modules main.js imports", () => {
  const html = readFileSync(join(UI, "index.html"), "utf8");
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
  const imported = reachable("js/main.js");
  assert.ok(imported.size > 40, `modules found: ${imported.size}`);
  for (const module of imported) assert.ok(preloaded.has(module), `${module} is not preloaded in index.html`);
  for (const module of preloaded) assert.ok(imported.has(module), `${module} is preloaded but main.js never imports it`);
});
