// @ts-check
/** Wires the views to the player, the library and the notes. @module main */

import * as api from "./api.js";
import { ExtrapolatedClock } from "./lib/clock.js";
import { createOpenEpisode } from "./lib/open-episode.js";
import { languageFor, setLanguage, t, translatePage } from "./lib/i18n.js";
import { EARMARK_MS, LANGUAGE, readNumber } from "./lib/settings.js";
import { shortcutTable } from "./lib/shortcuts.js";
import { createEpisodeHeader } from "./views/episode.js";
import { listenForShortcuts } from "./views/shortcut-keys.js";
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

// The language first: every view is drawn in it. A change in Settings reloads the window.
setLanguage(languageFor(await api.getSetting(LANGUAGE.key).catch(() => null), navigator.languages), navigator.language);
translatePage(document);

const clock = new ExtrapolatedClock();
/** @type {import("./lib/open-episode.js").OpenEpisode} */
const opened = createOpenEpisode();

const notice = createNotice($("[data-testid=notice]"));
const toast = createToast($("[data-testid=toast]"));
const header = createEpisodeHeader($(".episode-head"));

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
    return facts && t("backed-up", { contents: libraryContents(facts), path: facts.path });
  },
  onRestore: async () => {
    const restored = await api.restoreLibrary();
    if (!restored) return null;
    const kept = restored.previous ? ` ${t("restored-kept", { path: restored.previous })}` : "";
    // Every view shows the old library: start the window again on the restored one.
    sessionStorage.setItem(RESTORED_KEY, `${t("restored", { contents: libraryContents(restored.from) })}${kept}`);
    location.reload();
    return t("restored-reloading");
  },
  // Every view speaks the old language: start the window again in the new one.
  onLanguage: () => location.reload(),
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
    if (id === opened.id) transcript.setNeedsDownload(false);
    if (id === opened.id && !clock.playing && !$("[data-view=episode]").hidden) openEpisode(id);
  },
});
const chapters = createChapters(/** @type {HTMLDetailsElement} */ ($("[data-testid=chapters]")), $("[data-testid=seek-chapters]"), {
  onPlayFrom: (ms) => playFrom(ms),
});
const searchView = createSearchView($("[data-testid=search-view]"), { onOpen: (id, at) => openEpisode(id, at) });
const notes = createNotesSession(opened, {
  onCorrect: (fix) => transcript.correct(fix),
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
 * Opens an episode, optionally at a moment (a search hit, a notebook entry), and shows
 * it unless `reveal` is false (it is then loaded behind the view on screen).
 * @param {number} id
 * @param {number|null} [atMs]
 * @param {boolean} [reveal]
 */
async function openEpisode(id, atMs = null, reveal = true) {
  try {
    const episode = await api.openEpisode(id);
    // The library selects it, the transcript shows it, its notes are read.
    opened.set(episode);
    // Audio to be downloaded is offered in the header: nothing to warn about then.
    const toDownload = await library.offersDownload(id);
    if (opened.id === id) transcript.setNeedsDownload(toDownload);
    const warn = !toDownload;
    header.render(episode);
    api
      .artwork({ episode: id }, "large")
      .then((url) => {
        if (opened.id !== id) return;
        header.setCover(url);
        playerBar.setArtwork(url);
      })
      .catch(report);
    playerBar.setDuration(episode.duration_ms);
    // Only audio that opened can be moved to the moment: a seek in an episode without
    // it would try to open it again and fail. The episode shows either way.
    if (atMs != null && !episode.audio_problem) await api.seek(id, atMs).catch(report);
    const position = atMs ?? episode.position_ms;
    playerBar.setPosition(position);
    transcript.setPosition(position);
    if (reveal) showView("episode");
    if (episode.audio_problem && warn) notice.show(api.messageOf(episode.audio_problem));
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

const SHORTCUTS = shortcutTable({
  togglePlay,
  skipBack: () => void playerBar.skipBack().catch(report),
  skipForward: () => void playerBar.skipForward().catch(report),
  nudgeVolume: (delta) => playerBar.nudgeVolume(delta),
  nudgeSpeed: (steps) => playerBar.nudgeSpeed(steps),
  resetSpeed: () => playerBar.resetSpeed(),
  composeNote: () => void notes.compose().catch(report),
  earmark: () => void notes.earmark().catch(report),
  highlightSelection: () => notes.highlightSelection(),
  focusSearch: () => $("[data-testid=search-input]").focus(),
  undo: () => toast.undo(),
  openFind: () => transcript.openFind(),
  closeFind: () => transcript.closeFind(),
  pinHere: () => transcript.pinHere(),
  openAdd: () => $("[data-testid=add-open]").click(),
  checkFeeds: () => $("[data-testid=refresh-feeds]").click(),
  showDownloads: () => $("[data-testid=downloads-nav]").click(),
  toggleHelp: () => void help.toggle().catch(report),
  closeDialogs: () => {
    settings.close();
    library.closeDialogs();
    help.close();
  },
  skipDistances: () => playerBar.skipDistances(),
  earmarkMs: () => readNumber(api.getSetting, EARMARK_MS),
});
const help = createHelp($("[data-testid=help]"), SHORTCUTS);

listenForShortcuts(SHORTCUTS);
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
  await api.onNotice((n) => notice.show(api.messageOf(n.error ?? n.message)));
  await transcript.connect();
  await api.onEnded(() => library.reload().catch(report));
  api.checkOutput().catch(report);
  const first = await library.start();
  // Loaded behind whatever is on screen: the episode view shows from the start, and a
  // person who went to the notebook, a search or a show meanwhile stays there (even
  // when that view is still being read).
  if (first) await openEpisode(first.id, null, false);
  // What `earmark FILE|URL` asked for, after the resumed episode so a file opened wins.
  await library.takeLaunch().catch(report);
  requestAnimationFrame(frame);
}

start().catch(report);
