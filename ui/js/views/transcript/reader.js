// @ts-check
/**
 * The reader taking over the transcript's scrolling: the wheel, touch, the paging
 * keys, a scrollbar dragged, or a selection made inside it. Auto-follow stops
 * then (and "Back to now" returns to it).
 * @module views/transcript/reader
 */

/**
 * @param {HTMLElement} scroller the transcript's scrolling box
 * @param {HTMLElement} container its lines
 * @param {{isOurScroll: (top: number, now: number) => boolean}} rows scrolls the view made itself
 * @param {{onReader: () => void, onScroll: () => void}} handlers `onReader` when the
 *   reader moved the view, `onScroll` on every scroll
 */
export function watchReader(scroller, container, rows, { onReader, onScroll }) {
  scroller.style.overflowAnchor = "none"; // rows are anchored by hand
  scroller.addEventListener("wheel", onReader, { passive: true });
  scroller.addEventListener("touchmove", onReader, { passive: true });
  scroller.addEventListener("keydown", (e) => {
    if (["PageUp", "PageDown", "Home", "End"].includes(e.key)) onReader();
  });
  scroller.addEventListener(
    "scroll",
    () => {
      // Scrolling that is not the view's own (a scrollbar dragged, a script) is the reader's.
      if (!rows.isOurScroll(scroller.scrollTop, performance.now())) onReader();
      onScroll();
    },
    { passive: true },
  );
  document.addEventListener("selectionchange", () => {
    if (selectionInside(container)) onReader();
  });
}

/**
 * Is there a selection inside `container`?
 * @param {HTMLElement} container
 */
export function selectionInside(container) {
  const selection = window.getSelection();
  return Boolean(selection && !selection.isCollapsed && selection.anchorNode && container.contains(selection.anchorNode));
}
