import { test } from "node:test";
import assert from "node:assert/strict";
import { findMatches, firstMatchFrom, foldCase, matchCountLabel, matchesBySegment, stepMatch } from "../../ui/js/lib/find.js";

test("matches ignore case and keep the original offsets", () => {
  const texts = ["The testing effect.", "Testing, testing!", "Nothing here"].map(foldCase);
  assert.deepEqual(findMatches(texts, "TESTING"), [
    { segment: 0, start: 4, end: 11 },
    { segment: 1, start: 0, end: 7 },
    { segment: 1, start: 9, end: 16 },
  ]);
  assert.deepEqual(findMatches(texts, "   "), [], "a blank query finds nothing");
  assert.deepEqual(findMatches(texts, "aa"), []);
  assert.equal(findMatches(texts, "t", 2).length, 2, "at most the limit");
});

test("folding never changes a text's length", () => {
  const text = "İstanbul and ÉCOLE";
  assert.equal(foldCase(text).length, text.length);
  assert.equal(foldCase("ÉCOLE"), "école");
});

test("stepping wraps around, and the first match from a line", () => {
  assert.equal(stepMatch(-1, 5, 1), 0);
  assert.equal(stepMatch(-1, 5, -1), 4);
  assert.equal(stepMatch(4, 5, 1), 0);
  assert.equal(stepMatch(0, 5, -1), 4);
  assert.equal(stepMatch(0, 0, 1), -1);
  const matches = [{ segment: 2 }, { segment: 2 }, { segment: 9 }].map((m) => ({ ...m, start: 0, end: 1 }));
  assert.equal(firstMatchFrom(matches, 0), 0);
  assert.equal(firstMatchFrom(matches, 3), 2);
  assert.equal(firstMatchFrom(matches, 10), 0, "past the last: wrap to the first");
  assert.equal(firstMatchFrom([], 1), -1);
});

test("the count reads like a person would say it", () => {
  assert.equal(matchCountLabel(2, 12), "3 of 12");
  assert.equal(matchCountLabel(-1, 0), "No matches");
});

test("a search that hit its limit says so", () => {
  assert.equal(matchCountLabel(0, 10000, true), "1 of 10,000+");
});

test("matches are grouped by segment, in order", () => {
  const matches = [
    { segment: 0, start: 4, end: 11 },
    { segment: 3, start: 0, end: 7 },
    { segment: 3, start: 9, end: 16 },
  ];
  assert.deepEqual([...matchesBySegment(matches)], [
    [0, [0]],
    [3, [1, 2]],
  ]);
  assert.equal(matchesBySegment([]).size, 0);
});
