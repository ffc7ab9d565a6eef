// @ts-check
/** A row of the search results or the notebook: a meta line above a text. @module views/result-row */

/**
 * @param {string} testid
 * @param {string} meta e.g. "Note · Episode title · 1:23"
 * @param {Node[]} content the text, as text nodes and <mark>s
 * @param {Record<string, string>} data extra data attributes
 * @returns {HTMLLIElement}
 */
export function resultRow(testid, meta, content, data) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "hit";
  button.dataset.testid = testid;
  Object.assign(button.dataset, data);
  const metaLine = document.createElement("span");
  metaLine.className = "hit-meta";
  metaLine.textContent = meta;
  const text = document.createElement("span");
  text.className = "hit-snippet";
  text.append(...content);
  button.append(metaLine, text);
  item.append(button);
  return item;
}
