// The studio's completion and documentation of a pack's keys (studio/schema-keys.js),
// run on CodeMirror's state and the Lezer JSON parser without a browser: at every depth,
// inside an approach, a question or an answer as at the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { CompletionContext } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { schemaKeyCompletion, keyHelp } from '../../studio/schema-keys.js';

const schema = JSON.parse(await readFile(new URL('../../content.schema.json', import.meta.url), 'utf8'));
const complete = schemaKeyCompletion(() => schema);

const stateOf = (text) => {
  const state = EditorState.create({ doc: text, extensions: [json()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return state;
};

/** The keys offered at the end of `text` (asked for explicitly), or null for none. */
function offered(text) {
  const result = complete(new CompletionContext(stateOf(text), text.length, true));
  return result ? result.options.map((o) => o.label) : null;
}

test('inside an approach, a question, an answer and a rating, the keys not yet there are offered', () => {
  assert.deepEqual(offered('{ "approaches": [ { "id": "tea", "'), ['name', 'shortName', 'steps', 'summary']);
  assert.deepEqual(offered('{ "questions": [ { "id": "q", "prompt": "P", "options": [ { "id": "a", "label": "A", "'),
    ['below', 'caveats', 'priorities', 'rulesOut', 'weights']);
  assert.deepEqual(offered('{ "questions": [ { "id": "q", "'), ['hint', 'number', 'options', 'prompt']);
  assert.deepEqual(offered('{ "dimensions": [ { "id": "d", "ratings": { "tea": { "'), ['reason', 'score']);
  assert.deepEqual(offered('{ "facts": [ { "source": { "'), ['title', 'url']);
  assert.deepEqual(offered('{ "tie": { "'), ['between', 'margin', 'recommend']);
  // At the top, the pack's own keys, never $schema.
  assert.ok(offered('{ "').includes('approaches'));
  assert.ok(!offered('{ "').includes('$schema'));
});

/** The text and cursor after choosing `label` with the cursor at `|` in `marked`. */
function chosen(marked, label) {
  const at = marked.indexOf('|');
  let state = stateOf(marked.replace('|', ''));
  const result = complete(new CompletionContext(state, at, true));
  const option = result.options.find((o) => o.label === label);
  const view = { get state() { return state; }, dispatch: (spec) => { state = state.update(spec).state; } };
  option.apply(view, option, result.from, at);
  const text = state.doc.toString();
  return `${text.slice(0, state.selection.main.head)}|${text.slice(state.selection.main.head)}`;
}

test('a completed key comes with its value started, its kind and its help', () => {
  const state = stateOf('{ "approaches": [ { "');
  const result = complete(new CompletionContext(state, state.doc.length, true));
  const steps = result.options.find((o) => o.label === 'steps');
  assert.equal(steps.detail, 'list');
  assert.match(steps.info, /next/);
  assert.equal(result.options.find((o) => o.label === 'name').detail, 'text, required');
  // The cursor lands inside the new value.
  assert.equal(chosen('{ "approaches": [ { "st|', 'steps'), '{ "approaches": [ { "steps": [|]');
  // A quote the editor closed by itself is taken over, not doubled.
  assert.equal(chosen('{ "approaches": [ { "na|"', 'name'), '{ "approaches": [ { "name": "|"');
  // Renaming a key in place keeps its value.
  assert.equal(chosen('{ "approaches": [ { "s|hortName": "Tea" } ] }', 'summary'), '{ "approaches": [ { "summary"|: "Tea" } ] }');
});

test('the forms of a plural text are offered, and no key of JavaScript\'s own objects is documented', () => {
  assert.deepEqual(offered('{ "ui": { "introMeta": { "'), ['few', 'many', 'one', 'other', 'two', 'zero']);
  const text = '{ "constructor": 1 }';
  assert.equal(keyHelp(schema, stateOf(text), 3), null);
});

test('no key inside a value, nor in a map whose keys are ids', () => {
  assert.equal(offered('{ "approaches": [ { "name": "Te'), null);
  assert.equal(offered('{ "title": "'), null);
  assert.equal(offered('{ "questions": [ { "options": [ { "weights": { "'), null);
});

test('hovering a key inside an answer says what it is for', () => {
  const text = '{ "questions": [ { "id": "q", "options": [ { "id": "a", "rulesOut": { "tea": "No." } } ] } ] }';
  const state = stateOf(text);
  const help = keyHelp(schema, state, text.indexOf('"rulesOut"') + 2);
  assert.equal(help.title, 'rulesOut: group');
  assert.match(help.text, /rules the approach out/);
  const prompt = '{ "questions": [ { "prompt": "P" } ] }';
  assert.match(keyHelp(schema, stateOf(prompt), prompt.indexOf('prompt') + 1).text, /question as the reader reads it/);
  assert.equal(keyHelp(schema, state, text.indexOf('"No."') + 1), null, 'no help over a value');
});
