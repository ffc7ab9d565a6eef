// @ts-check
/**
 * The keyboard shortcuts as one table: the same entries answer the keys and fill the
 * help overlay (`?`), so the two cannot disagree.
 * @module lib/shortcuts
 */

import { formatNumber, formatSeconds, t } from "./i18n.js";

/**
 * What a shortcut does, for the help: a sentence, or one read when the help opens
 * (a length the user can change in Settings).
 * @typedef {string | (() => Promise<string>)} ShortcutText
 */

/**
 * One row of the table.
 * @typedef {object} Shortcut
 * @property {string} [label] the keys as the help names them; without one the help leaves the row out
 * @property {ShortcutText} [says] what the help says it does
 * @property {Record<string, () => (boolean|void)>} [keys] the action of each key (a `KeyboardEvent.key`);
 *   an action that answers false did not use the key. Without keys the row is only said (a click).
 * @property {"plain"|"command"|"command-alt"|"any"} [modifiers] plain (the default): no Ctrl, ⌘ or
 *   Alt held; command: Ctrl or ⌘ held, Alt not; command-alt: Ctrl or ⌘ held, Alt too or not;
 *   any: whatever is held
 * @property {"outside"|"sliders"|"anywhere"} [reach] where the focus may be: outside every field
 *   and dialog (the default), on a slider too, or anywhere, a text field or a dialog included
 * @property {boolean} [keepsDefault] the browser's own use of the key goes on
 */

/** @typedef {{key: string, ctrlKey: boolean, metaKey: boolean, altKey: boolean}} KeyPress */

/**
 * Where the focus is when a key is pressed: in a text field (or list, or editable
 * text), on a slider, in a modal dialog (its buttons answer Space and Enter
 * themselves), or in none of them.
 * @typedef {"text"|"slider"|"dialog"|"none"} Focus
 */

/**
 * @param {Shortcut} shortcut
 * @param {KeyPress} press
 */
function modifiersFit(shortcut, press) {
  const command = press.ctrlKey || press.metaKey;
  switch (shortcut.modifiers ?? "plain") {
    case "plain":
      return !command && !press.altKey;
    case "command":
      return command && !press.altKey;
    case "command-alt":
      return command;
    case "any":
      return true;
  }
}

/**
 * @param {Shortcut} shortcut
 * @param {Focus} focus
 */
function reaches(shortcut, focus) {
  switch (shortcut.reach ?? "outside") {
    case "outside":
      return focus === "none";
    case "sliders":
      return focus === "none" || focus === "slider";
    case "anywhere":
      return true;
  }
}

/**
 * The actions a key press sets off, in the table's order, each with whether the
 * browser's own use of the key is to go on.
 * @param {Shortcut[]} table
 * @param {KeyPress} press
 * @param {Focus} focus
 * @returns {{run: () => (boolean|void), keepsDefault: boolean}[]}
 */
export function actionsFor(table, press, focus) {
  return table.flatMap((shortcut) => {
    const run = shortcut.keys?.[press.key];
    if (!run || !modifiersFit(shortcut, press) || !reaches(shortcut, focus)) return [];
    return [{ run, keepsDefault: shortcut.keepsDefault === true }];
  });
}

/**
 * The help's rows: each shortcut with a label, in the table's order.
 * @param {Shortcut[]} table
 * @returns {[string, ShortcutText][]}
 */
export function helpRows(table) {
  return table.flatMap(({ label, says }) => (label && says ? [/** @type {[string, ShortcutText]} */ ([label, says])] : []));
}

/**
 * What the window does for its shortcuts, by name.
 * @typedef {object} ShortcutActions
 * @property {() => void} togglePlay
 * @property {() => void} skipBack by the distance in the settings
 * @property {() => void} skipForward
 * @property {(delta: number) => void} nudgeVolume
 * @property {(steps: number) => void} nudgeSpeed in steps of 0.05×
 * @property {() => void} resetSpeed
 * @property {() => void} composeNote
 * @property {() => void} earmark
 * @property {() => void} highlightSelection
 * @property {() => void} focusSearch
 * @property {() => boolean} undo whether there was something to undo
 * @property {() => void} openFind
 * @property {() => void} closeFind
 * @property {() => boolean} pinHere whether there was a line to pin
 * @property {() => void} openAdd
 * @property {() => void} checkFeeds
 * @property {() => void} showDownloads
 * @property {() => void} toggleHelp
 * @property {() => void} closeDialogs settings, the Add dialog and the help
 * @property {() => Promise<{back: number, forward: number}>} skipDistances in ms, as set now
 * @property {() => Promise<number>} earmarkMs how much an earmark keeps, as set now
 */

/**
 * Every keyboard shortcut: the keys it answers and what the help says of it, in the
 * help's order.
 * @param {ShortcutActions} a
 * @returns {Shortcut[]}
 */
export function shortcutTable(a) {
  return [
    { label: t("key-space"), says: t("help-play"), keys: { " ": a.togglePlay }, reach: "sliders" },
    {
      label: "←",
      says: async () => t("help-skip-back", { length: formatSeconds((await a.skipDistances()).back) }),
      keys: { ArrowLeft: a.skipBack },
    },
    {
      label: "→",
      says: async () => t("help-skip-forward", { length: formatSeconds((await a.skipDistances()).forward) }),
      keys: { ArrowRight: a.skipForward },
    },
    { label: "↑ ↓", says: t("help-volume"), keys: { ArrowUp: () => a.nudgeVolume(0.05), ArrowDown: () => a.nudgeVolume(-0.05) } },
    {
      label: "[ ]",
      says: t("help-speed", { step: formatNumber(0.05) }),
      keys: { "[": () => a.nudgeSpeed(-1), "]": () => a.nudgeSpeed(1) },
      reach: "sliders",
    },
    { label: "\\", says: t("help-normal-speed"), keys: { "\\": a.resetSpeed }, reach: "sliders" },
    { label: "N", says: t("help-note"), keys: { n: a.composeNote }, reach: "sliders" },
    {
      label: "B",
      says: async () => t("help-earmark", { length: formatSeconds(await a.earmarkMs()) }),
      keys: { b: a.earmark },
      reach: "sliders",
    },
    { label: "H", says: t("help-highlight"), keys: { h: a.highlightSelection }, reach: "sliders" },
    { label: "/", says: t("help-search"), keys: { "/": a.focusSearch }, reach: "sliders" },
    { label: "Ctrl Z", says: t("help-undo"), keys: { z: a.undo }, modifiers: "command-alt", reach: "sliders" },
    { label: t("key-click-line"), says: t("help-click-line") },
    { label: "Ctrl F", says: t("help-find"), keys: { f: a.openFind, F: a.openFind }, modifiers: "command", reach: "anywhere" },
    { label: "P", says: t("help-pin"), keys: { p: a.pinHere, P: a.pinHere } },
    { label: "A", says: t("help-add"), keys: { a: a.openAdd }, reach: "sliders" },
    { label: "R", says: t("help-refresh"), keys: { r: a.checkFeeds }, reach: "sliders" },
    { label: "D", says: t("help-downloads"), keys: { d: a.showDownloads }, reach: "sliders" },
    { label: "?", says: t("help-help"), keys: { "?": a.toggleHelp }, modifiers: "any", reach: "sliders", keepsDefault: true },
    // Escape closes the dialogs, even from a field, and the find bar from elsewhere.
    { keys: { Escape: a.closeDialogs }, modifiers: "any", reach: "anywhere", keepsDefault: true },
    { keys: { Escape: a.closeFind }, keepsDefault: true },
  ];
}
