// @ts-check
/**
 * The open episode's chapters: a list under its title (folded until asked for) and
 * ticks on the seek bar; a click on either plays from that chapter.
 * @module views/chapters
 */

import { t } from "../lib/i18n.js";
import { chapterIndexAt } from "../lib/chapters.js";
import { formatTime } from "../lib/time.js";

/** @typedef {import("../api.js").Chapter} Chapter */

/**
 * @param {HTMLDetailsElement} box the `<details>` in the episode header
 * @param {HTMLElement} ticks the layer over the seek bar
 * @param {{onPlayFrom: (ms: number) => void}} handlers
 */
export function createChapters(box, ticks, { onPlayFrom }) {
  const summary = /** @type {HTMLElement} */ (box.querySelector("summary"));
  const list = /** @type {HTMLElement} */ (box.querySelector(".chapter-list"));
  /** @type {Chapter[]} */
  let chapters = [];
  /** The chapter marked as playing. */
  let lit = -1;

  /** @param {Event} event */
  const jump = (event) => {
    const target = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-start-ms]"));
    if (target) onPlayFrom(Number(target.dataset.startMs));
  };
  list.addEventListener("click", jump);
  ticks.addEventListener("click", jump);

  return {
    /**
     * @param {Chapter[]} found
     * @param {number} durationMs
     */
    render(found, durationMs) {
      chapters = found;
      lit = -1;
      box.hidden = found.length === 0;
      summary.textContent = t("chapters-count", { count: found.length });
      list.replaceChildren(
        ...found.map((chapter, index) => {
          const li = document.createElement("li");
          const button = document.createElement("button");
          button.type = "button";
          button.className = "chapter";
          button.dataset.testid = "chapter";
          button.dataset.index = String(index);
          button.dataset.startMs = String(chapter.start_ms);
          const time = document.createElement("span");
          time.className = "chapter-time";
          time.textContent = formatTime(chapter.start_ms);
          const title = document.createElement("span");
          title.className = "chapter-title";
          title.textContent = chapter.title || t("chapter-untitled", { number: index + 1 });
          button.append(time, title);
          li.append(button);
          return li;
        }),
      );
      ticks.replaceChildren(
        ...(durationMs > 0 ? found : [])
          .filter((chapter) => chapter.start_ms > 0 && chapter.start_ms < durationMs)
          .map((chapter) => {
            const tick = document.createElement("button");
            tick.type = "button";
            tick.className = "chapter-tick";
            tick.dataset.testid = "chapter-tick";
            tick.dataset.startMs = String(chapter.start_ms);
            tick.title = `${formatTime(chapter.start_ms)} · ${chapter.title}`;
            tick.setAttribute("aria-label", t("chapter-play-from", { title: chapter.title }));
            tick.style.left = `${(100 * chapter.start_ms) / durationMs}%`;
            return tick;
          }),
      );
    },
    /**
     * Marks the chapter playing at `ms`.
     * @param {number} ms
     */
    setPosition(ms) {
      const current = chapterIndexAt(chapters, ms);
      if (current === lit) return;
      list.querySelector(`[data-index="${lit}"]`)?.removeAttribute("aria-current");
      list.querySelector(`[data-index="${current}"]`)?.setAttribute("aria-current", "true");
      lit = current;
    },
  };
}
