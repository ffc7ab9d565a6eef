// @ts-check
/**
 * Words for what checking a timed transcript against the audio did: where audio
 * was added or removed since the transcript was made, and by how much its lines
 * were moved.
 * @module lib/timing
 */

import { formatTime } from "./time.js";

/** @typedef {{segment: number, given_ms: number, at_ms: number, shift_ms: number}} DriftStep */

/** @param {number} ms */
const seconds = (ms) => `${(Math.abs(ms) / 1000).toFixed(1)} s`;

/**
 * @param {{offset_ms: number, steps: DriftStep[]}} drift
 * @returns {string}
 */
export function describeDrift({ offset_ms, steps }) {
  if (offset_ms === 0 && steps.length === 0) return "The times already match the audio.";
  const parts = [];
  if (offset_ms !== 0) parts.push(`every line ${seconds(offset_ms)} ${offset_ms > 0 ? "later" : "earlier"}`);
  for (const step of steps) {
    const what = step.shift_ms > 0 ? `${seconds(step.shift_ms)} of audio added` : `${seconds(step.shift_ms)} of audio removed`;
    parts.push(`${what} before ${formatTime(step.at_ms)}, the lines from there moved`);
  }
  return `Matched to the audio: ${parts.join("; ")}.`;
}

/**
 * Words for a hand-made move of every line.
 * @param {number} deltaMs
 * @returns {string}
 */
export function describeNudge(deltaMs) {
  return `Moved every line ${seconds(deltaMs)} ${deltaMs > 0 ? "later" : "earlier"}.`;
}

/**
 * Words for a transcription kept: how many lines, and that words may be misheard.
 * @param {number} lines
 * @returns {string}
 */
export function describeTranscribed(lines) {
  return `Transcribed on this computer: ${lines} line${lines === 1 ? "" : "s"}. Words may be misheard.`;
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
  const lines =
    missing === 0
      ? "Every line is now where it is spoken."
      : `Aligned. ${missing} ${missing === 1 ? "line was" : "lines were"} not found in the audio.`;
  if (unmatched.length === 0) return lines;
  const [first] = unmatched;
  const audio =
    unmatched.length === 1
      ? `The audio from ${formatTime(first.start_ms)} to ${formatTime(first.end_ms)} has no text.`
      : `${unmatched.length} stretches of audio have no text, the first from ${formatTime(first.start_ms)}.`;
  return `${lines} ${audio}`;
}
