import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration, formatSeconds, formatTime } from "../../ui/js/lib/time.js";

test("formatTime shows m:ss under an hour and h:mm:ss above", () => {
  assert.equal(formatTime(0), "0:00");
  assert.equal(formatTime(59_999), "0:59");
  assert.equal(formatTime(61_000), "1:01");
  assert.equal(formatTime(3_600_000 + 62_000), "1:01:02");
  assert.equal(formatTime(-5), "0:00", "negative clamps to zero");
});

test("formatDuration rounds to minutes", () => {
  assert.equal(formatDuration(null), "");
  assert.equal(formatDuration(20_000), "1 min");
  assert.equal(formatDuration(176_268), "3 min");
  assert.equal(formatDuration(65 * 60_000), "1 h 05 min");
});

test("formatSeconds says a length in whole seconds", () => {
  assert.equal(formatSeconds(30_000), "30 seconds");
  assert.equal(formatSeconds(9_600), "10 seconds");
});
