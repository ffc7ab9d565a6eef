import { test } from "node:test";
import assert from "node:assert/strict";
import { chapterIndexAt } from "../../ui/js/lib/chapters.js";

test("the chapter playing is the last one started", () => {
  const chapters = [{ start_ms: 0 }, { start_ms: 60_000 }, { start_ms: 120_000 }];
  assert.equal(chapterIndexAt(chapters, 0), 0);
  assert.equal(chapterIndexAt(chapters, 59_999), 0);
  assert.equal(chapterIndexAt(chapters, 60_000), 1, "a chapter starts at its start");
  assert.equal(chapterIndexAt(chapters, 500_000), 2);
  assert.equal(chapterIndexAt([{ start_ms: 5_000 }], 1_000), -1, "before the first");
  assert.equal(chapterIndexAt([], 1_000), -1);
});
