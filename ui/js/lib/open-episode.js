// @ts-check
/**
 * The episode open in the middle of the window, held in this one place: the
 * sessions read it from here and are told when another one opens.
 * @module lib/open-episode
 */

/**
 * @template {{id: number}} E
 * @typedef {{readonly id: number|null, readonly episode: E|null, set: (episode: E) => void,
 *   onOpen: (listener: (episode: E) => void) => void}} Holder
 */

/** The window's open episode. @typedef {Holder<import("../api.js").OpenedEpisode>} OpenEpisode */

/**
 * @template {{id: number}} E
 * @returns {Holder<E>}
 */
export function createOpenEpisode() {
  /** @type {E|null} */
  let open = null;
  /** @type {((episode: E) => void)[]} */
  const listeners = [];
  return {
    /** The open episode's id; null before the first opens. */
    get id() {
      return open?.id ?? null;
    },
    /** The open episode as it was opened. */
    get episode() {
      return open;
    },
    /** Makes `episode` the open one, then tells each listener, in the order they came. */
    set(episode) {
      open = episode;
      for (const listener of listeners) listener(episode);
    },
    /** Calls `listener` each time an episode opens. */
    onOpen(listener) {
      listeners.push(listener);
    },
  };
}
