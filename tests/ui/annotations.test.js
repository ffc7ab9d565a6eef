import { test } from "node:test";
import assert from "node:assert/strict";
import { byMoment, newestFirst, spanOf, withoutRow, withRow } from "../../ui/js/lib/annotations.js";

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

test("a written row takes the place of the row with its id", () => {
  const notes = [note(1, 1000, "a"), note(2, 5000, "b")];
  const edited = { ...note(2, 5000, "b"), text: "edited" };
  assert.deepEqual(withRow(notes, edited, (n) => n.at_ms), [notes[0], edited]);
  assert.equal(notes[1].text, "n2", "the list it was given is left as it was");
});

test("a new row goes where the library would list it: by moment, then id", () => {
  const at = (/** @type {{at_ms: number}} */ n) => n.at_ms;
  const notes = [note(1, 1000, "a"), note(3, 5000, "b"), note(2, 9000, "c")];
  assert.deepEqual(withRow(notes, note(4, 5000, "d"), at).map((n) => n.id), [1, 3, 4, 2], "after an older one at the same moment");
  assert.deepEqual(withRow(notes, note(0, 5000, "d"), at).map((n) => n.id), [1, 0, 3, 2], "before a newer id at the same moment");
  assert.deepEqual(withRow(notes, note(5, 20000, "e"), at).map((n) => n.id), [1, 3, 2, 5], "last");
  assert.deepEqual(withRow([], note(6, 0, "f"), at).map((n) => n.id), [6]);
});

test("a deleted row leaves the list", () => {
  const notes = [note(1, 1000, "a"), note(2, 5000, "b")];
  assert.deepEqual(withoutRow(notes, 1).map((n) => n.id), [2]);
  assert.deepEqual(withoutRow(notes, 9).map((n) => n.id), [1, 2], "an id not there changes nothing");
});
