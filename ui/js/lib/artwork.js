// @ts-check
/**
 * Pictures asked for once: a show's thumbnail is drawn again with every redraw of
 * the library, and asked of the Rust side only the first time it is found (a show
 * without one yet is asked again next time: it may have been fetched since).
 * @module lib/artwork
 */

/**
 * @param {(key: number) => Promise<string|null>} fetch the picture of `key` (a data: URL)
 * @returns {{get: (key: number) => Promise<string|null>, forget: () => void}}
 */
export function createArtworkCache(fetch) {
  /** Pictures found, and requests under way, by key. @type {Map<number, Promise<string|null>>} */
  const known = new Map();
  return {
    get(key) {
      const had = known.get(key);
      if (had) return had;
      const asked = fetch(key).then(
        (url) => {
          if (!url) known.delete(key);
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
    /** Forgets every picture (a show's may have changed). */
    forget() {
      known.clear();
    },
  };
}
