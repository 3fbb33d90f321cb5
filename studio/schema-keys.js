// Completion of a pack's keys, and documentation of them on hover, at every depth, from
// content.schema.json: inside an approach, a question or an answer as at the top.
// codemirror-json-schema, which the editor used for this, offers nothing inside an array's
// items (its issue #128), which is where most of a pack is.
import { syntaxTree } from '@codemirror/language';
import { propertyKey } from './locate.js';

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** The JSON path (keys and indices) of the value node `node`. */
function pathOf(state, node) {
  const path = [];
  let at = node;
  while (at.parent) {
    const parent = at.parent;
    if (parent.name === 'Property') {
      path.unshift(propertyKey(state, parent));
      at = parent.parent;
    } else if (parent.name === 'Array') {
      let index = 0;
      for (let child = parent.firstChild; child && child.from < at.from; child = child.nextSibling) {
        if (VALUES.has(child.name)) index += 1;
      }
      path.unshift(index);
      at = parent;
    } else {
      at = parent;
    }
  }
  return path;
}

/** A schema node with its reference followed and, of `anyOf` branches, the one with content. */
function resolve(schema, node) {
  let current = node;
  for (let hops = 0; current && hops < 8; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(current.$ref ?? '')?.[1];
    if (name) {
      current = { ...schema.$defs?.[name], description: current.description ?? schema.$defs?.[name]?.description };
    } else if (current.anyOf) {
      // The branch with keys to offer (a plural text's forms, a tie rule), else a text.
      const branch = current.anyOf.find((b) => b.$ref || b.properties || b.type === 'object')
        ?? current.anyOf.find((b) => b.type === 'string');
      current = { ...branch, description: current.description ?? branch?.description };
    } else {
      return current;
    }
  }
  return current ?? null;
}

/** The schema of `node`'s property `key`, never an Object.prototype member ("constructor"). */
const ownProperty = (node, key) => (node?.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : null);

/** The schema of the value at `path`, or null where the schema says nothing. */
export function schemaAt(schema, path) {
  let node = resolve(schema, schema);
  for (const key of path) {
    if (!node) return null;
    const next = typeof key === 'number'
      ? node.items
      : ownProperty(node, key) ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : null);
    node = next ? resolve(schema, next) : null;
  }
  return node;
}

/** "a text", "a list", … for a schema node, as the completion's detail says it. */
function kind(node) {
  const type = [node?.type].flat().find((t) => t && t !== 'null');
  return { string: 'text', number: 'number', integer: 'number', boolean: 'yes or no', array: 'list', object: 'group' }[type]
    ?? (node?.properties ? 'group' : '');
}

/** What a completed key's value starts as: the author fills it in. */
function emptyValue(node) {
  const type = [node?.type].flat().find((t) => t && t !== 'null');
  if (type === 'string') return '""';
  if (type === 'array') return '[]';
  if (type === 'object' || node?.properties) return '{}';
  return '';
}

const clean = (text) => (text ?? '').replaceAll('`', '').replace(/\s*\n\s*/g, ' ');

/**
 * Completes a key whose opening quote is typed: its name, and the closing quote, colon
 * and empty value unless the text after it has them already (a quote the editor closed
 * by itself is taken over, and a key renamed in place keeps its value).
 */
function applyKey(key, value) {
  return (view, completion, from, to) => {
    const after = view.state.sliceDoc(to, Math.min(view.state.doc.length, to + 200));
    const rest = /^[\w$]*"\s*:/.exec(after);
    const insert = rest ? key : `${key}": ${value}`;
    const end = rest ? to + rest[0].indexOf('"') : to + (after.startsWith('"') ? 1 : 0);
    // After the key's closing quote; or inside the new value's quotes or brackets.
    const cursor = rest ? from + key.length + 1 : from + insert.length - (value.length === 2 ? 1 : 0);
    view.dispatch({ changes: { from, to: end, insert }, selection: { anchor: cursor } });
  };
}

/**
 * A completion source: where a key is being typed inside an object, the keys its schema
 * has that the object does not have yet, each with its kind and its help.
 */
export function schemaKeyCompletion(getSchema) {
  return (context) => {
    const schema = getSchema();
    if (!schema) return null;
    const typed = context.matchBefore(/"[\w$]*$/);
    if (!typed && !context.explicit) return null;
    let node = syntaxTree(context.state).resolveInner(context.pos, -1);
    // Inside a property's value (a text being typed) no key is offered.
    const ownName = node.parent?.name === 'Property' ? node.parent.getChild('PropertyName') : null;
    if (ownName && node.from >= ownName.to) return null;
    if (node.name === 'PropertyName' || node.name === 'String' || node.name === '⚠') node = node.parent;
    if (node?.name === 'Property') node = node.parent;
    if (node?.name !== 'Object') return null;
    const objectSchema = schemaAt(schema, pathOf(context.state, node));
    if (!objectSchema?.properties) return null;
    const present = new Set(node.getChildren('Property').map((p) => propertyKey(context.state, p)));
    const typing = typed ? context.state.sliceDoc(typed.from + 1, typed.to) : null;
    const options = Object.entries(objectSchema.properties)
      .filter(([key]) => key !== '$schema' && (!present.has(key) || key === typing))
      .map(([key, property]) => {
        const resolved = resolve(schema, property);
        const value = emptyValue(resolved);
        return {
          label: key,
          type: 'property',
          detail: `${kind(resolved)}${objectSchema.required?.includes(key) ? ', required' : ''}`,
          info: clean(property.description ?? resolved?.description) || undefined,
          apply: typed ? applyKey(key, value) : `"${key}": ${value}`,
        };
      });
    if (!options.length) return null;
    return { from: typed ? typed.from + 1 : context.pos, options, validFor: /^[\w$]*$/ };
  };
}

/** Over a key at `pos`: `{ from, to, title, text }` saying what it is for, or null. */
export function keyHelp(schema, state, pos) {
  const name = syntaxTree(state).resolveInner(pos, 1);
  if (name.name !== 'PropertyName' || name.parent?.name !== 'Property') return null;
  const property = name.parent;
  const key = propertyKey(state, property);
  const parentSchema = schemaAt(schema, pathOf(state, property.parent));
  const node = ownProperty(parentSchema, key)
    ?? (typeof parentSchema?.additionalProperties === 'object' ? parentSchema.additionalProperties : null);
  if (!node) return null;
  const resolved = resolve(schema, node);
  const what = kind(resolved);
  return { from: name.from, to: name.to, title: `${key}${what ? `: ${what}` : ''}`, text: clean(node.description ?? resolved?.description) };
}

/** A hover source: over a key, what it is for, from its schema. */
export function schemaKeyHover(getSchema) {
  return (view, pos) => {
    const schema = getSchema();
    const help = schema && keyHelp(schema, view.state, pos);
    if (!help) return null;
    return {
      pos: help.from,
      end: help.to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'schema-hover';
        const head = document.createElement('strong');
        head.textContent = help.title;
        dom.append(head);
        if (help.text) {
          const body = document.createElement('p');
          body.textContent = help.text;
          dom.append(body);
        }
        return { dom };
      },
    };
  };
}
