import { test } from "node:test";
import assert from "node:assert/strict";
import { createOverlayToggle } from "../../ui/js/lib/overlay-toggle.js";

/**
 * An overlay whose contents are read by hand: `reads` holds, oldest first, a function
 * that answers each read with contents.
 */
function overlay() {
  const state = {
    open: false,
    /** @type {string[]} */
    filled: [],
    /** @type {((contents: string) => void)[]} */
    reads: [],
  };
  const { toggle } = createOverlayToggle({
    isOpen: () => state.open,
    setOpen: (open) => {
      state.open = open;
    },
    load: () => new Promise((answer) => state.reads.push(answer)),
    fill: (contents) => state.filled.push(contents),
  });
  return { state, toggle };
}

test("a toggle shows at once, and fills once the contents are read", async () => {
  const { state, toggle } = overlay();
  const opening = toggle();
  assert.equal(state.open, true, "shown before its contents are read");
  state.reads[0]("keys");
  await opening;
  assert.deepEqual(state.filled, ["keys"]);
  await toggle();
  assert.equal(state.open, false, "the second toggle hides it");
  assert.equal(state.reads.length, 1, "hiding reads nothing");
});

test("two quick toggles leave it hidden, whenever the read ends", async () => {
  const { state, toggle } = overlay();
  const opening = toggle();
  await toggle();
  assert.equal(state.open, false);
  state.reads[0]("keys");
  await opening;
  assert.equal(state.open, false, "the late read does not show it again");
  assert.deepEqual(state.filled, [], "nor fill it");
});

test("hidden from outside (Escape) while reading, it stays hidden", async () => {
  const { state, toggle } = overlay();
  const opening = toggle();
  state.open = false;
  state.reads[0]("keys");
  await opening;
  assert.equal(state.open, false);
  assert.deepEqual(state.filled, []);
});

test("contents read for an older showing never replace the newer ones", async () => {
  const { state, toggle } = overlay();
  const first = toggle();
  await toggle();
  const second = toggle();
  state.reads[1]("new");
  await second;
  state.reads[0]("old");
  await first;
  assert.equal(state.open, true);
  assert.deepEqual(state.filled, ["new"]);
});
