import { test } from "node:test";
import assert from "node:assert/strict";
import { HeightIndex, visibleRange, estimateRowHeight, centeredOffset } from "../../ui/js/lib/virtual-list.js";

/** Offsets by a linear scan, for comparison. */
function linearOffset(heights, i) {
  let sum = 0;
  for (let k = 0; k < i; k++) sum += heights[k];
  return sum;
}

test("offsets, totals and the row at an offset", () => {
  const index = new HeightIndex([10, 20, 30, 40]);
  assert.equal(index.length, 4);
  assert.equal(index.total(), 100);
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => index.offsetOf(i)), [0, 10, 30, 60, 100]);
  assert.equal(index.indexAt(-5), 0, "above the first row");
  assert.equal(index.indexAt(0), 0);
  assert.equal(index.indexAt(9.9), 0);
  assert.equal(index.indexAt(10), 1, "a row begins at its own top");
  assert.equal(index.indexAt(59), 2);
  assert.equal(index.indexAt(60), 3);
  assert.equal(index.indexAt(1e9), 3, "below the last row");
  assert.equal(new HeightIndex([]).indexAt(0), -1, "no rows");
});

test("measured heights update offsets and lookups", () => {
  const index = new HeightIndex([10, 10, 10, 10]);
  assert.equal(index.set(1, 50), 40, "the change is returned");
  assert.equal(index.set(1, 50), 0, "setting the same height changes nothing");
  assert.equal(index.get(1), 50);
  assert.equal(index.offsetOf(2), 60);
  assert.equal(index.total(), 80);
  assert.equal(index.indexAt(59), 1);
  assert.equal(index.indexAt(60), 2);
});

test("agrees with a linear scan on 10,000 rows with random measurements", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const heights = Array.from({ length: 10_000 }, () => 30 + Math.floor(random() * 90));
  const index = new HeightIndex(heights);
  for (let n = 0; n < 2000; n++) {
    const i = Math.floor(random() * heights.length);
    heights[i] = 20 + Math.floor(random() * 200);
    index.set(i, heights[i]);
  }
  for (let i = 0; i <= heights.length; i += 97) assert.equal(index.offsetOf(i), linearOffset(heights, i), `offset of ${i}`);
  for (let y = 0; y < index.total(); y += 4999) {
    const row = index.indexAt(y);
    assert.ok(index.offsetOf(row) <= y && y < index.offsetOf(row) + heights[row], `row ${row} holds offset ${y}`);
  }
});

test("visible range covers the viewport and the overscan", () => {
  const index = new HeightIndex(Array(100).fill(50));
  assert.deepEqual(visibleRange(index, 1000, 1500, 0), { first: 20, last: 30 });
  assert.deepEqual(visibleRange(index, 1000, 1500, 200), { first: 16, last: 34 });
  assert.deepEqual(visibleRange(index, -300, 200, 100), { first: 0, last: 6 }, "the list starts below the top");
  assert.deepEqual(visibleRange(new HeightIndex([]), 0, 100, 10), { first: 0, last: -1 });
});

test("row estimates grow with text and speaker names", () => {
  const metrics = { charsPerLine: 60, lineHeight: 30, oneLineRow: 36, headerExtra: 45 };
  assert.equal(estimateRowHeight(10, false, metrics), 36);
  assert.equal(estimateRowHeight(10, true, metrics), 81);
  assert.equal(estimateRowHeight(120, false, metrics), 36 + 2 * 30, "120 chars wrap onto three lines");
  assert.equal(estimateRowHeight(0, false, metrics), 36, "an empty row is still one line");
});

test("centred offset puts a row's middle at the viewport's middle", () => {
  const index = new HeightIndex([100, 100, 40]);
  assert.equal(centeredOffset(index, 2, 400), 200 + 20 - 200);
});
