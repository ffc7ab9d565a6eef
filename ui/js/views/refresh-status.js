// @ts-check
/**
 * The library's status line under its heading: what a check for new episodes is
 * doing ("Checking 37 of 1,000 shows…" with a progress bar) and what it found. Shows
 * that could not be checked, or whose server asked Earmark to wait, are named, and
 * a click on their names lists each with the reason — calmly, no red.
 * @module views/refresh-status
 */

import { errorWords } from "../lib/error-words.js";
import { formatClockTime, formatList, t } from "../lib/i18n.js";

/** @typedef {import("../api.js").RefreshReport} RefreshReport */
/** @typedef {import("../api.js").PodcastOutcome} PodcastOutcome */

/**
 * @param {HTMLElement} status the status line
 * @param {HTMLProgressElement} bar the progress bar under it
 * @param {HTMLElement} list the list of problems under it
 */
export function createRefreshStatus(status, bar, list) {
  /**
   * Says `text` (nothing: hides the line).
   * @param {string} text
   * @param {"info"|"offline"} [tone]
   */
  function say(text, tone = "info") {
    status.replaceChildren(text);
    status.title = "";
    status.dataset.tone = tone;
    status.hidden = !text;
    bar.hidden = true;
    list.hidden = true;
    list.replaceChildren();
  }

  /**
   * A whole check is under way: `done` of `total` shows.
   * @param {number} done @param {number} total
   */
  function progress(done, total) {
    status.replaceChildren(t("refresh-checking", { done, total }));
    status.hidden = false;
    bar.max = total;
    bar.value = done;
    bar.hidden = total < 2;
  }

  /** @param {RefreshReport} report */
  function show(report) {
    const time = formatClockTime(new Date());
    const found = t("refresh-found", { count: report.new_episodes });
    const failed = report.podcasts.filter((p) => p.error && !p.waiting);
    const waiting = report.podcasts.filter((p) => p.waiting);
    const noted = report.podcasts.filter((p) => p.warnings.length > 0);
    const notes = noted.length ? ` · ${t("refresh-notes-on", { shows: names(noted) })}` : "";
    say(`${found} · ${t("refresh-checked-at", { time })}${notes}`);
    const trouble = [
      failed.length ? t("refresh-failed", { shows: names(failed), count: failed.length }) : "",
      waiting.length ? t("refresh-waiting", { shows: names(waiting), count: waiting.length }) : "",
    ].filter(Boolean);
    if (trouble.length) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "link-button refresh-trouble";
      toggle.dataset.testid = "refresh-trouble";
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = trouble.join(" · ");
      toggle.addEventListener("click", () => {
        list.hidden = !list.hidden;
        toggle.setAttribute("aria-expanded", String(!list.hidden));
      });
      status.append(toggle);
      list.replaceChildren(...[...failed, ...waiting].map(problem));
    }
    status.title = [
      ...[...failed, ...waiting].map((p) => `${p.title}: ${why(p)}`),
      ...noted.flatMap((p) => (p.warning_reports ?? p.warnings).map((w) => `${p.title}: ${errorWords(w)}`)),
    ].join("\n");
  }

  return { say, progress, show };
}

/**
 * The shows named in a report line, by name when there are few: "“The Daily”",
 * "“The Daily” and “Radiolab”", or "4 shows".
 * @param {PodcastOutcome[]} shows
 */
function names(shows) {
  if (shows.length > 2) return t("shows-count", { count: shows.length });
  return formatList(shows.map((p) => t("quoted", { title: p.title })));
}

/** One show in the list of problems: its name, then why. @param {PodcastOutcome} outcome */
function problem(outcome) {
  const item = document.createElement("li");
  item.dataset.testid = "refresh-problem";
  const title = document.createElement("strong");
  title.textContent = outcome.title;
  item.append(title, ` ${why(outcome)}`);
  return item;
}

/** Why a show could not be checked, in the listener's language. @param {PodcastOutcome} outcome */
function why(outcome) {
  return errorWords(outcome.error_report ?? outcome.error ?? "");
}
