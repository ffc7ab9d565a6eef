import { test } from "node:test";
import assert from "node:assert/strict";
import {
  firstEpisode,
  formatPublished,
  groupByShow,
  listeningState,
  LOCAL_FILES,
  progressFraction,
  stateLabel,
} from "../../ui/js/lib/library.js";

/** @param {Partial<import("../../ui/js/lib/library.js").EpisodeLike>} over */
const episode = (over) => ({
  id: 1,
  podcast: null,
  podcast_id: null,
  title: "Ep",
  published: null,
  duration_ms: 60 * 60_000,
  position_ms: 0,
  played: false,
  last_opened: null,
  downloaded: false,
  ...over,
});

test("listening state: played beats in progress beats new", () => {
  assert.equal(listeningState(episode({})), "new");
  assert.equal(listeningState(episode({ last_opened: "2024-01-01T00:00:00Z" })), "unplayed");
  assert.equal(listeningState(episode({ position_ms: 5000, last_opened: "2024-01-01T00:00:00Z" })), "progress");
  assert.equal(listeningState(episode({ position_ms: 5000, played: true })), "played");
});

test("state labels say how much is left", () => {
  assert.equal(stateLabel(episode({})), "New");
  assert.equal(stateLabel(episode({ position_ms: 48 * 60_000 })), "12 min left");
  assert.equal(stateLabel(episode({ duration_ms: 3 * 3600_000, position_ms: 60_000 })), "2 h 59 min left");
  assert.equal(stateLabel(episode({ duration_ms: null, position_ms: 1000 })), "In progress");
  assert.equal(stateLabel(episode({ played: true })), "Played");
  assert.equal(stateLabel(episode({ last_opened: "2024-01-01T00:00:00Z" })), "");
});

test("progress fraction only while in progress", () => {
  assert.equal(progressFraction(episode({})), null);
  assert.equal(progressFraction(episode({ position_ms: 15 * 60_000 })), 0.25);
  assert.equal(progressFraction(episode({ position_ms: 15 * 60_000, played: true })), null);
  assert.equal(progressFraction(episode({ duration_ms: null, position_ms: 10 })), null);
});

test("dates read in the given locale and time zone", () => {
  assert.equal(formatPublished("2024-03-12T23:30:00Z", "en-GB", "UTC"), "12 Mar 2024");
  assert.equal(formatPublished("2024-03-12T23:30:00Z", "en-GB", "Asia/Tokyo"), "13 Mar 2024");
  assert.equal(formatPublished("2024-03-12T10:00:00Z", "de-DE", "UTC"), "12.03.2024");
  assert.equal(formatPublished(null, "en-GB"), "");
  assert.equal(formatPublished("not a date", "en-GB"), "");
});

test("episodes group by show in the shows' order, local files last", () => {
  const shows = [
    { id: 7, title: "Alpha" },
    { id: 3, title: "Beta" },
    { id: 9, title: "Empty" },
  ];
  const list = [
    episode({ id: 1, podcast_id: 7, podcast: "Alpha" }),
    episode({ id: 2, podcast_id: 7, podcast: "Alpha", played: true }),
    episode({ id: 3, podcast_id: 3, podcast: "Beta", position_ms: 10 }),
    episode({ id: 4 }),
    episode({ id: 5, podcast_id: 11, podcast: "Added since" }),
  ];
  const groups = groupByShow(list, shows);
  assert.deepEqual(
    groups.map((g) => [g.title, g.episodes.map((e) => e.id), g.newCount]),
    [
      ["Alpha", [1, 2], 1],
      ["Beta", [3], 0],
      ["Added since", [5], 1],
      [LOCAL_FILES, [4], 1],
    ],
  );
});

test("at start the episode opened last opens, else one that plays offline", () => {
  const a = episode({ id: 1 });
  const b = episode({ id: 2, downloaded: true });
  const c = episode({ id: 3, last_opened: "2024-01-02T00:00:00Z" });
  const d = episode({ id: 4, last_opened: "2024-03-01T00:00:00Z" });
  assert.equal(firstEpisode([a, c, d, b])?.id, 4);
  assert.equal(firstEpisode([a, b])?.id, 2);
  assert.equal(firstEpisode([a])?.id, 1);
  assert.equal(firstEpisode([]), undefined);
});
