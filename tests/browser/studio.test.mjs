// The authors' studio (dist/studio.html), used as an author would: typing in the editor,
// pressing its buttons, reading what it shows. Every page also fails on a Content Security
// Policy violation (the studio runs under the widget's strict policy) and on any error.
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  DIST, useBrowser, openPage, pack, artifact, takeQuiz, answersFor, stepOf, recordWasmMemories, recordCspViolations, inlineScriptRefused,
  serve, held, recordLayoutShifts, layoutShifts, waitForStep, afterPaint,
} from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const en = pack('en');
const databases = pack('databases');
const blankText = await readFile(`${DIST}studio/blank.json`, 'utf8');
const blank = JSON.parse(blankText);
// The blank pack (the README's minimal pack) is balanced; with "Bitter" worth 2 points to
// coffee instead of 3, no answer to "Bitter or mild?" changes the advice any more.
const IDLE_BITTER = '"weights": { "coffee": 2 } }';
const idleText = blankText.replace('"weights": { "coffee": 3 } }', IDLE_BITTER);
assert.ok(idleText.includes(IDLE_BITTER), 'the blank pack has the "Bitter" answer this test changes');

/** Starts from the blank pack with "Bitter or mild?" made idle, so the balance warns of it. */
async function startFromIdleQuestion(page) {
  await startFrom(page, 'Blank pack', blank.title);
  await pasteDraft(page, idleText);
  await page.locator('#balance button.warning').first().waitFor();
}
const env = useBrowser();

/** The CSP violations `recordCspViolations` has recorded on `page`. */
const violations = (page) => page.evaluate(() => window.__violations);

/**
 * Opens the studio (at `hash`, in `context` if given) and waits until it is ready and its
 * preview shows. It opens on the JSON text, as for an author who chose it last time,
 * unless `view` is 'form' (a first visit's view).
 */
async function openStudio({ hash = '', context, viewport = { width: 1280, height: 900 }, colorScheme, init, view = 'json' } = {}) {
  const opened = await openPage({
    path: `/studio.html${hash}`, context, viewport, colorScheme,
    init: async (page) => {
      await recordCspViolations(page);
      if (view === 'json') await page.addInitScript(() => localStorage.setItem('open-vs-proprietary:studio-view', 'json'));
      await init?.(page);
    },
  });
  await opened.page.waitForFunction(() => document.body.dataset.ready === 'true');
  await previewShows(opened.page);
  // Its policy is in force: an inline script is refused.
  assert.match(await inlineScriptRefused(opened.page), /^script-src/);
  return opened;
}

/** The preview widget's locator. */
const previewWidget = (page) => page.locator('#preview');

/** Waits until the preview's first heading reads `title` (any title when not given); resolves to it. */
async function previewShows(page, title) {
  await page.waitForFunction((title) => {
    const heading = document.getElementById('preview').shadowRoot?.querySelector('h2.title')?.textContent;
    return heading !== undefined && (title === undefined || heading === title);
  }, title, { timeout: 15000 });
  return previewWidget(page).locator('h2.title').textContent();
}

/**
 * The editor's whole text, from its state: CodeMirror draws only the lines near its
 * viewport, which the studio's panes may make shorter than a pack. (`cmTile` is how
 * CodeMirror's own `EditorView.findFromDOM` finds the view, in the version package-lock
 * pins.)
 */
const editorText = (page) => page.locator('.cm-content').evaluate((content) => content.cmTile.root.view.state.doc.toString());

/** Replaces the whole draft with `text`, as pasting over a select-all does. */
async function pasteDraft(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Starts from one of the studio's packs and waits for its preview. */
async function startFrom(page, which, title) {
  // Its text is fetched first: wait for the studio to say it is in the editor, since the
  // preview may already show the same title (the blank pack is also the first draft).
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await page.getByRole('button', { name: which }).click();
  await page.locator('#status', { hasText: 'Started from' }).waitFor();
  await previewShows(page, title);
}

/** Puts the cursor just before the closing quote of the title's value. */
async function cursorInTitle(page) {
  await page.locator('.cm-line', { hasText: '"title":' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft'); // before `",`
}

async function finish(page, errors) {
  assert.deepEqual(await violations(page), [], 'no Content Security Policy violation');
  // The console's report of openStudio's inline-script probe; any other violation is in
  // `violations` above.
  assert.deepEqual(errors.filter((e) => !e.includes('Executing inline script violates')), []);
  await page.close();
}

test('a typo in a weights key is marked on its line and listed with its path while the preview keeps the last good quiz; fixing it updates the preview', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  // An edit that validates: the preview follows.
  await cursorInTitle(page);
  await page.keyboard.type(' Really');
  assert.equal(await previewShows(page, `${blank.title} Really`), `${blank.title} Really`);
  await page.locator('#status', { hasText: 'Preview updated.' }).waitFor();

  // The typo: "coffee" in the first option's weights becomes "cofee".
  const line = page.locator('.cm-line', { hasText: '"id": "yes"' });
  await line.getByText('"coffee"').dblclick();
  await page.keyboard.type('cofee');
  const problem = page.locator('#problems button');
  await problem.first().waitFor();
  assert.equal(await problem.count(), 1);
  const listed = await problem.textContent();
  assert.match(listed, /questions\[0\]\.options\[0\]\.weights\.cofee/);
  assert.match(listed, /"cofee" is not an approach; the approaches are tea, coffee/);
  // The marker: the wavy range covers the key and its value, on the line that holds it,
  // and the gutter marks that same line; the list names its number.
  const range = page.locator('.cm-lintRange-error');
  await range.first().waitFor();
  assert.equal(await range.first().textContent(), '"cofee": 1');
  assert.ok(await range.first().evaluate((r) => r.closest('.cm-line').textContent.includes('"id": "yes"')));
  const doc = (await editorText(page)).split('\n');
  const lineNumber = doc.findIndex((l) => l.includes('"id": "yes"')) + 1;
  assert.match(listed, new RegExp(`^Line ${lineNumber} `));
  const gutterLine = page.locator('.cm-gutterElement', { has: page.locator('.cm-lint-marker-error') });
  const lineBox = await line.boundingBox();
  const gutterBox = await gutterLine.boundingBox();
  assert.ok(Math.abs(gutterBox.y - lineBox.y) < 2, `gutter marker at ${gutterBox.y}, line at ${lineBox.y}`);
  await page.locator('#status', { hasText: '1 problem: the preview shows the last version without problems.' }).waitFor();

  // While the text is broken, the preview keeps the last good quiz and says so.
  await cursorInTitle(page);
  await page.keyboard.type(' Again');
  await page.locator('#status', { hasText: '1 problem' }).waitFor();
  assert.equal(await page.locator('#preview-stale').isVisible(), true);
  assert.equal(await previewWidget(page).locator('h2.title').textContent(), `${blank.title} Really`);

  // The problem's button takes the cursor there.
  await problem.click();
  assert.equal(await page.evaluate(() => document.getElementById('editor').shadowRoot.activeElement?.classList.contains('cm-content')), true);
  assert.match(await page.locator('.cm-activeLine').textContent(), /"cofee"/);

  // Fixed: the preview shows the draft as it is now.
  await line.getByText('"cofee"').dblclick();
  await page.keyboard.type('coffee');
  assert.equal(await previewShows(page, `${blank.title} Really Again`), `${blank.title} Really Again`);
  await page.locator('#problems-none').waitFor();
  assert.equal(await page.locator('#preview-stale').isVisible(), false);
  assert.equal(await range.count(), 0);
  await finish(page, errors);
});

test('the preview switches to the widget\'s Chinese strings, to dark, and to phone width', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  const start = previewWidget(page).locator('.intro button.primary');
  assert.equal(await start.textContent(), 'Start');
  await page.getByLabel('Widget\'s language').selectOption('zh');
  await previewWidget(page).locator('.intro button.primary', { hasText: '开始' }).waitFor();
  // The pack's own texts stay as written.
  assert.equal(await previewWidget(page).locator('h2.title').textContent(), blank.title);
  await page.getByLabel('Widget\'s language').selectOption('');
  await previewWidget(page).locator('.intro button.primary', { hasText: 'Start' }).waitFor();
  await page.getByLabel('Theme').selectOption('dark');
  assert.equal(await previewWidget(page).getAttribute('theme'), 'dark');
  await page.waitForFunction(() => getComputedStyle(document.getElementById('preview').shadowRoot.querySelector('section.ovp')).backgroundColor !== 'rgb(255, 255, 255)');
  const phone = page.getByRole('button', { name: 'Phone width (390 px)' });
  await phone.click();
  assert.equal(await phone.getAttribute('aria-pressed'), 'true');
  assert.equal(Math.round((await previewWidget(page).boundingBox()).width), 390);
  await finish(page, errors);
});

test('a JSON syntax error is marked where it breaks, with the message the widget shows', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  // A missing comma after the id's value, on line 3.
  await page.locator('.cm-line', { hasText: '"id": "tea-or-coffee"' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  const problem = page.locator('#problems button');
  await problem.first().waitFor();
  const listed = await problem.first().textContent();
  assert.match(listed, /a comma is missing after line 3's value/);
  // serde_json stops at the next key, on line 4: that is where the marker is.
  assert.match(listed, /^Line 4 /);
  const range = page.locator('.cm-lintRange-error').first();
  await range.waitFor();
  assert.ok(await range.evaluate((r) => r.closest('.cm-line').textContent.includes('"lang"')));
  // The comma back and a number where a key belongs: the list and the marker follow,
  // and nothing is logged while the text is broken.
  await page.keyboard.type(', 1');
  await page.locator('#problems button', { hasText: 'a key must be text in double quotes here' }).waitFor();
  assert.match(await problem.first().textContent(), /^Line 3 /);
  await page.locator('.cm-lintRange-error', { hasText: '1' }).waitFor();
  assert.equal(await problem.count(), 1);
  await finish(page, errors);
});

test('the balance shows each approach\'s share as the worker computed it, and a warning shows its example answer set', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Built-in quiz', en.title);
  const state = page.locator('#balance .balance-state');
  await page.locator('#balance .balance-state', { hasText: 'Exact: every one of the 419,904 answer sets' }).waitFor({ timeout: 60000 });
  console.log(`balance of the built-in pack: ${await state.textContent()}`);
  // The figures the Wasm gives for this text, computed again here, are the ones on screen.
  const text = await readFile(`${DIST}content/en.json`, 'utf8');
  const expected = await page.evaluate(async (text) => {
    const glue = await import('/studio/ovp-studio.js');
    await glue.default();
    return glue.balance(text);
  }, text);
  const rows = await page.locator('#balance table.shares tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, expected.approaches.map((a) => [a.name, a.wins.toLocaleString('en'), `${(a.share * 100).toFixed(1)}%`]));
  // `cargo run -p ovp-model --example balance` prints the same shares for content/en.json.
  assert.deepEqual(rows.map((r) => r[2]), ['40.1%', '36.5%', '15.1%', '8.3%']);
  assert.deepEqual(expected.approaches.map((a) => a.id), en.approaches.map((a) => a.id));

  // A question whose answer never changes the advice.
  await startFromIdleQuestion(page);
  const warning = page.locator('#balance button.warning').first();
  await warning.waitFor();
  assert.match(await warning.textContent(), /Bitter or mild\?/);
  await warning.click();
  assert.equal(await warning.getAttribute('aria-expanded'), 'true');
  const example = page.locator('#balance-example');
  await example.waitFor();
  const pairs = await example.locator('dt, dd').allTextContents();
  assert.equal(pairs.length, blank.questions.length * 2);
  for (let q = 0; q < blank.questions.length; q++) {
    assert.equal(pairs[q * 2], blank.questions[q].prompt);
    assert.ok(blank.questions[q].options.some((o) => o.label === pairs[q * 2 + 1]), pairs[q * 2 + 1]);
  }
  await finish(page, errors);
});

test('a draft link opened in a fresh browser restores the draft; a long one comes with a notice', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, errors } = await openStudio({ context });
  await startFrom(page, 'Blank pack', blank.title);
  await cursorInTitle(page);
  await page.keyboard.type(', shared: 中文 too');
  const title = `${blank.title}, shared: 中文 too`;
  await previewShows(page, title);
  const draft = await editorText(page);
  await page.getByRole('button', { name: 'Copy a link to this draft' }).click();
  await page.locator('#status', { hasText: 'Draft link copied.' }).waitFor();
  const link = await page.locator('#share-link').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(link, /\/studio\.html#draft=[\w-]+$/);
  assert.equal(await page.locator('#share-long').isVisible(), false, `${link.length} characters need no notice`);

  // Another browser, with nothing stored: the link alone brings the draft.
  const fresh = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const other = await openStudio({ context: fresh, hash: link.slice(link.indexOf('#')) });
  assert.equal(await previewShows(other.page, title), title);
  assert.equal(await editorText(other.page), draft);
  assert.equal(await other.page.locator('#draft-note').textContent(), 'Opened the draft from the link.');
  await finish(other.page, other.errors);
  await fresh.close();

  // The built-in quiz makes a link past 2,000 characters: the studio says so.
  await startFrom(page, 'Built-in quiz', en.title);
  await page.getByRole('button', { name: 'Copy a link to this draft' }).click();
  await page.locator('#share-long').waitFor();
  const long = await page.locator('#share-link').inputValue();
  assert.ok(long.length > 2000);
  assert.match(await page.locator('#share-long').textContent(), new RegExp(`${long.length.toLocaleString('en')} characters long`));
  await finish(page, errors);
  await context.close();
});

test('a draft link never erases the author\'s saved draft: nothing is written until they edit, and the draft they had is offered back; a link that inflates past 256 KB is refused', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The author's own draft, saved in this browser.
  const { page, errors } = await openStudio({ context });
  await startFrom(page, 'Blank pack', blank.title);
  await cursorInTitle(page);
  await page.keyboard.type(', mine');
  const mine = `${blank.title}, mine`;
  await previewShows(page, mine);
  await page.waitForFunction((mine) => localStorage.getItem('open-vs-proprietary:studio-draft')?.includes(mine), mine);
  const saved = (p, key) => p.evaluate((key) => localStorage.getItem(key), key);
  const own = await saved(page, 'open-vs-proprietary:studio-draft');
  assert.equal(await editorText(page), own);
  await finish(page, errors);

  // Any page can send the author to a link with someone else's draft.
  const text = `${JSON.stringify({ ...blank, title: 'Sent by a stranger' }, null, 2)}\n`;
  const fragment = `#draft=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
  const opened = await openStudio({ context, hash: fragment });
  assert.equal(await previewShows(opened.page, 'Sent by a stranger'), 'Sent by a stranger');
  const note = opened.page.locator('#draft-note');
  assert.match(await note.textContent(), /^Opened the draft from the link\. The draft you had before is kept\./);
  assert.equal(await saved(opened.page, 'open-vs-proprietary:studio-draft'), own, 'nothing written before an edit');
  // The author edits: the link's draft is saved, the one it replaced kept.
  await cursorInTitle(opened.page);
  await opened.page.keyboard.type('!');
  await opened.page.waitForFunction(() => localStorage.getItem('open-vs-proprietary:studio-draft').includes('Sent by a stranger!'));
  assert.equal(await saved(opened.page, 'open-vs-proprietary:studio-draft-before-link'), own);
  // And takes their own back.
  await opened.page.getByRole('button', { name: 'Open the draft you had before' }).click();
  assert.equal(await previewShows(opened.page, mine), mine);
  assert.equal(await editorText(opened.page), own);
  await finish(opened.page, opened.errors);

  // A link that would inflate to 300 KB: refused as it inflates, the saved draft shown.
  const huge = deflateRawSync(Buffer.from(`{"title":"${'x'.repeat(300 * 1024)}"}`)).toString('base64url');
  assert.ok(huge.length < 4096, `${huge.length} characters of link`);
  const refused = await openStudio({ context, hash: `#draft=${huge}` });
  assert.equal(await refused.page.locator('#draft-note').textContent(),
    'This link\'s draft could not be read: the draft in this link is larger than a content pack may be (256 KB), so it was not opened.');
  assert.equal(await editorText(refused.page), own);
  await finish(refused.page, refused.errors);
  await context.close();
});

test('the copied embed code, inline or with src, pasted into a blank page shows the same quiz and can be completed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, errors } = await openStudio({ context });
  await startFrom(page, 'Databases quiz', databases.title);
  await page.locator('#base-url').fill(env.server.url);

  // Inline.
  await page.getByRole('button', { name: 'Copy the embed code' }).click();
  await page.locator('#status', { hasText: 'Embed code copied.' }).waitFor();
  const inline = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(inline, await page.locator('#embed-code').inputValue());
  assert.match(inline, /<script type="application\/json">/);
  // The code says where the JSON is, that its integrity value is this build's, and what
  // a dist/ on another site needs.
  assert.match(inline, /The quiz's JSON is inside the element/);
  assert.match(inline, /integrity value belongs to this build of dist\//);
  assert.match(inline, /another site than this page must be served with Access-Control-Allow-Origin/);
  const blankPage = (snippet) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body><h1>A post</h1>\n${snippet}\n</body></html>`;
  const pasted = await openPage({ path: '/pasted-inline.html', html: blankPage(inline) });
  const widget = pasted.widget();
  assert.equal(await widget.locator('h2.title').textContent(), databases.title);
  await takeQuiz(widget, answersFor(databases, () => 0));
  assert.equal((await stepOf(widget)).screen, 'result');
  assert.deepEqual(pasted.errors, []);
  await pasted.page.close();

  // src: the downloaded JSON, uploaded where the snippet says.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the JSON' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), `${databases.id}.json`);
  const uploaded = await readFile(await file.path(), 'utf8');
  assert.deepEqual(JSON.parse(uploaded), databases);
  env.server.routes.set('/uploads/quiz.json', { body: uploaded, type: 'application/json' });
  await page.getByLabel('In a file you upload').check();
  await page.locator('#pack-url').fill(`${env.server.url}uploads/quiz.json`);
  await page.getByRole('button', { name: 'Copy the embed code' }).click();
  const withSrc = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(withSrc, /<open-vs-proprietary src="http:\/\/127\.0\.0\.1:\d+\/uploads\/quiz\.json">/);
  const fromFile = await openPage({ path: '/pasted-src.html', html: blankPage(withSrc) });
  await fromFile.widget().locator('h2.title', { hasText: databases.title }).waitFor();
  await takeQuiz(fromFile.widget(), answersFor(databases, () => 1));
  assert.deepEqual(fromFile.errors, []);
  await fromFile.page.close();

  // A relative src is resolved against the page the code is pasted into, as the code says.
  await page.locator('#pack-url').fill('quiz.json');
  const relative = await page.locator('#embed-code').inputValue();
  assert.match(relative, /<open-vs-proprietary src="quiz\.json">/);
  assert.match(relative, /a relative address is resolved against this page's/);
  const besideIt = await openPage({ path: '/uploads/post.html', html: blankPage(relative) });
  await besideIt.widget().locator('h2.title', { hasText: databases.title }).waitFor();
  assert.deepEqual(besideIt.errors, []);
  await besideIt.page.close();

  // The built-in quiz: dist/snippet.html itself, with its prerendered first screen.
  await startFrom(page, 'Built-in quiz', en.title);
  await page.locator('#builtin-note').waitFor();
  const snippet = await readFile(`${DIST}snippet.html`, 'utf8');
  assert.equal(await page.locator('#embed-code').inputValue(), snippet.replaceAll('https://YOUR-HOST/PATH/', env.server.url).trimEnd());
  const builtIn = await openPage({ path: '/pasted-builtin.html', html: blankPage(await page.locator('#embed-code').inputValue()) });
  await takeQuiz(builtIn.widget(), answersFor(en, () => 0));
  assert.deepEqual(builtIn.errors, []);
  await builtIn.page.close();
  await finish(page, errors);
  await context.close();
});

test('300 quick edits leave one widget in the preview, one Wasm instance for it, and no growing memory', async () => {
  const { page, errors } = await openStudio({
    init: recordWasmMemories,
  });
  await startFrom(page, 'Blank pack', blank.title);
  const cdp = await page.context().newCDPSession(page);
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Memory.getDOMCounters');
  };
  const measure = async () => {
    // Once the balance of the last edit is drawn too (its old table would still count
    // until the next collection).
    await page.locator('#balance[aria-busy]').waitFor({ state: 'detached' });
    // And once the page is quiet: the same counts two frames apart (on a loaded machine
    // a debounced preview or balance of the last edits may still be on its way).
    let { nodes, jsEventListeners } = await counters();
    for (let settled = false, frames = 0; !settled && frames < 100; frames++) {
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const again = await counters();
      settled = again.nodes === nodes && again.jsEventListeners === jsEventListeners;
      ({ nodes, jsEventListeners } = again);
    }
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.wasmMemories.map((m) => m.buffer.byteLength));
    return { nodes, listeners: jsEventListeners, heap: heap.usedSize, instances: wasm.length, wasm: wasm.reduce((a, b) => a + b, 0) };
  };
  // Groups of three keystrokes, each group a new title the preview must show before
  // the next: three letters typed, then the same three deleted.
  await cursorInTitle(page);
  // The pointer leaves the editor, so no hover tooltip comes and goes between counts.
  await page.mouse.move(0, 0);
  await page.locator('.cm-tooltip-hover').waitFor({ state: 'detached' });
  const edits = async (groups) => {
    for (let g = 0; g < groups; g++) {
      const grow = g % 2 === 0;
      for (const key of grow ? ['x', 'y', 'z'] : ['Backspace', 'Backspace', 'Backspace']) await page.keyboard.press(key);
      await previewShows(page, grow ? `${blank.title}xyz` : blank.title);
    }
  };
  await edits(50); // warm up: the widget's instance, compiled code, the editor's caches
  const warm = await measure();
  await edits(100);
  const after = await measure();
  console.log(`after 150 edits: ${JSON.stringify(warm)}; after 300 more: ${JSON.stringify(after)}`);
  const hosts = await page.locator('#preview-frame').evaluate((frame) => [...frame.querySelectorAll('*')].filter((e) => e.shadowRoot).length);
  assert.equal(hosts, 1, 'one widget host in the preview');
  assert.equal(await previewWidget(page).locator('section.ovp').count(), 1, 'one widget in it');
  // The page's Wasm instances: the preview's widget (pooled by embed.js, so one for every
  // mount) and the studio's validator. The balance worker's is in the worker.
  assert.equal(after.instances, 2, 'the preview widget and the validator, made once');
  assert.equal(warm.instances, 2);
  assert.ok(after.nodes - warm.nodes <= 2, `DOM nodes grew by ${after.nodes - warm.nodes}`);
  assert.ok(after.listeners - warm.listeners <= 2, `listeners grew by ${after.listeners - warm.listeners}`);
  // A leaked widget would cost tens of kilobytes a mount and show in the DOM and Wasm
  // counts. What the heap still gains is mostly V8's compiled code: heap snapshots over
  // these 300 edits found about 300 KB more code and native data but only about 15 KB
  // more JavaScript objects (the undo history among them).
  assert.ok((after.heap - warm.heap) / 300 <= 1536, `JS heap grew by ${(after.heap - warm.heap) / 300} bytes per edit`);
  assert.ok(after.wasm - warm.wasm <= 2 * 65536, `Wasm memory grew by ${after.wasm - warm.wasm} bytes`);
  assert.ok(page.workers().length <= 1, 'one balance worker at most');
  await finish(page, errors);
});

/** axe-core over the whole studio, the editor's and the preview's shadow roots included. */
async function runAxe(page) {
  // From the studio's own origin: its policy (script-src 'self') refuses an inline script.
  env.server.routes.set('/test-axe.js', { body: await readFile(AXE, 'utf8'), type: 'text/javascript' });
  await page.addScriptTag({ url: '/test-axe.js' });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'target-size': { enabled: true } },
    });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.failureSummary}`).join('\n')}`);
  });
}

for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 390]) {
    test(`axe finds no violation on the studio: ${colorScheme}, ${width} px, with problems listed and a warning open`, async () => {
      const { page, errors } = await openStudio({ colorScheme, viewport: { width, height: 900 } });
      await startFromIdleQuestion(page);
      await page.locator('#balance button.warning').first().click();
      await page.locator('#balance-example').waitFor();
      await page.getByRole('button', { name: 'Copy a link to this draft' }).click();
      await page.locator('#share-link').waitFor();
      const line = page.locator('.cm-line', { hasText: '"id": "yes"' });
      await line.getByText('"coffee"').dblclick();
      await page.keyboard.type('cofee');
      await page.locator('#problems button').first().waitFor();
      await page.locator('.cm-lintRange-error').first().waitFor();
      await page.locator('#preview-stale').waitFor();
      await page.screenshot({ path: artifact(`studio-${colorScheme}-${width}.png`), fullPage: true });
      const found = await runAxe(page);
      assert.deepEqual(found, [], found.join('\n'));
      // Nothing spills sideways at phone width.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
      // The form, with that problem beside the answer it is about.
      await page.getByRole('tab', { name: 'Form' }).click();
      await page.locator('#form .form-error:not([hidden])', { hasText: 'cofee' }).waitFor();
      await page.locator('#form details').first().evaluate((details) => { details.open = true; });
      await page.screenshot({ path: artifact(`studio-form-${colorScheme}-${width}.png`), fullPage: true });
      const inForm = await runAxe(page);
      assert.deepEqual(inForm, [], inForm.join('\n'));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
      await finish(page, errors.filter((e) => !e.startsWith('console.error: open-vs-proprietary')));
    });
  }
}

test('the whole studio works by keyboard: Tab reaches every control with a visible focus, and the problems and warnings act on Enter', async () => {
  const { page, errors } = await openStudio();
  // Enter on a Start from button.
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), 'blank');
  await page.keyboard.press('Enter');
  await previewShows(page, blank.title);
  await pasteDraft(page, idleText);
  const warning = page.locator('#balance button.warning').first();
  await warning.waitFor();
  // A problem to list: typed in the editor.
  await page.locator('.cm-line', { hasText: '"id": "yes"' }).getByText('"coffee"').dblclick();
  await page.keyboard.type('cofee');
  await page.locator('#problems button').first().waitFor();
  await page.keyboard.press('Control+Home');

  // Tab from the top of the page round to it again, noting every stop.
  await page.locator('h1').click();
  const stops = [];
  for (let i = 0; i < 60; i++) {
    // Inside the editor Tab indents: Escape first, then Tab leaves it.
    if (await page.evaluate(() => !!document.getElementById('editor').shadowRoot.activeElement)) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    // CodeMirror marks itself focused in its next update, a moment after the focus event.
    await page.waitForFunction(() => {
      const inner = document.getElementById('editor').shadowRoot.activeElement;
      return !inner || inner.closest('.cm-editor.cm-focused');
    });
    const stop = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active || active === document.body) return null;
      const style = getComputedStyle(active);
      const editor = active.closest('.cm-editor');
      const ring = editor ? getComputedStyle(editor) : style;
      const name = active.id || active.dataset?.start || active.getAttribute('aria-label') || active.textContent.trim().slice(0, 40) || active.getAttribute('value');
      return {
        key: `${active.tagName.toLowerCase()}${active.tagName === 'INPUT' ? `[${active.type}]` : ''}:${name}`,
        outline: ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2,
      };
    });
    if (stop === null) break;
    if (stops.length && stop.key === stops[0].key) break;
    stops.push(stop);
  }
  const keys = stops.map((s) => s.key);
  for (const expected of [
    'button:blank', 'button:builtin', 'button:databases', 'button:open-button', 'button:format-button', 'div:Content pack, JSON', 'button:Line 19',
    'select:preview-lang', 'select:preview-theme', 'button:phone-width', 'select:preview-step', 'button:preview-go', 'button:Start',
    'button:No answer to', 'button:share-button', 'button:download-button', 'input[radio]:inline',
    'input[url]:base-url', 'textarea:embed-code', 'button:copy-embed',
  ]) {
    assert.ok(keys.some((k) => k.startsWith(expected)), `Tab reaches ${expected}; stops: ${keys.join(', ')}`);
  }
  assert.deepEqual(stops.filter((s) => !s.outline).map((s) => s.key), [], 'every stop shows a focus ring');

  // Enter on the problem: the cursor goes to it, in the editor.
  await page.locator('#problems button').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.getElementById('editor').shadowRoot.activeElement?.classList.contains('cm-content')), true);
  assert.match(await page.locator('.cm-activeLine').textContent(), /"cofee"/);
  // Tab indents there; Escape, then Tab, leaves the editor with the text as it was.
  const before = await editorText(page);
  const textIs = (same) => page.waitForFunction(([was, same]) => {
    const now = [...document.getElementById('editor').shadowRoot.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n');
    return (now === was) === same;
  }, [before, same]);
  // (A key first: the Escape that left the editor above keeps Tab leaving for 2 s.)
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await textIs(false);
  assert.equal(await page.evaluate(() => document.getElementById('editor').shadowRoot.activeElement?.classList.contains('cm-content')), true, 'Tab stays in the editor');
  await page.keyboard.press('Control+z');
  await textIs(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await editorText(page), before);
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor');

  // Fix it, then Enter on a warning shows its example.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+z');
  await page.locator('#problems-none').waitFor();
  await warning.waitFor();
  await page.locator('#balance button.warning').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('#balance-example').waitFor();
  assert.equal(await page.locator('#balance button.warning').first().getAttribute('aria-expanded'), 'true');
  await finish(page, errors);
});

test('opened from disk, the studio says how to serve it instead of staying on "Loading the studio…"', async () => {
  const page = await env.browser.newPage();
  await page.goto(`file://${DIST}studio.html`);
  const status = page.locator('#status');
  await assert.doesNotReject(
    status.filter({ hasText: 'make serve' }).waitFor({ timeout: 10000 }),
    'the status names make serve',
  );
  assert.match(await status.textContent(), /cannot run from a file on disk.*http:\/\/127\.0\.0\.1:8080\/studio\.html/);
  assert.equal(await page.locator('[data-start]:not([disabled])').count(), 0, 'the starters, which cannot work, are disabled');
  await page.close();
});

test('served over http, the check for a file on disk leaves the studio alone', async () => {
  const { page, errors } = await openPage({ path: '/studio.html' });
  await page.locator('#status').filter({ hasNotText: 'Loading the studio' }).waitFor();
  assert.doesNotMatch(await page.locator('#status').textContent(), /file on disk/);
  assert.equal(await page.locator('[data-start][disabled]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a JSON file opened from disk becomes the draft, and Format lays the text out with two-space indentation', async () => {
  const { page, errors } = await openStudio();
  await page.locator('#open-file').setInputFiles({ name: 'db.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(databases)) });
  await page.locator('#status', { hasText: 'Opened db.json.' }).waitFor();
  await previewShows(page, databases.title);
  assert.deepEqual(JSON.parse(await editorText(page)), databases);
  // On one line as opened; formatted, one key to a line with two spaces per level.
  assert.equal((await editorText(page)).split('\n').length, 1);
  await page.getByRole('button', { name: 'Format the JSON' }).click();
  await page.locator('#status', { hasText: 'Formatted with two-space indentation.' }).waitFor();
  // The editor draws the lines in view: the first of them, as JSON.stringify lays them out.
  const lines = (await editorText(page)).split('\n');
  assert.deepEqual(lines.slice(0, 4), JSON.stringify(databases, null, 2).split('\n').slice(0, 4));
  await previewShows(page, databases.title);
  // Text that is not JSON is left as it is, with a reason.
  await pasteDraft(page, '{ "id": ');
  await page.getByRole('button', { name: 'Format the JSON' }).click();
  await page.locator('#status', { hasText: 'Not formatted: the text is not JSON yet.' }).waitFor();
  assert.equal(await editorText(page), '{ "id": ');
  await finish(page, errors);
});

test('editing a label keeps the preview on the question it shows, with its answers; a warning\'s answer set opens as a result in the preview', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  const widget = previewWidget(page);
  // The reader in the preview answers "Always" and reaches the second question.
  await takeQuiz(widget, ['yes'], { through: 'questions' });
  assert.equal((await stepOf(widget)).number, 2);
  // The author renames the first question's "Always".
  await page.locator('.cm-line', { hasText: '"label": "Always"' }).getByText('"Always"').dblclick();
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await page.keyboard.type('Every day');
  await page.locator('#status', { hasText: 'Preview updated.' }).waitFor();
  // Still on the second question; Back shows the first with the renamed answer chosen.
  assert.equal((await stepOf(widget)).number, 2);
  await widget.getByRole('button', { name: 'Back' }).click();
  await widget.getByRole('radio', { name: 'Every day' }).and(widget.locator(':checked')).waitFor();

  // A warning's answer set, shown as the result its reader would get.
  await pasteDraft(page, idleText);
  const warning = page.locator('#balance button.warning').first();
  await warning.click();
  const answers = await page.locator('#balance-example dd').allTextContents();
  await page.getByRole('button', { name: 'Show this result in the preview' }).click();
  await page.locator('#status', { hasText: 'The preview shows the result for these answers.' }).waitFor();
  assert.equal((await stepOf(widget)).screen, 'result');
  const chosen = await widget.locator('.explore select').evaluateAll((menus) => menus.map((m) => m.selectedOptions[0].textContent));
  assert.deepEqual(chosen, answers);
  await finish(page, errors);
});

test('the preview goes to any step on request: a question, then the result with the answers it had', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  const widget = previewWidget(page);
  await page.getByLabel('Step to show').selectOption({ label: `Question 2: ${blank.questions[1].prompt}` });
  await page.getByRole('button', { name: 'Show it' }).click();
  await page.locator('#status', { hasText: 'The preview shows that step.' }).waitFor();
  assert.equal((await stepOf(widget)).number, 2);
  // The reader there answers "Mild"; the result keeps it, the first question taking its first answer.
  await widget.getByRole('radio', { name: 'Mild' }).check();
  await page.getByLabel('Step to show').selectOption({ label: 'The result' });
  await page.getByRole('button', { name: 'Show it' }).click();
  await widget.locator('.result').waitFor();
  const chosen = await widget.locator('.explore select').evaluateAll((menus) => menus.map((m) => m.selectedOptions[0].textContent));
  assert.deepEqual(chosen, ['Always', 'Mild']);
  await finish(page, errors);
});

test('the draft\'s own ids are offered where a key names one: approaches in weights, dimensions in priorities', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  const options = page.locator('.cm-tooltip-autocomplete li');
  // The draft cut where the author is typing a new key of "Never"'s weights: the ids
  // come from the last version without problems.
  const cut = (marker) => blankText.slice(0, blankText.indexOf(marker) + marker.length);
  await pasteDraft(page, `${cut('"weights": { "tea": 2')}, "c`);
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ['coffeeapproach']);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /"weights": \{ "tea": 2, "coffee$/);
  // A dimension where a key of priorities is typed.
  await pasteDraft(page, `${cut('"priorities": {')} "s`);
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ['speeddimension']);
  await page.keyboard.press('Escape');
  // (That no id is offered inside a value's text is studio-ids.test.mjs's.)
  await finish(page, errors);
});

test('keys are completed and documented inside an approach and a question, not only at the top', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Blank pack', blank.title);
  const options = page.locator('.cm-tooltip-autocomplete li');
  const cut = (marker) => blankText.slice(0, blankText.indexOf(marker) + marker.length);
  // A new key in the first approach, after its id.
  await pasteDraft(page, `${cut('{ "id": "tea", ')}"s`);
  await options.first().waitFor();
  assert.deepEqual((await options.allTextContents()).map((o) => o.replace(/(text|list).*$/, '')), ['shortName', 'steps', 'summary']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /\{ "id": "tea", "summary": ""$/);
  // What a key inside a question is for, on hover.
  await pasteDraft(page, blankText);
  await page.locator('.cm-line', { hasText: '"prompt": "Bitter' }).getByText('"prompt"').hover();
  const hover = page.locator('.cm-tooltip-hover');
  await hover.waitFor();
  assert.match(await hover.textContent(), /^prompt: text.*question as the reader reads it/);
  await finish(page, errors);
});

// ---------------------------------------------------------------------------------------
// The form (studio/form.js): the pack without writing JSON

/** The accessible name of the focused control, as the test reads it. */
const focusedName = (page) => page.evaluate(() => {
  const active = document.activeElement;
  if (!active || active === document.body) return '';
  return (active.getAttribute('aria-label') ?? active.labels?.[0]?.textContent ?? active.textContent).trim();
});

/**
 * Presses Tab until the focus is on the next control named `name` (a string or a
 * RegExp), as a keyboard user looks for a field; resolves to the presses it took.
 */
async function tabTo(page, name, limit = 400) {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const here = await focusedName(page);
    if (name instanceof RegExp ? name.test(here) : here === name) return presses;
  }
  throw new Error(`${limit} presses of Tab never reached ${name}`);
}

/** The JSON text the editor holds (its state, whether or not its tab is shown). */
const draftPack = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('open-vs-proprietary:studio-draft')));

test('a new six-question quiz written through the form with the keyboard alone: previewed, a planted mistake fixed from its message, embedded on another origin', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openStudio({ context, view: 'form' });
  assert.equal(await page.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected'), 'true', 'a first visit opens the form');
  // What it takes, counted as the issue that asked for the form counted it: an action is
  // a field written or a button pressed; the Tab presses that reach them are counted apart.
  let actions = 0;
  let tabs = 0;
  /** Tabs to `name` and replaces what the field holds with `text`. */
  const fill = async (name, text) => {
    tabs += await tabTo(page, name);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    actions += 1;
  };
  const press = async (name) => {
    tabs += await tabTo(page, name);
    await page.keyboard.press('Enter');
    actions += 1;
  };
  /** Writes into the field that has the focus (a new item's first field). */
  const write = async (name, text) => {
    assert.equal(await focusedName(page), name);
    await page.keyboard.type(text);
    actions += 1;
  };
  await page.locator('h1').click(); // the top of the page, where a keyboard user starts

  await fill('Title', 'Rent GPUs or buy them?');
  await fill('Introduction', 'Three questions about the models you run.');
  await fill('Pack id', 'gpu-rent-or-buy');
  await fill('Name', 'Rent cloud GPUs');
  await fill('Summary', 'Pay by the hour for the GPUs you use.');
  await fill('Id', 'rent'); // renamed everywhere when the field is left
  await fill('Name', 'Buy our own');
  await fill('Summary', 'Own the servers and run them in our rack.');
  await fill('Id', 'buy');
  await press('Add an approach');
  await write('Name', 'Own the base, rent the peaks');
  await fill('Summary', 'Own enough for a steady load; rent for the rest.');
  await fill('Id', 'both');
  await fill('Rent cloud GPUs on Speed', '5');
  await fill('Buy our own on Speed', '1');
  await fill('Name', 'Time to start');
  await fill('Why Rent cloud GPUs rates so', 'Running in minutes.');
  await fill('Why Buy our own rates so', 'Weeks of delivery and set-up.');
  await fill('Why Own the base, rent the peaks rates so', 'Renting covers the wait.');
  await fill('Question', 'How steady is your load?');
  await fill('Answer', 'The same all year');
  await fill('Answer', 'Spiky');
  await fill('Points for Buy our own from "The same all year"', '2');
  await fill('Points for Own the base, rent the peaks from "Spiky"', '2');
  await press('Rule-outs and caveats (optional)');
  await fill('"Spiky" rules out Buy our own, because (empty: it does not)', 'Owned GPUs would sit idle between peaks.');
  await fill('Question', 'Do you need a model running this week?');
  await fill('Answer', 'Yes');
  await fill('Answer', 'No');
  await fill('Points for Rent cloud GPUs from "Yes"', '2');
  // Four more questions, each with two answers and a point or two.
  for (const [prompt, [first, second], points] of [
    ['Must your data stay in your building?', ['It may leave', 'It must stay'], [['Buy our own', 1, 2]]],
    ['Do you have people who run servers?', ['Yes, a team', 'No one yet'], [['Buy our own', 0, 1], ['Rent cloud GPUs', 1, 2]]],
    ['How many hours a day would the GPUs work?', ['Most of the day', 'A few hours'], [['Buy our own', 0, 2], ['Rent cloud GPUs', 1, 2]]],
    ['Is your budget for equipment or for services?', ['Equipment', 'Services'], [['Buy our own', 0, 1], ['Rent cloud GPUs', 1, 1]]],
  ]) {
    await press('Add a question');
    await write('Question', prompt);
    await fill('Answer', first);
    await fill('Answer', second);
    for (const [approach, answer, value] of points) await fill(`Points for ${approach} from "${[first, second][answer]}"`, String(value));
  }
  // Three facts; the last with the planted mistake, an address without its scheme.
  for (const [text, title, url, date] of [
    ['Cloud H100 GPUs rented for about $2 to $5 an hour in 2026.', 'Cloud GPU pricing', 'https://www.example.org/gpu-prices', '2026-05'],
    ['A server with eight H100 GPUs costs about as much as a house.', 'GPU server prices', 'https://www.example.org/servers', '2026-03'],
    ['Rented GPUs are billed by the hour whether or not they are busy.', 'How cloud billing works', 'www.example.org/billing', '2026-01'],
  ]) {
    await press('Add a fact');
    await write('Fact', text);
    await fill('Source\'s title', title);
    await fill('Source\'s address', url);
    await fill('Date', date);
  }

  // Its message shows beside the field, which is marked invalid; the author reads it there.
  const address = page.getByLabel('Source\'s address').last();
  await page.waitForFunction(() => document.querySelector('#form [aria-invalid="true"]')?.labels?.[0]?.textContent === 'Source\'s address')
    .catch(async (error) => {
      // What the text and the problems were, for whoever reads the failure.
      console.log(JSON.stringify(await draftPack(page)), await page.locator('#problems').textContent());
      throw error;
    });
  const message = await page.locator(`#${await address.getAttribute('data-error')}`).textContent();
  assert.match(message, /https?:\/\//, `the message says what an address must start with: ${message}`);
  // Shift+Tab back to it (the Date field has the focus) and fix it as the message says.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedName(page), 'Source\'s address');
  await page.keyboard.press('Home');
  await page.keyboard.type('https://');
  actions += 1;
  tabs += 1;
  await page.locator('#problems-none').waitFor();
  assert.equal(await address.getAttribute('aria-invalid'), null);

  // The text holds what the form wrote, the renamed ids included.
  const written = await draftPack(page);
  assert.equal(written.title, 'Rent GPUs or buy them?');
  assert.deepEqual(written.approaches.map((a) => a.id), ['rent', 'buy', 'both']);
  assert.deepEqual(written.dimensions[0].ratings, {
    rent: { score: 5, reason: 'Running in minutes.' },
    buy: { score: 1, reason: 'Weeks of delivery and set-up.' },
    both: { score: 3, reason: 'Renting covers the wait.' },
  });
  // The blank pack's weights, under the new ids, with the two typed in the grid.
  assert.deepEqual(written.questions[0].options.map((o) => [o.label, o.weights]), [
    ['The same all year', { buy: 2 }], ['Spiky', { rent: 2, both: 2 }],
  ]);
  assert.equal(written.questions[0].options[1].rulesOut.buy, 'Owned GPUs would sit idle between peaks.');
  assert.equal(written.questions.length, 6);
  assert.equal(written.facts.length, 3);
  assert.equal(written.facts[2].source.url, 'https://www.example.org/billing');
  console.log(`# the six-question quiz took ${actions} actions (fields written, buttons pressed; one of them the fix) and ${tabs} presses of Tab between them`);

  // The preview shows it, and a reader can finish it.
  await previewShows(page, 'Rent GPUs or buy them?');
  await takeQuiz(previewWidget(page), answersFor(written, (q) => written.questions[q].options.length - 1));
  assert.equal((await stepOf(previewWidget(page))).screen, 'result');

  // Embedded on another origin: dist/ on a CDN that allows it, the page elsewhere.
  const cdn = await serve(DIST, new Map(), { headers: { 'access-control-allow-origin': '*' } });
  try {
    await fill(/^Address of your copy of dist\//, cdn.url);
    const code = await page.locator('#embed-code').inputValue();
    assert.ok(code.includes(`${cdn.url}embed.js`), 'the code loads embed.js from the CDN');
    const post = await openPage({
      path: '/a-post.html',
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body>\n${code}\n</body></html>`,
    });
    await post.widget().locator('h2.title', { hasText: 'Rent GPUs or buy them?' }).waitFor();
    await takeQuiz(post.widget(), answersFor(written, () => 0));
    assert.equal((await stepOf(post.widget())).screen, 'result');
    assert.deepEqual(post.errors, []);
    await post.page.close();
  } finally {
    await cdn.close();
  }
  await finish(page, errors);
  await context.close();
});

test('the form and the JSON text show one pack: each follows the other, ids are renamed everywhere, and a problem leads to its field', async () => {
  const { page, errors } = await openStudio({ view: 'form' });
  const formTab = page.getByRole('tab', { name: 'Form' });
  const jsonTab = page.getByRole('tab', { name: 'JSON text' });
  /** Waits until the saved draft (the text, saved after each change) satisfies `holds`. */
  const saved = async (holds) => {
    const key = 'open-vs-proprietary:studio-draft';
    for (;;) {
      const text = await page.evaluate((k) => localStorage.getItem(k), key);
      if (text !== null && holds(JSON.parse(text))) return;
      await page.waitForFunction(([k, was]) => localStorage.getItem(k) !== was, [key, text]);
    }
  };

  // Typed in the text, shown in the form.
  await jsonTab.click();
  await cursorInTitle(page);
  await page.keyboard.type(', really');
  await page.locator('#status', { hasText: 'Preview updated.' }).waitFor();
  await formTab.click();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Tea or coffee?, really');

  // Written in the form, shown in the text; the rest of the text as it was.
  const textBefore = await editorText(page);
  await page.getByLabel('Title').fill('Tea or coffee, really?');
  await page.getByLabel('Points for Coffee from "Never"').fill('-1');
  await jsonTab.click();
  const textAfter = await editorText(page);
  assert.equal(textAfter, textBefore
    .replace('"title": "Tea or coffee?, really"', '"title": "Tea or coffee, really?"')
    .replace('{ "id": "no", "label": "Never", "weights": { "tea": 2 } }', '{ "id": "no", "label": "Never", "weights": {\n          "tea": 2,\n          "coffee": -1\n        } }'));

  // A misspelt id typed in the text: its problem beside its answer, the list's entry
  // leads there, and the form can remove what its grid cannot show.
  await page.locator('.cm-line', { hasText: '"id": "yes"' }).getByText('"coffee"').dblclick();
  await page.keyboard.type('cofee');
  await page.locator('#problems button').first().waitFor();
  await formTab.click();
  const answer = page.locator('#form fieldset[data-key="questions[0].options[0]"]');
  await answer.locator('.form-error', { hasText: '"cofee" is not an approach' }).waitFor();
  await page.locator('#problems button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset')?.dataset.key), 'questions[0].options[0]', 'the problem leads to its answer in the form');
  await answer.getByRole('button', { name: 'Remove it: "cofee" from weights' }).click();
  await page.locator('#problems-none').waitFor();
  await saved((pack) => !JSON.stringify(pack).includes('cofee'));

  // An approach's id renamed in the form is renamed wherever the pack names it.
  const teaId = page.locator('#form [data-key="approaches[0].id"]');
  await teaId.fill('green-tea');
  await teaId.press('Tab');
  await saved((pack) => pack.approaches[0].id === 'green-tea' && pack.dimensions[0].ratings['green-tea']?.score === 2
    && pack.questions[0].options[1].weights['green-tea'] === 2);
  assert.ok(!JSON.stringify(await draftPack(page)).includes('"tea"'), 'no reference to the old id is left');

  // Two approaches is the least a pack may have: no removing below it. A third, added,
  // comes rated on every dimension; removed, it leaves nothing behind.
  assert.equal(await page.getByRole('button', { name: 'Remove this approach: approach 1' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Add an approach' }).click();
  await saved((pack) => pack.approaches.length === 3 && pack.dimensions[0].ratings['approach-3']?.score === 3);
  await page.getByRole('button', { name: 'Remove this approach: approach 3' }).click();
  await saved((pack) => pack.approaches.length === 2 && !('approach-3' in pack.dimensions[0].ratings));

  // A field left by pressing a button, held down as a hand holds it: the press still
  // counts (the form is drawn again after it, not under it).
  await page.getByLabel('Title').fill('Tea or coffee, really? Truly');
  await page.getByRole('button', { name: 'Add an answer: question 1' }).click({ delay: 150 });
  await saved((pack) => pack.questions[0].options.length === 3 && pack.title.endsWith('Truly'));
  await page.getByRole('button', { name: 'Remove this answer: answer 3 of question 1' }).click();
  await saved((pack) => pack.questions[0].options.length === 2);

  // Text the form cannot read says so, and comes back once it is JSON again.
  await jsonTab.click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.locator('#problems button').first().waitFor();
  await formTab.click();
  await page.locator('#form .form-unreadable').waitFor();
  assert.match(await page.locator('#form .form-unreadable').textContent(), /Fix it in the JSON text/);
  await jsonTab.click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('}\n');
  await page.locator('#problems-none').waitFor();
  await formTab.click();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Tea or coffee, really? Truly');
  await finish(page, errors);
});

test('a custom quiz\'s embed code carries its own first screen: shown before the widget\'s code arrives, started from there, and nothing shifts when the code takes over', async () => {
  const { page, errors } = await openStudio();
  await startFrom(page, 'Databases quiz', databases.title);
  await page.locator('#base-url').fill(env.server.url);
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, /<!-- ovp:prerendered --><template shadowrootmode="open"><link rel="stylesheet" href="http:\/\/127\.0\.0\.1:\d+\/widget\.css" integrity="sha384-/);
  assert.ok(code.includes(`<h2 tabindex="-1" class="title">${databases.title}</h2>`), 'the first screen is this quiz\'s');

  const wasm = held();
  const post = await openPage({
    path: '/custom-first-screen.html',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head><body><h1>A post</h1>\n${code}\n<p>After the quiz.</p></body></html>`,
    init: async (p) => {
      await recordLayoutShifts(p);
      await p.route('**/*.wasm', async (route) => { await wasm.until; await route.continue(); });
    },
  });
  const widget = post.widget();
  // Before the code: the quiz's own title, intro and Start, from the page's HTML alone.
  await widget.locator('h2.title', { hasText: databases.title }).waitFor();
  assert.equal((await stepOf(widget)).live, false, 'the code has not taken over yet');
  assert.equal(await widget.locator('p.lede').textContent(), databases.intro);
  await widget.getByRole('button', { name: 'Start' }).click();
  wasm.release();
  await waitForStep(widget, { screen: 'question', number: 1 });
  await afterPaint(post.page);
  assert.deepEqual(await layoutShifts(post.page), [], 'layout shifts (CLS entries)');
  assert.deepEqual(post.errors, []);
  await post.page.close();
  await finish(page, errors);
});

test('values of the wrong type in several items are all listed at once, each at its path, where the widget names the first', async () => {
  const { page, errors } = await openStudio();
  const broken = structuredClone(blank);
  broken.approaches[0].name = 5;
  broken.questions[1].prompt = true;
  await pasteDraft(page, JSON.stringify(broken, null, 2));
  const items = page.locator('#problems button');
  await items.nth(1).waitFor();
  assert.deepEqual(await page.locator('#problems .path').allTextContents(), ['approaches[0].name', 'questions[1].prompt']);
  assert.equal(await items.count(), 2);
  // The preview's widget, which stops at the first, names that one.
  await page.locator('#preview-stale').waitFor();
  await finish(page, errors);
});

test('the form writes a number question, its bands, a fact\'s id and a cost model, follows renamed ids into the costs, and the preview asks for the number', async () => {
  const { page, errors } = await openStudio({ view: 'form' });
  const form = page.locator('#form');
  /** Waits until the saved draft (saved after each change) satisfies `holds`; resolves to it. */
  const saved = async (holds) => {
    const key = 'open-vs-proprietary:studio-draft';
    for (;;) {
      const text = await page.evaluate((k) => localStorage.getItem(k), key);
      if (text !== null && holds(JSON.parse(text))) return JSON.parse(text);
      await page.waitForFunction(([k, was]) => localStorage.getItem(k) !== was, [key, text]);
    }
  };
  // The costs need a question that asks for a number first.
  const costsToggle = form.getByLabel(/^Chart what each approach costs/);
  assert.equal(await costsToggle.isDisabled(), true);

  // Question 1 asks for a number: its range, scale and unit, and a band for each answer
  // but the last.
  const question = form.locator('fieldset[data-key="questions[0]"]');
  await question.getByLabel(/^Asks for a number/).check();
  let pack = await saved((p) => p.questions[0].number);
  assert.deepEqual(pack.questions[0].options.map((o) => o.below), [500, undefined]);
  // A text field is drawn again when left: left, and saved, before the numbers are typed.
  await question.getByLabel('Unit').fill('cups a day');
  await question.getByLabel('Unit').press('Tab');
  await saved((p) => p.questions[0].number.unit === 'cups a day');
  await question.getByLabel('Smallest', { exact: true }).fill('0');
  await question.getByLabel('Largest', { exact: true }).fill('10');
  await question.getByLabel('Starts at').fill('2');
  await question.getByLabel('Numbers below this answer it').fill('3');
  await saved((p) => p.questions[0].number.min === 0 && p.questions[0].number.max === 10
    && p.questions[0].number.start === 2 && p.questions[0].options[0].below === 3);
  assert.equal(await question.getByLabel('Numbers below this answer it').count(), 1, 'the last answer takes the rest');

  // Two facts with ids, then a cost model with a figure sourced by the second, for the
  // second approach, of a kind other than the first offered: each menu writes its choice.
  for (const [f, text, id] of [[0, 'A cup of tea costs 10 to 20 cents.', 'tea-price'], [1, 'A cup of coffee costs 20 to 40 cents.', 'coffee-price']]) {
    await page.getByRole('button', { name: 'Add a fact' }).click();
    const fact = form.locator(`fieldset[data-key="facts[${f}]"]`);
    await fact.getByLabel('Fact', { exact: true }).fill(text);
    await fact.getByLabel('Source\'s title').fill('A price list');
    await fact.getByLabel('Source\'s address').fill('https://example.org/prices');
    await fact.getByLabel('Date', { exact: true }).fill('2026-12');
    await fact.getByLabel('Id (optional)').fill(id);
    await fact.getByLabel('Id (optional)').press('Tab');
    await saved((p) => p.facts?.[f]?.id === id);
  }
  await costsToggle.check();
  await saved((p) => p.costs?.question === p.questions[0].id && p.costs.currency === 'USD');
  await page.getByRole('button', { name: 'Add a cost figure' }).click();
  const term = form.locator('fieldset[data-key="costs.terms[0]"]');
  await term.getByLabel('A cost of').selectOption({ label: 'Coffee' });
  await term.getByLabel('Kind').selectOption('fixed');
  await term.getByLabel('From').fill('10');
  await term.getByLabel('To').fill('20');
  await term.getByLabel('Source (a fact with an id)').selectOption('coffee-price');
  pack = await saved((p) => p.costs.terms[0]?.fact === 'coffee-price' && p.costs.terms[0].high === 20);
  assert.deepEqual(pack.costs.terms, [{ approach: 'coffee', kind: 'fixed', low: 10, high: 20, fact: 'coffee-price' }]);

  // An approach removed takes its cost figures with it.
  await page.getByRole('button', { name: 'Add an approach' }).click();
  await saved((p) => p.approaches.length === 3);
  await page.getByRole('button', { name: 'Add a cost figure' }).click();
  await form.locator('fieldset[data-key="costs.terms[1]"]').getByLabel('A cost of').selectOption({ index: 2 });
  await saved((p) => p.costs.terms[1]?.approach === 'approach-3');
  await page.getByRole('button', { name: 'Remove this approach: approach 3' }).click();
  pack = await saved((p) => p.approaches.length === 2);
  assert.deepEqual(pack.costs.terms.map((t) => t.approach), ['coffee']);

  // Renamed ids follow into the costs: the question's, the fact's and the approach's.
  for (const [field, to] of [['questions[0].id', 'cups'], ['facts[1].id', 'price-of-coffee'], ['approaches[1].id', 'espresso']]) {
    await form.locator(`[data-key="${field}"]`).fill(to);
    await form.locator(`[data-key="${field}"]`).press('Tab');
  }
  pack = await saved((p) => p.approaches[1].id === 'espresso' && p.costs.terms[0].fact === 'price-of-coffee');
  assert.deepEqual([pack.costs.question, pack.costs.terms[0].approach], ['cups', 'espresso']);

  // The pack has no problem, so the preview shows it as it now stands: the first question
  // with a slider and a typed field.
  await page.locator('#problems-none').waitFor();
  const preview = previewWidget(page);
  await page.getByLabel('Step to show').selectOption({ label: `Question 1: ${blank.questions[0].prompt}` });
  await page.getByRole('button', { name: 'Show it' }).click();
  await page.locator('#status', { hasText: 'The preview shows that step.' }).waitFor();
  await preview.locator('input.number-slider').waitFor();
  assert.equal(await preview.locator('input[type=number]').inputValue(), '2');

  // On a number question, a new answer splits the last band and a removed one leaves the
  // new last answer with the rest.
  await page.getByRole('button', { name: 'Add an answer: question 1' }).click();
  pack = await saved((p) => p.questions[0].options.length === 3);
  assert.deepEqual(pack.questions[0].options.map((o) => o.below), [3, 6.5, undefined]);
  await page.getByRole('button', { name: 'Remove this answer: answer 3 of question 1' }).click();
  pack = await saved((p) => p.questions[0].options.length === 2);
  assert.deepEqual(pack.questions[0].options.map((o) => o.below), [3, undefined]);

  // A question that no longer asks for a number loses its bands, and the costs, with no
  // other number question to chart, go with it.
  await form.locator('fieldset[data-key="questions[0]"]').getByLabel(/^Asks for a number/).uncheck();
  pack = await saved((p) => !p.questions[0].number);
  assert.ok(pack.questions[0].options.every((o) => !('below' in o)));
  assert.ok(!('costs' in pack));
  await finish(page, errors);
});
