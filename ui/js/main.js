// @ts-check
/** Wires the views to the player, the library and the notes. @module main */

import * as api from "./api.js";
import { ExtrapolatedClock } from "./lib/clock.js";
import { firstEpisode } from "./lib/library.js";
import { createOpenEpisode } from "./lib/open-episode.js";
import { EARMARK_MS, readNumber } from "./lib/settings.js";
import { formatSeconds } from "./lib/time.js";
import { createEpisodeHeader } from "./views/episode.js";
import { createHelp } from "./views/help.js";
import { createLibrarySession } from "./library-session.js";
import { createNotesSession } from "./notes-session.js";
import { createChapters } from "./views/chapters.js";
import { createNotice } from "./views/notice.js";
import { createPlayerBar } from "./views/player-bar.js";
import { createSearchView } from "./views/search.js";
import { createSettings, libraryContents } from "./views/settings.js";
import { createToast } from "./views/toast.js";
import { createTranscriptSession } from "./transcript-session.js";

/** @param {string} selector */
const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));

const clock = new ExtrapolatedClock();
/** @type {import("./lib/open-episode.js").OpenEpisode} */
const opened = createOpenEpisode();

const notice = createNotice($("[data-testid=notice]"));
const toast = createToast($("[data-testid=toast]"));
const header = createEpisodeHeader($(".episode-head"));
const help = createHelp($("[data-testid=help]"), [
  ["Space", "Play or pause"],
  ["←", async () => `Back ${formatSeconds((await playerBar.skipDistances()).back)} (change it in Settings)`],
  ["→", async () => `Forward ${formatSeconds((await playerBar.skipDistances()).forward)} (change it in Settings)`],
  ["↑ ↓", "Volume up or down"],
  ["[ ]", "Slower or faster by 0.05×"],
  ["\\", "Back to normal speed"],
  ["N", "Write a note at this moment (playback goes on)"],
  ["B", async () => `Earmark the last ${formatSeconds(await readNumber(api.getSetting, EARMARK_MS))} (change it in Settings)`],
  ["H", "Highlight the selected text"],
  ["/", "Search everything"],
  ["Ctrl Z", "Undo a delete"],
  ["Click a line", "Play from that line"],
  ["Ctrl F", "Find in the transcript"],
  ["P", "Pin an estimated line: it starts now"],
  ["A", "Add podcasts, audio files or OPML"],
  ["R", "Check for new episodes"],
  ["D", "Show the downloads"],
  ["?", "Show or hide this help"],
]);

/** Reports a failed command in the notice bar. @param {unknown} error */
const report = (error) => notice.show(api.messageOf(error));
/** Where a restore leaves its sentence for the reloaded window. */
const RESTORED_KEY = "earmark.restored";
const settings = createSettings($("[data-testid=settings]"), {
  load: api.getSetting,
  save: api.setSetting,
  onError: report,
  onBackUp: async () => {
    const facts = await api.backUpLibrary();
    return facts && `Backed up ${libraryContents(facts)} to ${facts.path}.`;
  },
  onRestore: async () => {
    const restored = await api.restoreLibrary();
    if (!restored) return null;
    const kept = restored.previous ? ` The library it replaced is kept in ${restored.previous}.` : "";
    // Every view shows the old library: start the window again on the restored one.
    sessionStorage.setItem(RESTORED_KEY, `Restored ${libraryContents(restored.from)}.${kept}`);
    location.reload();
    return "Restored; reloading…";
  },
});
const restoredMessage = sessionStorage.getItem(RESTORED_KEY);
if (restoredMessage) {
  sessionStorage.removeItem(RESTORED_KEY);
  toast.show(restoredMessage);
}
const now = () => clock.positionAt(performance.now());

const playerBar = createPlayerBar($(".player-bar"), {
  onToggle: () => togglePlay(),
  onSeek: (ms) => api.seek(opened.id, ms).catch(report),
  onSkip: (delta) => api.seek(opened.id, now() + delta).catch(report),
  onVolume: (v) => api.setVolume(v).catch(report),
  onError: report,
});
const transcript = createTranscriptSession(
  opened,
  { scroller: $(".transcript"), lines: $(".transcript-lines"), backToNow: $("[data-testid=back-to-now]") },
  { onPlayFrom: (ms) => playFrom(ms), report, inform: (message) => notice.show(message) },
);
const library = createLibrarySession(opened, {
  onOpen: (id) => openEpisode(id),
  showView: (name) => showView(name),
  inform: (message) => toast.show(message),
  report,
  // The open episode's audio just arrived: load it, when it is on screen and idle.
  onDownloaded: (id) => {
    if (id === opened.id && !clock.playing && !$("[data-view=episode]").hidden) openEpisode(id);
  },
});
const chapters = createChapters(/** @type {HTMLDetailsElement} */ ($("[data-testid=chapters]")), $("[data-testid=seek-chapters]"), {
  onPlayFrom: (ms) => playFrom(ms),
});
const searchView = createSearchView($("[data-testid=search-view]"), { onOpen: (id, at) => openEpisode(id, at) });
const notes = createNotesSession(opened, {
  onPlayFrom: (ms) => playFrom(ms),
  onOpen: (id, at) => openEpisode(id, at),
  showView: (name) => showView(name),
  showHighlights: (highlights) => transcript.setHighlights(highlights),
  now,
  isPlaying: () => clock.playing,
  inform: (message, undo) => toast.show(message, undo),
  report,
});

/** Shows one of the middle views: the episode, search results or the notebook. @param {string} name */
function showView(name) {
  for (const view of document.querySelectorAll("[data-view]")) {
    /** @type {HTMLElement} */ (view).hidden = /** @type {HTMLElement} */ (view).dataset.view !== name;
  }
  $("[data-testid=notebook-nav]").toggleAttribute("aria-current", name === "notebook");
}

/** Plays the episode on screen from a moment (a line, a note, a chapter). @param {number} ms */
function playFrom(ms) {
  api.playFrom(opened.id, ms).catch(report);
}

function togglePlay() {
  if (clock.playing) api.pause().catch(report);
  else api.play(opened.id).catch(report);
}

/**
 * Opens an episode, optionally at a moment (a search hit, a notebook entry).
 * @param {number} id
 * @param {number|null} [atMs]
 */
async function openEpisode(id, atMs = null) {
  try {
    const episode = await api.openEpisode(id);
    // The library selects it, the transcript shows it, its notes are read.
    opened.open(episode);
    header.render(episode);
    api
      .episodeCover(id)
      .then((url) => opened.id === id && header.setCover(url))
      .catch(report);
    playerBar.setDuration(episode.duration_ms);
    // Only audio that opened can be moved to the moment: a seek in an episode without
    // it would try to open it again and fail. The episode shows either way.
    if (atMs != null && !episode.audio_problem) await api.seek(id, atMs).catch(report);
    const position = atMs ?? episode.position_ms;
    playerBar.setPosition(position);
    transcript.setPosition(position);
    showView("episode");
    if (episode.audio_problem && !library.offersDownload()) notice.show(episode.audio_problem);
    $("[data-view=episode]").dataset.audio = episode.audio_problem ? "missing" : "ready";
    chapters.render(await api.episodeChapters(id), episode.duration_ms);
  } catch (error) {
    report(error);
  }
}

function frame() {
  requestAnimationFrame(frame);
  const ms = clock.displayAt(performance.now());
  playerBar.setPosition(ms);
  transcript.setPosition(ms);
  chapters.setPosition(ms);
}

document.addEventListener("keydown", (event) => {
  const target = /** @type {HTMLElement} */ (event.target);
  if (event.key === "Escape") {
    settings.close();
    library.closeDialogs();
    return help.close();
  }
  if (target.closest("input, textarea, select, [contenteditable]") && !(target instanceof HTMLInputElement && target.type === "range")) return;
  if (event.key === "?") return help.toggle().catch(report);
  if ((event.ctrlKey || event.metaKey) && event.key === "z") {
    if (toast.undo()) event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const actions = /** @type {Record<string, () => unknown>} */ ({
    " ": togglePlay,
    ArrowLeft: () => playerBar.skipBack().catch(report),
    ArrowRight: () => playerBar.skipForward().catch(report),
    "[": () => playerBar.nudgeSpeed(-1),
    "]": () => playerBar.nudgeSpeed(1),
    "\\": () => playerBar.resetSpeed(),
    ArrowUp: () => playerBar.nudgeVolume(0.05),
    ArrowDown: () => playerBar.nudgeVolume(-0.05),
    n: () => notes.compose().catch(report),
    b: () => notes.earmark().catch(report),
    h: () => notes.highlightSelection(),
    "/": () => $("[data-testid=search-input]").focus(),
    a: () => $("[data-testid=add-open]").click(),
    r: () => $("[data-testid=refresh-feeds]").click(),
    d: () => $("[data-testid=downloads-nav]").click(),
  });
  const action = actions[event.key];
  if (action && !(target instanceof HTMLInputElement && event.key.startsWith("Arrow"))) {
    event.preventDefault();
    action();
  }
});
$("[data-action=help]").addEventListener("click", () => help.toggle().catch(report));
$("[data-action=settings]").addEventListener("click", () => settings.open().catch(report));
$("[data-testid=search-form]").addEventListener("submit", async (event) => {
  event.preventDefault();
  const query = /** @type {HTMLInputElement} */ ($("[data-testid=search-input]")).value.trim();
  if (!query) return showView("episode");
  try {
    searchView.render(query, await api.search(query));
    showView("search");
  } catch (error) {
    report(error);
  }
});
async function start() {
  await api.subscribeClock((snapshot) => {
    clock.update(snapshot, performance.now());
    playerBar.setPlaying(snapshot.playing);
    playerBar.showClock(snapshot);
    if (snapshot.duration_ms) playerBar.setDuration(snapshot.duration_ms);
  });
  await api.onNotice((n) => notice.show(n.message));
  await transcript.connect();
  await api.onEnded(() => library.reload().catch(report));
  api.checkOutput().catch(report);
  const first = firstEpisode(await library.start());
  if (first) await openEpisode(first.id);
  requestAnimationFrame(frame);
}

start().catch(report);
