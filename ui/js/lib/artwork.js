// @ts-check
/**
 * Pictures asked for once: a show's thumbnail is drawn again with every redraw of
 * the library, and asked of the Rust side only the first time it is found (a show
 * without one yet is asked again next time: it may have been fetched since).
 * @module lib/artwork
 */

/**
 * @param {(key: number) => Promise<string|null>} fetch the picture of `key` (a data: URL)
 * @returns {{get: (key: number) => Promise<string|null>, peek: (key: number) => string|undefined,
 *   forget: () => void}}
 */
export function createArtworkCache(fetch) {
  /** Pictures found, and requests under way, by key. @type {Map<number, Promise<string|null>>} */
  const known = new Map();
  /** Pictures found, by key, for drawing them at once. @type {Map<number, string>} */
  const found = new Map();
  return {
    get(key) {
      const had = known.get(key);
      if (had) return had;
      const asked = fetch(key).then(
        (url) => {
          if (url) found.set(key, url);
          else known.delete(key);
          return url;
        },
        () => {
          known.delete(key);
          return null;
        },
      );
      known.set(key, asked);
      return asked;
    },
    /** The picture of `key` if it was found already (a redraw shows it without a flash). */
    peek(key) {
      return found.get(key);
    },
    /** Forgets every picture (a show's may have changed). */
    forget() {
      known.clear();
      found.clear();
    },
  };
}
