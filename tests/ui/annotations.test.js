import { test } from "node:test";
import assert from "node:assert/strict";
import { byMoment, newestFirst, spanOf } from "../../ui/js/lib/annotations.js";

const note = (id, at_ms, created) => ({ id, episode: 1, at_ms, text: `n${id}`, created, updated: created });
const highlight = (id, start_ms, created) => ({
  id, episode: 1, start_ms, end_ms: start_ms + 1000, text: `h${id}`, color: "yellow", note: null, created,
});

test("byMoment orders notes and highlights by their moment in the episode", () => {
  const all = byMoment([note(1, 5000, "2026-01-01T00:00:02Z")], [highlight(2, 1000, "2026-01-01T00:00:03Z")]);
  assert.deepEqual(all.map((a) => [a.kind, a.at_ms]), [["highlight", 1000], ["note", 5000]]);
});

test("newestFirst orders by creation time, newest first", () => {
  const all = byMoment(
    [note(1, 5000, "2026-01-01T00:00:01Z"), note(2, 100, "2026-01-03T00:00:00Z")],
    [highlight(3, 1000, "2026-01-02T00:00:00Z")],
  );
  assert.deepEqual(newestFirst(all).map((a) => a.at_ms), [100, 1000, 5000]);
});

test("spanOf covers the selected lines from first start to last end", () => {
  assert.equal(spanOf([]), null);
  assert.deepEqual(spanOf([{ start_ms: 1000, end_ms: 2000 }, { start_ms: 2000, end_ms: 3500 }]), {
    start_ms: 1000,
    end_ms: 3500,
  });
  assert.deepEqual(spanOf([{ start_ms: 4000, end_ms: null }]), { start_ms: 4000, end_ms: 4000 }, "no end: a point");
});
