import { test } from "node:test";
import assert from "node:assert/strict";
import { formatSpeed, snapSpeed, stepSpeed } from "../../ui/js/lib/speed.js";

test("speeds snap to 0.05 steps between 0.5 and 3", () => {
  assert.equal(snapSpeed(1), 1);
  assert.equal(snapSpeed(1.26), 1.25);
  assert.equal(snapSpeed(0.1), 0.5);
  assert.equal(snapSpeed(7), 3);
  assert.equal(snapSpeed(Number.NaN), 1);
  assert.equal(snapSpeed(1.0499999), 1.05, "float noise from the engine is absorbed");
});

test("stepping stops at the ends", () => {
  assert.equal(stepSpeed(1, 1), 1.05);
  assert.equal(stepSpeed(1.05, -1), 1);
  assert.equal(stepSpeed(2.95, 3), 3);
  assert.equal(stepSpeed(0.5, -1), 0.5);
  let speed = 1;
  for (let i = 0; i < 20; i++) speed = stepSpeed(speed, 1);
  assert.equal(speed, 2, "twenty steps up from 1.0 is exactly 2.0");
});

test("speeds read with one or two decimals", () => {
  assert.equal(formatSpeed(1), "1.0×");
  assert.equal(formatSpeed(1.5), "1.5×");
  assert.equal(formatSpeed(1.25), "1.25×");
  assert.equal(formatSpeed(2.05), "2.05×");
  assert.equal(formatSpeed(3), "3.0×");
});
