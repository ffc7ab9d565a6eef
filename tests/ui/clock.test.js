import { test } from "node:test";
import assert from "node:assert/strict";
import { ExtrapolatedClock } from "../../ui/js/lib/clock.js";

const snap = (media_ms, playing, rate = 1) => ({ media_ms, playing, rate, duration_ms: 100_000 });

test("extrapolates while playing, at the playback rate", () => {
  const clock = new ExtrapolatedClock();
  clock.update(snap(1000, true), 0);
  assert.equal(clock.positionAt(250), 1250);
  clock.update(snap(1250, true, 2), 250);
  assert.equal(clock.positionAt(350), 1450, "2x speed advances twice as fast");
});

test("holds still while paused", () => {
  const clock = new ExtrapolatedClock();
  clock.update(snap(5000, false), 0);
  assert.equal(clock.positionAt(10_000), 5000);
});

test("never passes the end of the episode", () => {
  const clock = new ExtrapolatedClock();
  clock.update(snap(99_900, true), 0);
  assert.equal(clock.positionAt(5000), 100_000);
});

test("absorbs small backward corrections but follows seeks", () => {
  const clock = new ExtrapolatedClock();
  clock.update(snap(1000, true), 0);
  assert.equal(clock.displayAt(100), 1100);
  clock.update(snap(1050, true), 100); // engine says we are 50 ms behind the prediction
  assert.equal(clock.displayAt(100), 1100, "no visible jump back for a small correction");
  assert.ok(clock.displayAt(200) >= 1100, "and it moves on from there");
  clock.update(snap(60_000, true), 300); // a seek
  assert.equal(clock.displayAt(300), 60_000, "a seek shows at once");
});
