import { test } from "node:test";
import assert from "node:assert/strict";
import { createOpenEpisode } from "../../ui/js/lib/open-episode.js";

test("nothing is open until an episode opens", () => {
  const opened = createOpenEpisode();
  assert.equal(opened.id, null);
  assert.equal(opened.episode, null);
});

test("the episode opened last is the open one, and every listener hears of it in order", () => {
  const opened = createOpenEpisode();
  /** @type {string[]} */
  const heard = [];
  opened.onOpen((e) => heard.push(`library ${e.id} (open: ${opened.id})`));
  opened.onOpen((e) => heard.push(`transcript ${e.id}`));
  opened.set({ id: 3, title: "Three" });
  opened.set({ id: 7, title: "Seven" });
  assert.equal(opened.id, 7);
  assert.deepEqual(opened.episode, { id: 7, title: "Seven" });
  assert.deepEqual(heard, ["library 3 (open: 3)", "transcript 3", "library 7 (open: 7)", "transcript 7"]);
});
