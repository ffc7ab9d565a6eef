// @ts-check
/**
 * A copied passage of the transcript as plain text: one line per segment,
 * "[m:ss] Speaker: text" ("[≈m:ss]" where the time is estimated).
 * @module lib/passage
 */

import { formatTime } from "./time.js";

/**
 * @typedef {object} PassageLine
 * @property {number|null} startMs
 * @property {boolean} estimated
 * @property {string|null} speaker
 * @property {string} text the part of the segment's text that was selected
 */

/**
 * @param {PassageLine[]} lines
 * @returns {string}
 */
export function formatPassage(lines) {
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, " ").trim() }))
    .filter((line) => line.text)
    .map((line) => {
      const time = line.startMs == null ? "" : `[${line.estimated ? "≈" : ""}${formatTime(line.startMs)}] `;
      const speaker = line.speaker ? `${line.speaker}: ` : "";
      return `${time}${speaker}${line.text}`;
    })
    .join("\n");
}
