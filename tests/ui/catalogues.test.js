// @ts-check
// The catalogues (ui/locales/) hold the same keys, each message takes only the
// arguments the English one does and formats without an error, and every key the
// window asks for is in them (and every key in them is asked for).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { FluentBundle, FluentResource } from "../../ui/vendor/fluent-bundle/index.js";
import { CATALOGUES } from "../../ui/js/lib/i18n.js";

const UI = new URL("../../ui/", import.meta.url).pathname;

/** Keys built at run time (`t(\`kind-${kind}\`)`): each prefix must start a key, and keys under it count as used. */
const DYNAMIC_PREFIXES = ["error-", "export-format-", "highlight-in-", "kind-"];

/** @param {string} language */
function bundleOf(language) {
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(CATALOGUES[/** @type {"en"} */ (language)]));
  assert.deepEqual(errors, [], `the ${language} catalogue parses`);
  return bundle;
}

/** @param {string} language @returns {Map<string, Set<string>>} each key and the variables its message uses */
function keysOf(language) {
  const text = CATALOGUES[/** @type {"en"} */ (language)];
  /** @type {Map<string, Set<string>>} */
  const keys = new Map();
  let current = "";
  for (const line of text.split("\n")) {
    const start = line.match(/^([a-z][a-z0-9_-]*) =/);
    if (start) {
      current = start[1];
      keys.set(current, new Set());
    }
    if (current && !line.startsWith("#")) {
      for (const [, name] of line.matchAll(/\$([a-z][a-z0-9_-]*)/g)) keys.get(current)?.add(name);
    }
  }
  return keys;
}

/** Every .js file under `dir`, as paths. @param {string} dir @returns {string[]} */
function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** The keys the window's code and page ask for: literal ones and the prefixes of built ones. */
function keysAskedFor() {
  const literal = new Set();
  const prefixes = new Set();
  for (const file of scripts(join(UI, "js")).filter((path) => !path.endsWith("lib/i18n.js"))) {
    const source = readFileSync(file, "utf8");
    // Each t(…) call's first argument: the string literals in it that are not compared against.
    for (const [, argument] of source.matchAll(/\bt\(([^,()]*(?:\([^()]*\)[^,()]*)*)/g)) {
      const keys = argument.replace(/[=!]==\s*"[^"]*"/g, "");
      for (const [, key] of keys.matchAll(/"([a-z][a-z0-9-]*)"/g)) literal.add(key);
      for (const [, prefix] of keys.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)) prefixes.add(prefix);
    }
  }
  // Keys handed to t() through a variable (the player bar's skip buttons).
  for (const key of ["skip-back", "skip-forward"]) literal.add(key);
  const html = readFileSync(join(UI, "index.html"), "utf8");
  for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) literal.add(key);
  for (const [, pairs] of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of pairs.split(/\s+/)) literal.add(pair.split(":")[1]);
  }
  return { literal, prefixes };
}

test("every catalogue parses and holds exactly the English keys", () => {
  const english = keysOf("en");
  assert.ok(english.size > 200, `keys in en: ${english.size}`);
  for (const language of Object.keys(CATALOGUES)) {
    bundleOf(language);
    const keys = keysOf(language);
    const missing = [...english.keys()].filter((key) => !keys.has(key));
    const extra = [...keys.keys()].filter((key) => !english.has(key));
    assert.deepEqual(missing, [], `keys missing from ${language}`);
    assert.deepEqual(extra, [], `keys in ${language} that English lacks`);
  }
});

test("a translation takes only the arguments the English message is given, and formats cleanly", () => {
  const english = keysOf("en");
  for (const language of Object.keys(CATALOGUES)) {
    const bundle = bundleOf(language);
    for (const [key, variables] of keysOf(language)) {
      const given = /** @type {Set<string>} */ (english.get(key));
      for (const name of variables) assert.ok(given.has(name), `${language} ${key} uses $${name}, which English never gets`);
      /** @type {Record<string, string|number>} */
      const args = Object.fromEntries([...given].map((name) => [name, 2]));
      const message = bundle.getMessage(key);
      assert.ok(message?.value, `${language} ${key} has a value`);
      /** @type {Error[]} */
      const errors = [];
      const text = bundle.formatPattern(message.value, args, errors);
      assert.deepEqual(errors, [], `${language} ${key} formats without errors`);
      assert.ok(!/\{|\}/.test(text), `${language} ${key} leaves no placeholder: ${text}`);
    }
  }
});

test("every key the window asks for is in the catalogues, and every key there is asked for", () => {
  const english = keysOf("en");
  const { literal, prefixes } = keysAskedFor();
  assert.ok(literal.size > 150, `keys found in the code: ${literal.size}`);
  for (const key of literal) assert.ok(english.has(key), `"${key}" is asked for but is in no catalogue`);
  for (const prefix of prefixes) {
    assert.ok(DYNAMIC_PREFIXES.includes(prefix), `keys built from "${prefix}" are listed in DYNAMIC_PREFIXES`);
    assert.ok([...english.keys()].some((key) => key.startsWith(prefix)), `some key starts with "${prefix}"`);
  }
  const unused = [...english.keys()].filter((key) => !literal.has(key) && !DYNAMIC_PREFIXES.some((p) => key.startsWith(p)));
  assert.deepEqual(unused, [], "keys no code asks for");
});

/**
 * The error codes the Rust side can send: each `fn code` body's string literals, and
 * each code named where an error is made (`ErrorReport::new("…"`, `IpcError::new("…"`).
 * @returns {Set<string>}
 */
function rustErrorCodes() {
  const root = new URL("../../src-tauri/", import.meta.url).pathname;
  /** @type {Set<string>} */
  const codes = new Set();
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !["target", "tests", "benches"].includes(entry.name)) walk(path);
      else if (entry.name.endsWith(".rs")) {
        const text = readFileSync(path, "utf8").split("#[cfg(test)]")[0];
        for (const body of text.matchAll(/fn code\(&self\) -> &'static str \{([\s\S]*?)\n {4}\}/g)) {
          for (const [, code] of body[1].matchAll(/=> "([a-z_]+)"/g)) codes.add(code);
        }
        for (const [, code] of text.matchAll(/(?:ErrorReport|IpcError)::new\(\s*"([a-z_]+)"/g)) codes.add(code);
      }
    }
  };
  walk(root);
  return codes;
}

test("every error code the app sends has its words in every catalogue", () => {
  const codes = rustErrorCodes();
  assert.ok(codes.size > 60, `error codes found in the Rust code: ${codes.size}`);
  for (const language of Object.keys(CATALOGUES)) {
    const keys = keysOf(language);
    const missing = [...codes].filter((code) => !keys.has(`error-${code}`));
    assert.deepEqual(missing, [], `${language}: error codes without words`);
  }
});
