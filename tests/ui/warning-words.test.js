// @ts-check
// A warning from the app (a check's, an OPML import's failed feed, the player's
// problem) crosses as {code, message, params} and is said in the listener's language:
// counts by the language's plural rules, and an error under it (`cause`) worded too.
import { test } from "node:test";
import assert from "node:assert/strict";

import { errorWords } from "../../ui/js/lib/error-words.js";
import { setLanguage } from "../../ui/js/lib/i18n.js";

test("a repaired feed's warning is said in Finnish and Swedish, counted by their plural rules", () => {
  const one = { code: "feed_episodes_dropped", message: "One episode's XML was broken; it was left out.", params: { count: "1" } };
  const three = { code: "feed_episodes_dropped", message: "3 episodes' XML was broken; they were left out.", params: { count: "3" } };
  try {
    setLanguage("en");
    assert.equal(errorWords(three), three.message, "English is the app's own sentence");
    setLanguage("fi");
    assert.equal(errorWords(one), "Yhden jakson XML oli rikki; se jätettiin pois.");
    assert.equal(errorWords(three), "XML oli rikki 3 jaksossa; ne jätettiin pois.");
    assert.equal(
      errorWords({ code: "feed_ampersands_escaped", message: "2 bare “&” characters were read as text.", params: { count: "2" } }),
      "2 irrallista ”&”-merkkiä luettiin tekstiksi.",
    );
    setLanguage("sv");
    assert.equal(errorWords(three), "XML-koden för 3 avsnitt var trasig, så de utelämnades.");
  } finally {
    setLanguage("en");
  }
});

test("a warning's cause is worded in its place, and without words for it the English sentence stands", () => {
  const notFetched = {
    code: "transcript_not_fetched",
    message: "The transcript could not be fetched: 404 Not found: there is nothing at http://x/t.vtt.",
    params: { cause: "not_found", status: "404", url: "http://x/t.vtt" },
  };
  const unknownCause = { ...notFetched, params: { ...notFetched.params, cause: "never_heard_of" } };
  try {
    setLanguage("fi");
    assert.equal(errorWords(notFetched), "Tekstivastinetta ei voitu hakea: 404 Ei löydy: osoitteessa http://x/t.vtt ei ole mitään.");
    assert.equal(errorWords(unknownCause), notFetched.message);
    assert.equal(
      errorWords({ code: "output_lost", message: "The audio output device was lost. Playback is paused." }),
      "Yhteys äänen toistolaitteeseen katkesi. Toisto on tauolla.",
    );
  } finally {
    setLanguage("en");
  }
});
