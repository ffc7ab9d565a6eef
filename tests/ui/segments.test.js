import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentIndexAt, speakerSlot } from "../../ui/js/lib/segments.js";

test("segmentIndexAt finds the last line starting at or before the time", () => {
  const starts = [0, 1000, 2500, 4000];
  assert.equal(segmentIndexAt([], 10), -1, "no lines");
  assert.equal(segmentIndexAt([500], 10), -1, "before the first line");
  assert.equal(segmentIndexAt(starts, 0), 0);
  assert.equal(segmentIndexAt(starts, 999), 0);
  assert.equal(segmentIndexAt(starts, 1000), 1, "a line is current from its exact start");
  assert.equal(segmentIndexAt(starts, 3999), 2);
  assert.equal(segmentIndexAt(starts, 99_999), 3, "after the last start");
  assert.equal(segmentIndexAt([0, 1000, 1000, 2000], 1500), 2, "a shared start resolves to the later line");
});

test("segmentIndexAt agrees with a linear scan on many lines", () => {
  const starts = Array.from({ length: 10_000 }, (_, i) => i * 1500 + (i % 7) * 10);
  for (let ms = -1; ms < 15_000_000; ms += 7919) {
    let expected = -1;
    for (let i = 0; i < starts.length && starts[i] <= ms; i++) expected = i;
    assert.equal(segmentIndexAt(starts, ms), expected, `at ${ms} ms`);
  }
});

test("speakerSlot gives stable slots in order of appearance, cycling through five", () => {
  const slots = new Map();
  assert.equal(speakerSlot(slots, "Ana"), 1);
  assert.equal(speakerSlot(slots, "Ben"), 2);
  assert.equal(speakerSlot(slots, "Ana"), 1, "same speaker, same slot");
  for (const name of ["C", "D", "E"]) speakerSlot(slots, name);
  assert.equal(speakerSlot(slots, "F"), 1, "the sixth speaker reuses slot 1");
});
