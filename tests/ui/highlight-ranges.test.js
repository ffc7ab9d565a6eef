import assert from "node:assert/strict";
import { test } from "node:test";
import { placeHighlights, samePainted } from "../../ui/js/lib/highlight-ranges.js";

const starts = [0, 4000, 9000, 15000];
const texts = [
  "Welcome to the demo.",
  "Because listening feels like learning, but very little is stored.",
  "His curve falls steeply in the first hour.",
  "And speech?",
];

/** @param {Partial<{id: number, start_ms: number, end_ms: number, text: string, color: string}>} h */
const highlight = (h) => ({ id: 1, color: "yellow", start_ms: 0, end_ms: 0, text: "", ...h });

test("a passage inside one line is painted from its first word to its last", () => {
  const placed = placeHighlights(starts, texts, [
    highlight({ start_ms: 4000, end_ms: 9000, text: "feels like learning, but very" }),
  ]);
  assert.deepEqual([...placed.keys()], [1]);
  const [range] = placed.get(1) ?? [];
  assert.equal(texts[1].slice(range.start, range.end), "feels like learning, but very");
  assert.equal(range.id, 1);
  assert.equal(range.color, "yellow");
});

test("a passage over several lines runs to the end of the first and from the start of the last", () => {
  const placed = placeHighlights(starts, texts, [
    highlight({ start_ms: 4000, end_ms: 15000, text: "very little is stored. His curve falls steeply in the first" }),
  ]);
  assert.deepEqual([...placed.keys()], [1, 2], "the line starting at the span's end is not in it");
  const [a] = placed.get(1) ?? [];
  const [b] = placed.get(2) ?? [];
  assert.equal(texts[1].slice(a.start, a.end), "very little is stored.");
  assert.equal(texts[2].slice(b.start, b.end), "His curve falls steeply in the first");
});

test("words that cannot be found paint the whole line", () => {
  const placed = placeHighlights(starts, texts, [highlight({ start_ms: 9000, end_ms: 15000, text: "Theo Marsh 0:09 His" })]);
  const [range] = placed.get(2) ?? [];
  assert.equal(range.start, 0);
  assert.equal(range.end, texts[2].length);
});

test("a single moment paints its one line; a span between lines paints none", () => {
  assert.deepEqual([...placeHighlights(starts, texts, [highlight({ start_ms: 15000, end_ms: 15000, text: "speech?" })]).keys()], [3]);
  assert.equal(placeHighlights(starts, texts, [highlight({ start_ms: 5000, end_ms: 6000, text: "x" })]).size, 0);
});

test("lines without times are skipped and overlapping highlights do not overlap when painted", () => {
  const placed = placeHighlights([0, null, 4000], ["one two three four", "untimed", "five six"], [
    highlight({ id: 1, start_ms: 0, end_ms: 4000, text: "one two three" }),
    highlight({ id: 2, start_ms: 0, end_ms: 4000, text: "two three four", color: "blue" }),
  ]);
  assert.deepEqual([...placed.keys()], [0]);
  assert.deepEqual(
    (placed.get(0) ?? []).map((r) => [r.start, r.end, r.id]),
    [
      [0, 13, 1],
      [13, 18, 2],
    ],
  );
});

test("a line's ranges are the same only when every range is", () => {
  const range = { start: 0, end: 5, id: 1, color: "yellow" };
  assert.ok(samePainted([range], [{ ...range }]));
  assert.ok(samePainted(undefined, []), "no ranges either way");
  assert.ok(!samePainted([range], []));
  assert.ok(!samePainted([range], [{ ...range, color: "green" }]));
  assert.ok(!samePainted([range], [{ ...range, end: 6 }]));
});
