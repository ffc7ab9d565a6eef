// @ts-check
/**
 * The quiet row of transcript actions above the lines: find, add a transcript (a
 * native file dialog; a file input is kept as the fallback where the dialog is not
 * available), align an untimed transcript to the audio (with its progress and a
 * cancel button), and export in one of four formats. Also the hint shown while a
 * transcript file is dragged over the window.
 * @module views/transcript-tools
 */

/** @typedef {"vtt" | "srt" | "json" | "md"} ExportFormat */

/** @type {[ExportFormat, string][]} */
const FORMATS = [
  ["vtt", "WebVTT (.vtt)"],
  ["srt", "SRT (.srt)"],
  ["json", "Podcasting 2.0 JSON"],
  ["md", "Markdown (.md)"],
];

/**
 * @typedef {object} ToolHandlers
 * @property {() => void} onFind
 * @property {() => void} onAdd open the file dialog
 * @property {(file: File) => void} onFile a file chosen through the file input
 * @property {(format: ExportFormat, estimated: boolean) => void} onExport
 * @property {() => void} onAlign align the transcript to the audio
 * @property {() => void} onCancelAlign
 */

/**
 * @param {HTMLElement} before the tools are placed just before this element
 * @param {HTMLElement} dropHost where the drop hint is placed
 * @param {ToolHandlers} handlers
 */
export function createTranscriptTools(before, dropHost, { onFind, onAdd, onFile, onExport, onAlign, onCancelAlign }) {
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

  const find = button("Find", "Find in the transcript (Ctrl+F)", "find-open");
  find.addEventListener("click", onFind);

  const add = button("Add transcript…", "Add or replace this episode's transcript, or drop a file on the window", "transcript-add");
  add.addEventListener("click", onAdd);

  const align = button("Align to audio", "Find where every line is spoken, offline", "transcript-align");
  align.addEventListener("click", onAlign);
  const aligning = document.createElement("span");
  aligning.className = "align-progress";
  aligning.dataset.testid = "align-progress";
  aligning.hidden = true;
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.setAttribute("aria-label", "Aligning the transcript");
  const cancel = button("Cancel", "Stop aligning", "align-cancel");
  cancel.addEventListener("click", onCancelAlign);
  aligning.append(bar, cancel);
  /** Whether the transcript shown can be aligned (it has lines and no times). */
  let alignable = false;
  /** Whether the alignment shown was asked to stop. */
  let stopping = false;

  const file = document.createElement("input");
  file.type = "file";
  file.className = "visually-hidden";
  file.tabIndex = -1;
  file.accept = ".vtt,.srt,.json,.html,.htm,.txt";
  file.dataset.testid = "transcript-file";
  file.setAttribute("aria-label", "Transcript file");
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) onFile(chosen);
    file.value = "";
  });

  const exportMenu = document.createElement("details");
  exportMenu.className = "export-menu";
  const summary = document.createElement("summary");
  summary.className = "tool-button";
  summary.textContent = "Export";
  summary.dataset.testid = "export-open";
  const menu = document.createElement("div");
  menu.className = "export-list";
  const estimatedLabel = document.createElement("label");
  estimatedLabel.className = "export-estimated";
  const estimated = document.createElement("input");
  estimated.type = "checkbox";
  estimated.checked = true;
  estimatedLabel.append(estimated, document.createTextNode(" With estimated times"));
  for (const [format, label] of FORMATS) {
    const item = button(label, `Save the transcript as ${label}`, `export-${format}`);
    item.classList.add("export-item");
    item.addEventListener("click", () => {
      exportMenu.open = false;
      onExport(format, estimated.checked);
    });
    menu.append(item);
  }
  menu.append(estimatedLabel);
  exportMenu.append(summary, menu);
  document.addEventListener("click", (event) => {
    if (exportMenu.open && !exportMenu.contains(/** @type {Node} */ (event.target))) exportMenu.open = false;
  });

  tools.append(find, add, align, aligning, exportMenu, file);
  before.before(tools);

  const dropHint = document.createElement("div");
  dropHint.className = "drop-hint";
  dropHint.dataset.testid = "drop-hint";
  dropHint.hidden = true;
  dropHint.textContent = "Drop the transcript file to add it to this episode";
  dropHost.append(dropHint);

  return {
    /**
     * @param {{hasTranscript: boolean, timed: boolean}} state
     */
    setState({ hasTranscript, timed }) {
      find.disabled = !hasTranscript;
      alignable = hasTranscript && !timed;
      align.hidden = !alignable || !aligning.hidden;
      exportMenu.hidden = !hasTranscript;
      estimatedLabel.hidden = timed;
      add.textContent = hasTranscript ? "Replace transcript…" : "Add transcript…";
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
        cancel.textContent = "Cancel";
      }
      cancel.disabled = stopping || !running;
      aligning.hidden = done === null;
      align.hidden = !alignable || done !== null;
      if (done !== null) bar.value = done;
    },
    /** Shows that the running alignment was asked to stop (until it has). */
    setAlignStopping() {
      stopping = true;
      cancel.disabled = true;
      cancel.textContent = "Stopping…";
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
