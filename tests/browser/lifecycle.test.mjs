// A widget's life on pages that do not tidy up: hosts removed without destroy() give
// their place in a Wasm instance back at the next mount (a live preview that re-mounts
// on every edit would otherwise fill instance after instance), hosts mounted
// before they are inserted are left alone, and a change of `storage` on the element
// starts the quiz anew.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, serve, launchChromium, watchForErrors, recordWidgetEvents } from './harness.mjs';

const en = JSON.parse(await readFile(`${DIST}content/en.json`, 'utf8'));
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page with `body` that loads embed.js and counts the Wasm instances it makes. */
async function openPage(path, body) {
  server.routes.set(path, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
      <script type="module">import * as embed from '/embed.js'; window.embed = embed;</script></head>
      <body>${body}</body></html>`,
  });
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  const events = await recordWidgetEvents(page);
  // Every Wasm instance the page makes (up to sixteen live widgets share one); not the
  // result's code joined to one, whose imports come from the `primary` it joins.
  await page.addInitScript(() => {
    window.instancesMade = 0;
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      if (!args[1]?.primary) window.instancesMade++;
      return instantiate.apply(this, args);
    };
  });
  await page.goto(server.url + path.slice(1));
  await page.waitForFunction(() => window.embed);
  return { page, errors, events };
}

test('hosts removed without destroy() give their places back: 300 re-mounts stay in one instance and the page still mounts a working widget', async () => {
  const { page, errors } = await openPage('/preview.html', '<main id="preview"></main>');
  const cycles = 300;
  // A live preview: on every edit the old host is dropped (never destroyed) and a new
  // one mounted. The handles are kept, so nothing here depends on garbage collection.
  const made = await page.evaluate(async (cycles) => {
    window.oldHandles = [];
    const preview = document.getElementById('preview');
    for (let i = 0; i < cycles; i++) {
      const host = document.createElement('div');
      preview.replaceChildren(host);
      window.oldHandles.push(await window.embed.mount(host, { storage: 'none' }));
    }
    return window.instancesMade;
  }, cycles);
  console.log(`${cycles} mounts on hosts removed without destroy(): ${made} Wasm instance(s) made`);
  assert.ok(made <= 2, `${made} Wasm instances for ${cycles} mounts, one host in the page at a time`);

  // The last one is still in the page and works; a new one beside it works too.
  const last = page.locator('#preview > div');
  await last.getByRole('button', { name: 'Start' }).click();
  await last.getByRole('radio', { name: en.questions[0].options[0].label }).waitFor();
  await page.evaluate(async () => {
    const host = document.createElement('div');
    host.id = 'fresh';
    document.body.append(host);
    window.fresh = await window.embed.mount(host, { storage: 'none' });
  });
  const fresh = page.locator('#fresh');
  await fresh.getByRole('button', { name: 'Start' }).click();
  await fresh.getByRole('radio', { name: en.questions[0].options[0].label }).check();
  await fresh.getByRole('button', { name: 'Next' }).click();
  await fresh.locator('legend').getByText(`Step 2 of ${en.questions.length}`).waitFor();

  // The released widgets' handles do nothing now, and touch no widget still in the page.
  await page.evaluate(() => {
    for (const handle of window.oldHandles.slice(0, -1)) {
      handle.reset();
      handle.destroy();
    }
  });
  assert.equal(await fresh.locator('legend').getByText('Step 2 of').count(), 1);
  assert.equal(await last.getByRole('radio').count(), en.questions[0].options.length);
  assert.ok(await page.evaluate(() => window.instancesMade) <= 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hosts mounted before they are inserted are kept until they have been in the page', async () => {
  const { page, errors } = await openPage('/detached.html', '');
  // Two widgets built off-page at once, then inserted: the second mount must not release
  // the first although its host is not (yet) in the document.
  await page.evaluate(async () => {
    const hosts = ['a', 'b'].map((id) => Object.assign(document.createElement('div'), { id }));
    await Promise.all(hosts.map((host) => window.embed.mount(host, { storage: 'none' })));
    document.body.append(...hosts);
    // A third mount while both are in the page releases neither.
    const c = Object.assign(document.createElement('div'), { id: 'c' });
    document.body.append(c);
    await window.embed.mount(c, { storage: 'none' });
  });
  for (const id of ['a', 'b', 'c']) {
    const widget = page.locator(`#${id}`);
    await widget.getByRole('button', { name: 'Start' }).click();
    await widget.getByRole('radio', { name: en.questions[0].options[0].label }).waitFor();
  }
  assert.equal(await page.evaluate(() => window.instancesMade), 1, 'the three share an instance');
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing `storage` on the element starts the quiz again with the new setting', async () => {
  const { page, errors, events } = await openPage('/storage.html',
    '<open-vs-proprietary id="kept"></open-vs-proprietary>');
  const widget = page.locator('#kept');
  const readyCount = async () => (await events()).filter((e) => e.type === 'ovp:ready').length;
  const remounted = async (before) => page.waitForFunction(
    (before) => window.__ovpEvents.filter((e) => e.type === 'ovp:ready').length > before, before);

  // Progress is kept (storage `local`, the default): on question 2.
  await widget.getByRole('button', { name: 'Start' }).click();
  await widget.getByRole('radio', { name: en.questions[0].options[0].label }).check();
  await widget.getByRole('button', { name: 'Next' }).click();
  await widget.locator('legend').getByText(`Step 2 of ${en.questions.length}`).waitFor();

  // `none`: a new quiz that reads nothing saved, so it starts at the intro.
  let before = await readyCount();
  await widget.evaluate((el) => el.setAttribute('storage', 'none'));
  await remounted(before);
  await widget.getByRole('button', { name: 'Start' }).waitFor();
  assert.equal(await widget.locator('fieldset').count(), 0);

  // Back to `local`: the saved progress is there again.
  before = await readyCount();
  await widget.evaluate((el) => el.removeAttribute('storage'));
  await remounted(before);
  await widget.locator('legend').getByText(`Step 2 of ${en.questions.length}`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a mounted widget, a new `src` starts the quiz with that content; a new `id` or `loading` waits for the next mount', async () => {
  const databases = JSON.parse(await readFile(`${DIST}content/databases.json`, 'utf8'));
  const { page, errors, events } = await openPage('/attributes.html',
    '<open-vs-proprietary id="a" loading="eager"></open-vs-proprietary>');
  const widget = page.locator('open-vs-proprietary');
  const readyCount = async () => (await events()).filter((e) => e.type === 'ovp:ready').length;
  await widget.getByRole('button', { name: 'Start' }).waitFor();

  // `src`: restarts with that content.
  const before = await readyCount();
  await widget.evaluate((el) => el.setAttribute('src', '/content/databases.json'));
  await page.waitForFunction((before) => window.__ovpEvents.filter((e) => e.type === 'ovp:ready').length > before, before);
  await widget.locator('h2.title', { hasText: databases.title }).waitFor();

  // `id` and `loading`: the live widget goes on as it was. The same section stays in
  // its shadow root through a step taken after the change, and no new ovp:ready came.
  const section = await widget.evaluateHandle((el) => el.shadowRoot.querySelector('section'));
  const readyBefore = await readyCount();
  await widget.evaluate((el) => { el.setAttribute('id', 'b'); el.setAttribute('loading', 'lazy'); });
  await widget.getByRole('button', { name: 'Start' }).click();
  await widget.getByRole('radio', { name: databases.questions[0].options[0].label }).check();
  assert.equal(await section.evaluate((node) => node.isConnected), true, 'the widget was not mounted again');
  assert.equal(await readyCount(), readyBefore);
  // Its progress is still kept under the id it mounted with.
  await widget.getByRole('button', { name: 'Next' }).click();
  await widget.locator('legend').getByText(`Step 2 of ${databases.questions.length}`).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('open-vs-proprietary:progress:')));
  assert.ok(keys.includes(`open-vs-proprietary:progress:${databases.id}#a`), keys.join(' '));
  assert.deepEqual(keys.filter((key) => key.endsWith('#b')), []);

  // Mounted again (moved in the page), it takes the new id: a fresh record under "b".
  await widget.evaluate((el) => { const parent = el.parentNode; el.remove(); parent.append(el); });
  await widget.getByRole('button', { name: 'Start' }).waitFor();
  await widget.getByRole('button', { name: 'Start' }).click();
  await widget.locator('legend').getByText(`Step 1 of ${databases.questions.length}`).waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, `open-vs-proprietary:progress:${databases.id}#b`);
  assert.deepEqual(errors, []);
  await page.close();
});
