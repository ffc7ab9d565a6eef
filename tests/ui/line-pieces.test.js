import { test } from "node:test";
import assert from "node:assert/strict";
import { locateWords, splitLine, wordIndexAt } from "../../ui/js/lib/line-pieces.js";

test("words are found in the line's text, in order", () => {
  const text = "Hello, hello world";
  assert.deepEqual(locateWords(text, [{ text: "Hello," }, { text: "hello" }, { text: " world " }]), [
    { start: 0, end: 6 },
    { start: 7, end: 12 },
    { start: 13, end: 18 },
  ]);
  assert.equal(locateWords(text, [{ text: "missing" }]), null, "words the text lacks: no word lighting");
});

test("a line splits at every word and mark boundary", () => {
  // "ab cd ef": words ab, cd, ef; a mark over "b c".
  const pieces = splitLine(8, [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 6, end: 8 }], [{ start: 1, end: 4 }]);
  const view = pieces.map((p) => [p.start, p.end, p.word, p.mark]);
  assert.deepEqual(view, [
    [0, 1, 0, -1],
    [1, 2, 0, 0],
    [2, 3, -1, 0],
    [3, 4, 1, 0],
    [4, 5, 1, -1],
    [5, 6, -1, -1],
    [6, 8, 2, -1],
  ]);
  assert.deepEqual(splitLine(5, [], []), [{ start: 0, end: 5, word: -1, mark: -1, highlight: -1 }], "plain text is one piece");
  assert.deepEqual(splitLine(0, [], []), [], "an empty line has no pieces");
});

test("the word being spoken is the last one started", () => {
  const words = [{ start_ms: 100 }, { start_ms: 400 }, { start_ms: 900 }];
  assert.equal(wordIndexAt(words, 50), -1);
  assert.equal(wordIndexAt(words, 100), 0);
  assert.equal(wordIndexAt(words, 899), 1);
  assert.equal(wordIndexAt(words, 5000), 2);
});

test("highlights cut the line like marks, and a piece knows all three", () => {
  const pieces = splitLine(10, [{ start: 0, end: 4 }], [{ start: 2, end: 6 }], [{ start: 3, end: 8 }]);
  const view = pieces.map((p) => [p.start, p.end, p.word, p.mark, p.highlight]);
  assert.deepEqual(view, [
    [0, 2, 0, -1, -1],
    [2, 3, 0, 0, -1],
    [3, 4, 0, 0, 0],
    [4, 6, -1, 0, 0],
    [6, 8, -1, -1, 0],
    [8, 10, -1, -1, -1],
  ]);
});
