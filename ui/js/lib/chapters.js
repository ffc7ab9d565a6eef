// @ts-check
/** Chapters by time. @module lib/chapters */

/**
 * The index of the chapter playing at `ms` (the last one starting at or before it),
 * or -1 before the first. `chapters` are sorted by start.
 * @param {{start_ms: number}[]} chapters
 * @param {number} ms
 * @returns {number}
 */
export function chapterIndexAt(chapters, ms) {
  let lo = 0;
  let hi = chapters.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chapters[mid].start_ms <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
