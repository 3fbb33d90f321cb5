// How the studio's form writes into the JSON text (studio/json-edit.js), run on
// CodeMirror's state and the Lezer JSON parser without a browser: the text ends up holding
// exactly the pack the form handed over, and nothing but the values that changed is
// rewritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { EditorState } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { changesFor, changedPaths } from '../../studio/json-edit.js';

const blankText = await readFile(new URL('../../dist/studio/blank.json', import.meta.url), 'utf8');

/** The text after writing `change(pack)` into `text`. */
function write(text, change) {
  const state = EditorState.create({ doc: text, extensions: [json()] });
  const next = structuredClone(JSON.parse(text));
  change(next);
  const changes = changesFor(state, next);
  const after = state.update({ changes }).state.doc.toString();
  assert.deepEqual(JSON.parse(after), next, 'the text holds the pack the form handed over');
  return after;
}

/** The lines of `after` that differ from `before`'s, by line number, when both have as many. */
function changedLines(before, after) {
  const [a, b] = [before.split('\n'), after.split('\n')];
  assert.equal(a.length, b.length, 'as many lines as before');
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

test('a changed text or number rewrites that value alone; every other character stays', () => {
  const renamed = write(blankText, (p) => { p.approaches[0].name = 'Green tea "sencha"'; });
  assert.equal(renamed, blankText.replace('"name": "Tea"', '"name": "Green tea \\"sencha\\""'));
  const weighed = write(blankText, (p) => { p.questions[1].options[0].weights.coffee = -1.5; });
  assert.equal(weighed, blankText.replace('"weights": { "coffee": 3 }', '"weights": { "coffee": -1.5 }'));
});

test('a new key or item rewrites the object or list it joins, indented from its line; the rest stays', () => {
  const text = write(blankText, (p) => { p.questions[0].options[1].weights.coffee = 1; });
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes('"id": "no"'));
  assert.deepEqual(lines.slice(at, at + 4), [
    '        { "id": "no", "label": "Never", "weights": {',
    '          "tea": 2,',
    '          "coffee": 1',
    '        } }',
  ]);
  // Everything before that answer is as it was.
  assert.ok(text.startsWith(blankText.split('\n').slice(0, at).join('\n')));
  const added = write(blankText, (p) => { p.questions[0].options.push({ id: 'sometimes', label: 'Sometimes' }); });
  assert.match(added, /\n {6}"options": \[\n {8}\{\n {10}"id": "yes",/);
});

test('a removed key or item rewrites its parent; two changes far apart are two edits', () => {
  const removed = write(blankText, (p) => { delete p.questions[0].options[0].priorities; });
  // That answer's object is rewritten; the lines around it are as they were.
  const line = blankText.split('\n').findIndex((l) => l.includes('"id": "yes"'));
  const [before, after] = [blankText.split('\n').slice(0, line), blankText.split('\n').slice(line + 1)];
  assert.ok(removed.startsWith(`${before.join('\n')}\n`));
  assert.ok(removed.endsWith(`\n${after.join('\n')}`));
  assert.doesNotMatch(removed, /priorities/);
  const both = write(blankText, (p) => {
    p.title = 'Tea, coffee or neither?';
    p.questions[1].prompt = 'Bitter, or mild?';
  });
  const lines = changedLines(blankText, both);
  assert.equal(lines.length, 2);
  assert.ok(lines[1] - lines[0] > 10, 'two separate lines changed');
});

test('a key written twice: the last, which JSON.parse reads, is the one rewritten', () => {
  const text = '{\n  "title": "First",\n  "title": "Second",\n  "id": "x"\n}';
  const after = write(text, (p) => { p.title = 'Third'; });
  assert.equal(after, '{\n  "title": "First",\n  "title": "Third",\n  "id": "x"\n}');
});

test('the paths that differ are the smallest values that do', () => {
  assert.deepEqual(changedPaths({ a: [1, 2], b: { c: 1 } }, { a: [1, 3], b: { c: 1 } }), [['a', 1]]);
  assert.deepEqual(changedPaths({ a: [1, 2] }, { a: [1, 2, 3] }), [['a']]);
  assert.deepEqual(changedPaths({ b: { c: 1 } }, { b: { d: 1 } }), [['b']]);
  assert.deepEqual(changedPaths({ b: { c: 1 } }, { b: { c: 1 } }), []);
  assert.deepEqual(changedPaths({ a: 1 }, { a: '1' }), [['a']]);
});

test('text that is not a JSON object is left alone', () => {
  const state = EditorState.create({ doc: '{ "title": ', extensions: [json()] });
  assert.equal(changesFor(state, { title: 'x' }), null);
  const list = EditorState.create({ doc: '[1, 2]', extensions: [json()] });
  assert.equal(changesFor(list, [1, 3]), null);
});
