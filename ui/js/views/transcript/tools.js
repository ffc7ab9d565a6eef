// @ts-check
/**
 * The quiet row of transcript actions above the lines: find, add a transcript (from a
 * file, by a native dialog with a file input as the fallback where the dialog is not
 * available, or from a web page's address), align an untimed transcript to the audio (with its progress and a
 * cancel button), fix a timed one's timing (check it against the audio, or move
 * it all earlier or later), and export in one of four formats; where the transcript
 * came from, when a web page. Also the hint shown while a transcript file is dragged
 * over the window.
 * @module views/transcript/tools
 */

import { t } from "../../lib/i18n.js";

/** @typedef {"vtt" | "srt" | "json" | "md"} ExportFormat */

/** The formats a transcript is exported in, in the menu's order. @type {ExportFormat[]} */
const FORMATS = ["vtt", "srt", "json", "md"];

/**
 * @typedef {object} ToolHandlers
 * @property {() => void} onFind
 * @property {() => void} onAdd open the file dialog
 * @property {(url: string) => void} onAddPage read the transcript the web page at this address shows
 * @property {(file: File) => void} onFile a file chosen through the file input
 * @property {(format: ExportFormat, estimated: boolean) => void} onExport
 * @property {() => void} onAlign align the transcript to the audio
 * @property {() => void} onTranscribe recognise the episode's speech, offline
 * @property {() => void} onCancelAlign
 * @property {() => void} onCheckTiming check a timed transcript against the audio
 * @property {(deltaMs: number) => void} onNudge move every time (negative: earlier)
 */

/** @param {string} url @returns {string} the host, or "" for an address that is not one */
const hostOf = (url) => {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
};

/** How far one "earlier" or "later" moves a timed transcript. */
export const NUDGE_MS = 500;

/**
 * @param {HTMLElement} before the tools are placed just before this element
 * @param {HTMLElement} dropHost where the drop hint is placed
 * @param {ToolHandlers} handlers
 */
export function createTranscriptTools(
  before,
  dropHost,
  { onFind, onAdd, onAddPage, onFile, onExport, onAlign, onTranscribe, onCancelAlign, onCheckTiming, onNudge },
) {
  const tools = document.createElement("div");
  tools.className = "transcript-tools";
  tools.dataset.testid = "transcript-tools";

  /**
   * @param {string} text
   * @param {string} title
   * @param {string} testid
   */
  const button = (text, title, testid) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "tool-button";
    b.textContent = text;
    b.title = title;
    b.dataset.testid = testid;
    return b;
  };

  const find = button(t("find"), t("find-title"), "find-open");
  find.addEventListener("click", onFind);

  const align = button(t("align"), t("align-title"), "transcript-align");
  align.addEventListener("click", onAlign);
  const transcribe = button(t("transcribe"), t("transcribe-title"), "transcript-transcribe");
  transcribe.addEventListener("click", onTranscribe);
  const aligning = document.createElement("span");
  aligning.className = "align-progress";
  aligning.dataset.testid = "align-progress";
  aligning.hidden = true;
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.setAttribute("aria-label", t("aligning"));
  const cancel = button(t("cancel"), t("align-cancel-title"), "align-cancel");
  cancel.addEventListener("click", onCancelAlign);
  const left = document.createElement("span");
  left.className = "job-left";
  left.dataset.testid = "job-left";
  aligning.append(bar, left, cancel);
  /** Whether the episode shown has no transcript (it can be transcribed). */
  let untranscribed = false;
  /** Whether the transcript shown can be aligned (it has lines and no times). */
  let alignable = false;
  /** Whether the transcript shown has times to fix (it has lines and times). */
  let timable = false;
  /** Whether the episode's audio is still to be downloaded (aligning and transcribing need it). */
  let needsDownload = false;
  /** Whether the transcript shown is timed by the paragraph. */
  let coarseShown = false;

  /** Align and Transcribe work on the downloaded audio: until then they say so. */
  function sayWhatTheyNeed() {
    align.disabled = needsDownload;
    transcribe.disabled = needsDownload;
    const waiting = t("needs-download-title");
    align.title = needsDownload ? waiting : t(coarseShown ? "align-coarse-title" : "align-title");
    transcribe.title = needsDownload ? waiting : t("transcribe-title");
  }
  /** Whether the alignment shown was asked to stop. */
  let stopping = false;

  const file = document.createElement("input");
  file.type = "file";
  file.className = "visually-hidden";
  file.tabIndex = -1;
  file.accept = ".vtt,.srt,.json,.html,.htm,.txt";
  file.dataset.testid = "transcript-file";
  file.setAttribute("aria-label", t("transcript-file"));
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) onFile(chosen);
    file.value = "";
  });

  /** Menus close on a click outside them. @type {HTMLDetailsElement[]} */
  const menus = [];
  /**
   * A menu: a button that opens a list of actions.
   * @param {string} label @param {string} testid
   * @returns {{menu: HTMLDetailsElement, list: HTMLElement}}
   */
  const dropdown = (label, testid) => {
    const menu = document.createElement("details");
    menu.className = "tool-menu";
    const summary = document.createElement("summary");
    summary.className = "tool-button";
    summary.textContent = label;
    summary.dataset.testid = testid;
    const list = document.createElement("div");
    list.className = "tool-menu-list";
    menu.append(summary, list);
    menus.push(menu);
    return { menu, list };
  };
  /**
   * An action in a menu.
   * @param {HTMLDetailsElement} menu @param {string} text @param {string} title @param {string} testid
   * @param {() => void} action
   */
  const menuItem = (menu, text, title, testid, action) => {
    const item = button(text, title, testid);
    item.classList.add("tool-menu-item");
    item.addEventListener("click", () => {
      menu.open = false;
      action();
    });
    return item;
  };
  document.addEventListener("click", (event) => {
    for (const menu of menus) {
      if (menu.open && !menu.contains(/** @type {Node} */ (event.target))) menu.open = false;
    }
  });

  const { menu: addMenu, list: addList } = dropdown(t("transcript-add"), "transcript-add-open");
  const addSummary = /** @type {HTMLElement} */ (addMenu.querySelector("summary"));
  addSummary.title = t("transcript-add-title");
  const pageForm = document.createElement("form");
  pageForm.className = "page-form";
  const pageLabel = document.createElement("label");
  pageLabel.textContent = t("transcript-from-page");
  const pageUrl = document.createElement("input");
  pageUrl.type = "url";
  pageUrl.className = "text-input";
  pageUrl.placeholder = "https://…/episode-page";
  pageUrl.required = true;
  pageUrl.dataset.testid = "transcript-page-url";
  pageUrl.setAttribute("aria-label", t("transcript-page-address"));
  pageLabel.append(pageUrl);
  const pageAdd = button(t("add"), t("transcript-page-add-title"), "transcript-page-add");
  pageAdd.type = "submit";
  pageForm.append(pageLabel, pageAdd);
  pageForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = pageUrl.value.trim();
    if (!url) return;
    addMenu.open = false;
    pageUrl.value = "";
    onAddPage(url);
  });
  addList.append(
    menuItem(addMenu, t("transcript-from-file"), t("transcript-from-file-title"), "transcript-add", onAdd),
    pageForm,
  );

  const source = document.createElement("span");
  source.className = "transcript-source";
  source.dataset.testid = "transcript-source";
  source.hidden = true;
  const made = document.createElement("span");
  made.className = "transcript-source";
  made.dataset.testid = "transcript-machine-made";
  made.textContent = t("machine-made");
  made.title = t("machine-made-title");
  made.hidden = true;

  const { menu: timingMenu, list: timingList } = dropdown(t("timing"), "timing-open");
  timingList.append(
    menuItem(timingMenu, t("timing-check"), t("timing-check-title"), "timing-check", onCheckTiming),
    menuItem(timingMenu, t("timing-earlier", { seconds: NUDGE_MS / 1000 }), t("timing-earlier-title"), "timing-earlier", () => onNudge(-NUDGE_MS)),
    menuItem(timingMenu, t("timing-later", { seconds: NUDGE_MS / 1000 }), t("timing-later-title"), "timing-later", () => onNudge(NUDGE_MS)),
  );

  const { menu: exportMenu, list: exportList } = dropdown(t("export"), "export-open");
  const estimatedLabel = document.createElement("label");
  estimatedLabel.className = "export-estimated";
  const estimated = document.createElement("input");
  estimated.type = "checkbox";
  estimated.checked = true;
  estimatedLabel.append(estimated, document.createTextNode(` ${t("export-estimated")}`));
  for (const format of FORMATS) {
    const label = t(`export-format-${format}`);
    exportList.append(
      menuItem(exportMenu, label, t("export-as", { format: label }), `export-${format}`, () => onExport(format, estimated.checked)),
    );
  }
  exportList.append(estimatedLabel);

  tools.append(find, addMenu, transcribe, align, timingMenu, aligning, exportMenu, source, made, file);
  before.before(tools);

  const dropHint = document.createElement("div");
  dropHint.className = "drop-hint";
  dropHint.dataset.testid = "drop-hint";
  dropHint.hidden = true;
  dropHint.textContent = t("transcript-drop-hint");
  dropHost.append(dropHint);

  return {
    /**
     * @param {{hasTranscript: boolean, timed: boolean, coarse: boolean}} state coarse: timed
     *   by the paragraph, so aligning cuts it into sentences
     */
    setState({ hasTranscript, timed, coarse }) {
      find.disabled = !hasTranscript;
      untranscribed = !hasTranscript;
      transcribe.hidden = !untranscribed || !aligning.hidden;
      alignable = hasTranscript && (!timed || coarse);
      coarseShown = coarse;
      sayWhatTheyNeed();
      timable = hasTranscript && timed;
      align.hidden = !alignable || !aligning.hidden;
      timingMenu.hidden = !timable || !aligning.hidden;
      exportMenu.hidden = !hasTranscript;
      estimatedLabel.hidden = timed;
      addSummary.textContent = t(hasTranscript ? "transcript-replace" : "transcript-add");
    },
    /**
     * Says where the transcript came from, when it was a web page, and whether the
     * page cut it off.
     * @param {string|null} page the page's address
     * @param {boolean} incomplete
     */
    setSource(page, incomplete) {
      source.hidden = !page;
      if (!page) return;
      source.textContent = t(incomplete ? "transcript-source-cut-off" : "transcript-source");
      const host = hostOf(page);
      source.title = incomplete
        ? `${host || page}\n${t("transcript-source-cut-off-title")}`
        : host || page;
      source.dataset.incomplete = String(incomplete);
    },
    /**
     * Shows an alignment's progress (0 to 1), or hides it with null. Cancel is
     * offered once the job has said it runs (`running`), until it was asked to stop.
     * @param {number|null} done
     * @param {boolean} [running]
     */
    setAligning(done, running = true) {
      if (done === null || aligning.hidden) {
        stopping = false;
        cancel.textContent = t("cancel");
      }
      cancel.disabled = stopping || !running;
      aligning.hidden = done === null;
      align.hidden = !alignable || done !== null;
      transcribe.hidden = !untranscribed || done !== null;
      if (done === null) left.textContent = "";
      timingMenu.hidden = !timable || done !== null;
      if (done !== null) bar.value = done;
    },
    /** Says how long the running job has left ("" while it cannot tell). @param {string} words */
    setTimeLeft(words) {
      left.textContent = words;
    },
    /** Says whether the episode's audio is still to be downloaded. @param {boolean} needed */
    setNeedsDownload(needed) {
      needsDownload = needed;
      sayWhatTheyNeed();
    },
    /** Marks the transcript shown as machine-made (transcribed here), or not. @param {boolean} machineMade */
    setMachineMade(machineMade) {
      made.hidden = !machineMade;
    },
    /** Shows that the running alignment was asked to stop (until it has). */
    setAlignStopping() {
      stopping = true;
      cancel.disabled = true;
      cancel.textContent = t("stopping");
    },
    /** Opens the file input's own chooser (the fallback when there is no dialog). */
    chooseWithInput() {
      file.click();
    },
    /** @param {boolean} active */
    showDropHint(active) {
      dropHint.hidden = !active;
    },
  };
}
