import { test } from "node:test";
import assert from "node:assert/strict";
import { setLanguage } from "../../ui/js/lib/i18n.js";
import { formatTime, timeLeft } from "../../ui/js/lib/time.js";

test("formatTime shows m:ss under an hour and h:mm:ss above", () => {
  assert.equal(formatTime(0), "0:00");
  assert.equal(formatTime(59_999), "0:59");
  assert.equal(formatTime(61_000), "1:01");
  assert.equal(formatTime(3_600_000 + 62_000), "1:01:02");
  assert.equal(formatTime(-5), "0:00", "negative clamps to zero");
});

test("the time left follows the pace so far, and says nothing before there is one", () => {
  assert.equal(timeLeft(1_000, 0.01), "", "too little done to tell");
  assert.equal(timeLeft(10_000, 0.5), "less than a minute left");
  assert.equal(timeLeft(60_000, 0.25), "about 3 min left");
  assert.equal(timeLeft(30 * 60_000, 0.2), "about 2 hr left");
  assert.equal(timeLeft(60_000, 0.6, 0.5), "about 4 min left", "the pace since the watch began");
  assert.equal(timeLeft(60_000, 0.5, 0.5), "", "nothing done since");
  assert.equal(timeLeft(60_000, 1), "", "done");
  setLanguage("fi");
  assert.equal(timeLeft(60_000, 0.25), "noin 3 min jäljellä");
  assert.equal(timeLeft(10_000, 0.5), "alle minuutti jäljellä");
  setLanguage("sv");
  assert.equal(timeLeft(65 * 60_000, 0.5), "ungefär 1 tim 5 min kvar");
  setLanguage("en");
});
