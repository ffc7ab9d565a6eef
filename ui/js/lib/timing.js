// @ts-check
/**
 * Words for what checking a timed transcript against the audio did: where audio
 * was added or removed since the transcript was made, and by how much its lines
 * were moved.
 * @module lib/timing
 */

import { formatNumber, t } from "./i18n.js";
import { formatTime } from "./time.js";

/** @typedef {{segment: number, given_ms: number, at_ms: number, shift_ms: number}} DriftStep */

/** A shift in seconds, to the tenth: "1.5", "1,5". @param {number} ms */
const seconds = (ms) => formatNumber(Math.round(Math.abs(ms) / 100) / 10, { minimumFractionDigits: 1 });

/**
 * @param {{offset_ms: number, steps: DriftStep[]}} drift
 * @returns {string}
 */
export function describeDrift({ offset_ms, steps }) {
  if (offset_ms === 0 && steps.length === 0) return t("drift-none");
  const parts = [];
  if (offset_ms !== 0) parts.push(t(offset_ms > 0 ? "drift-every-later" : "drift-every-earlier", { seconds: seconds(offset_ms) }));
  for (const step of steps) {
    parts.push(t(step.shift_ms > 0 ? "drift-added" : "drift-removed", { seconds: seconds(step.shift_ms), time: formatTime(step.at_ms) }));
  }
  return t("drift-matched", { parts: parts.join("; ") });
}

/**
 * Words for a hand-made move of every line.
 * @param {number} deltaMs
 * @returns {string}
 */
export function describeNudge(deltaMs) {
  return t(deltaMs > 0 ? "nudged-later" : "nudged-earlier", { seconds: seconds(deltaMs) });
}

/**
 * Words for a transcription kept: how many lines, and that words may be misheard.
 * @param {number} lines
 * @returns {string}
 */
export function describeTranscribed(lines) {
  return t("transcribed", { count: lines });
}

/**
 * Words for what aligning did: lines not found in the audio, and audio no line was
 * matched to (an ad, music, or the rest of an episode whose page cut its
 * transcript off).
 * @param {{segments: {flagged: boolean}[], unmatched: {start_ms: number, end_ms: number}[]}} summary
 * @returns {string}
 */
export function describeAlignment({ segments, unmatched }) {
  const missing = segments.filter((s) => s.flagged).length;
  const lines = t("aligned", { missing });
  if (unmatched.length === 0) return lines;
  const [first] = unmatched;
  const audio = t("aligned-unmatched", { count: unmatched.length, from: formatTime(first.start_ms), to: formatTime(first.end_ms) });
  return `${lines} ${audio}`;
}
