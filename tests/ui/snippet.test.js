import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSnippet } from "../../ui/js/lib/snippet.js";

test("splits a snippet into plain and marked pieces", () => {
  assert.deepEqual(splitSnippet("…the \u0002Tironian\u0003 notes and \u0002Tiro\u0003."), [
    { text: "…the ", marked: false },
    { text: "Tironian", marked: true },
    { text: " notes and ", marked: false },
    { text: "Tiro", marked: true },
    { text: ".", marked: false },
  ]);
});

test("markup in a snippet stays text", () => {
  const pieces = splitSnippet("<img src=x onerror=alert(1)> \u0002match\u0003");
  assert.equal(pieces[0].text, "<img src=x onerror=alert(1)> ");
  assert.equal(pieces[0].marked, false, "never marked, rendered as a text node");
});

test("an empty snippet has no pieces", () => {
  assert.deepEqual(splitSnippet(""), []);
});
