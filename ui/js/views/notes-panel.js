// @ts-check
/**
 * The panel beside the transcript: the note composer and the episode's notes and
 * highlights in time order; a click on one plays from that moment.
 * @module views/notes-panel
 */

import { t } from "../lib/i18n.js";
import { formatTime } from "../lib/time.js";

/** @typedef {import("../lib/annotations.js").Annotation} Annotation */
/** @typedef {import("../lib/annotations.js").Note} Note */

/**
 * @param {HTMLElement} panel
 * @param {{
 *   onPlayFrom: (ms: number) => void,
 *   onSaveNote: (atMs: number, text: string) => Promise<void>,
 *   onEditNote: (note: Note, text: string) => Promise<void>,
 *   onEditHighlightNote: (highlight: import("../lib/annotations.js").Highlight, note: string|null) => Promise<void>,
 *   onDelete: (annotation: Annotation) => void,
 *   onComposerClosed: () => void,
 * }} handlers
 */
export function createNotesPanel(panel, handlers) {
  const list = /** @type {HTMLElement} */ (panel.querySelector(".annotation-list"));
  const count = /** @type {HTMLElement} */ (panel.querySelector(".annotation-count"));
  const composer = /** @type {HTMLFormElement} */ (panel.querySelector(".note-composer"));
  const composerTime = /** @type {HTMLElement} */ (composer.querySelector(".note-composer-time"));
  const input = /** @type {HTMLTextAreaElement} */ (composer.querySelector("textarea"));
  let composerAt = 0;
  let saving = false;

  const closeComposer = () => {
    composer.hidden = true;
    input.value = "";
    handlers.onComposerClosed();
  };

  const save = async () => {
    const text = input.value.trim();
    if (!text || saving) return;
    saving = true;
    try {
      await handlers.onSaveNote(composerAt, text);
      closeComposer();
    } finally {
      saving = false;
    }
  };

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeComposer();
    }
  });
  composer.querySelector("[data-action=cancel-note]")?.addEventListener("click", closeComposer);

  list.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const item = /** @type {HTMLElement|null} */ (target.closest("[data-at-ms]"));
    if (!item) return;
    if (target.closest("[data-action=delete]")) return handlers.onDelete(annotationOf(item));
    if (target.closest("[data-action=edit]")) return startEditing(item);
    if (target.closest("textarea")) return;
    handlers.onPlayFrom(Number(item.dataset.atMs));
  });

  /** @type {Map<HTMLElement, Annotation>} */
  let shown = new Map();
  /** @param {HTMLElement} item */
  const annotationOf = (item) => /** @type {Annotation} */ (shown.get(item));

  /** Edits a note's text, or a highlight's own note, in place. @param {HTMLElement} item */
  function startEditing(item) {
    const annotation = annotationOf(item);
    const original = annotation.kind === "note" ? annotation.note.text : (annotation.highlight.note ?? "");
    const body = /** @type {HTMLElement} */ (
      item.querySelector(annotation.kind === "note" ? ".annotation-text" : ".annotation-comment") ?? item.appendChild(document.createElement("p"))
    );
    const editor = document.createElement("textarea");
    editor.className = "annotation-editor";
    editor.value = original;
    editor.placeholder = annotation.kind === "note" ? "" : t("highlight-note-placeholder");
    editor.setAttribute("aria-label", t(annotation.kind === "note" ? "note-edit" : "highlight-note"));
    editor.dataset.testid = "annotation-editor";
    body.replaceWith(editor);
    editor.focus();
    const finish = async (/** @type {boolean} */ keep) => {
      editor.removeEventListener("blur", onBlur);
      const text = editor.value.trim();
      if (!keep || text === original) editor.replaceWith(body);
      else if (annotation.kind === "highlight") await handlers.onEditHighlightNote(annotation.highlight, text || null);
      else if (text) await handlers.onEditNote(annotation.note, text);
      else editor.replaceWith(body);
    };
    const onBlur = () => finish(true);
    editor.addEventListener("blur", onBlur);
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        finish(true);
      } else if (event.key === "Escape") {
        event.preventDefault();
        finish(false);
      }
    });
  }

  return {
    /** Opens the composer for a note at `atMs`; playback goes on. @param {number} atMs */
    compose(atMs) {
      composerAt = atMs;
      composerTime.textContent = t("note-at", { time: formatTime(atMs) });
      composer.hidden = false;
      input.focus();
    },
    get composing() {
      return !composer.hidden;
    },
    /** @param {Annotation[]} annotations */
    render(annotations) {
      shown = new Map();
      count.textContent = annotations.length ? String(annotations.length) : "";
      if (annotations.length === 0) {
        const empty = document.createElement("li");
        empty.className = "annotation-empty";
        empty.textContent = t("notes-empty");
        list.replaceChildren(empty);
        return;
      }
      list.replaceChildren(
        ...annotations.map((annotation) => {
          const item = renderItem(annotation);
          shown.set(item, annotation);
          return item;
        }),
      );
    },
  };
}

/** @param {Annotation} annotation */
function renderItem(annotation) {
  const item = document.createElement("li");
  item.className = `annotation annotation-${annotation.kind}`;
  item.dataset.testid = annotation.kind === "note" ? "note-item" : "highlight-item";
  item.dataset.atMs = String(annotation.at_ms);
  item.tabIndex = 0;
  const head = document.createElement("div");
  head.className = "annotation-head";
  const time = document.createElement("span");
  time.className = "annotation-time";
  time.textContent = formatTime(annotation.at_ms);
  const kind = document.createElement("span");
  kind.className = "annotation-kind";
  head.append(time, kind);
  const actions = document.createElement("span");
  actions.className = "annotation-actions";
  actions.append(actionButton("edit", t(annotation.kind === "note" ? "note-edit" : "highlight-note"), "✎"));
  actions.append(actionButton("delete", t(annotation.kind === "note" ? "note-delete" : "highlight-delete"), "×"));
  head.append(actions);
  const body = document.createElement(annotation.kind === "note" ? "p" : "blockquote");
  body.className = "annotation-text";
  if (annotation.kind === "note") {
    kind.textContent = t("kind-note");
    body.textContent = annotation.note.text;
  } else {
    const { highlight } = annotation;
    item.dataset.color = highlight.color;
    kind.textContent = t(highlight.color === "earmark" ? "kind-earmark" : "kind-highlight");
    body.textContent = highlight.text || `${formatTime(highlight.start_ms)}–${formatTime(highlight.end_ms)}`;
  }
  item.append(head, body);
  if (annotation.kind === "highlight" && annotation.highlight.note) {
    const comment = document.createElement("p");
    comment.className = "annotation-comment";
    comment.textContent = annotation.highlight.note;
    item.append(comment);
  }
  return item;
}

/**
 * @param {string} action
 * @param {string} label
 * @param {string} glyph
 */
function actionButton(action, label, glyph) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "annotation-action";
  button.dataset.action = action;
  button.title = label;
  button.setAttribute("aria-label", label);
  button.textContent = glyph;
  return button;
}
