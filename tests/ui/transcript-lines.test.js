import { test } from "node:test";
import assert from "node:assert/strict";
import { endOf, estimate, readLines, startOf, timingOf } from "../../ui/js/views/transcript/lines.js";

const line = (start_ms, end_ms, speaker, text = "Words.") => ({ start_ms, end_ms, speaker, text });

test("a timed transcript's lines carry their own times; a line without an end ends where the next starts", () => {
  const lines = readLines([line(0, 4000, "Ines"), line(4000, null, "Ines"), line(9000, null, "Theo")], true);
  assert.deepEqual(lines.starts, [0, 4000, 9000]);
  assert.deepEqual([startOf(lines, 1), endOf(lines, 0), endOf(lines, 1), endOf(lines, 2)], [4000, 4000, 9000, 9000]);
  assert.equal(timingOf(lines, 2), "given");
  assert.deepEqual([...lines.turnStarts], [1, 0, 1], "a turn starts where the speaker changes");
  assert.equal(estimate(lines, [{ start_ms: 0, end_ms: 1, source: "estimated" }]), false, "no estimates for timed lines");
});

test("an untimed transcript has no times until estimates for every line arrive", () => {
  const lines = readLines([line(null, null, null), line(null, null, null)], false);
  assert.deepEqual([startOf(lines, 0), endOf(lines, 0), timingOf(lines, 0)], [null, null, null]);
  assert.deepEqual(lines.starts, []);
  assert.equal(estimate(lines, [{ start_ms: 0, end_ms: 3000, source: "estimated" }]), false, "one estimate for two lines");
  const given = estimate(lines, [
    { start_ms: 0, end_ms: 3000, source: "estimated" },
    { start_ms: 3000, end_ms: 7000, source: "pinned" },
  ]);
  assert.equal(given, true);
  assert.deepEqual(lines.starts, [0, 3000]);
  assert.deepEqual([startOf(lines, 1), endOf(lines, 1), timingOf(lines, 1)], [3000, 7000, "pinned"]);
});
