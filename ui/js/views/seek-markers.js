// @ts-check
/** Note and highlight markers along the seek bar. @module views/seek-markers */

/** @typedef {import("../lib/annotations.js").Annotation} Annotation */

/** @param {HTMLElement} layer positioned over the seek bar */
export function createSeekMarkers(layer) {
  return {
    /**
     * @param {Annotation[]} annotations
     * @param {number} durationMs
     */
    render(annotations, durationMs) {
      if (durationMs <= 0) {
        layer.replaceChildren();
        return;
      }
      layer.replaceChildren(
        ...annotations.map((a) => {
          const mark = document.createElement("span");
          mark.className = `seek-marker seek-marker-${a.kind}`;
          mark.dataset.testid = "seek-marker";
          mark.style.left = `${Math.min(100, (100 * a.at_ms) / durationMs)}%`;
          return mark;
        }),
      );
    },
  };
}
