import { test } from "node:test";
import assert from "node:assert/strict";
import { createArtworkCache } from "../../ui/js/lib/artwork.js";

test("a picture found is asked for once, even by requests at the same time", async () => {
  const asked = [];
  const cache = createArtworkCache(async (key) => {
    asked.push(key);
    return `data:image/jpeg;base64,${key}`;
  });
  const [a, b] = await Promise.all([cache.get(1), cache.get(1)]);
  assert.equal(a, "data:image/jpeg;base64,1");
  assert.equal(b, a);
  assert.equal(await cache.get(1), a);
  assert.deepEqual(asked, [1]);
  assert.equal(cache.peek(1), a, "at hand for a redraw");
  assert.equal(cache.peek(2), undefined);
  cache.forget();
  await cache.get(1);
  assert.deepEqual(asked, [1, 1], "asked again once forgotten");
});

test("a show without a picture yet, or a failed request, is asked again next time", async () => {
  let answers = [null, "data:image/png;base64,x"];
  const cache = createArtworkCache(async () => answers.shift() ?? null);
  assert.equal(await cache.get(7), null);
  assert.equal(await cache.get(7), "data:image/png;base64,x");
  const failing = createArtworkCache(async () => {
    throw new Error("gone");
  });
  assert.equal(await failing.get(1), null);
});
