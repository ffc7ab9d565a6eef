// @ts-check
/** The player bar: the episode's picture, transport, timeline, speed, skip silence, volume. @module views/player-bar */

import * as api from "../api.js";
import { readFlag, readNumber, SKIP_BACK_MS, SKIP_FORWARD_MS, SKIP_SILENCE, SPEED } from "../lib/settings.js";
import { formatSpeed, snapSpeed, stepSpeed } from "../lib/speed.js";
import { formatTime } from "../lib/time.js";
import { formatSeconds, t } from "../lib/i18n.js";

/** Speeds offered as one click in the speed menu. */
const PRESETS = [1, 1.25, 1.5, 2];

/**
 * The skip distances in ms, as set now.
 * @returns {Promise<{back: number, forward: number}>}
 */
async function skipDistances() {
  return {
    back: await readNumber(api.getSetting, SKIP_BACK_MS),
    forward: await readNumber(api.getSetting, SKIP_FORWARD_MS),
  };
}

/**
 * @param {HTMLElement} bar
 * @param {{onToggle: () => void, onSeek: (ms: number) => void, onSkip: (deltaMs: number) => void,
 *   onVolume: (v: number) => void, onError: (e: unknown) => void}} handlers
 */
export function createPlayerBar(bar, { onToggle, onSeek, onSkip, onVolume, onError }) {
  const toggle = /** @type {HTMLButtonElement} */ (bar.querySelector("[data-testid=play-toggle]"));
  const position = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=position]"));
  const duration = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=duration]"));
  const seek = /** @type {HTMLInputElement} */ (bar.querySelector("[data-testid=seek]"));
  const volume = /** @type {HTMLInputElement} */ (bar.querySelector(".volume-slider"));
  const speedButton = /** @type {HTMLButtonElement} */ (bar.querySelector("[data-testid=speed]"));
  const speedMenu = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=speed-menu]"));
  const speedValue = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=speed-value]"));
  const skipSilence = /** @type {HTMLButtonElement} */ (bar.querySelector("[data-testid=skip-silence]"));
  const saved = /** @type {HTMLElement} */ (bar.querySelector("[data-testid=saved]"));
  const skipBackButton = /** @type {HTMLElement} */ (bar.querySelector("[data-action=skip-back]"));
  const skipForwardButton = /** @type {HTMLElement} */ (bar.querySelector("[data-action=skip-forward]"));
  const art = /** @type {HTMLImageElement} */ (bar.querySelector("[data-testid=player-art]"));
  let dragging = false;
  let shownSecond = -1;
  let speed = 1;
  /** Speed requests sent so far: an answer to an older one is stale. */
  let speedRequests = 0;
  /** The latest speed request was answered: a clock's speed is then news (the desktop's). */
  let speedAnswered = true;
  /** The volume slider is held: the clock does not move it meanwhile. */
  let volumeHeld = false;

  toggle.addEventListener("click", onToggle);
  seek.addEventListener("input", () => {
    dragging = true;
    position.textContent = formatTime(Number(seek.value));
  });
  seek.addEventListener("change", () => {
    dragging = false;
    onSeek(Number(seek.value));
  });
  volume.addEventListener("input", () => onVolume(Number(volume.value)));
  volume.addEventListener("pointerdown", () => (volumeHeld = true));
  volume.addEventListener("change", () => (volumeHeld = false));

  /** Shows the skip distances on the buttons. @param {number} back @param {number} forward */
  function labelSkips(back, forward) {
    for (const [button, ms, says, arrow] of /** @type {const} */ ([
      [skipBackButton, back, "skip-back", "←"],
      [skipForwardButton, forward, "skip-forward", "→"],
    ])) {
      const label = t(says, { length: formatSeconds(ms) });
      button.title = `${label} (${arrow})`;
      button.setAttribute("aria-label", label);
      const text = button.querySelector("text");
      if (text) text.textContent = String(Math.round(ms / 1000));
    }
  }

  /** Skips by the configured distance. @param {-1|1} direction */
  async function skip(direction) {
    const { back, forward } = await skipDistances();
    labelSkips(back, forward);
    onSkip(direction < 0 ? -back : forward);
  }

  async function refreshSkipLabels() {
    const { back, forward } = await skipDistances();
    labelSkips(back, forward);
  }

  skipBackButton.addEventListener("click", () => skip(-1).catch(onError));
  skipForwardButton.addEventListener("click", () => skip(1).catch(onError));
  for (const button of [skipBackButton, skipForwardButton]) {
    button.addEventListener("pointerenter", () => refreshSkipLabels().catch(onError));
  }

  /** Shows `value` as the speed. @param {number} value */
  function showSpeed(value) {
    speed = value;
    speedButton.textContent = formatSpeed(value);
    speedValue.textContent = formatSpeed(value);
    speedButton.classList.toggle("is-changed", Math.abs(value - 1) > 1e-6);
    for (const preset of speedMenu.querySelectorAll("[data-speed]")) {
      const chosen = Math.abs(Number(/** @type {HTMLElement} */ (preset).dataset.speed) - value) < 1e-6;
      preset.setAttribute("aria-pressed", String(chosen));
    }
  }

  /** Asks the engine for a speed (it snaps and saves it); only the latest answer counts. @param {number} value */
  function setSpeed(value) {
    const ticket = ++speedRequests;
    speedAnswered = false;
    showSpeed(value);
    api
      .setSpeed(value)
      .then((actual) => {
        if (ticket === speedRequests) showSpeed(actual);
      })
      .catch(onError)
      .finally(() => {
        if (ticket === speedRequests) speedAnswered = true;
      });
  }

  /** @param {boolean} open */
  function openSpeedMenu(open) {
    speedMenu.hidden = !open;
    speedButton.setAttribute("aria-expanded", String(open));
  }

  const presets = /** @type {HTMLElement} */ (speedMenu.querySelector(".speed-presets"));
  for (const value of PRESETS) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "speed-preset";
    button.dataset.speed = String(value);
    button.textContent = formatSpeed(value);
    button.addEventListener("click", () => setSpeed(value));
    presets.append(button);
  }
  speedButton.addEventListener("click", () => openSpeedMenu(speedMenu.hidden));
  speedMenu.querySelector("[data-action=speed-down]")?.addEventListener("click", () => setSpeed(stepSpeed(speed, -1)));
  speedMenu.querySelector("[data-action=speed-up]")?.addEventListener("click", () => setSpeed(stepSpeed(speed, 1)));
  document.addEventListener("pointerdown", (event) => {
    if (!speedMenu.hidden && !(/** @type {Element} */ (event.target).closest(".speed"))) openSpeedMenu(false);
  });
  speedMenu.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      openSpeedMenu(false);
      speedButton.focus();
    }
  });

  /** @param {boolean} on */
  function showSkipSilence(on) {
    skipSilence.setAttribute("aria-pressed", String(on));
    saved.hidden = !on && saved.dataset.ms === "0";
  }
  skipSilence.addEventListener("click", () => {
    const on = skipSilence.getAttribute("aria-pressed") !== "true";
    showSkipSilence(on);
    api.setSkipSilence(on).catch(onError);
  });

  // The engine restored both from the same settings at start.
  api
    .getSetting(SPEED.key)
    .then((value) => {
      // Shown even when never set: the page's own "1.0×" is not in the listener's language.
      if (speedRequests === 0) showSpeed(snapSpeed(typeof value === "number" ? value : SPEED.fallback));
    })
    .catch(onError);
  readFlag(api.getSetting, SKIP_SILENCE)
    .then(showSkipSilence)
    .catch(onError);
  refreshSkipLabels().catch(onError);

  return {
    /** @param {boolean} playing */
    setPlaying(playing) {
      toggle.dataset.state = playing ? "playing" : "paused";
      toggle.setAttribute("aria-label", t(playing ? "pause" : "play"));
      toggle.title = t(playing ? "pause-title" : "play-title");
    },
    /** Shows the episode's picture (a data: URL), or none. @param {string|null} url */
    setArtwork(url) {
      art.hidden = !url;
      if (url) art.src = url;
      else art.removeAttribute("src");
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
    /** Shows the time skip silence saved (and the underruns) as the engine reports them. @param {api.ClockSnapshot} clock */
    showClock(clock) {
      // Speed and volume set elsewhere (the desktop's media controls) show here too.
      if (speedAnswered && Math.abs(clock.rate - speed) > 1e-6) showSpeed(clock.rate);
      if (!volumeHeld && Math.abs(Number(volume.value) - clock.volume) > 1e-3) volume.value = String(clock.volume);
      saved.dataset.ms = String(clock.saved_ms);
      // The engine's count of output underruns (stutters), kept for diagnosis.
      position.dataset.underruns = String(clock.underruns);
      saved.textContent = t("silence-saved", { time: formatTime(clock.saved_ms) });
      saved.hidden = skipSilence.getAttribute("aria-pressed") !== "true" && clock.saved_ms === 0;
    },
    /** Moves the volume slider by `delta`. @param {number} delta */
    nudgeVolume(delta) {
      volume.value = String(Math.min(1, Math.max(0, Number(volume.value) + delta)));
      onVolume(Number(volume.value));
    },
    /** Speed up or down by `steps` × 0.05. @param {number} steps */
    nudgeSpeed(steps) {
      setSpeed(stepSpeed(speed, steps));
    },
    /** Back to normal speed. */
    resetSpeed() {
      setSpeed(1);
    },
    /** The skip distances in ms, as set now. */
    skipDistances,
    /** Skips back by the configured distance. */
    skipBack: () => skip(-1),
    /** Skips forward by the configured distance. */
    skipForward: () => skip(1),
  };
}
