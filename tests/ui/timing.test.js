import { test } from "node:test";
import assert from "node:assert/strict";
import { describeAlignment, describeDrift, describeNudge } from "../../ui/js/lib/timing.js";

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

test("an alignment says which lines were not found and which audio has no text", () => {
  const line = (flagged) => ({ flagged });
  assert.equal(describeAlignment({ segments: [line(false), line(false)], unmatched: [] }), "Every line is now where it is spoken.");
  assert.equal(
    describeAlignment({ segments: [line(false), line(true)], unmatched: [{ start_ms: 95_000, end_ms: 600_000 }] }),
    "Aligned. 1 line was not found in the audio. The audio from 1:35 to 10:00 has no text.",
  );
  assert.match(
    describeAlignment({ segments: [line(false)], unmatched: [{ start_ms: 0, end_ms: 20_000 }, { start_ms: 40_000, end_ms: 60_000 }] }),
    /2 stretches of audio have no text, the first from 0:00\.$/,
  );
});
