// @ts-check
/** Finding the transcript line at a media time. @module lib/segments */

/**
 * Index of the last segment starting at or before `ms` (binary search), or -1 before
 * the first. A gap between lines keeps the previous line lit until the next starts.
 * @param {number[]} starts ascending start times in ms
 * @param {number} ms
 * @returns {number}
 */
export function segmentIndexAt(starts, ms) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * A stable colour slot (1–5) for a speaker name, in order of first appearance.
 * @param {Map<string, number>} slots
 * @param {string} speaker
 * @returns {number}
 */
export function speakerSlot(slots, speaker) {
  let slot = slots.get(speaker);
  if (slot === undefined) {
    slot = (slots.size % 5) + 1;
    slots.set(speaker, slot);
  }
  return slot;
}
