import { test } from "node:test";
import assert from "node:assert/strict";

import { setLanguage } from "../../ui/js/lib/i18n.js";
import { libraryContents } from "../../ui/js/views/settings.js";

test("a backup's contents read as a sentence, singular and plural", () => {
  assert.equal(
    libraryContents({ podcasts: 2, episodes: 1, notes: 0, highlights: 5 }),
    "2 shows, 1 episode, 0 notes, and 5 highlights",
  );
  assert.equal(
    libraryContents({ podcasts: 1, episodes: 3, notes: 1, highlights: 1 }),
    "1 show, 3 episodes, 1 note, and 1 highlight",
  );
  setLanguage("fi");
  assert.equal(
    libraryContents({ podcasts: 1, episodes: 3, notes: 1, highlights: 0 }),
    "1 ohjelma, 3 jaksoa, 1 muistiinpano ja 0 korostusta",
  );
  setLanguage("sv");
  assert.equal(
    libraryContents({ podcasts: 1, episodes: 3, notes: 1, highlights: 2 }),
    "1 program, 3 avsnitt, 1 anteckning och 2 markeringar",
  );
  setLanguage("en");
});
