// @ts-check
/**
 * One row of the transcript: the speaker's name when a turn starts, the line with
 * its time in the margin, its text, and on an untimed transcript the pin button
 * ("this line starts now"). The time shows how it is known: given, estimated (≈),
 * pinned, or not found in the audio by the aligner (?).
 * @module views/transcript/row
 */

import { t } from "../../lib/i18n.js";
import { formatTime } from "../../lib/time.js";

/**
 * @typedef {object} RenderedRow
 * @property {HTMLElement} row
 * @property {HTMLElement} line the `.segment` element
 * @property {HTMLElement} time
 * @property {HTMLElement} text
 * @property {HTMLButtonElement|null} pin
 * @property {HTMLElement[]} words word elements, on the current line only
 */

/**
 * The elements of row `i`, its time and text still empty.
 * @param {number} i
 * @param {{turnStart: boolean, speaker: string|null, slot: number, pinnable: boolean}} options
 * @returns {RenderedRow}
 */
export function buildRow(i, { turnStart, speaker, slot, pinnable }) {
  const row = document.createElement("div");
  row.className = "transcript-row";
  row.dataset.row = String(i);
  if (turnStart) {
    row.classList.add("turn-start");
    if (speaker) {
      const name = document.createElement("span");
      name.className = "speaker";
      name.dataset.slot = String(slot);
      name.style.setProperty("--speaker-color", `var(--speaker-${slot})`);
      name.textContent = speaker;
      row.append(name);
    }
  }
  const line = document.createElement("p");
  line.className = "segment";
  line.dataset.testid = "segment";
  line.dataset.index = String(i);
  const time = document.createElement("span");
  time.className = "segment-time";
  const text = document.createElement("span");
  text.className = "segment-text";
  line.append(time, text);
  /** @type {HTMLButtonElement|null} */
  let pin = null;
  if (pinnable) {
    pin = document.createElement("button");
    pin.type = "button";
    pin.className = "pin-button";
    pin.dataset.testid = "pin-line";
    line.append(pin);
  }
  row.append(line);
  return { row, line, time, text, pin, words: [] };
}

/**
 * Shows a row's time and how it is known.
 * @param {RenderedRow} entry
 * @param {{start: number|null, end: number|null, timing: "given"|"estimated"|"pinned"|null, notFound: boolean}} times
 */
export function paintRowTimes({ line, time, pin }, { start, end, timing, notFound }) {
  if (start == null) {
    delete line.dataset.startMs;
    delete line.dataset.endMs;
    time.textContent = "";
  } else {
    line.dataset.startMs = String(start);
    if (end != null) line.dataset.endMs = String(end);
    time.textContent = (timing === "estimated" ? "≈" : "") + formatTime(start);
  }
  if (timing) line.dataset.timing = timing;
  else delete line.dataset.timing;
  line.classList.toggle("is-not-found", notFound);
  time.title = notFound
    ? t("line-not-found")
    : timing === "estimated"
      ? t("line-estimated")
      : timing === "pinned"
        ? t("line-pinned")
        : "";
  line.classList.toggle("is-pinned", timing === "pinned");
  if (pin) {
    const pinned = timing === "pinned";
    pin.textContent = t(pinned ? "unpin" : "starts-now");
    pin.title = t(pinned ? "unpin-title" : "starts-now-title");
    pin.setAttribute("aria-label", t(pinned ? "unpin-label" : "starts-now-label"));
  }
}
