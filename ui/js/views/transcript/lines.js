// @ts-check
/**
 * A transcript's lines and their times: given, for a timed transcript; estimated or
 * pinned, for an untimed one (the times arrive after the lines). No page here.
 * @module views/transcript/lines
 */

/** @typedef {import("../../api.js").Segment} Segment */
/** @typedef {import("../../api.js").EstimatedTime} EstimatedTime */

/**
 * @typedef {object} Lines
 * @property {Segment[]} segments
 * @property {boolean} timed whether the transcript gives its own times
 * @property {EstimatedTime[]|null} times estimated and pinned times of an untimed transcript
 * @property {number[]} starts start of every line, for the lit-line lookup
 * @property {Uint8Array} turnStarts 1 where a line starts a speaker's turn
 * @property {Map<string, number>} slots each speaker's colour
 * @property {Set<number>} notFound the lines the aligner did not find in the audio
 */

/**
 * The lines of a transcript just shown (an untimed one without times yet).
 * @param {Segment[]} segments
 * @param {boolean} timed
 * @returns {Lines}
 */
export function readLines(segments, timed) {
  const turnStarts = new Uint8Array(segments.length);
  for (let i = 0; i < segments.length; i++) {
    turnStarts[i] = i === 0 || segments[i].speaker !== segments[i - 1].speaker ? 1 : 0;
  }
  return {
    segments,
    timed,
    times: null,
    starts: timed ? segments.map((s) => s.start_ms ?? 0) : [],
    turnStarts,
    slots: new Map(),
    notFound: new Set(),
  };
}

/**
 * Gives an untimed transcript its estimated (and pinned) times.
 * @param {Lines} lines
 * @param {EstimatedTime[]} estimated
 * @returns {boolean} false when they are not for these lines (a timed transcript, another count)
 */
export function estimate(lines, estimated) {
  if (lines.timed || estimated.length !== lines.segments.length) return false;
  lines.times = estimated;
  lines.starts = estimated.map((t) => t.start_ms);
  return true;
}

/** @param {Lines} lines @param {number} i @returns {number|null} */
export function startOf({ timed, segments, times }, i) {
  if (timed) return segments[i]?.start_ms ?? null;
  return times?.[i]?.start_ms ?? null;
}

/** @param {Lines} lines @param {number} i @returns {number|null} */
export function endOf({ timed, segments, times }, i) {
  if (!timed) return times?.[i]?.end_ms ?? null;
  const segment = segments[i];
  if (!segment || segment.start_ms == null) return null;
  return segment.end_ms ?? segments[i + 1]?.start_ms ?? segment.start_ms;
}

/** @param {Lines} lines @param {number} i @returns {"given"|"estimated"|"pinned"|null} */
export function timingOf({ timed, times }, i) {
  if (timed) return "given";
  return times?.[i]?.source ?? null;
}
