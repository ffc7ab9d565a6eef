import { test } from "node:test";
import assert from "node:assert/strict";
import { describeDrift, describeNudge } from "../../ui/js/lib/timing.js";

test("no drift says the times match", () => {
  assert.equal(describeDrift({ offset_ms: 0, steps: [] }), "The times already match the audio.");
});

test("an inserted ad is told with its length and place", () => {
  const text = describeDrift({ offset_ms: 0, steps: [{ segment: 12, given_ms: 60_000, at_ms: 75_500, shift_ms: 15_500 }] });
  assert.equal(text, "Matched to the audio: 15.5 s of audio added before 1:15, the lines from there moved.");
});

test("an offset of the whole file and a removal are both told", () => {
  const text = describeDrift({ offset_ms: -1200, steps: [{ segment: 3, given_ms: 9_000, at_ms: 4_000, shift_ms: -3_800 }] });
  assert.match(text, /every line 1\.2 s earlier/);
  assert.match(text, /3\.8 s of audio removed before 0:04/);
});

test("a nudge says which way", () => {
  assert.equal(describeNudge(-500), "Moved every line 0.5 s earlier.");
  assert.equal(describeNudge(500), "Moved every line 0.5 s later.");
});
