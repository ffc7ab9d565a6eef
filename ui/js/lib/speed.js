// @ts-check
/** Playback speed: the allowed steps and how a speed reads. @module lib/speed */

import { formatNumber } from "./i18n.js";
import { SPEED, within } from "./settings.js";

/** Speeds go in steps of this much. */
const SPEED_STEP = 0.05;

/**
 * The nearest allowed speed: within 0.5–3.0, on a 0.05 step (not a number: 1.0).
 * @param {number} speed
 * @returns {number}
 */
export function snapSpeed(speed) {
  if (!Number.isFinite(speed)) return SPEED.fallback;
  return Math.round(within(SPEED, speed) * 20) / 20;
}

/**
 * `speed` moved by `steps` steps of 0.05, kept in range.
 * @param {number} speed
 * @param {number} steps
 * @returns {number}
 */
export function stepSpeed(speed, steps) {
  return snapSpeed(snapSpeed(speed) + steps * SPEED_STEP);
}

/**
 * A speed as shown on the button, the language's way: `1.0×`, `1.25×`, `2,05×`.
 * @param {number} speed
 * @returns {string}
 */
export function formatSpeed(speed) {
  return `${formatNumber(snapSpeed(speed), { minimumFractionDigits: 1 })}×`;
}
