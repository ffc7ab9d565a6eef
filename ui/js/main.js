// @ts-check
/** Wires the views to the player and the library. @module main */

import * as api from "./api.js";
import { ExtrapolatedClock } from "./lib/clock.js";
import { createEpisodeHeader } from "./views/episode.js";
import { createHelp } from "./views/help.js";
import { createLibraryView } from "./views/library.js";
import { createNotice } from "./views/notice.js";
import { createPlayerBar, SKIP_BACK_MS, SKIP_FORWARD_MS } from "./views/player-bar.js";
import { createTranscriptSession } from "./transcript-session.js";

/** @param {string} selector */
const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));

const clock = new ExtrapolatedClock();
const notice = createNotice($("[data-testid=notice]"));
const header = createEpisodeHeader($(".episode-head"));
const help = createHelp($("[data-testid=help]"), [
  ["Space", "Play or pause"],
  ["←", `Back ${SKIP_BACK_MS / 1000} seconds`],
  ["→", `Forward ${SKIP_FORWARD_MS / 1000} seconds`],
  ["↑ ↓", "Volume up or down"],
  ["Click a line", "Play from that line"],
  ["Ctrl+F or /", "Find in the transcript"],
  ["P", "Pin an estimated line: it starts now"],
  ["?", "Show or hide this help"],
]);

/** Reports a failed command in the notice bar. @param {unknown} error */
const report = (error) => notice.show(api.messageOf(error));

const playerBar = createPlayerBar($(".player-bar"), {
  onToggle: () => togglePlay(),
  onSeek: (ms) => api.seek(ms).catch(report),
  onSkip: (delta) => api.seek(clock.positionAt(performance.now()) + delta).catch(report),
  onVolume: (v) => api.setVolume(v).catch(report),
});
const transcript = createTranscriptSession(
  { scroller: $(".transcript"), lines: $(".transcript-lines"), backToNow: $("[data-testid=back-to-now]") },
  { onPlayFrom: (ms) => api.playFrom(ms).catch(report), report, inform: (message) => notice.show(message) },
);
const library = createLibraryView($(".episode-list"), { onOpen: (id) => openEpisode(id) });

function togglePlay() {
  if (clock.playing) api.pause().catch(report);
  else api.play().catch(report);
}

/** @param {number} id */
async function openEpisode(id) {
  try {
    const episode = await api.openEpisode(id);
    library.select(id);
    header.render(episode);
    transcript.open(episode);
    playerBar.setDuration(episode.duration_ms);
    playerBar.setPosition(episode.position_ms);
    transcript.setPosition(episode.position_ms);
    if (episode.audio_problem) notice.show(episode.audio_problem);
  } catch (error) {
    report(error);
  }
}

function frame() {
  const ms = clock.displayAt(performance.now());
  playerBar.setPosition(ms);
  transcript.setPosition(ms);
  requestAnimationFrame(frame);
}

document.addEventListener("keydown", (event) => {
  const target = /** @type {HTMLElement} */ (event.target);
  if (target.closest("input[type=text], textarea, [contenteditable]")) return;
  if (event.key === "?") return help.toggle();
  if (event.key === "Escape") return help.close();
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const now = clock.positionAt(performance.now());
  const actions = /** @type {Record<string, () => void>} */ ({
    " ": togglePlay,
    ArrowLeft: () => api.seek(now - SKIP_BACK_MS).catch(report),
    ArrowRight: () => api.seek(now + SKIP_FORWARD_MS).catch(report),
    ArrowUp: () => playerBar.nudgeVolume(0.05),
    ArrowDown: () => playerBar.nudgeVolume(-0.05),
  });
  const action = actions[event.key];
  if (action && !(target instanceof HTMLInputElement && event.key.startsWith("Arrow"))) {
    event.preventDefault();
    action();
  }
});
$("[data-action=help]").addEventListener("click", () => help.toggle());

async function start() {
  await api.subscribeClock((snapshot) => {
    clock.update(snapshot, performance.now());
    playerBar.setPlaying(snapshot.playing);
    if (snapshot.duration_ms) playerBar.setDuration(snapshot.duration_ms);
  });
  await api.onNotice((n) => notice.show(n.message));
  await transcript.listen();
  await api.onEnded(() => api.listEpisodes().then((list) => library.render(list)).catch(report));
  api.checkOutput().catch(report);
  const episodes = await api.listEpisodes();
  library.render(episodes);
  if (episodes.length > 0) await openEpisode(episodes[0].id);
  requestAnimationFrame(frame);
}

start().catch(report);
