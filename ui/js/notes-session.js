// @ts-check
/**
 * The open episode's notes, highlights and earmarks, wired to the library: the notes
 * panel, highlighting a selection, the marks on the seek bar, edits and deletes with
 * Undo, export, and the notebook of every episode. Each write answers with the row
 * as stored, and that row is what is shown: the lists are not read again.
 * @module notes-session
 */

import * as api from "./api.js";
import { byMoment, withoutRow, withRow } from "./lib/annotations.js";
import { EARMARK_MS, PAUSE_WHILE_NOTING, readFlag, readNumber } from "./lib/settings.js";
import { currentLanguage, formatSeconds, t } from "./lib/i18n.js";
import { createHighlightPopover } from "./views/highlight-popover.js";
import { createNotebookView } from "./views/notebook.js";
import { createNotesPanel } from "./views/notes-panel.js";
import { createSeekMarkers } from "./views/seek-markers.js";

/** @typedef {import("./lib/annotations.js").Annotation} Annotation */
/** @typedef {import("./lib/annotations.js").Note} Note */
/** @typedef {import("./lib/annotations.js").Highlight} Highlight */

/**
 * @typedef {object} NotesHandlers
 * @property {(ms: number) => void} onPlayFrom plays the open episode from a moment
 * @property {(id: number, atMs: number) => void} onOpen opens an episode at a moment
 * @property {(name: string) => void} showView shows a middle view by name
 * @property {(highlights: Highlight[]) => void} showHighlights paints the open episode's highlights on its transcript
 * @property {() => number} now where playback is
 * @property {() => boolean} isPlaying
 * @property {(message: string, undo?: () => void) => void} inform a short message (the toast), with Undo when given
 * @property {(error: unknown) => void} report a failed command (the notice bar)
 * @property {(fix: import("./views/highlight-popover.js").Correction) => void} onCorrect corrects words of a line of the open episode's transcript
 */

/** @param {Note} note */
const noteMoment = (note) => note.at_ms;
/** @param {Highlight} highlight */
const highlightMoment = (highlight) => highlight.start_ms;

/**
 * @param {import("./lib/open-episode.js").OpenEpisode} opened the episode open in the middle
 * @param {NotesHandlers} handlers
 */
export function createNotesSession(opened, handlers) {
  const { onPlayFrom, onOpen, showView, showHighlights, now, isPlaying, inform, report, onCorrect } = handlers;
  /** @param {string} selector */
  const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));

  /** What the open episode holds, as the library stored it (in its order: by moment, then id). */
  const kept = {
    /** The episode these are of. @type {number|null} */ episode: null,
    /** @type {Note[]} */ notes: [],
    /** @type {Highlight[]} */ highlights: [],
  };

  const seekMarkers = createSeekMarkers($(".seek-markers"));
  const notebookView = createNotebookView($("[data-testid=notebook-view]"), { onOpen });
  const highlighter = createHighlightPopover($("[data-testid=highlight-popover]"), $(".transcript-lines"), {
    onHighlight: (passage) => {
      if (opened.id == null) return;
      api.addHighlight(opened.id, { ...passage, note: null }).then(keepHighlight).catch(report);
    },
    onCorrect,
  });
  const panel = createNotesPanel($("[data-testid=notes-panel]"), {
    onPlayFrom,
    onSaveNote: async (atMs, text) => {
      if (opened.id == null) return;
      const note = await api.addNote(opened.id, atMs, text).catch((e) => {
        report(e);
        throw e; // keep the composer open with the text
      });
      keepNote(note);
    },
    onEditNote: (note, text) =>
      editWithUndo(
        t("note-edited"),
        () => api.updateNote(note.id, note.at_ms, text).then(keepNote),
        () => api.updateNote(note.id, note.at_ms, note.text).then(keepNote),
      ),
    onEditHighlightNote: (highlight, note) =>
      editWithUndo(
        t("highlight-note-edited"),
        () => api.updateHighlight(highlight.id, highlight.color, note).then(keepHighlight),
        () => api.updateHighlight(highlight.id, highlight.color, highlight.note).then(keepHighlight),
      ),
    onDelete: (annotation) => deleteAnnotation(annotation),
    onComposerClosed: () => $(".transcript").focus(),
  });

  /** Shows what is kept: the panel, the seek bar's marks and the transcript's highlights. */
  function draw() {
    if (kept.episode !== opened.id) return; // the open episode's are on their way
    const annotations = byMoment(kept.notes, kept.highlights);
    showHighlights(kept.highlights);
    panel.render(annotations);
    seekMarkers.render(annotations, opened.episode?.duration_ms ?? 0);
  }

  /** Reads the open episode's notes and highlights. */
  async function load() {
    const id = opened.id;
    if (id == null) return;
    const { notes, highlights } = await api.listAnnotations(id);
    if (id !== opened.id) return;
    Object.assign(kept, { episode: id, notes, highlights });
    draw();
  }

  /**
   * Whether a row written for `episode` belongs in what is shown (the window may have
   * moved on to another episode while it was written).
   * @param {number} episode
   */
  const shown = (episode) => episode === kept.episode && episode === opened.id;

  /** @param {Note} note as stored */
  function keepNote(note) {
    if (!shown(note.episode)) return;
    kept.notes = withRow(kept.notes, note, noteMoment);
    draw();
  }

  /** @param {Highlight} highlight as stored */
  function keepHighlight(highlight) {
    if (!shown(highlight.episode)) return;
    kept.highlights = withRow(kept.highlights, highlight, highlightMoment);
    draw();
  }

  /**
   * Saves an edit of a note's text, then offers Undo (the toast, Ctrl+Z), which
   * writes the text it had before back. The panel is drawn again either way.
   * @param {string} message
   * @param {() => Promise<void>} save
   * @param {() => Promise<void>} restore
   */
  async function editWithUndo(message, save, restore) {
    try {
      await save();
      inform(message, () => restore().catch(report));
    } catch (error) {
      report(error);
      draw();
    }
  }

  /** @param {Annotation} annotation */
  async function deleteAnnotation(annotation) {
    try {
      if (annotation.kind === "note") {
        const { note } = annotation;
        await api.deleteNote(note.id);
        kept.notes = withoutRow(kept.notes, note.id);
        inform(t("note-deleted"), () => api.addNote(note.episode, note.at_ms, note.text).then(keepNote).catch(report));
      } else {
        const { highlight } = annotation;
        await api.deleteHighlight(highlight.id);
        kept.highlights = withoutRow(kept.highlights, highlight.id);
        inform(t("highlight-deleted"), () => api.addHighlight(highlight.episode, highlight).then(keepHighlight).catch(report));
      }
      draw();
    } catch (error) {
      report(error);
    }
  }

  opened.onOpen(() => {
    load().catch(report);
  });
  $("[data-testid=notes-export]").addEventListener("change", async (event) => {
    const select = /** @type {HTMLSelectElement} */ (event.target);
    const format = /** @type {"md"|"json"|"csv"} */ (select.value);
    select.value = "";
    if (!format || opened.id == null) return;
    try {
      const path = await api.exportNotes(opened.id, format, currentLanguage());
      if (path) inform(t("saved-to", { path }));
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

  return {
    /** Opens the composer for a note at this moment (paused first when the settings say so). */
    async compose() {
      if (opened.id == null) return;
      if ((await readFlag(api.getSetting, PAUSE_WHILE_NOTING)) && isPlaying()) await api.pause();
      panel.compose(now());
    },
    /** Keeps the last moments heard (as long as the settings say) as a highlight. */
    async earmark() {
      if (opened.id == null) return;
      const windowMs = await readNumber(api.getSetting, EARMARK_MS);
      keepHighlight(await api.addEarmark(opened.id, now(), windowMs));
      inform(t("earmarked", { length: formatSeconds(windowMs) }));
    },
    /** Highlights the transcript text selected. */
    highlightSelection() {
      highlighter.highlightSelection();
    },
  };
}
