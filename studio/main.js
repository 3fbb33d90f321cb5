// The studio page (studio.html): an editor for a content pack, the widget's own
// validator on it, the real widget as a live preview, the balance of the advice, and the
// ways to take the draft away. Everything runs in this browser; nothing is sent anywhere.
import './studio.css';
import { EditorView } from 'codemirror';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { createEditor, LINT_DELAY_MS } from './editor.js';
import { locateProblem } from './locate.js';
import { loadStudioWasm } from './wasm.js';
import { Preview } from './preview.js';
import { BalanceRunner } from './balance.js';
import { renderBalance, renderBalancePending, renderBalanceError } from './balance-view.js';
import { draftLink, draftFromFragment, LONG_LINK } from './share.js';
import { embedCode, packFileName, folder, PLACEHOLDER_BASE } from './embed-code.js';
import { PackForm } from './form.js';
import { changesFor } from './json-edit.js';

const $ = (id) => document.getElementById(id);
const SAVED_KEY = 'open-vs-proprietary:studio-draft';
/** The draft this browser had saved before a link's draft was opened and edited. */
const BEFORE_LINK_KEY = 'open-vs-proprietary:studio-draft-before-link';
/** Which view of the pack the author last chose: 'form' (the first time) or 'json'. */
const VIEW_KEY = 'open-vs-proprietary:studio-view';

// Packs the author can start from: files in dist/ (studio/blank.json is the README's
// minimal pack, written by scripts/studio.mjs).
const STARTERS = {
  blank: { url: 'studio/blank.json', name: 'the blank minimal pack' },
  builtin: { url: 'content/en.json', name: 'the built-in quiz' },
  databases: { url: 'content/databases.json', name: 'the databases quiz' },
};

const status = $('status');
const announce = (text) => {
  // Rewritten even when equal, so the same news twice is announced twice.
  status.textContent = '';
  status.textContent = text;
};

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.text();
}

// ---------------------------------------------------------------------------------------
// Analysis: the validator's problems for a text, placed in it; one per text, shared by
// the lint source, the problems list, the preview and the balance.

let validator = null; // { module, checkPack } once the studio's Wasm is ready
let validatorFailure = null;
let lastAnalysis = null;

/** Problems of the text in `state`, each with the range it marks. */
function analyse(state) {
  if (lastAnalysis?.doc === state.doc) return lastAnalysis;
  const text = state.doc.toString();
  let problems;
  if (validator) {
    problems = Array.from(validator.checkPack(text));
  } else {
    // Without the studio's Wasm only JSON syntax can be checked here; the preview's
    // widget still reports everything else in its error panel.
    try {
      JSON.parse(text);
      problems = [];
    } catch (error) {
      problems = [{ path: '', message: String(error.message), line: 1, column: 1 }];
    }
  }
  const tree = ensureSyntaxTree(state, state.doc.length, 500) ?? syntaxTree(state);
  // In the order of the text, so the list reads as the file does (the widget's own
  // order for problems at one place); those about the whole file (such as "and 5 more
  // problems") last.
  const order = (p) => (p.path === '' && p.line == null ? Infinity : p.from);
  const placed = problems.map((problem) => ({ ...problem, ...locateProblem(state, tree, problem) }))
    .sort((a, b) => order(a) - order(b));
  let pack = null;
  if (!placed.length) {
    try {
      pack = JSON.parse(text);
    } catch {
      // The validator accepted what JSON.parse refuses (it should never): no preview.
    }
  }
  lastAnalysis = { doc: state.doc, text, problems: placed, pack };
  return lastAnalysis;
}

const diagnosticsFor = async (state) => {
  if (!validator && !validatorFailure) await wasmReady.catch(() => {});
  return analyse(state).problems.map((p) => ({
    from: p.from, to: p.to, severity: 'error', source: 'widget', message: p.path ? `${p.path}: ${p.message}` : p.message,
  }));
};

// ---------------------------------------------------------------------------------------
// What follows an edit: the problems list, the preview, the balance, the saved draft.

let good = null; // the last analysis without problems: { text, pack }
let debounce = null;

function scheduleUpdate(view) {
  clearTimeout(debounce);
  debounce = setTimeout(() => update(view), LINT_DELAY_MS);
}

function update(view, { save = true } = {}) {
  const analysis = analyse(view.state);
  if (save) saveDraft(analysis.text);
  showProblems(view, analysis);
  syncForm(analysis);
  if (analysis.pack) {
    good = { text: analysis.text, pack: analysis.pack };
    for (const id of ['preview-stale', 'embed-stale', 'balance-stale']) $(id).hidden = true;
    updateLangChoice(analysis.pack);
    updateStepChoice(analysis.pack);
    showPreview();
    runBalance(analysis.text);
    renderEmbedCode();
  } else {
    const count = analysis.problems.length;
    for (const id of ['preview-stale', 'embed-stale', 'balance-stale']) $(id).hidden = !good;
    announce(`${count} ${count === 1 ? 'problem' : 'problems'}${good ? ': the preview shows the last version without problems' : ''}.`);
  }
}

function showProblems(view, analysis) {
  const list = $('problems');
  const { problems } = analysis;
  $('problems-count').textContent = problems.length ? `(${problems.length})` : '';
  $('problems-none').hidden = problems.length > 0;
  list.replaceChildren(...problems.map((problem) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'problem';
    const where = document.createElement('span');
    where.className = 'where';
    const line = view.state.doc.lineAt(Math.min(problem.from, view.state.doc.length)).number;
    where.textContent = `Line ${line}`;
    const path = document.createElement('code');
    path.className = 'path';
    // An empty path is the whole file, unless the problem has a place of its own (a
    // syntax error, or a key that is the empty string).
    path.textContent = problem.path || (problem.line == null ? '(the whole file)' : '');
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = problem.message;
    button.append(where, ' ', path, ' ', message);
    button.addEventListener('click', () => {
      // In the form, the field the problem is about; a problem of the text itself (a
      // syntax error) only the JSON text can show.
      if (shownView === 'form' && problem.path && form.focusPath(problem.path)) return;
      if (shownView === 'form') showView('json');
      const at = Math.min(problem.from, view.state.doc.length);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    });
    const item = document.createElement('li');
    item.append(button);
    return item;
  }));
}

// ---------------------------------------------------------------------------------------
// The form: the same pack as fields. It writes into the text; the text's own changes
// (typing, a starter, undo) draw it again.

let form = null;
let shownView = 'json';
let formDoc = null; // the text as the form last wrote it: nothing new for the form to show

function writeFromForm(next) {
  // The text changed since the form was drawn (a starter or a file opened a moment ago,
  // not yet shown): the form is drawn from it first, and this edit, made on the old
  // pack, is not written over it.
  if (view.state.doc !== formDoc) {
    syncForm(analyse(view.state));
    announce('The pack changed under the form: it now shows the new one. Make that change again.');
    return;
  }
  const changes = changesFor(view.state, next);
  if (!changes?.length) return;
  view.dispatch({ changes, userEvent: 'input.form' });
  formDoc = view.state.doc;
}

function syncForm(analysis) {
  if (!form || shownView !== 'form') return;
  if (analysis.doc !== formDoc) {
    formDoc = analysis.doc;
    let pack;
    try {
      pack = JSON.parse(analysis.text);
    } catch {
      pack = undefined;
    }
    if (pack !== null && typeof pack === 'object' && !Array.isArray(pack)) form.show(pack);
    else form.showUnreadable(analysis.problems[0]?.message ? `${analysis.problems[0].message}.`.replace(/\.\.$/, '.') : 'it is not a JSON object.');
  }
  form.setProblems(analysis.problems);
}

const tabs = { form: $('tab-form'), json: $('tab-json') };

/** Shows the form or the JSON text; the choice is kept for the next visit. */
function showView(which) {
  shownView = which;
  for (const [name, tab] of Object.entries(tabs)) {
    const selected = name === which;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
  }
  try {
    localStorage.setItem(VIEW_KEY, which);
  } catch {
    // Not kept: the next visit opens the form.
  }
  if (which === 'form') {
    formDoc = null;
    syncForm(analyse(view.state));
  } else {
    view.requestMeasure();
  }
}

for (const tab of Object.values(tabs)) {
  tab.addEventListener('click', () => showView(tab === tabs.form ? 'form' : 'json'));
  // Arrow keys, Home and End move between the tabs and show the one reached.
  tab.addEventListener('keydown', (event) => {
    const order = [tabs.form, tabs.json];
    const at = order.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: order.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = order[(to + order.length) % order.length];
    next.focus();
    next.click();
  });
}

// ---------------------------------------------------------------------------------------
// The preview

const preview = new Preview($('preview'));

function uiLangChoice() {
  return $('preview-lang').value || null;
}

/**
 * The steps the preview can show: the intro, each question, the result (with the answers
 * the preview has, the first option for any question not yet answered).
 */
function updateStepChoice(pack) {
  const menu = $('preview-step');
  const chosen = menu.value;
  const steps = [['-1', 'The intro'],
    ...pack.questions.map((q, i) => [String(i), `Question ${i + 1}: ${q.prompt}`]),
    ['result', 'The result']];
  menu.replaceChildren(...steps.map(([value, text]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    return option;
  }));
  if ([...menu.options].some((o) => o.value === chosen)) menu.value = chosen;
}

$('preview-go').addEventListener('click', async () => {
  if (!good) return;
  try {
    const { stepRecord } = await wasmReady;
    const chosen = $('preview-step').value;
    const step = chosen === 'result' ? good.pack.questions.length : Number(chosen);
    const record = stepRecord(good.text, preview.state(), step);
    if (await preview.show(good.pack, uiLangChoice(), record)) announce('The preview shows that step.');
  } catch (error) {
    announce(`The preview could not show that step: ${error.message}`);
  }
});

function updateLangChoice(pack) {
  const own = typeof pack.lang === 'string' && pack.lang.trim() ? pack.lang.trim() : 'none given';
  $('preview-lang-own').textContent = `The draft's own (${own})`;
}

async function showPreview() {
  if (!good) return;
  const shown = await preview.show(good.pack, uiLangChoice()).catch((error) => {
    announce(`The preview could not start: ${error.message}`);
    return false;
  });
  if (shown) announce('Preview updated.');
}

$('preview-lang').addEventListener('change', showPreview);

/**
 * Offers the widget's built-in languages, as the build lists them (manifest.json), each
 * named in English and in itself: "Chinese (中文)".
 */
async function offerLanguages() {
  const languages = await fetch('manifest.json', { cache: 'no-cache' })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((manifest) => manifest.languages)
    .catch((error) => {
      // English is always built in: the menu still offers it.
      console.error(`open-vs-proprietary studio: manifest.json could not be read (${error.message}); only English is offered`);
      return ['en'];
    });
  const name = (lang, locale) => new Intl.DisplayNames([locale], { type: 'language' }).of(lang);
  $('preview-lang').append(...languages.map((lang) => {
    const option = document.createElement('option');
    option.value = lang;
    option.textContent = lang === 'en' ? name(lang, 'en') : `${name(lang, 'en')} (${name(lang, lang)})`;
    return option;
  }));
}
const languagesOffered = offerLanguages();
$('preview-theme').addEventListener('change', (event) => preview.setTheme(event.target.value));
$('phone-width').addEventListener('click', (event) => {
  const on = event.currentTarget.getAttribute('aria-pressed') !== 'true';
  event.currentTarget.setAttribute('aria-pressed', String(on));
  $('preview-frame').classList.toggle('phone', on);
});

// ---------------------------------------------------------------------------------------
// The balance

let balanceRunner = null;

function runBalance(text) {
  if (!balanceRunner) return;
  renderBalancePending($('balance'));
  balanceRunner.run(text);
}

function balanceDone({ text, result, ms, error }) {
  if (text !== good?.text) return; // a result for a draft that has changed since
  if (error) renderBalanceError($('balance'), error);
  else renderBalance($('balance'), result, ms, showExampleResult);
}

/** A warning's answer set, as the result its reader would see, in the preview. */
async function showExampleResult(example) {
  if (!good) return;
  const { pack, text } = good;
  try {
    const { resultRecord } = await wasmReady;
    // By id: the draft may have changed since the balance ran.
    const answers = pack.questions.map((question) => {
      const answer = example.find((a) => a.question === question.id);
      return question.options.findIndex((o) => o.id === answer?.option);
    });
    const shown = await preview.show(pack, uiLangChoice(), resultRecord(text, answers));
    if (shown) {
      announce('The preview shows the result for these answers.');
      $('preview-heading').scrollIntoView({ block: 'nearest' });
    }
  } catch (error) {
    announce(`The preview could not show these answers: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------
// Share a draft, take it away

let builtInText = null; // content/en.json as shipped, to recognise the built-in quiz
let snippetText = null; // dist/snippet.html: the built-in quiz's snippet, and the script line with its hash

async function isBuiltIn(pack) {
  builtInText ??= fetchText('content/en.json').catch(() => '');
  const text = await builtInText;
  if (!text) return false;
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(pack);
  } catch {
    return false;
  }
}

async function renderEmbedCode() {
  if (!good) return;
  const mode = document.querySelector('input[name=embed-mode]:checked').value;
  $('pack-url-row').hidden = mode !== 'src';
  const current = good;
  snippetText ??= fetchText('snippet.html').catch(() => null);
  const snippet = await snippetText;
  const builtIn = Boolean(snippet) && await isBuiltIn(current.pack);
  if (current !== good) return;
  $('builtin-note').hidden = !builtIn;
  $('pack-url').placeholder = `${folder($('base-url').value)}${packFileName(current.pack)}`;
  // The draft's first screen, prerendered, from the model's words (not for the built-in
  // quiz, whose snippet has its own).
  let words = null;
  try {
    words = builtIn ? null : validator?.introWords(current.text) ?? null;
  } catch {
    // Not valid after all: the code goes without a first screen.
  }
  $('embed-code').value = embedCode({
    mode, pack: current.pack, base: $('base-url').value, packUrl: $('pack-url').value, snippet, builtIn, words,
  });
}

for (const radio of document.querySelectorAll('input[name=embed-mode]')) radio.addEventListener('change', renderEmbedCode);
$('base-url').addEventListener('input', renderEmbedCode);
$('pack-url').addEventListener('input', renderEmbedCode);

/** Copies `text`; when the browser refuses, selects `field` for the author to copy. */
async function copy(text, field, what) {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied.`);
    return true;
  } catch {
    field.focus();
    field.select();
    announce(`${what} selected: press Ctrl+C (or ⌘C) to copy it.`);
    return false;
  }
}

$('copy-embed').addEventListener('click', () => copy($('embed-code').value, $('embed-code'), 'Embed code'));

// ---------------------------------------------------------------------------------------
// The saved draft. A draft opened from a link is written to this browser's storage only
// once the author edits it; the draft it then replaces is kept under BEFORE_LINK_KEY, and
// the note offers it back. No page can send an author to a link that erases their work.

const stored = (key) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
let unsavedBeforeLink = null; // the saved draft a link's draft has not yet replaced
let linkInAddress = false; // the address still holds the #draft= that was opened

function saveDraft(text) {
  // From the first edit on, the draft lives in storage: a reload shows the author's edits
  // rather than the link's first version, so the link leaves the address.
  if (linkInAddress) {
    history.replaceState(null, '', location.pathname + location.search);
    linkInAddress = false;
  }
  try {
    // The oldest draft a link replaced is the author's own: a later link keeps it.
    if (unsavedBeforeLink !== null && localStorage.getItem(BEFORE_LINK_KEY) === null) {
      localStorage.setItem(BEFORE_LINK_KEY, unsavedBeforeLink);
    }
    unsavedBeforeLink = null;
    localStorage.setItem(SAVED_KEY, text);
  } catch {
    // Storage full or refused: the draft is not kept across reloads, nothing else changes.
  }
}

// ---------------------------------------------------------------------------------------
// Start-up

const savedDraft = () => stored(SAVED_KEY);

let initialNote = '';
let linkFailed = false;
let initial = null;
try {
  initial = await draftFromFragment(location.hash);
  if (initial !== null) {
    initialNote = 'Opened the draft from the link.';
    const saved = savedDraft();
    if (saved !== null && saved !== initial) unsavedBeforeLink = saved;
    // Until the author edits, a reload opens the link's draft again (saveDraft).
    linkInAddress = true;
  }
} catch (error) {
  initialNote = `This link's draft could not be read: ${error.message}.`;
  linkFailed = true;
}
initial ??= savedDraft();
if (initial === null) initial = await fetchText(STARTERS.blank.url).catch(() => '{\n}\n');

const wasmReady = loadStudioWasm();
const schema = await fetchText('content.schema.json').then(JSON.parse).catch(() => null);

const editor = createEditor({
  host: $('editor'),
  doc: initial,
  schema,
  label: 'Content pack, JSON',
  problemsFor: diagnosticsFor,
  onDocChanged: scheduleUpdate,
  draft: () => good?.pack ?? null,
});
const { view } = editor;
form = new PackForm($('form'), { schema, write: writeFromForm });
showView(stored(VIEW_KEY) === 'json' ? 'json' : 'form');

for (const button of document.querySelectorAll('[data-start]')) {
  button.addEventListener('click', async () => {
    const starter = STARTERS[button.dataset.start];
    $('draft-note').hidden = true;
    try {
      editor.setText(await fetchText(starter.url));
      announce(`Started from ${starter.name}. Undo (Ctrl+Z in the editor) brings the previous draft back.`);
    } catch (error) {
      announce(`Could not open ${starter.name}: ${error.message}`);
    }
  });
}

// A pack from disk replaces the draft (one undoable change, as a starter does).
$('open-button').addEventListener('click', () => $('open-file').click());
$('open-file').addEventListener('change', async () => {
  const file = $('open-file').files[0];
  if (!file) return;
  $('open-file').value = '';
  $('draft-note').hidden = true;
  editor.setText(await file.text());
  announce(`Opened ${file.name}. Undo (Ctrl+Z in the editor) brings the previous draft back.`);
});

// Two-space indentation, the packs' own style; only text that is JSON can be laid out.
$('format-button').addEventListener('click', () => {
  let parsed;
  try {
    parsed = JSON.parse(view.state.doc.toString());
  } catch {
    announce('Not formatted: the text is not JSON yet. Fix the first problem listed under the editor, then format.');
    return;
  }
  editor.setText(`${JSON.stringify(parsed, null, 2)}\n`);
  announce('Formatted with two-space indentation. Undo (Ctrl+Z in the editor) brings the previous layout back.');
});

$('share-button').addEventListener('click', async () => {
  const link = await draftLink(view.state.doc.toString(), location.href);
  const field = $('share-link');
  field.value = link;
  $('share-link-row').hidden = false;
  const long = link.length > LONG_LINK;
  $('share-long').hidden = !long;
  $('share-long').textContent = long
    ? `This link is ${link.length.toLocaleString('en')} characters long. Some platforms cut links longer than about ${LONG_LINK.toLocaleString('en')} characters: to pass this draft on whole, send the downloaded JSON instead.`
    : '';
  await copy(link, field, 'Draft link');
});

$('download-button').addEventListener('click', () => {
  const text = view.state.doc.toString();
  let name = 'quiz.json';
  try {
    name = packFileName(JSON.parse(text));
  } catch {
    // Not JSON yet: the draft is saved as it is, under the plain name.
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  announce(`Downloaded ${name}.`);
});

if (location.protocol === 'https:') $('base-url').value = new URL('./', location.href).href;
else $('base-url').value = PLACEHOLDER_BASE;

try {
  validator = await wasmReady;
  balanceRunner = new BalanceRunner(validator.module, balanceDone);
} catch (error) {
  validatorFailure = error;
  $('validator-missing').hidden = false;
  $('validator-missing').textContent = `The studio's validator is not available (${error.message}): only JSON syntax is checked here, and the preview's own error panel lists the rest. The balance needs it too.`;
  renderBalanceError($('balance'), 'The balance needs the studio\'s validator, which is not available.');
}
await languagesOffered;
document.body.dataset.ready = 'true';
lastAnalysis = null;
editor.relint();
// Nothing is written until the author edits: a draft a link opened stays out of storage.
update(view, { save: false });
const beforeLink = unsavedBeforeLink ?? stored(BEFORE_LINK_KEY);
if (beforeLink !== null && beforeLink !== initial) {
  initialNote = `${initialNote ? `${initialNote} ` : ''}The draft you had before is kept.`;
}
if (initialNote) {
  const note = $('draft-note');
  note.textContent = initialNote;
  note.className = linkFailed ? 'notice' : 'hint';
  note.hidden = false;
  if (beforeLink !== null && beforeLink !== initial) {
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.id = 'restore-draft';
    restore.textContent = 'Open the draft you had before';
    restore.addEventListener('click', () => {
      editor.setText(beforeLink);
      unsavedBeforeLink = null;
      try {
        localStorage.removeItem(BEFORE_LINK_KEY);
      } catch {
        // Nothing stored to remove.
      }
      note.hidden = true;
      announce('Opened the draft you had before. Undo (Ctrl+Z in the editor) brings the link\'s draft back.');
    });
    note.append(' ', restore);
  }
  announce(initialNote);
}
