// @ts-check
/** The player bar: transport, timeline, volume. @module views/player-bar */

import { formatTime } from "../lib/time.js";

/** Default skip distances (ms). */
export const SKIP_BACK_MS = 15000;
export const SKIP_FORWARD_MS = 30000;

/**
 * @param {HTMLElement} bar
 * @param {{onToggle: () => void, onSeek: (ms: number) => void, onSkip: (deltaMs: number) => void,
 *   onVolume: (v: number) => void}} handlers
 */
export function createPlayerBar(bar, { onToggle, onSeek, onSkip, onVolume }) {
  const toggle = /** @type {HTMLButtonElement} */ (bar.querySelector("[data-testid=play-toggle]"));
  const position = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=position]"));
  const duration = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=duration]"));
  const seek = /** @type {HTMLInputElement} */ (bar.querySelector("[data-testid=seek]"));
  const volume = /** @type {HTMLInputElement} */ (bar.querySelector(".volume-slider"));
  let dragging = false;
  let shownSecond = -1;

  toggle.addEventListener("click", onToggle);
  bar.querySelector("[data-action=skip-back]")?.addEventListener("click", () => onSkip(-SKIP_BACK_MS));
  bar.querySelector("[data-action=skip-forward]")?.addEventListener("click", () => onSkip(SKIP_FORWARD_MS));
  seek.addEventListener("input", () => {
    dragging = true;
    position.textContent = formatTime(Number(seek.value));
  });
  seek.addEventListener("change", () => {
    dragging = false;
    onSeek(Number(seek.value));
  });
  volume.addEventListener("input", () => onVolume(Number(volume.value)));

  return {
    /** @param {boolean} playing */
    setPlaying(playing) {
      toggle.dataset.state = playing ? "playing" : "paused";
      toggle.setAttribute("aria-label", playing ? "Pause" : "Play");
      toggle.title = playing ? "Pause (Space)" : "Play (Space)";
    },
    /** @param {number} ms */
    setDuration(ms) {
      seek.max = String(ms);
      duration.textContent = formatTime(ms);
    },
    /** @param {number} ms */
    setPosition(ms) {
      position.dataset.ms = String(Math.round(ms));
      if (dragging) return;
      seek.value = String(ms);
      const second = Math.floor(ms / 1000);
      if (second !== shownSecond) {
        shownSecond = second;
        position.textContent = formatTime(ms);
      }
    },
    /** Moves the volume slider by `delta`. @param {number} delta */
    nudgeVolume(delta) {
      volume.value = String(Math.min(1, Math.max(0, Number(volume.value) + delta)));
      onVolume(Number(volume.value));
    },
  };
}
