// @ts-check
/**
 * The only module that talks to the Rust side: every invoke(), listen() and Channel.
 * @module api
 */

/**
 * @typedef {{id: number, podcast: string|null, title: string, published: string|null,
 *   duration_ms: number|null, downloaded: boolean, has_transcript: boolean, position_ms: number}} EpisodeSummary
 * @typedef {{start_ms: number|null, end_ms: number|null, speaker: string|null, text: string,
 *   words?: {start_ms: number, end_ms: number, text: string}[]}} Segment
 * @typedef {{id: number, title: string, description: string|null, published: string|null,
 *   duration_ms: number, position_ms: number, transcript_format: string|null,
 *   transcript_timed: boolean, segments: Segment[], audio_problem: string|null}} OpenedEpisode
 * @typedef {{media_ms: number, rate: number, playing: boolean, duration_ms: number}} ClockSnapshot
 * @typedef {{code: string, message: string}} IpcError
 * @typedef {{start_ms: number, end_ms: number, source: "given"|"estimated"|"pinned"}} EstimatedTime
 * @typedef {{episode: number, times: EstimatedTime[], pauses: "found"|"pending"|"unavailable"}} TranscriptTimes
 * @typedef {{format: string, timed: boolean, segments: Segment[]}} TranscriptContent
 */

/** @returns {any} */
function tauri() {
  // @ts-ignore -- injected by Tauri (app.withGlobalTauri).
  return window.__TAURI__;
}

/**
 * @template T
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<T>}
 */
function call(command, args) {
  return tauri().core.invoke(command, args);
}

/** @returns {Promise<EpisodeSummary[]>} */
export const listEpisodes = () => call("library_list");

/** @param {number} id @returns {Promise<OpenedEpisode>} */
export const openEpisode = (id) => call("episode_open", { id });

/** @returns {Promise<void>} */
export const checkOutput = () => call("player_check_output");

/** @returns {Promise<void>} */
export const play = () => call("player_play");

/** @returns {Promise<void>} */
export const pause = () => call("player_pause");

/** @param {number} ms @returns {Promise<void>} */
export const seek = (ms) => call("player_seek", { ms: Math.max(0, Math.round(ms)) });

/** @param {number} ms @returns {Promise<void>} */
export const playFrom = (ms) => call("player_play_from", { ms: Math.max(0, Math.round(ms)) });

/** @param {number} volume @returns {Promise<void>} */
export const setVolume = (volume) => call("player_volume", { volume });

/**
 * Times shown for each line of an episode's transcript; for an untimed one, estimated
 * (with `scan`, the audio is scanned for pauses when that was not done before).
 * @param {number} id @param {boolean} scan @returns {Promise<TranscriptTimes>}
 */
export const transcriptTimes = (id, scan) => call("transcript_times", { id, scan });

/** "This line starts now". @param {number} id @param {number} index @param {number} ms @returns {Promise<TranscriptTimes>} */
export const pinLine = (id, index, ms) => call("transcript_pin", { id, index, ms: Math.max(0, Math.round(ms)) });

/** @param {number} id @param {number} index @returns {Promise<TranscriptTimes>} */
export const unpinLine = (id, index) => call("transcript_unpin", { id, index });

/** Adds a transcript picked in the file dialog; null when cancelled. @param {number} id @returns {Promise<TranscriptContent|null>} */
export const chooseTranscriptFile = (id) => call("transcript_choose_file", { id });

/** Adds the transcript file just dropped on the window. @param {number} id @returns {Promise<TranscriptContent>} */
export const attachDroppedTranscript = (id) => call("transcript_attach_dropped", { id });

/**
 * Adds a transcript from a file chosen in the page's file input (its bytes are sent).
 * @param {number} id @param {File} file @returns {Promise<TranscriptContent>}
 */
export async function attachTranscriptFile(id, file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return tauri().core.invoke("transcript_attach_bytes", bytes, {
    headers: { "x-episode": String(id), "x-file-name": encodeURIComponent(file.name) },
  });
}

/**
 * Saves the transcript in a save dialog; the path, or null when cancelled.
 * @param {number} id @param {"vtt"|"srt"|"json"|"md"} format @param {boolean} estimated
 * @returns {Promise<string|null>}
 */
export const exportTranscript = (id, format, estimated) => call("transcript_export", { id, format, estimated });

/**
 * A transcript file is dragged over the window (or no longer).
 * @param {(drag: {active: boolean}) => void} onDrag
 * @returns {Promise<() => void>}
 */
export const onTranscriptDrag = (onDrag) => tauri().event.listen("transcript-drag", (/** @type {any} */ e) => onDrag(e.payload));

/**
 * A transcript file was dropped on the window (only its name is told).
 * @param {(dropped: {name: string}) => void} onDropped
 * @returns {Promise<() => void>}
 */
export const onTranscriptDropped = (onDropped) =>
  tauri().event.listen("transcript-dropped", (/** @type {any} */ e) => onDropped(e.payload));

/**
 * Receives the player clock (~10 Hz while playing, and on every change).
 * @param {(clock: ClockSnapshot) => void} onClock
 * @returns {Promise<void>}
 */
export function subscribeClock(onClock) {
  const channel = new (tauri().core.Channel)();
  channel.onmessage = onClock;
  return call("player_subscribe", { onClock: channel });
}

/**
 * @param {(notice: {level: string, message: string}) => void} onNotice
 * @returns {Promise<() => void>}
 */
export const onNotice = (onNotice) => tauri().event.listen("notice", (/** @type {any} */ e) => onNotice(e.payload));

/**
 * @param {() => void} onEnded
 * @returns {Promise<() => void>}
 */
export const onEnded = (onEnded) => tauri().event.listen("player-ended", () => onEnded());

/**
 * The message of an error thrown by a command.
 * @param {unknown} error
 * @returns {string}
 */
export function messageOf(error) {
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

/**
 * The code of an error thrown by a command.
 * @param {unknown} error
 * @returns {string|null}
 */
export function codeOf(error) {
  if (error && typeof error === "object" && "code" in error) return String(error.code);
  return null;
}
