// @ts-check
/**
 * Extrapolates the player clock between updates, so the position moves smoothly at
 * display rate without asking the engine 60 times a second.
 * @module lib/clock
 */

/** Drift (ms) under which an update does not move the displayed position backwards. */
const JITTER_MS = 120;

export class ExtrapolatedClock {
  constructor() {
    /** @private */ this.mediaMs = 0;
    /** @private */ this.at = 0;
    /** @private */ this.rate = 1;
    /** @private */ this.durationMs = 0;
    /** @private */ this.shown = 0;
    /** Whether audio is playing. */
    this.playing = false;
  }

  /**
   * Takes a snapshot from the engine, received at `now` (ms, monotonic).
   * @param {{media_ms: number, rate: number, playing: boolean, duration_ms: number}} snapshot
   * @param {number} now
   */
  update(snapshot, now) {
    const predicted = this.positionAt(now);
    this.mediaMs = snapshot.media_ms;
    this.at = now;
    this.rate = snapshot.rate;
    this.durationMs = snapshot.duration_ms;
    const jumped = Math.abs(predicted - snapshot.media_ms) > JITTER_MS;
    if (!snapshot.playing || !this.playing || jumped) this.shown = snapshot.media_ms;
    this.playing = snapshot.playing;
  }

  /**
   * The position to show at `now`: extrapolated while playing, never jittering back.
   * @param {number} now
   * @returns {number}
   */
  positionAt(now) {
    let ms = this.mediaMs;
    if (this.playing) ms += (now - this.at) * this.rate;
    if (this.durationMs > 0) ms = Math.min(ms, this.durationMs);
    return ms;
  }

  /**
   * Like {@link positionAt}, but monotonic while playing (small corrections are absorbed).
   * @param {number} now
   * @returns {number}
   */
  displayAt(now) {
    const ms = this.positionAt(now);
    if (this.playing && ms < this.shown && this.shown - ms < JITTER_MS) return this.shown;
    this.shown = ms;
    return ms;
  }
}
