// @ts-check
// The window's words live in the catalogues (ui/locales/), never in a view: this
// fails on a string literal in the UI code, or a text or a title, aria-label,
// placeholder or alt in index.html, that reads like words for people.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const UI = new URL("../../ui/", import.meta.url).pathname;

/**
 * Literals that read like words but are not the window's: each with why.
 * @type {Record<string, string>}
 */
const NOT_WORDS = {
  Escape: "a KeyboardEvent key",
  Enter: "a KeyboardEvent key",
  PageUp: "a KeyboardEvent key",
  PageDown: "a KeyboardEvent key",
  Home: "a KeyboardEvent key",
  End: "a KeyboardEvent key",
  ArrowLeft: "a KeyboardEvent key",
  ArrowRight: "a KeyboardEvent key",
  ArrowUp: "a KeyboardEvent key",
  ArrowDown: "a KeyboardEvent key",
  Earmark: "the app's name",
  "Podcast Index": "a service's name",
  "Ctrl Z": "key caps, as printed on the keyboard",
  "Ctrl F": "key caps, as printed on the keyboard",
  Speaker: "a hidden probe that measures a transcript row (virtual-rows.js)",
  Word: "a hidden probe that measures a transcript row (virtual-rows.js)",
  "Because listening feels like learning, but very little of it is stored yet. ":
    "sample text that measures the transcript font's width (virtual-rows.js)",
};

/** Every .js file under `dir`. @param {string} dir @returns {string[]} */
function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** Whether `text` reads like words for people: a capitalised word, or two words. @param {string} text */
export function readsAsWords(text) {
  if (text in NOT_WORDS) return false;
  if (/^[.#[]|[=[\]{}<>]|^[a-z-]+:/.test(text)) return false; // a selector, markup or a URL
  if (/^[a-z0-9-]+( [a-z0-9-]+)*$/.test(text) && text.includes("-")) return false; // class names
  return /^[A-Z][a-z]{2,}/.test(text.trim()) || /[A-Za-z]{2,}[,.:;!?…]? +[A-Za-z]{2,}/.test(text);
}

/**
 * The string literals of a script, comments left out; a template's fixed parts, each
 * on its own.
 * @param {string} source
 * @returns {string[]}
 */
export function literalsOf(source) {
  const found = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === "/" && source[i + 1] === "*") {
      i = source.indexOf("*/", i) + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      found.push(source.slice(i + 1, j));
      i = j + 1;
    } else if (c === "`") {
      let j = i + 1;
      let piece = "";
      let depth = 0;
      while (depth > 0 || source[j] !== "`") {
        if (depth === 0 && source[j] === "$" && source[j + 1] === "{") {
          found.push(piece);
          piece = "";
          depth = 1;
          j += 2;
          continue;
        }
        if (depth > 0 && source[j] === "{") depth += 1;
        if (depth > 0 && source[j] === "}") depth -= 1;
        else if (depth === 0) piece += source[j];
        j += 1;
      }
      found.push(piece);
      i = j + 1;
    } else {
      i += 1;
    }
  }
  return found.filter((text) => text.length > 0);
}

test("the check finds words and passes over selectors, keys and code", () => {
  const found = literalsOf(`// "Not this"\nconst a = "Cancel"; b.querySelector(".x y"); t("kind-note"); c = \`Back \${n} seconds\`;`);
  assert.deepEqual(found.filter(readsAsWords), ["Cancel", "Back "]);
  assert.ok(!readsAsWords("[data-testid=x] span"));
  assert.ok(!readsAsWords("keydown"));
  assert.ok(!readsAsWords("link-button refresh-trouble"));
  assert.ok(readsAsWords("nothing to see here"));
});

test("no UI script holds words for people outside the catalogues", () => {
  const skipped = new Set([join(UI, "js/lib/i18n.js")]);
  const offending = scripts(join(UI, "js"))
    .filter((file) => !skipped.has(file))
    .flatMap((file) => literalsOf(readFileSync(file, "utf8")).filter(readsAsWords).map((text) => `${relative(UI, file)}: ${JSON.stringify(text)}`));
  assert.deepEqual(offending, []);
});

test("index.html holds no words outside the catalogues: its texts and labels are filled from them", () => {
  const html = readFileSync(join(UI, "index.html"), "utf8")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<head>[\s\S]*<\/head>/, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<kbd>[^<]*<\/kbd>/g, "");
  const texts = [...html.matchAll(/>([^<]+)</g)].map((m) => m[1].trim()).filter((text) => /[A-Za-z]{2,}/.test(text) && !(text in NOT_WORDS));
  assert.deepEqual(texts, [], "texts in index.html");
  const labels = [...html.matchAll(/\s(title|aria-label|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g)].map((m) => `${m[1]}="${m[2]}"`);
  assert.deepEqual(labels, [], "labels in index.html (use data-i18n-attr)");
});
