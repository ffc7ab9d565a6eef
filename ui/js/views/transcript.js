// @ts-check
/**
 * The transcript: lines grouped by speaker, the current line lit, a click plays from
 * a line, and auto-follow that yields to the reader's own scrolling.
 * @module views/transcript
 */

import { formatTime } from "../lib/time.js";
import { segmentIndexAt, speakerSlot } from "../lib/segments.js";

/** @typedef {import("../api.js").Segment} Segment */

/** After the reader scrolls, auto-follow waits this long before it may resume. */
const USER_SCROLL_GRACE_MS = 1200;

/**
 * @param {HTMLElement} scroller the scrolling section
 * @param {HTMLElement} container where lines go
 * @param {HTMLElement} backToNow the "Back to now" button
 * @param {{onPlayFrom: (ms: number) => void}} handlers
 */
export function createTranscriptView(scroller, container, backToNow, { onPlayFrom }) {
  /** @type {HTMLElement[]} */
  let lines = [];
  /** @type {number[]} */
  let starts = [];
  let current = -1;
  let following = true;
  let programmaticScrollUntil = 0;
  let timed = false;

  container.addEventListener("click", (event) => {
    if (!timed) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // selecting text, not seeking
    const line = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest(".segment"));
    if (!line || line.dataset.startMs === undefined) return;
    following = true;
    backToNow.hidden = true;
    onPlayFrom(Number(line.dataset.startMs));
  });

  const userScrolled = () => {
    if (performance.now() < programmaticScrollUntil) return;
    if (following && current >= 0) {
      following = false;
      backToNow.hidden = false;
    }
  };
  scroller.addEventListener("wheel", userScrolled, { passive: true });
  scroller.addEventListener("touchmove", userScrolled, { passive: true });
  scroller.addEventListener("keydown", (e) => {
    if (["PageUp", "PageDown", "Home", "End"].includes(e.key)) userScrolled();
  });
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && container.contains(selection.anchorNode)) userScrolled();
  });
  backToNow.addEventListener("click", () => {
    following = true;
    backToNow.hidden = true;
    scrollToCurrent("smooth");
  });

  /** @param {ScrollBehavior} behavior */
  function scrollToCurrent(behavior) {
    const line = lines[current];
    if (!line) return;
    programmaticScrollUntil = performance.now() + USER_SCROLL_GRACE_MS;
    line.scrollIntoView({ block: "center", behavior });
  }

  return {
    /**
     * @param {Segment[]} segments
     * @param {boolean} isTimed
     */
    render(segments, isTimed) {
      timed = isTimed;
      scroller.classList.toggle("untimed", !isTimed);
      current = -1;
      following = true;
      backToNow.hidden = true;
      /** @type {Map<string, number>} */
      const slots = new Map();
      const fragment = document.createDocumentFragment();
      lines = [];
      /** @type {HTMLElement|null} */
      let turn = null;
      /** @type {string|null|undefined} */
      let lastSpeaker;
      segments.forEach((segment, index) => {
        if (!turn || segment.speaker !== lastSpeaker) {
          turn = document.createElement("div");
          turn.className = "speaker-turn";
          if (segment.speaker) {
            const name = document.createElement("span");
            name.className = "speaker";
            name.dataset.slot = String(speakerSlot(slots, segment.speaker));
            name.style.setProperty("--speaker-color", `var(--speaker-${name.dataset.slot})`);
            name.textContent = segment.speaker;
            turn.append(name);
          }
          fragment.append(turn);
          lastSpeaker = segment.speaker;
        }
        const line = document.createElement("p");
        line.className = "segment";
        line.dataset.testid = "segment";
        line.dataset.index = String(index);
        if (segment.start_ms != null) {
          line.dataset.startMs = String(segment.start_ms);
          const time = document.createElement("span");
          time.className = "segment-time";
          time.textContent = formatTime(segment.start_ms);
          line.append(time);
        }
        if (segment.end_ms != null) line.dataset.endMs = String(segment.end_ms);
        line.append(document.createTextNode(segment.text));
        turn.append(line);
        lines.push(line);
      });
      if (segments.length === 0) {
        const empty = document.createElement("p");
        empty.className = "transcript-empty";
        empty.textContent = "This episode has no transcript yet.";
        fragment.append(empty);
      }
      container.replaceChildren(fragment);
      starts = timed ? segments.map((s) => s.start_ms ?? 0) : [];
      scroller.scrollTop = 0;
    },

    /** Lights the line at `ms` and keeps it in view while following. @param {number} ms */
    setPosition(ms) {
      const index = segmentIndexAt(starts, ms);
      if (index === current) return;
      lines[current]?.classList.remove("is-current");
      lines[current]?.removeAttribute("aria-current");
      current = index;
      const line = lines[current];
      if (!line) return;
      line.classList.add("is-current");
      line.setAttribute("aria-current", "true");
      if (following) scrollToCurrent("smooth");
    },
  };
}
