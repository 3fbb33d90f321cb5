// The studio's completion of a draft's own ids (studio/ids.js), run on CodeMirror's
// state and the Lezer JSON parser without a browser: exactly where an id is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { CompletionContext } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { draftIdCompletion } from '../../studio/ids.js';

const draft = { approaches: [{ id: 'tea' }, { id: 'coffee' }], dimensions: [{ id: 'speed' }] };
const complete = draftIdCompletion(() => draft);

/** The labels offered at the end of `text` (asked for explicitly), or null for none. */
function offered(text) {
  const state = EditorState.create({ doc: text, extensions: [json()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  const result = complete(new CompletionContext(state, text.length, true));
  return result ? result.options.map((o) => o.label) : null;
}

test('ids are offered where a key of a map of approaches or dimensions is typed', () => {
  for (const [text, expected] of [
    ['{ "weights": { "tea": 2, "c', ['tea', 'coffee']],
    ['{ "rulesOut": { "', ['tea', 'coffee']],
    ['{ "caveats": { "tea": "Fine.", "co', ['tea', 'coffee']],
    ['{ "ratings": { "', ['tea', 'coffee']],
    ['{ "priorities": { "s', ['speed']],
  ]) assert.deepEqual(offered(text), expected, text);
});

test('no id inside a value, closed or not, nor where a key is not an id', () => {
  for (const text of [
    '{ "caveats": { "tea": "Tea',
    '{ "caveats": { "tea": "Tea is',
    '{ "weights": { "tea": "',
    '{ "title": "',
    '{ "',
    '{ "questions": [ { "',
  ]) assert.equal(offered(text), null, text);
});
