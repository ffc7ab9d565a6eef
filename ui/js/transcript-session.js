// @ts-check
/**
 * The transcript of the open episode, wired to the library: estimated times for
 * untimed transcripts (at once from text length, then snapped to the audio's
 * pauses), pins, aligning to the audio, adding a transcript (dialog, dropped file,
 * file input) and export.
 * @module transcript-session
 */

import { t } from "./lib/i18n.js";
import * as api from "./api.js";
import { timeLeft } from "./lib/time.js";
import { describeAlignment, describeDrift, describeNudge, describeTranscribed } from "./lib/timing.js";
import { createTranscriptView } from "./views/transcript/view.js";

/**
 * @typedef {object} SessionHandlers
 * @property {(ms: number) => void} onPlayFrom a line was clicked
 * @property {(error: unknown) => void} report shows a failed command
 * @property {(message: string) => void} inform shows a message in the notice bar
 */

/**
 * @param {import("./lib/open-episode.js").OpenEpisode} opened the episode open in the middle
 * @param {{scroller: HTMLElement, lines: HTMLElement, backToNow: HTMLElement}} elements
 * @param {SessionHandlers} handlers
 */
export function createTranscriptSession(opened, { scroller, lines, backToNow }, { onPlayFrom, report, inform }) {
  /** Bumped on every transcript shown, so late answers for an older one are dropped. */
  let generation = 0;
  /**
   * The episodes being aligned or transcribed, with when the window first heard of the
   * job and how far it was then (for the time left); a late progress event cannot show
   * a finished job.
   * @type {Map<number, {at: number, from: number}>}
   */
  const aligning = new Map();
  /** Episodes whose page transcript was aligned on its own this session (once each). */
  const autoAligned = new Set();

  /** @param {api.TranscriptTimes} result */
  const applyTimes = (result) => {
    if (result.episode === opened.id) view.setTimes(result.times);
  };

  /** Aligns the open episode's transcript to its audio ("Align to audio"). */
  const align = () =>
    runJob(api.alignTranscript, (summary) => {
      view.setNotFound(summary.segments.flatMap((s, i) => (s.flagged ? [i] : [])));
      return describeAlignment(summary);
    });

  const view = createTranscriptView(scroller, lines, backToNow, {
    onPlayFrom,
    onPin: (index, ms) => {
      if (opened.id != null) api.pinLine(opened.id, index, ms).then(applyTimes).catch(report);
    },
    onUnpin: (index) => {
      if (opened.id != null) api.unpinLine(opened.id, index).then(applyTimes).catch(report);
    },
    onAddTranscript: () => {
      if (opened.id == null) return;
      api
        .chooseTranscriptFile(opened.id)
        .then((content) => content && showFile(content))
        .catch((error) => {
          // Without a native dialog, the page's own file chooser does the job.
          if (api.codeOf(error) === "dialog_unavailable") view.tools.chooseWithInput();
          else report(error);
        });
    },
    onAddPage: (url) => {
      const id = opened.id;
      if (id == null) return;
      inform(t("page-reading"));
      api
        .transcriptFromPage(id, url)
        .then((page) => {
          if (id !== opened.id) return;
          view.tools.setSource(page.source_url, page.incomplete);
          const { format, segments } = page.transcript;
          const timed = segments.length > 0 && segments.every((s) => s.start_ms != null);
          show({ format, timed, coarse: false, segments }).catch(report);
          inform(t(page.incomplete ? "page-added-cut-off" : "page-added", { count: segments.length }));
          if (!timed && !opened.episode?.audio_problem) alignOnce(id);
        })
        .catch(report);
    },
    onTranscriptFile: (file) => {
      if (opened.id != null) api.attachTranscriptFile(opened.id, file).then(showFile).catch(report);
    },
    onAlign: () => align(),
    // New times for the same lines: the lines the aligner did not find stay marked.
    onCheckTiming: () => {
      const marked = view.notFoundLines();
      runJob(api.fixDrift, (summary) => {
        view.setNotFound(marked);
        return describeDrift(summary.drift);
      });
    },
    onNudge: (deltaMs) => {
      if (opened.id == null) return;
      const marked = view.notFoundLines();
      api
        .nudgeTranscript(opened.id, deltaMs)
        .then((content) => {
          show(content).catch(report);
          view.setNotFound(marked);
          inform(describeNudge(deltaMs));
        })
        .catch(report);
    },
    onTranscribe: () => runJob(api.transcribe, (result) => describeTranscribed(result.transcript.segments.length)),
    onCancelAlign: () => {
      const id = opened.id;
      if (id == null) return;
      api
        .cancelAlign(id)
        .then((stopping) => stopping && id === opened.id && view.tools.setAlignStopping())
        .catch(report);
    },
    onExport: (format, estimated) => {
      if (opened.id == null) return;
      api
        .exportTranscript(opened.id, format, estimated)
        .then((path) => path && inform(t("transcript-saved", { path })))
        .catch(report);
    },
  });

  /**
   * Runs a job that places the transcript on the audio (aligning, checking the
   * timing) with the progress bar and cancel, then shows the new times.
   * @template {{episode: number, transcript: api.TranscriptContent}} T
   * @param {(id: number) => Promise<T>} start
   * @param {(result: T) => string} describe what to tell the user when done
   */
  function runJob(start, describe) {
    const id = opened.id;
    if (id == null) return;
    view.tools.setAligning(0, false);
    aligning.set(id, { at: performance.now(), from: 0 });
    start(id)
      .finally(() => aligning.delete(id))
      .then((result) => {
        if (result.episode !== opened.id) return;
        view.tools.setAligning(null);
        show(result.transcript).catch(report);
        inform(describe(result));
      })
      .catch((error) => {
        if (id === opened.id) view.tools.setAligning(null);
        if (api.codeOf(error) !== "cancelled") report(error);
      });
  }

  /**
   * Aligns a transcript read from a web page in the background, once a session, as
   * the audio is at hand: the progress and Cancel show as for "Align to audio".
   * @param {number} id
   */
  function alignOnce(id) {
    if (autoAligned.has(id) || aligning.has(id)) return;
    autoAligned.add(id);
    align();
  }

  /** Shows a transcript just added from a file. @param {api.TranscriptContent} content */
  function showFile(content) {
    view.tools.setSource(null, false);
    return show(content);
  }

  /** @param {api.TranscriptContent} content */
  async function show(content) {
    const id = opened.id;
    const mine = ++generation;
    view.render(content.segments, content.timed, content.coarse);
    view.tools.setMachineMade(content.format === "speech");
    if (id == null || content.timed || content.segments.length === 0) return;
    const quick = await api.transcriptTimes(id, false);
    if (mine !== generation) return;
    applyTimes(quick);
    if (quick.pauses !== "pending") return;
    const snapped = await api.transcriptTimes(id, true);
    if (mine === generation) applyTimes(snapped);
  }

  // Shows the transcript of each episode opened.
  opened.onOpen((episode) => {
    view.setHighlights([]);
    view.tools.setAligning(null);
    show({
      format: episode.transcript_format ?? "",
      timed: episode.transcript_timed,
      coarse: episode.transcript_coarse,
      segments: episode.segments,
    }).catch(report);
    view.setNotFound(episode.not_found);
    view.tools.setSource(episode.transcript_page, episode.transcript_incomplete);
    const untimedPage = episode.transcript_page && !episode.transcript_timed && episode.segments.length > 0;
    if (untimedPage && !episode.audio_problem) alignOnce(episode.id);
  });

  return {
    /** Says whether the open episode's audio is still to be downloaded. @param {boolean} needed */
    setNeedsDownload(needed) {
      view.tools.setNeedsDownload(needed);
    },
    /** Corrects words of a line of the open transcript, keeps and shows it. @param {import("./views/highlight-popover.js").Correction} fix */
    correct(fix) {
      const id = opened.id;
      if (id == null) return;
      api
        .correctTranscript(id, fix)
        .then((content) => {
          if (id !== opened.id) return;
          show(content).catch(report);
          inform(t("corrected", { words: fix.new }));
        })
        .catch(report);
    },
    /** @param {number} ms */
    setPosition(ms) {
      view.setPosition(ms);
    },
    /** Opens the find bar (Ctrl+F). */
    openFind: () => view.openFind(),
    /** Closes the find bar, when it is open (Escape). */
    closeFind: () => view.closeFind(),
    /** Pins the line at the text cursor, else the lit one (P); whether there was one. */
    pinHere: () => view.pinHere(),
    /** @param {import("./lib/annotations.js").Highlight[]} highlights of the episode shown */
    setHighlights(highlights) {
      view.setHighlights(highlights);
    },
    /** Follows the Rust side: alignment progress, transcript files dragged onto the window. @returns {Promise<void>} */
    async connect() {
      await api.onAlignProgress(({ episode, stage, done }) => {
        if (episode !== opened.id) return;
        let started = aligning.get(episode);
        // A transcription running in the background shows from the first word of it.
        if (started === undefined && stage === "transcribing") {
          started = { at: performance.now(), from: done };
          aligning.set(episode, started);
        }
        if (started === undefined) return;
        view.tools.setAligning(done);
        view.tools.setTimeLeft(timeLeft(performance.now() - started.at, done, started.from));
      });
      await api.onTranscribed(({ episode, transcript }) => {
        aligning.delete(episode);
        if (episode !== opened.id) return;
        view.tools.setAligning(null);
        if (!transcript) return;
        show(transcript).catch(report);
        inform(describeTranscribed(transcript.segments.length));
      });
      await api.onTranscriptDrag(({ active }) => view.tools.showDropHint(active));
      await api.onTranscriptDropped(() => {
        view.tools.showDropHint(false);
        if (opened.id != null) api.attachDroppedTranscript(opened.id).then(showFile).catch(report);
      });
    },
  };
}
