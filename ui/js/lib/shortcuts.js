// @ts-check
/**
 * The keyboard shortcuts as one table: the same entries answer the keys and fill the
 * help overlay (`?`), so the two cannot disagree.
 * @module lib/shortcuts
 */

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
 * @property {"plain"|"command"|"any"} [modifiers] plain (the default): no Ctrl, ⌘ or Alt held;
 *   command: Ctrl or ⌘ held, Alt not; any: whatever is held
 * @property {"outside"|"sliders"|"anywhere"} [reach] where the focus may be: outside every field
 *   (the default), on a slider too, or anywhere, a text field included
 * @property {boolean} [keepsDefault] the browser's own use of the key goes on
 */

/** @typedef {{key: string, ctrlKey: boolean, metaKey: boolean, altKey: boolean}} KeyPress */

/**
 * Where the focus is when a key is pressed: in a text field (or list, or editable
 * text), on a slider, or in neither.
 * @typedef {"text"|"slider"|"none"} Focus
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
      return focus !== "text";
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
