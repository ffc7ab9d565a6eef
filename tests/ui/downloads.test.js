import { test } from "node:test";
import assert from "node:assert/strict";
import { fractionOf, isOfflineCode, overallProgress, statusText } from "../../ui/js/lib/downloads.js";

/** @param {Partial<import("../../ui/js/lib/downloads.js").QueuedDownload>} over */
const item = (over) => ({
  episode: 1,
  title: "Ep",
  state: /** @type {const} */ ("queued"),
  done_bytes: 0,
  total_bytes: null,
  error: null,
  ...over,
});

test("one download's fraction", () => {
  assert.equal(fractionOf(item({ done_bytes: 5 })), null, "size unknown");
  assert.equal(fractionOf(item({ state: "downloading", done_bytes: 25, total_bytes: 100 })), 0.25);
  assert.equal(fractionOf(item({ state: "done" })), 1);
});

test("overall progress counts what is still to come and what finished, not failures", () => {
  const all = overallProgress([
    item({ episode: 1, state: "done", done_bytes: 100, total_bytes: 100 }),
    item({ episode: 2, state: "downloading", done_bytes: 50, total_bytes: 200 }),
    item({ episode: 3, state: "queued", done_bytes: 0, total_bytes: 100 }),
    item({ episode: 4, state: "failed", done_bytes: 10, total_bytes: 900 }),
  ]);
  assert.deepEqual(all, { active: 2, finished: 1, failed: 1, doneBytes: 150, totalBytes: 400, fraction: 0.375 });
  assert.equal(overallProgress([item({ state: "downloading", done_bytes: 5 })]).fraction, null, "a size is unknown");
  assert.equal(overallProgress([item({ state: "done", done_bytes: 5, total_bytes: 5 })]).fraction, 1);
  assert.equal(overallProgress([]).fraction, null);
});

test("status in words", () => {
  assert.equal(statusText(item({})), "Waiting");
  assert.equal(statusText(item({ done_bytes: 2_000_000 })), "Waiting · 2.0 MB kept");
  assert.equal(statusText(item({ state: "downloading", done_bytes: 1_500_000, total_bytes: 3_000_000 })), "1.5 MB of 3.0 MB");
  assert.equal(statusText(item({ state: "done", total_bytes: 3_000_000 })), "Downloaded · 3.0 MB");
  assert.equal(
    statusText(item({ state: "failed", error: { code: "not_found", message: "404 Not found: there is nothing at x." } })),
    "404 Not found: there is nothing at x.",
  );
});

test("network trouble is told apart from real problems", () => {
  assert.ok(isOfflineCode("no_network"));
  assert.ok(isOfflineCode("unreachable"));
  assert.ok(!isOfflineCode("not_found"));
  assert.ok(!isOfflineCode("disk_full"));
  assert.ok(!isOfflineCode(null));
});
