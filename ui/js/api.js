// @ts-check
/**
 * The only module that talks to the Rust side: every invoke(), listen() and Channel.
 * The episode, player, transcript and notes commands first; then the shows, feeds
 * and downloads.
 * @module api
 */

import { t } from "./lib/i18n.js";

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

/**
 * Calls `handler` with the payload of each `event` the Rust side sends.
 * @param {string} event @param {(payload: any) => void} handler
 */
const listen = (event, handler) => tauri().event.listen(event, (/** @type {any} */ e) => handler(e.payload));

/** A native dialog's words, in the listener's language. @param {string} title @param {string|null} [filter] */
const dialog = (title, filter = null) => ({ title, filter });

/**
 * @typedef {{id: number, podcast: string|null, title: string, published: string|null,
 *   duration_ms: number|null, downloaded: boolean, has_transcript: boolean, position_ms: number,
 *   podcast_id: number|null, played: boolean, last_opened: string|null}} EpisodeSummary
 * @typedef {{podcast_id: number|null, title: string, total: number, new_count: number,
 *   episodes: EpisodeSummary[]}} SidebarShow
 * @typedef {{start_ms: number|null, end_ms: number|null, speaker: string|null, text: string,
 *   words?: {start_ms: number, end_ms: number, text: string}[]}} Segment
 * @typedef {{id: number, title: string, description: string|null, published: string|null,
 *   duration_ms: number, position_ms: number, transcript_format: string|null,
 *   transcript_timed: boolean, transcript_coarse: boolean, transcript_page: string|null,
 *   transcript_incomplete: boolean, segments: Segment[], not_found: number[],
 *   audio_problem: IpcError|null}} OpenedEpisode
 * @typedef {{media_ms: number, rate: number, playing: boolean, duration_ms: number, saved_ms: number, volume: number,
 *   underruns: number}} ClockSnapshot
 * @typedef {import("./lib/error-words.js").ErrorReport} IpcError
 * @typedef {{start_ms: number, end_ms: number, source: "given"|"estimated"|"pinned"}} EstimatedTime
 * @typedef {{episode: number, times: EstimatedTime[], pauses: "found"|"pending"|"unavailable"}} TranscriptTimes
 * @typedef {{format: string, timed: boolean, coarse: boolean, segments: Segment[]}} TranscriptContent
 * @typedef {{transcript: {format: string, segments: Segment[]}, source_url: string,
 *   incomplete: boolean}} PageTranscript
 * @typedef {{episode: number, transcript: TranscriptContent,
 *   segments: {confidence: number, flagged: boolean}[],
 *   unmatched: {start_ms: number, end_ms: number}[]}} AlignSummary
 * @typedef {{episode: number, stage: "decoding"|"synthesizing"|"matching"|"transcribing", done: number}} AlignProgress
 * @typedef {{segment: number, given_ms: number, at_ms: number, shift_ms: number}} DriftStep
 * @typedef {{episode: number, transcript: TranscriptContent,
 *   drift: {offset_ms: number, steps: DriftStep[], offsets_ms: number[], measured: number}}} DriftSummary
 */

/**
 * Every show that has episodes, in the library's order (local files last), with its
 * newest episodes (and `current` in its show when it is not among them).
 * @param {number|null} current
 * @returns {Promise<SidebarShow[]>}
 */
export const librarySidebar = (current) => call("library_sidebar", { current });

/** One episode as the library lists it; null when it is gone. @param {number} id @returns {Promise<EpisodeSummary|null>} */
export const libraryEpisode = (id) => call("library_episode", { id });

/** The episode to open at start: the one opened last, else one that plays offline, else the first. @returns {Promise<EpisodeSummary|null>} */
export const resumeEpisode = () => call("library_resume");

/** @param {number} id @returns {Promise<OpenedEpisode>} */
export const openEpisode = (id) => call("episode_open", { id });

/**
 * The picture kept on this computer for an episode (its own, else its show's, else
 * its file's cover) or a show, as a data: URL; null while there is none.
 * @param {{episode: number}|{podcast: number}} of
 * @param {"small"|"large"} size 96 px for lists, 512 px for headers
 * @returns {Promise<string|null>}
 */
export const artwork = (of, size) => call("artwork", { of, size });

/** @returns {Promise<void>} */
export const checkOutput = () => call("player_check_output");

/**
 * Plays the episode on screen (its audio is loaded first when another episode's is
 * in the player; `null` plays whatever is loaded).
 * @param {number|null} episode
 * @returns {Promise<void>}
 */
export const play = (episode) => call("player_play", { episode });

/** @returns {Promise<void>} */
export const pause = () => call("player_pause");

/** Moves to `ms` in the episode on screen. @param {number|null} episode @param {number} ms @returns {Promise<void>} */
export const seek = (episode, ms) => call("player_seek", { episode, ms: Math.max(0, Math.round(ms)) });

/**
 * Plays the episode on screen from `ms`, even when another episode was playing.
 * @param {number|null} episode
 * @param {number} ms
 * @returns {Promise<void>}
 */
export const playFrom = (episode, ms) => call("player_play_from", { episode, ms: Math.max(0, Math.round(ms)) });

/** @param {number} volume @returns {Promise<void>} */
export const setVolume = (volume) => call("player_volume", { volume });

/**
 * Sets the playback speed (pitch kept); the engine snaps it to 0.5–3.0 in 0.05 steps,
 * remembers it, and returns the speed in effect.
 * @param {number} rate
 * @returns {Promise<number>}
 */
export const setSpeed = (rate) => call("player_speed", { rate });

/** Skips silences longer than 150 ms (remembered). @param {boolean} on @returns {Promise<void>} */
export const setSkipSilence = (on) => call("player_skip_silence", { on });

/**
 * Times shown for each line of an episode's transcript; for an untimed one, estimated
 * (with `scan`, the audio is scanned for pauses when that was not done before).
 * @param {number} id @param {boolean} scan @returns {Promise<TranscriptTimes>}
 */
export const transcriptTimes = (id, scan) => call("transcript_times", { id, scan });

/** "This line starts now". @param {number} id @param {number} index @param {number} ms @returns {Promise<TranscriptTimes>} */
export const pinLine = (id, index, ms) => call("transcript_pin", { id, index, ms: Math.max(0, Math.round(ms)) });

/**
 * Corrects words of a line in place; the transcript as corrected.
 * @param {number} id @param {import("./views/highlight-popover.js").Correction} fix
 * @returns {Promise<TranscriptContent>}
 */
export const correctTranscript = (id, fix) => call("transcript_correct", { id, fix });

/** @param {number} id @param {number} index @returns {Promise<TranscriptTimes>} */
export const unpinLine = (id, index) => call("transcript_pin", { id, index, ms: null });

/** Adds a transcript picked in the file dialog; null when cancelled. @param {number} id @returns {Promise<TranscriptContent|null>} */
export const chooseTranscriptFile = (id) => call("transcript_choose_file", { id, dialog: dialog(t("dialog-add-transcript"), t("dialog-filter-transcripts")) });

/**
 * Adds the transcript the web page at `url` shows ("Add transcript from a web page…").
 * @param {number} id @param {string} url @returns {Promise<PageTranscript>}
 */
export const transcriptFromPage = (id, url) => call("transcript_from_page", { id, url });

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
export const exportTranscript = (id, format, estimated) => call("transcript_export", { id, format, estimated, dialog: dialog(t("dialog-export-transcript")) });

/**
 * Aligns the transcript to the downloaded audio, offline, and stores the times;
 * progress comes as `transcript-align-progress` events (see `onAlignProgress`).
 * @param {number} id @returns {Promise<AlignSummary>}
 */
export const alignTranscript = (id) => call("transcript_align", { id });

/**
 * Checks a timed transcript against the downloaded audio and moves the lines whose
 * times are off (audio inserted or removed since it was made); the same progress
 * events and cancel as aligning.
 * @param {number} id @returns {Promise<DriftSummary>}
 */
export const fixDrift = (id) => call("transcript_fix_drift", { id });

/**
 * Moves every time of a timed transcript by deltaMs (negative: earlier).
 * @param {number} id @param {number} deltaMs @returns {Promise<TranscriptContent>}
 */
export const nudgeTranscript = (id, deltaMs) => call("transcript_nudge", { id, deltaMs });

/**
 * Transcribes the episode's downloaded audio on this computer (Whisper, offline)
 * and keeps it as its transcript, marked machine-made; the same progress events
 * (stage "transcribing") and cancel as aligning.
 * @param {number} id @returns {Promise<{episode: number, transcript: TranscriptContent}>}
 */
export const transcribe = (id) => call("transcript_transcribe", { id });

/**
 * A background transcription ended (Settings' "transcribe in the background", or
 * one a quit interrupted): its transcript kept, or the error that stopped it.
 * @param {(ended: {episode: number, transcript?: TranscriptContent, error?: IpcError}) => void} onEnded
 * @returns {Promise<() => void>}
 */
export const onTranscribed = (onEnded) =>
  listen("transcript-transcribed", onEnded);

/** Stops the episode's alignment; false when none runs. @param {number} id @returns {Promise<boolean>} */
export const cancelAlign = (id) => call("transcript_align_cancel", { id });

/**
 * How far an alignment has come.
 * @param {(progress: AlignProgress) => void} onProgress
 * @returns {Promise<() => void>}
 */
export const onAlignProgress = (onProgress) =>
  listen("transcript-align-progress", onProgress);

/**
 * A transcript file is dragged over the window (or no longer).
 * @param {(drag: {active: boolean}) => void} onDrag
 * @returns {Promise<() => void>}
 */
export const onTranscriptDrag = (onDrag) => listen("transcript-drag", onDrag);

/**
 * A transcript file was dropped on the window (only its name is told).
 * @param {(dropped: {name: string}) => void} onDropped
 * @returns {Promise<() => void>}
 */
export const onTranscriptDropped = (onDropped) =>
  listen("transcript-dropped", onDropped);

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
 * @param {(notice: {level: string, message: string, error?: IpcError}) => void} onNotice an error comes by code too
 * @returns {Promise<() => void>}
 */
export const onNotice = (onNotice) => listen("notice", onNotice);

/**
 * @param {() => void} onEnded
 * @returns {Promise<() => void>}
 */
export const onEnded = (onEnded) => tauri().event.listen("player-ended", () => onEnded());

/** The message of an error thrown by a command, in the listener's language. */
export { errorWords as messageOf } from "./lib/error-words.js";

/**
 * The code of an error thrown by a command.
 * @param {unknown} error
 * @returns {string|null}
 */
export function codeOf(error) {
  if (error && typeof error === "object" && "code" in error) return String(error.code);
  return null;
}

/**
 * @typedef {import("./lib/annotations.js").Note} Note
 * @typedef {import("./lib/annotations.js").Highlight} Highlight
 * @typedef {{episode: number, episode_title: string, at_ms: number|null,
 *   kind: "transcript"|"note"|"highlight"|"episode", snippet: string}} SearchHit
 */

/** @param {number} episode @returns {Promise<{notes: Note[], highlights: Highlight[]}>} */
export const listAnnotations = (episode) => call("annotations_list", { episode });

/** @param {number} episode @param {number} atMs @param {string} text @returns {Promise<Note>} */
export const addNote = (episode, atMs, text) => call("note_add", { episode, atMs: Math.round(atMs), text });

/** @param {number} id @param {number} atMs @param {string} text @returns {Promise<Note>} */
export const updateNote = (id, atMs, text) => call("note_update", { id, atMs, text });

/** @param {number} id @returns {Promise<void>} */
export const deleteNote = (id) => call("note_delete", { id });

/**
 * @param {number} episode
 * @param {{start_ms: number, end_ms: number, text: string, color: string, note: string|null}} highlight
 * @returns {Promise<Highlight>}
 */
export const addHighlight = (episode, highlight) => call("highlight_add", { episode, highlight });

/** @param {number} id @param {string} color @param {string|null} note @returns {Promise<Highlight>} */
export const updateHighlight = (id, color, note) => call("highlight_update", { id, color, note });

/** @param {number} id @returns {Promise<void>} */
export const deleteHighlight = (id) => call("highlight_delete", { id });

/** @param {number} episode @param {number} atMs @param {number} windowMs @returns {Promise<Highlight>} */
export const addEarmark = (episode, atMs, windowMs) =>
  call("earmark_add", { episode, atMs: Math.round(atMs), windowMs });

/** @param {string} query @returns {Promise<SearchHit[]>} */
export const search = (query) => call("search", { query });

/** @returns {Promise<{episodes: EpisodeSummary[], notes: Note[], highlights: Highlight[]}>} */
export const notebook = () => call("notebook");

/** @param {string} key @returns {Promise<unknown>} */
export const getSetting = (key) => call("settings_get", { key });

/** Sets a setting; the value as stored. @param {string} key @param {unknown} value @returns {Promise<unknown>} */
export const setSetting = (key, value) => call("settings_set", { key, value });

/**
 * Saves the episode's notes and highlights through a save dialog; the path, or null
 * when cancelled.
 * @param {number} episode @param {"md"|"json"|"csv"} format
 * @param {string} language the window's (a Markdown file's headings and days are in it)
 * @returns {Promise<string|null>}
 */
export const exportNotes = (episode, format, language) => call("notes_export", { episode, format, language, dialog: dialog(t("dialog-export-notes")) });

/**
 * @typedef {{path: string, schema_version: number, podcasts: number, episodes: number, notes: number,
 *   highlights: number, transcripts: number}} LibraryFacts
 * @typedef {{from: LibraryFacts, previous: string|null}} Restored
 */

/**
 * Backs up the whole library to a file picked in a save dialog; what it holds, or null
 * when cancelled.
 * @returns {Promise<LibraryFacts|null>}
 */
export const backUpLibrary = () => call("library_backup", { dialog: dialog(t("dialog-back-up"), t("dialog-filter-backup")) });

/**
 * Replaces the library with a backup picked in an open dialog (the player is emptied
 * first, the replaced library kept); what was restored, or null when cancelled.
 * @returns {Promise<Restored|null>}
 */
export const restoreLibrary = () => call("library_restore", { dialog: dialog(t("dialog-restore"), t("dialog-filter-backup")) });

// Shows: the podcasts and their episodes, subscribing, the directories, checking
// feeds, OPML, local files and downloads.

/**
 * @typedef {{id: number, title: string, feed_url: string|null, description: string|null,
 *   image_url: string|null, created: string}} Podcast
 * @typedef {EpisodeSummary & {excerpt: string|null}} EpisodeListing
 * @typedef {{start_ms: number, end_ms: number|null, title: string, url: string|null, image_url: string|null}} Chapter
 * @typedef {{podcast: number, title: string, episodes: number, new_episodes: number, transcripts: number,
 *   chapters: number, subscribed_now: boolean, warnings: IpcError[], page_episode?: number}} Subscribed
 * @typedef {{podcast: number, title: string, new_episodes: number, error: string|null,
 *   error_report: IpcError|null, warnings: string[], warning_reports?: IpcError[], waiting: boolean,
 *   not_modified: boolean, bytes: number}} PodcastOutcome
 * @typedef {{new_episodes: number, podcasts: PodcastOutcome[], offline: boolean,
 *   not_modified: number, bytes: number, not_due: number}} RefreshReport
 * @typedef {{done: number, total: number, title: string}} RefreshProgress
 * @typedef {{title: string, author: string|null, feed_url: string, artwork_url: string|null,
 *   episodes: number|null, directory: string}} DirectoryHit
 * @typedef {{hits: DirectoryHit[], problems: string[]}} DirectorySearch
 * @typedef {{url: string, title: string|null, podcast: number|null, episodes: number, error: string|null,
 *   error_report?: IpcError}} ImportedFeed
 * @typedef {{episodes: number[], problems: string[], launched?: boolean}} FilesImported
 * @typedef {"queued"|"downloading"|"done"|"failed"} DownloadState
 * @typedef {{episode: number, title: string, state: DownloadState, done_bytes: number,
 *   total_bytes: number|null, error: {code: string, message: string}|null}} QueuedDownload
 */

/** @returns {Promise<Podcast[]>} */
export const listPodcasts = () => call("library_podcasts");

/**
 * A page of a podcast's episodes (local files without a show: null), newest first,
 * and how many there are in all.
 * @param {number|null} podcast @param {number} offset @param {number} limit
 * @returns {Promise<{total: number, episodes: EpisodeListing[]}>}
 */
export const podcastEpisodes = (podcast, offset, limit) => call("podcast_episodes", { podcast, offset, limit });

/** @param {number} id @returns {Promise<Chapter[]>} */
export const episodeChapters = (id) => call("episode_chapters", { id });

/** Subscribes to a feed by its address. @param {string} url @returns {Promise<Subscribed>} */
export const subscribe = (url) => call("feed_subscribe", { url });

/**
 * What unsubscribing did: episodes removed, kept under Local files (the listener's
 * notes or highlights are on them, or one is in the player), downloads deleted.
 * @typedef {{title: string, removed: number, kept: number, files_deleted: number}} Unsubscribed
 */

/**
 * Unsubscribes from a show: it leaves the library with its episodes and their
 * downloads, except the episodes with notes or highlights and the one in the player.
 * @param {number} podcast @returns {Promise<Unsubscribed>}
 */
export const unsubscribe = (podcast) => call("feed_unsubscribe", { podcast });

/** Shows found by name in the podcast directories. @param {string} terms @returns {Promise<DirectorySearch>} */
export const searchDirectories = (terms) => call("directory_search", { terms });

/** A directory's artwork as a data: URL (null: none to show). @param {string} url @returns {Promise<string|null>} */
export const directoryArtwork = (url) => call("directory_artwork", { url });

/** Checks one podcast (or all, with null) for new episodes. @param {number|null} podcast @returns {Promise<RefreshReport>} */
export const refreshFeeds = (podcast) => call("feed_refresh", { podcast });

/**
 * Subscribes to the feeds of an OPML file: the one Earmark was launched with
 * (`launched`), else one picked in a dialog; null when cancelled.
 * @param {boolean} [launched]
 * @returns {Promise<ImportedFeed[]|null>}
 */
export const importOpml = (launched = false) => call("opml_import", { launched, dialog: dialog(t("dialog-import-subscriptions"), t("dialog-filter-opml")) });

/**
 * @typedef {{files: string[], feeds: string[], lists_waiting: boolean}} Opening
 */

/**
 * What `earmark FILE|URL…` asked for, the first launch's or a later one's handed over:
 * the files are opening already (as a drop); the feeds are to offer.
 * @returns {Promise<Opening>}
 */
export const takeLaunch = () => call("launch_take");

/**
 * A later launch handed something over: take it with `takeLaunch`.
 * @param {() => void} onLaunch
 * @returns {Promise<() => void>}
 */
export const onLaunchRequested = (onLaunch) => tauri().event.listen("launch-requested", () => onLaunch());

/** Saves the subscriptions as OPML through a save dialog; the path, or null. @returns {Promise<string|null>} */
export const exportOpml = () => call("opml_export", { dialog: dialog(t("dialog-export-subscriptions"), t("dialog-filter-opml")) });

/** Adds audio files (or folders) picked in a dialog; null when cancelled. @param {boolean} folders @returns {Promise<FilesImported|null>} */
export const addLocalFiles = (folders) => call("local_files_add", { folders, dialog: dialog(t("dialog-add-audio"), t("dialog-filter-audio")) });

/**
 * Receives the download queue now, on every change, and a few times a second while
 * bytes flow.
 * @param {(items: QueuedDownload[]) => void} onChange
 * @returns {Promise<void>}
 */
export function subscribeDownloads(onChange) {
  const channel = new (tauri().core.Channel)();
  channel.onmessage = (/** @type {{items: QueuedDownload[]}} */ snapshot) => onChange(snapshot.items);
  return call("downloads_subscribe", { onChange: channel });
}

/** Queues an episode's download, or retries it. @param {number} episode @returns {Promise<void>} */
export const startDownload = (episode) => call("download_start", { episode });

/** Stops a download (what arrived is kept) or takes it off the queue. @param {number} episode @returns {Promise<void>} */
export const cancelDownload = (episode) => call("download_cancel", { episode });

/** Takes finished and failed downloads off the list. @returns {Promise<void>} */
export const clearDownloads = () => call("downloads_clear");

/** Deletes the downloaded audio; notes and highlights stay. @param {number} episode @returns {Promise<boolean>} */
export const deleteDownload = (episode) => call("download_delete", { episode });

/**
 * A background check for new episodes finished.
 * @param {(report: RefreshReport) => void} onReport
 * @returns {Promise<() => void>}
 */
export const onFeedsRefreshed = (onReport) =>
  listen("feeds-refreshed", onReport);

/**
 * Pictures of a show just subscribed to arrived in the artwork cache.
 * @param {(kept: {podcast: number}) => void} onKept
 * @returns {Promise<() => void>}
 */
export const onArtworkKept = (onKept) =>
  listen("artwork-kept", onKept);

/**
 * How far a check of every feed has come, after each feed.
 * @param {(progress: RefreshProgress) => void} onProgress
 * @returns {Promise<() => void>}
 */
export const onRefreshProgress = (onProgress) =>
  listen("refresh-progress", onProgress);

/**
 * Audio files or folders are dragged over the window (or no longer).
 * @param {(drag: {active: boolean}) => void} onDrag
 * @returns {Promise<() => void>}
 */
export const onFilesDrag = (onDrag) => listen("files-drag", onDrag);

/**
 * Dropped audio files are in the library.
 * @param {(done: FilesImported) => void} onImported
 * @returns {Promise<() => void>}
 */
export const onFilesImported = (onImported) =>
  listen("files-imported", onImported);
