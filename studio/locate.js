// Where in the editor's text a problem of the widget's validator sits.
//
// A JSON syntax error comes with a line and a column (serde_json's: lines from 1, and
// within a line the bytes read, the offending character included). Every other problem
// names a JSON path such as `questions[2].options[0].weights.opne`, which is walked down
// the Lezer JSON syntax tree to the property or value it names; for something missing
// (a field that is not there, a path cut short) the nearest node that exists is marked.
//
// What is marked: a property whose value is a string, number or literal as a whole
// (`"title": ""`); a property holding an object or array by its name only; an element
// or the whole document that is an object or array from its bracket to the end of that
// line (marking a hundred lines would hide the text under a wavy line).

const CONTAINERS = new Set(['Object', 'Array']);
const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** `{ from, to, exact }` for a problem `{ path, line, column }` in an EditorState. */
export function locateProblem(state, tree, problem) {
  if (problem.line != null) return { ...locateLineColumn(state.doc, problem.line, problem.column ?? 1), exact: true };
  const root = tree.topNode.getChild('Object') ?? tree.topNode.getChild('Array')
    ?? firstValue(tree.topNode);
  if (!root) return { from: 0, to: Math.min(state.doc.length, state.doc.lineAt(0).to), exact: false };
  const found = walk(state, root, null, problem.path ?? '');
  return { ...markFor(state.doc, found.node, found.property), exact: found.exact };
}

/** The position of serde_json's line and column (1-based, the column in UTF-8 bytes). */
export function locateLineColumn(doc, lineNumber, column) {
  const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
  // Bytes to UTF-16 code units: walk the line's characters until `column - 1` bytes.
  const byteTarget = Math.max(0, column - 1);
  let bytes = 0;
  let offset = 0;
  const text = line.text;
  while (offset < text.length && bytes < byteTarget) {
    const code = text.codePointAt(offset);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    offset += code > 0xffff ? 2 : 1;
  }
  let from = line.from + offset;
  let to = Math.min(from + 1, line.to);
  // At the end of a line (or of the text): mark the last character before it.
  if (to === from && from > line.from) from -= 1;
  if (to < from) to = from;
  return { from, to };
}

export function firstValue(node) {
  for (let child = node.firstChild; child; child = child.nextSibling) if (VALUES.has(child.name)) return child;
  return null;
}

/** A property's key as the author wrote it, escapes resolved. */
export function propertyKey(state, property) {
  const name = property.getChild('PropertyName');
  if (!name) return null;
  const raw = state.doc.sliceString(name.from, name.to);
  try {
    return JSON.parse(raw);
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/**
 * Follows `path` from `node` (a value; `property` the Property holding it, if any).
 * Resolves to the deepest node reached: `{ node, property, exact }`.
 */
function walk(state, node, property, path) {
  if (path === '') return { node, property, exact: true };
  const index = /^\[(\d+)\]/.exec(path);
  if (index) {
    if (node.name !== 'Array') return { node, property, exact: false };
    const elements = [];
    for (let child = node.firstChild; child; child = child.nextSibling) if (VALUES.has(child.name)) elements.push(child);
    const element = elements[Number(index[1])];
    if (!element) return { node, property, exact: false };
    return walk(state, element, null, path.slice(index[0].length));
  }
  if (node.name !== 'Object') return { node, property, exact: false };
  const rest = path.startsWith('.') ? path.slice(1) : path;
  // Keys may hold dots or brackets, and a key may appear twice (serde_json reads the
  // last): try every property whose key starts the rest of the path, last first, and
  // keep the deepest exact match, else the deepest partial one.
  const properties = node.getChildren('Property').reverse();
  let best = null;
  for (const candidate of properties) {
    const key = propertyKey(state, candidate);
    if (key === null || !rest.startsWith(key)) continue;
    const after = rest.slice(key.length);
    if (after !== '' && after[0] !== '.' && after[0] !== '[') continue;
    const value = firstValue(candidate);
    const found = value
      ? walk(state, value, candidate, after)
      : { node: candidate, property: candidate, exact: after === '' };
    if (found.exact) return found;
    if (!best || depth(found.node) > depth(best.node)) best = found;
  }
  return best ?? { node, property, exact: false };
}

function depth(node) {
  let d = 0;
  for (let n = node; n; n = n.parent) d++;
  return d;
}

/** The range to mark for a node reached by a path. */
function markFor(doc, node, property) {
  if (property) {
    const name = property.getChild('PropertyName');
    const value = firstValue(property);
    if (name && (!value || CONTAINERS.has(value.name))) return { from: name.from, to: name.to };
    return { from: property.from, to: property.to };
  }
  if (CONTAINERS.has(node.name)) {
    const line = doc.lineAt(node.from);
    return { from: node.from, to: Math.min(node.to, line.to) };
  }
  return { from: node.from, to: node.to };
}
