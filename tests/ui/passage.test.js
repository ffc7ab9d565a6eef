import { test } from "node:test";
import assert from "node:assert/strict";
import { formatPassage } from "../../ui/js/lib/passage.js";

test("a copied passage is one timestamped line per segment", () => {
  const text = formatPassage([
    { startMs: 42_000, estimated: false, speaker: "Ines Okafor", text: "  Coming back\n to it. " },
    { startMs: 3_725_000, estimated: false, speaker: null, text: "An hour in." },
    { startMs: 61_000, estimated: true, speaker: "Theo", text: "Roughly here." },
    { startMs: null, estimated: false, speaker: "Maya", text: "No time." },
    { startMs: 1000, estimated: false, speaker: "Nobody", text: "   " },
  ]);
  assert.equal(
    text,
    "[0:42] Ines Okafor: Coming back to it.\n[1:02:05] An hour in.\n[≈1:01] Theo: Roughly here.\nMaya: No time.",
  );
});
