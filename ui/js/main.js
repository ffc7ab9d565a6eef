// @ts-check
/** Wires the views to the player, the library and the notes. @module main */

import * as api from "./api.js";
import { byMoment } from "./lib/annotations.js";
import { ExtrapolatedClock } from "./lib/clock.js";
import { firstEpisode } from "./lib/library.js";
import { EARMARK_MS, PAUSE_WHILE_NOTING, readFlag, readNumber } from "./lib/settings.js";
import { createEpisodeHeader } from "./views/episode.js";
import { createHelp } from "./views/help.js";
import { createHighlightPopover } from "./views/highlight-popover.js";
import { createLibrarySession } from "./library-session.js";
import { createChapters } from "./views/chapters.js";
import { createNotebookView } from "./views/notebook.js";
import { createNotesPanel } from "./views/notes-panel.js";
import { createNotice } from "./views/notice.js";
import { createPlayerBar } from "./views/player-bar.js";
import { createSearchView } from "./views/search.js";
import { createSeekMarkers } from "./views/seek-markers.js";
import { createSettings, libraryContents } from "./views/settings.js";
import { createToast } from "./views/toast.js";
import { createTranscriptSession } from "./transcript-session.js";

/** @param {string} selector */
const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));

const clock = new ExtrapolatedClock();
/** @type {{id: number|null, durationMs: number, annotations: import("./lib/annotations.js").Annotation[]}} */
const current = { id: null, durationMs: 0, annotations: [] };

const notice = createNotice($("[data-testid=notice]"));
const toast = createToast($("[data-testid=toast]"));
const header = createEpisodeHeader($(".episode-head"));
/** A length in whole seconds, for a sentence. @param {number} ms */
const seconds = (ms) => `${Math.round(ms / 1000)} seconds`;
const help = createHelp($("[data-testid=help]"), [
  ["Space", "Play or pause"],
  ["←", async () => `Back ${seconds((await playerBar.skipDistances()).back)} (change it in Settings)`],
  ["→", async () => `Forward ${seconds((await playerBar.skipDistances()).forward)} (change it in Settings)`],
  ["↑ ↓", "Volume up or down"],
  ["[ ]", "Slower or faster by 0.05×"],
  ["\\", "Back to normal speed"],
  ["N", "Write a note at this moment (playback goes on)"],
  ["B", async () => `Earmark the last ${seconds(await earmarkMs())} (change it in Settings)`],
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
  onSeek: (ms) => api.seek(current.id, ms).catch(report),
  onSkip: (delta) => api.seek(current.id, now() + delta).catch(report),
  onVolume: (v) => api.setVolume(v).catch(report),
  onError: report,
});
const seekMarkers = createSeekMarkers($(".seek-markers"));
const transcript = createTranscriptSession(
  { scroller: $(".transcript"), lines: $(".transcript-lines"), backToNow: $("[data-testid=back-to-now]") },
  { onPlayFrom: (ms) => playFrom(ms), report, inform: (message) => notice.show(message) },
);
const library = createLibrarySession({
  onOpen: (id) => openEpisode(id),
  showView: (name) => showView(name),
  inform: (message) => toast.show(message),
  report,
  // The open episode's audio just arrived: load it, when it is on screen and idle.
  onDownloaded: (id) => {
    if (id === current.id && !clock.playing && !$("[data-view=episode]").hidden) openEpisode(id);
  },
});
const chapters = createChapters(/** @type {HTMLDetailsElement} */ ($("[data-testid=chapters]")), $("[data-testid=seek-chapters]"), {
  onPlayFrom: (ms) => playFrom(ms),
});
const searchView = createSearchView($("[data-testid=search-view]"), { onOpen: (id, at) => openEpisode(id, at) });
const notebookView = createNotebookView($("[data-testid=notebook-view]"), { onOpen: (id, at) => openEpisode(id, at) });
const highlighter = createHighlightPopover($("[data-testid=highlight-popover]"), $(".transcript-lines"), {
  onHighlight: (passage) => {
    if (current.id == null) return;
    api.addHighlight(current.id, { ...passage, note: null }).then(loadAnnotations).catch(report);
  },
});
const notesPanel = createNotesPanel($("[data-testid=notes-panel]"), {
  onPlayFrom: (ms) => playFrom(ms),
  onSaveNote: async (atMs, text) => {
    if (current.id == null) return;
    await api.addNote(current.id, atMs, text).catch((e) => {
      report(e);
      throw e; // keep the composer open with the text
    });
    await loadAnnotations();
  },
  onEditNote: (note, text) =>
    editWithUndo(
      "Note edited",
      () => api.updateNote(note.id, note.at_ms, text),
      () => api.updateNote(note.id, note.at_ms, note.text),
    ),
  onEditHighlightNote: (highlight, note) =>
    editWithUndo(
      "Highlight note edited",
      () => api.updateHighlight(highlight.id, highlight.color, note),
      () => api.updateHighlight(highlight.id, highlight.color, highlight.note),
    ),
  onDelete: (annotation) => deleteAnnotation(annotation),
  onComposerClosed: () => $(".transcript").focus(),
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
  api.playFrom(current.id, ms).catch(report);
}

function togglePlay() {
  if (clock.playing) api.pause().catch(report);
  else api.play(current.id).catch(report);
}

async function loadAnnotations() {
  if (current.id == null) return;
  const { notes, highlights } = await api.listAnnotations(current.id);
  current.annotations = byMoment(notes, highlights);
  transcript.setHighlights(highlights);
  notesPanel.render(current.annotations);
  seekMarkers.render(current.annotations, current.durationMs);
}

/**
 * Opens an episode, optionally at a moment (a search hit, a notebook entry).
 * @param {number} id
 * @param {number|null} [atMs]
 */
async function openEpisode(id, atMs = null) {
  try {
    const episode = await api.openEpisode(id);
    current.id = id;
    current.durationMs = episode.duration_ms;
    const playable = library.episodeOpened(id);
    header.render(episode);
    api
      .episodeCover(id)
      .then((url) => current.id === id && header.setCover(url))
      .catch(report);
    transcript.open(episode);
    playerBar.setDuration(episode.duration_ms);
    // Only audio that opened can be moved to the moment: a seek in an episode without
    // it would try to open it again and fail. The episode shows either way.
    if (atMs != null && !episode.audio_problem) await api.seek(id, atMs).catch(report);
    const position = atMs ?? episode.position_ms;
    playerBar.setPosition(position);
    transcript.setPosition(position);
    showView("episode");
    if (episode.audio_problem && playable) notice.show(episode.audio_problem);
    $("[data-view=episode]").dataset.audio = episode.audio_problem ? "missing" : "ready";
    chapters.render(await api.episodeChapters(id), episode.duration_ms);
    await loadAnnotations();
  } catch (error) {
    report(error);
  }
}

/**
 * Saves an edit of a note's text, then offers Undo (the toast, Ctrl+Z), which
 * writes the text it had before back.
 * @param {string} message
 * @param {() => Promise<unknown>} save
 * @param {() => Promise<unknown>} restore
 */
async function editWithUndo(message, save, restore) {
  try {
    await save();
    toast.show(message, () => restore().then(loadAnnotations).catch(report));
  } catch (error) {
    report(error);
  }
  await loadAnnotations();
}

/** @param {import("./lib/annotations.js").Annotation} annotation */
async function deleteAnnotation(annotation) {
  try {
    if (annotation.kind === "note") {
      const { note } = annotation;
      await api.deleteNote(note.id);
      toast.show("Note deleted", () => api.addNote(note.episode, note.at_ms, note.text).then(loadAnnotations).catch(report));
    } else {
      const { highlight } = annotation;
      await api.deleteHighlight(highlight.id);
      toast.show("Highlight deleted", () =>
        api.addHighlight(highlight.episode, highlight).then(loadAnnotations).catch(report),
      );
    }
    await loadAnnotations();
  } catch (error) {
    report(error);
  }
}

async function composeNote() {
  if (current.id == null) return;
  if ((await readFlag(api.getSetting, PAUSE_WHILE_NOTING)) && clock.playing) await api.pause();
  notesPanel.compose(now());
}

/** How much an earmark keeps, from the settings. @returns {Promise<number>} */
function earmarkMs() {
  return readNumber(api.getSetting, EARMARK_MS);
}

async function earmark() {
  if (current.id == null) return;
  const windowMs = await earmarkMs();
  await api.addEarmark(current.id, now(), windowMs);
  await loadAnnotations();
  toast.show(`Earmarked the last ${seconds(windowMs)}`);
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
    n: () => composeNote().catch(report),
    b: () => earmark().catch(report),
    h: () => highlighter.highlightSelection(),
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
$("[data-testid=notes-export]").addEventListener("change", async (event) => {
  const select = /** @type {HTMLSelectElement} */ (event.target);
  const format = /** @type {"md"|"json"|"csv"} */ (select.value);
  select.value = "";
  if (!format || current.id == null) return;
  try {
    const path = await api.exportNotes(current.id, format);
    if (path) toast.show(`Saved to ${path}`);
  } catch (error) {
    report(error);
  }
});
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
$("[data-testid=notebook-nav]").addEventListener("click", async () => {
  try {
    notebookView.render(await api.notebook());
    showView("notebook");
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
