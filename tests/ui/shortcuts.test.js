import { test } from "node:test";
import assert from "node:assert/strict";
import { actionsFor, helpRows, shortcutTable } from "../../ui/js/lib/shortcuts.js";

/** A key press: the key and what is held. */
const press = (key, held = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...held });

/** A table whose actions say what they did in `done`. */
function table() {
  /** @type {string[]} */
  const done = [];
  const did = (/** @type {string} */ what, /** @type {boolean|void} */ answer = undefined) => () => {
    done.push(what);
    return answer;
  };
  /** @type {import("../../ui/js/lib/shortcuts.js").Shortcut[]} */
  const shortcuts = [
    { label: "Space", says: "Play or pause", keys: { " ": did("toggle") }, reach: "sliders" },
    { label: "↑ ↓", says: "Volume", keys: { ArrowUp: did("louder"), ArrowDown: did("quieter") } },
    { label: "Ctrl Z", says: "Undo a delete", keys: { z: did("undo", false) }, modifiers: "command", reach: "sliders" },
    { label: "Click a line", says: "Play from that line" },
    { label: "Ctrl F", says: "Find", keys: { f: did("find"), F: did("find") }, modifiers: "command", reach: "anywhere" },
    { label: "?", says: async () => "Help", keys: { "?": did("help") }, modifiers: "any", reach: "sliders", keepsDefault: true },
    { keys: { Escape: did("close dialogs") }, modifiers: "any", reach: "anywhere", keepsDefault: true },
    { keys: { Escape: did("close find") }, keepsDefault: true },
  ];
  /** Runs what a press sets off; what it did and whether the default was kept, per action. */
  const run = (/** @type {ReturnType<typeof press>} */ p, /** @type {"text"|"slider"|"dialog"|"none"} */ focus) =>
    actionsFor(shortcuts, p, focus).map(({ run: action, keepsDefault }) => action() !== false && !keepsDefault);
  return { shortcuts, done, run };
}

test("the help lists every labelled row in the table's order, keyless ones included", () => {
  const { shortcuts } = table();
  assert.deepEqual(
    helpRows(shortcuts).map(([label]) => label),
    ["Space", "↑ ↓", "Ctrl Z", "Click a line", "Ctrl F", "?"],
  );
  assert.equal(typeof helpRows(shortcuts)[5][1], "function", "a sentence read when the help opens stays a function");
});

test("a plain key works outside fields, and not while Ctrl, ⌘ or Alt is held", () => {
  const t = table();
  assert.deepEqual(t.run(press("ArrowUp"), "none"), [true], "used: the default is prevented");
  assert.deepEqual(t.run(press("ArrowDown", { altKey: true }), "none"), []);
  assert.deepEqual(t.run(press(" ", { metaKey: true }), "none"), []);
  assert.deepEqual(t.done, ["louder"]);
});

test("where the focus is decides: typing keeps its keys, a slider keeps its arrows", () => {
  const t = table();
  assert.deepEqual(t.run(press(" "), "text"), [], "typing a space in a field");
  assert.deepEqual(t.run(press("ArrowUp"), "slider"), [], "the slider moves itself");
  t.run(press(" "), "slider");
  t.run(press("f", { ctrlKey: true }), "text");
  assert.deepEqual(t.done, ["toggle", "find"]);
});

test("in a dialog its buttons keep Space and the arrows; Escape and Ctrl F still work", () => {
  const t = table();
  assert.deepEqual(t.run(press(" "), "dialog"), [], "Space presses the focused button, not play");
  assert.deepEqual(t.run(press("ArrowUp"), "dialog"), []);
  assert.deepEqual(t.run(press("?"), "dialog"), []);
  assert.deepEqual(t.run(press("Escape"), "dialog"), [false], "Escape closes the dialog");
  t.run(press("f", { ctrlKey: true }), "dialog");
  assert.deepEqual(t.done, ["close dialogs", "find"]);
});

test("command keys need Ctrl or ⌘ without Alt; an action may leave the key unused", () => {
  const t = table();
  assert.deepEqual(t.run(press("F", { metaKey: true }), "none"), [true]);
  assert.deepEqual(t.run(press("f"), "none"), []);
  assert.deepEqual(t.run(press("f", { ctrlKey: true, altKey: true }), "none"), []);
  assert.deepEqual(t.run(press("z", { ctrlKey: true }), "slider"), [false], "nothing to undo: the default stays");
  assert.deepEqual(t.done, ["find", "undo"]);
});

test("a key may set off several rows, each where it reaches; some keep the default", () => {
  const t = table();
  assert.deepEqual(t.run(press("Escape"), "none"), [false, false]);
  assert.deepEqual(t.run(press("Escape"), "text"), [false], "from a field, only the dialogs close");
  assert.deepEqual(t.run(press("?", { ctrlKey: true }), "slider"), [false]);
  assert.deepEqual(t.done, ["close dialogs", "close find", "close dialogs", "help"]);
});

/** The window's table, its actions saying what they did in `done`. */
function windowTable() {
  /** @type {string[]} */
  const done = [];
  const actions = new Proxy(
    {
      skipDistances: async () => ({ back: 15_000, forward: 30_000 }),
      earmarkMs: async () => 10_000,
      undo: () => (done.push("undo"), false),
      pinHere: () => (done.push("pinHere"), true),
    },
    {
      get: (known, name) =>
        known[name] ?? ((/** @type {unknown[]} */ ...args) => void done.push(args.length ? `${String(name)} ${args}` : String(name))),
    },
  );
  return { table: shortcutTable(/** @type {any} */ (actions)), done };
}

test("the help says every shortcut of the window, with the lengths as set", async () => {
  const rows = helpRows(windowTable().table);
  const said = await Promise.all(rows.map(async ([label, says]) => `${label}: ${typeof says === "string" ? says : await says()}`));
  assert.deepEqual(said, [
    "Space: Play or pause",
    "←: Back 15 seconds (change it in Settings)",
    "→: Forward 30 seconds (change it in Settings)",
    "↑ ↓: Volume up or down",
    "[ ]: Slower or faster by 0.05×",
    "\\: Back to normal speed",
    "N: Write a note at this moment (playback goes on)",
    "B: Earmark the last 10 seconds (change it in Settings)",
    "H: Highlight the selected text",
    "/: Search everything",
    "Ctrl Z: Undo a delete",
    "Click a line: Play from that line",
    "Ctrl F: Find in the transcript",
    "P: Pin an estimated line: it starts now",
    "A: Add podcasts, audio files or OPML",
    "R: Check for new episodes",
    "D: Show the downloads",
    "?: Show or hide this help",
  ]);
});

test("each key the help names does what it says", () => {
  const { table, done } = windowTable();
  const pressed = (/** @type {string} */ key, held = {}, /** @type {"text"|"slider"|"none"} */ focus = "none") => {
    for (const { run } of actionsFor(table, press(key, held), focus)) run();
  };
  for (const key of [" ", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "[", "]", "\\", "n", "b", "h", "/", "p", "a", "r", "d", "?"]) {
    pressed(key);
  }
  pressed("z", { ctrlKey: true });
  pressed("f", { metaKey: true });
  pressed("Escape");
  assert.deepEqual(done, [
    "togglePlay", "skipBack", "skipForward", "nudgeVolume 0.05", "nudgeVolume -0.05", "nudgeSpeed -1", "nudgeSpeed 1",
    "resetSpeed", "composeNote", "earmark", "highlightSelection", "focusSearch", "pinHere", "openAdd", "checkFeeds",
    "showDownloads", "toggleHelp", "undo", "openFind", "closeDialogs", "closeFind",
  ]);
});

test("Ctrl+Alt+Z and ⌘+Alt+Z undo too, as Ctrl+Z does; Alt+Z alone does not", () => {
  const { table, done } = windowTable();
  const undos = (/** @type {object} */ held) => actionsFor(table, press("z", held), "none").map(({ run }) => run());
  assert.equal(undos({ ctrlKey: true, altKey: true }).length, 1);
  assert.equal(undos({ metaKey: true, altKey: true }).length, 1);
  assert.deepEqual(undos({ altKey: true }), []);
  assert.deepEqual(done, ["undo", "undo"]);
});

test("typing in a field keeps every key but Ctrl F and Escape, which closes only the dialogs", () => {
  const { table, done } = windowTable();
  for (const key of [" ", "n", "b", "h", "/", "p", "?", "ArrowLeft"]) {
    assert.deepEqual(actionsFor(table, press(key), "text"), [], key);
  }
  for (const { run } of actionsFor(table, press("F", { ctrlKey: true }), "text")) run();
  for (const { run } of actionsFor(table, press("Escape"), "text")) run();
  assert.deepEqual(done, ["openFind", "closeDialogs"]);
});
