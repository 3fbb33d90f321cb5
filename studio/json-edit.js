// Writes a change made in the studio's form into the pack's JSON text, which stays the
// source of truth. Only the text of the values that changed is rewritten: the rest of the
// author's text (its layout, its order of keys) is left exactly as it was.
//
// The form hands over the whole pack as it is after the change. It is compared with what
// the text holds now, down to the smallest values that differ: a changed text or number
// is that value alone; an object that gained or lost a key, or a list that gained or
// lost an item, is that object or list. Each is replaced by its new value laid out with
// two-space indentation from the column its line starts at.

import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { firstValue, propertyKey } from './locate.js';

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** The value node for `key` (a string or an index) in the value node `node`, or null. */
function childValue(state, node, key) {
  if (typeof key === 'number') {
    if (node.name !== 'Array') return null;
    let index = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!VALUES.has(child.name)) continue;
      if (index === key) return child;
      index += 1;
    }
    return null;
  }
  if (node.name !== 'Object') return null;
  // A key written twice: JSON.parse keeps the last, and so does this.
  const properties = node.getChildren('Property').reverse();
  const property = properties.find((candidate) => propertyKey(state, candidate) === key);
  return property ? firstValue(property) : null;
}

/** The value at `path` (keys and indices) in a plain JSON value, or undefined. */
export function valueAt(value, path) {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[key];
  }
  return current;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The paths of the smallest values that differ between `before` and `after`. */
export function changedPaths(before, after, path = []) {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [path];
    return before.flatMap((item, i) => changedPaths(item, after[i], [...path, i]));
  }
  if (isObject(before) && isObject(after)) {
    const keys = Object.keys(before);
    const same = keys.length === Object.keys(after).length && keys.every((key) => Object.hasOwn(after, key));
    if (!same) return [path];
    return keys.flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
  }
  return Object.is(before, after) ? [] : [path];
}

/**
 * The changes (for `view.dispatch`) that make the text of `state` hold the pack `next`;
 * null when the text is not a JSON object.
 */
export function changesFor(state, next) {
  let before;
  try {
    before = JSON.parse(state.doc.toString());
  } catch {
    return null;
  }
  const tree = ensureSyntaxTree(state, state.doc.length, 500) ?? syntaxTree(state);
  const root = tree.topNode.getChild('Object');
  if (!root || !isObject(before)) return null;
  const changes = changedPaths(before, next).map((path) => {
    // The deepest value on the path that the text has (all of it, unless the syntax
    // tree and JSON.parse disagree).
    let node = root;
    let depth = 0;
    while (depth < path.length) {
      const child = childValue(state, node, path[depth]);
      if (!child) break;
      node = child;
      depth += 1;
    }
    const indent = /^\s*/.exec(state.doc.lineAt(node.from).text)[0];
    const insert = JSON.stringify(valueAt(next, path.slice(0, depth)), null, 2).replaceAll('\n', `\n${indent}`);
    return { from: node.from, to: node.to, insert };
  });
  // Where a path stopped short at an ancestor, that ancestor's new text holds the rest:
  // changes inside it are dropped (CodeMirror refuses overlapping changes).
  changes.sort((a, b) => a.from - b.from || b.to - a.to);
  return changes.filter((change, i) => !changes.slice(0, i).some((outer) => outer.from <= change.from && change.to <= outer.to));
}
