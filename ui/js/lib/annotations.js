// @ts-check
/** Notes and highlights as one list in time order. @module lib/annotations */

/**
 * @typedef {{id: number, episode: number, at_ms: number, text: string, created: string, updated: string}} Note
 * @typedef {{id: number, episode: number, start_ms: number, end_ms: number, text: string, color: string,
 *   note: string|null, created: string}} Highlight
 * @typedef {{kind: "note", at_ms: number, created: string, note: Note}
 *   | {kind: "highlight", at_ms: number, created: string, highlight: Highlight}} Annotation
 */

/**
 * Merges notes and highlights, ordered by their moment in the episode (then by age).
 * @param {Note[]} notes
 * @param {Highlight[]} highlights
 * @returns {Annotation[]}
 */
export function byMoment(notes, highlights) {
  /** @type {Annotation[]} */
  const all = [
    ...notes.map((note) => /** @type {Annotation} */ ({ kind: "note", at_ms: note.at_ms, created: note.created, note })),
    ...highlights.map(
      (highlight) =>
        /** @type {Annotation} */ ({ kind: "highlight", at_ms: highlight.start_ms, created: highlight.created, highlight }),
    ),
  ];
  return all.sort((a, b) => a.at_ms - b.at_ms || a.created.localeCompare(b.created));
}

/**
 * Newest first, for the notebook.
 * @param {Annotation[]} annotations
 * @returns {Annotation[]}
 */
export function newestFirst(annotations) {
  return [...annotations].sort((a, b) => b.created.localeCompare(a.created) || b.at_ms - a.at_ms);
}

/**
 * The transcript span covered by the selected lines: from the first line's start to
 * the last line's end (or its start when it has no end).
 * @param {{start_ms: number, end_ms: number|null}[]} lines in reading order
 * @returns {{start_ms: number, end_ms: number}|null}
 */
export function spanOf(lines) {
  if (lines.length === 0) return null;
  const first = lines[0];
  const last = lines[lines.length - 1];
  return { start_ms: first.start_ms, end_ms: Math.max(first.start_ms, last.end_ms ?? last.start_ms) };
}

/**
 * `rows` with `row` in them: in the place of the row with its id, or else where the
 * library's order (by moment, then id) puts it.
 * @template {{id: number}} R
 * @param {R[]} rows in the library's order
 * @param {R} row as the library stored it
 * @param {(row: R) => number} momentOf
 * @returns {R[]}
 */
export function withRow(rows, row, momentOf) {
  if (rows.some((r) => r.id === row.id)) return rows.map((r) => (r.id === row.id ? row : r));
  const after = rows.findIndex((r) => momentOf(r) > momentOf(row) || (momentOf(r) === momentOf(row) && r.id > row.id));
  return after < 0 ? [...rows, row] : [...rows.slice(0, after), row, ...rows.slice(after)];
}

/**
 * `rows` without the row with `id`.
 * @template {{id: number}} R
 * @param {R[]} rows
 * @param {number} id
 * @returns {R[]}
 */
export function withoutRow(rows, id) {
  return rows.filter((r) => r.id !== id);
}
