import { test } from "node:test";
import assert from "node:assert/strict";
import { looksLikeAddress } from "../../ui/js/lib/add-input.js";

test("addresses subscribe, words search", () => {
  for (const address of [
    "https://example.com/feed.xml",
    "http://127.0.0.1:8080/feed",
    "feed://example.com/rss",
    "podcast://example.com/rss",
    "example.com",
    "feeds.example.co.uk/show?id=3",
    "  www.show.fi/jaksot  ",
  ]) {
    assert.equal(looksLikeAddress(address), true, address);
  }
  for (const words of ["tide", "the tide show", "Dr. Who", "99% invisible", "", "   ", "a.b c"]) {
    assert.equal(looksLikeAddress(words), false, words);
  }
});
