// @ts-check
/**
 * Showing and hiding something that fills itself when shown (the help overlay).
 * What a toggle does is decided by the state at the moment it is asked, never after
 * the filling: it shows at once and is filled when its contents are ready; contents
 * that arrive after it was hidden, or after a later showing asked for newer ones, are
 * dropped.
 * @module lib/overlay-toggle
 */

/**
 * @template T
 * @param {{isOpen: () => boolean, setOpen: (open: boolean) => void,
 *   load: () => Promise<T>, fill: (contents: T) => void}} parts
 *   whether it is shown, showing or hiding it, reading its contents, showing them
 */
export function createOverlayToggle({ isOpen, setOpen, load, fill }) {
  /** Showings so far: contents read for an older one are stale. */
  let showings = 0;
  return {
    /** Hides it when shown; else shows it and fills it with contents read now. */
    async toggle() {
      if (isOpen()) {
        setOpen(false);
        return;
      }
      setOpen(true);
      const mine = ++showings;
      const contents = await load();
      if (mine === showings && isOpen()) fill(contents);
    },
  };
}
