// How the widget's files reach the reader: lazily by default, at once with
// loading="eager", and only if they are the files this build made (integrity hashes in
// the page for embed.js, and in embed.js for everything it loads). A file changed on the
// host is refused with ovp:error and a message for the reader; the page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  DIST, useBrowser, openPage, pack, takeQuiz, waitForResult, answersFor, waitForStep, recordLayoutShifts, layoutShifts, afterPaint, recordCspViolations, expectConsoleError,
} from './harness.mjs';

const env = useBrowser({ otherOrigin: true });
const en = pack('en');
const WASM = 'open-vs-proprietary_bg.wasm';

/** A post of `screens` screens of text, then the widget (with `attributes`), then a page button. */
function longPost(screens, attributes = '') {
  const paragraph = '<p style="height:900px">A paragraph of the post.</p>';
  return `${paragraph.repeat(screens)}<open-vs-proprietary id="quiz" storage="none" ${attributes}></open-vs-proprietary>
    <p><button id="page-button" type="button">The page's own button</button> <output id="page-count">0</output></p>`;
}

/** Resolves once the browser has decided, for the first time, whether `selector` is near the viewport. */
function intersectionSettled(page, selector = '#quiz') {
  return page.evaluate((selector) => new Promise((done, fail) => {
    // A regression must fail here, naming what never came, not hang until the test's timeout.
    setTimeout(() => fail(new Error(`embed.js never defined <open-vs-proprietary>, or ${selector} was never observed`)), 10000);
    customElements.whenDefined('open-vs-proprietary').then(() => {
      // Observers are told in the same rendering step, in the order they were made: this
      // one, made after embed.js's, hears after it.
      const observer = new IntersectionObserver(() => { observer.disconnect(); done(); }, { rootMargin: '100% 0px' });
      observer.observe(document.querySelector(selector));
    });
  }), selector);
}

test('a reader who reaches for a far-off widget without scrolling (keyboard focus, or a touch) starts its loading at once', async () => {
  const reaches = {
    focus: (host) => host.focus({ preventScroll: true }),
    touch: (host) => host.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' })),
  };
  for (const [how, reach] of Object.entries(reaches)) {
    const { page, requests } = await openPage({ path: `/reach-${how}.html`, body: longPost(6, 'tabindex="0"'), viewport: { width: 1000, height: 900 } });
    await intersectionSettled(page);
    assert.ok(!requests.some((url) => new URL(url).pathname === `/${WASM}`), `${how}: nothing loaded before the reader reached for it`);
    const wasmRequested = page.waitForRequest((request) => new URL(request.url()).pathname === `/${WASM}`);
    await page.locator('#quiz').evaluate(reach);
    await wasmRequested;
    // The page did not scroll: the widget is still six screens down.
    assert.ok(await page.locator('#quiz').evaluate((host) => host.getBoundingClientRect().top > 5 * innerHeight), `${how}: the page scrolled`);
    await page.close();
  }
});

test('a reader who stays at the top of a long post downloads embed.js and no Wasm; scrolling near the widget loads it, and the quiz completes', async () => {
  const { page, requests, events, errors } = await openPage({ body: longPost(6), viewport: { width: 1000, height: 900 } });
  await intersectionSettled(page);
  const fetched = () => requests.map((url) => new URL(url).pathname);
  assert.ok(fetched().includes('/embed.js'));
  assert.ok(!fetched().includes(`/${WASM}`), `the Wasm was fetched for a reader who never scrolled: ${fetched()}`);
  assert.ok(!fetched().some((path) => path.startsWith('/content/')));
  // A screen at a time, as a reader would: the widget loads about a screen before it
  // shows. Once it is within that screen, the Wasm request must come while it is still
  // below the screen; until then, none may.
  const widget = page.locator('#quiz');
  const top = () => widget.evaluate((element) => element.getBoundingClientRect().top / innerHeight);
  const wasmRequested = page.waitForRequest((request) => new URL(request.url()).pathname === `/${WASM}`, { timeout: 30000 });
  let screen = 0;
  while ((await top()) >= 2) {
    assert.ok(!fetched().includes(`/${WASM}`), `the Wasm was fetched with the widget ${await top()} screens down`);
    screen++;
    await page.evaluate((y) => window.scrollTo(0, y), screen * 900);
    await intersectionSettled(page);
  }
  assert.ok((await top()) > 1, 'the scroll that brought the widget within a screen did not show it yet');
  await wasmRequested;
  assert.ok((await top()) > 1, 'the Wasm was asked for while the widget was still below the screen');
  await widget.scrollIntoViewIfNeeded();
  await waitForStep(widget, { screen: 'intro' });
  await takeQuiz(widget, answersFor(en, (q) => q % 2));
  await waitForResult(widget);
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('loading="eager" loads the widget at once, however far down the post it is', async () => {
  const { page, events, errors } = await openPage({ body: longPost(6, 'loading="eager"') });
  await page.waitForFunction(() => window.__ovpEvents.some((e) => e.type === 'ovp:ready'));
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual((await events()).map((e) => e.type), ['ovp:ready']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the built embed.js carries the hash of every file it loads, and the snippet and demo page carry embed.js\'s', async () => {
  const { createHash } = await import('node:crypto');
  const hash = async (file) => `sha384-${createHash('sha384').update(await readFile(`${DIST}${file}`)).digest('base64')}`;
  const embed = await readFile(`${DIST}embed.js`, 'utf8');
  for (const file of [WASM, 'widget.css', 'content/en.json', 'content/zh.json', 'content/databases.json']) {
    assert.ok(embed.includes(`"${file}":"${await hash(file)}"`), `embed.js has the hash of ${file}`);
  }
  for (const page of ['snippet.html', 'index.html']) {
    const html = await readFile(`${DIST}${page}`, 'utf8');
    assert.ok(html.includes(`embed.js" integrity="${await hash('embed.js')}" crossorigin="anonymous"></script>`), page);
    assert.ok(html.includes(`widget.css" integrity="${await hash('widget.css')}" crossorigin="anonymous">`), page);
  }
  await assert.rejects(readFile(`${DIST}open-vs-proprietary.js`), 'the glue lives inside embed.js');
});

/** A page of two widgets (English and Chinese) and a button of its own, with `file` served changed. */
async function tampered(file, change) {
  const original = await readFile(`${DIST}${file}`);
  env.server.routes.set(`/${file}`, {
    type: file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.css') ? 'text/css' : 'application/json',
    body: change(original),
  });
  try {
    const opened = await openPage({
      body: `<open-vs-proprietary id="en" lang="en" storage="none"></open-vs-proprietary>
        <open-vs-proprietary id="zh" lang="zh" storage="none"></open-vs-proprietary>
        <open-vs-proprietary id="zh-src" src="/content/zh.json" storage="none"></open-vs-proprietary>
        <p><button id="page-button" type="button" onclick="this.nextElementSibling.value++">The page's own button</button> <output>0</output></p>`,
    });
    await opened.page.waitForFunction((count) => window.__ovpEvents.filter((e) => e.type === 'ovp:error').length >= count, file.startsWith('content/') ? 2 : 1);
    return opened;
  } finally {
    env.server.routes.delete(`/${file}`);
  }
}

// A custom section appended to the module: still a valid module that compiles and runs.
const extraSection = (wasm) => Buffer.concat([wasm, Buffer.from([0, 3, 1, 0x78, 0])]);

test('a Wasm changed on the host, even one that still compiles, is refused: ovp:error, a message with Retry, the page keeps working', async () => {
  assert.ok(await WebAssembly.validate(extraSection(await readFile(`${DIST}${WASM}`))), 'the changed Wasm is still valid');
  const { page, events } = await tampered(WASM, extraSection);
  const error = (await events()).find((e) => e.type === 'ovp:error');
  assert.match(error.detail.message, /refused .*open-vs-proprietary_bg\.wasm: it is not the file this embed\.js was built with/);
  assert.equal(error.detail.path, '');
  // In the element's language, from the widget's own strings (web/panel.mjs).
  for (const [id, lang, heading, retry] of [['#en', 'en', 'This quiz cannot be shown', 'Retry'], ['#zh', 'zh', '无法显示这个测验', '重试']]) {
    const panel = page.locator(id).getByRole('alert');
    await panel.waitFor();
    assert.equal(await panel.locator('h2').textContent(), heading);
    assert.equal(await panel.getAttribute('lang'), lang);
    assert.equal(await panel.getByRole('button', { name: retry }).count(), 1);
  }
  await page.locator('#page-button').click();
  assert.equal(await page.locator('output').textContent(), '1');
  // Once the host serves the right file again, Retry brings the quiz.
  await page.locator('#en').getByRole('button', { name: 'Retry' }).click();
  await waitForStep(page.locator('#en'), { screen: 'intro' });
  await page.close();
});

test('a stylesheet changed on the host is refused the same way', async () => {
  const { page, events } = await tampered('widget.css', (css) => Buffer.concat([css, Buffer.from('\n.ovp{color:red}')]));
  const error = (await events()).find((e) => e.type === 'ovp:error');
  assert.match(error.detail.message, /refused .*widget\.css: it is not the file this embed\.js was built with/);
  await page.locator('#en').getByRole('alert').waitFor();
  await page.locator('#page-button').click();
  assert.equal(await page.locator('output').textContent(), '1');
  await page.close();
});

test('a content pack changed on the host is refused: that widget says so, the other widget and the page keep working', async () => {
  const { page, events } = await tampered('content/zh.json', (json) => Buffer.from(json.toString().replace('"zh"', '"zh" ')));
  const error = (await events()).find((e) => e.type === 'ovp:error' && e.target === 'zh');
  // A src that names a built-in pack is checked against the build's hash too.
  assert.ok((await events()).some((e) => e.type === 'ovp:error' && e.target === 'zh-src'), 'src="/content/zh.json" refused');
  // In the widget's language: the Chinese widget's words for "does not match the integrity hash it must have".
  assert.match(error.detail.message, /content\/zh\.json.*与它应有的完整性哈希值不符/);
  const english = page.locator('#en');
  await takeQuiz(english, answersFor(en, () => 0));
  await waitForResult(english);
  await page.locator('#page-button').click();
  assert.equal(await page.locator('output').textContent(), '1');
  await page.close();
});

/** dist/snippet.html with its addresses pointing at `base`, in a post with a button of the page's own. */
async function snippetPost(base, { head = '' } = {}) {
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', base);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">${head}</head>
    <body><h1>A post</h1>\n${snippet}\n<p><button id="page-button" type="button">The page's own button</button></p></body></html>`;
}

for (const [how, base, strip] of [
  ['stripped by the blog engine', () => env.server.url, true],
  ['blocked (another origin that does not allow CORS)', () => env.otherOrigin.url, false],
]) {
  test(`a prerendered snippet whose script is ${how} shows its own text in Start's place, not a dead Start`, async () => {
    let html = await snippetPost(base());
    if (strip) html = html.replace(/<script\b[^>]*><\/script>/, '');
    // The stylesheet from the page's own host, as a blog that keeps the files would serve it.
    html = html.replace(`${base()}widget.css`, `${env.server.url}widget.css`);
    const { page, errors } = await openPage({ path: '/no-code.html', html });
    const widget = page.locator('open-vs-proprietary');
    // After a few seconds without the element defined, Start gives way to the element's
    // own text, shown through the intro's slot.
    await widget.getByRole('button', { name: 'Start' }).waitFor({ state: 'hidden' });
    const slot = await widget.evaluate((host) => {
      const slot = host.shadowRoot.querySelector('slot.no-code');
      return {
        visibility: getComputedStyle(slot).visibility,
        text: slot.assignedNodes().map((node) => node.textContent).join('').trim(),
        inIntro: Boolean(slot.closest('.intro .actions')),
      };
    });
    assert.deepEqual(slot, { visibility: 'visible', text: 'Open-source or proprietary AI? This interactive quiz could not load here (it needs JavaScript).', inIntro: true });
    assert.equal(await page.evaluate(() => customElements.get('open-vs-proprietary')), undefined);
    assert.equal(await widget.locator('h2.title').isVisible(), true);
    if (strip) assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a snippet from a host that sends no CORS header (script and stylesheet both refused) shows no Start, and the element\'s own text at once', async () => {
  const { page, errors } = await openPage({ path: '/no-cors.html', html: await snippetPost(env.otherOrigin.url) });
  const widget = page.locator('open-vs-proprietary');
  // The browser names the missing header in the console, for the author.
  await page.waitForFunction(() => !customElements.get('open-vs-proprietary') && document.readyState === 'complete');
  assert.ok(errors.some((e) => e.includes('CORS') || e.includes('Access-Control-Allow-Origin') || e.includes('net::')), errors.join('\n'));
  // The reader: the intro's title and text, no Start that could not work, and the
  // element's own sentence, which is true whatever stopped the code.
  assert.equal(await widget.locator('h2.title').isVisible(), true);
  assert.equal(await widget.locator('[data-ovp-start]').isVisible(), false);
  assert.equal(await widget.getByRole('button').count(), 0, 'no button in the accessibility tree');
  const text = await widget.evaluate((host) => host.shadowRoot.querySelector('slot.no-code').assignedNodes().map((n) => n.textContent).join('').trim());
  assert.equal(text, 'Open-source or proprietary AI? This interactive quiz could not load here (it needs JavaScript).');
  assert.ok(await page.getByText('This interactive quiz could not load here').isVisible());
  await page.close();
});

test('a prerendered link to widget.css without this build\'s integrity hash is not trusted: a changed widget.css is refused, not adopted', async () => {
  // The host's widget.css was changed to leak the reader's answers through image
  // requests, and the page's link to it carries no integrity hash, so the browser
  // applied it to the prerendered intro unchecked.
  const built = await readFile(`${DIST}widget.css`, 'utf8');
  env.server.routes.set('/widget.css', { body: `${built}\n.option:has(input:checked) { background-image: url(/leak?answer); }`, type: 'text/css' });
  const html = (await snippetPost(env.server.url)).replace(/(widget\.css") integrity="[^"]+" crossorigin="anonymous"/, '$1');
  assert.ok(!/widget\.css" integrity/.test(html));
  const requests = [];
  try {
    const { page, errors } = await openPage({ path: '/changed-css.html', html, init: (page) => page.on('request', (r) => requests.push(r.url())) });
    const widget = page.locator('open-vs-proprietary');
    // embed.js fetched the file itself against the hash it carries, and refused it: in
    // the intro's place the reader is told the quiz could not load, with Retry; no
    // answer can be given, so none can leak.
    await widget.getByRole('button', { name: 'Retry' }).waitFor();
    assert.equal(await widget.locator('input[type=radio]').count(), 0);
    assert.ok(errors.some((e) => e.includes('widget.css') && e.includes('integrity hash differs')), errors.join('\n'));
    assert.deepEqual(requests.filter((url) => url.includes('/leak')), []);
    await page.close();
  } finally {
    env.server.routes.delete('/widget.css');
  }
});

test('a page that enforces Trusted Types runs the quiz, Copy link and the downloads with no violation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types 'none'";
  const { page, errors } = await openPage({
    context,
    path: '/trusted-types.html',
    headers: { 'content-security-policy': policy },
    body: '<open-vs-proprietary id="w" storage="none"></open-vs-proprietary>',
    init: recordCspViolations,
  });
  // The policy applies: a string given to innerHTML of a script-bearing sink is refused.
  // The probe's own console error and violation are taken out; the widget's stay.
  const before = await page.evaluate(() => window.__violations.length);
  const refused = await expectConsoleError(page, errors, /TrustedHTML/, () => page.evaluate(() => {
    try { document.createElement('div').innerHTML = '<b>x</b>'; return false; } catch { return true; }
  }));
  assert.equal(refused, true, 'Trusted Types are enforced on this page');
  await page.waitForFunction((before) => window.__violations.length > before, before);
  assert.match(await page.evaluate((before) => window.__violations.splice(before, 1)[0], before), /^require-trusted-types-for/);
  const widget = page.locator('#w');
  await takeQuiz(widget, answersFor(en, () => 0));
  await waitForResult(widget);
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await widget.getByText('Link copied.', { exact: false }).waitFor();
  for (const name of ['Download SVG of “How the approaches compare”', 'Download PNG of “How each answer moved the scores”']) {
    const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name }).click()]);
    assert.ok((await readFile(await download.path())).length > 1000, name);
  }
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget keeps to a theme\'s narrower content column', async () => {
  const { page } = await openPage({
    viewport: { width: 1280, height: 900 },
    body: `<main style="max-width: 540px; margin: 0 auto"><p>Text of the post.</p>
      <open-vs-proprietary id="w" storage="none"></open-vs-proprietary></main>`,
  });
  const widget = page.locator('#w');
  await takeQuiz(widget, answersFor(en, () => 2));
  await waitForResult(widget);
  const { column, widest } = await page.evaluate(() => {
    const main = document.querySelector('main').getBoundingClientRect();
    const host = document.getElementById('w');
    let widest = { left: Infinity, right: -Infinity };
    for (const element of host.shadowRoot.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      widest = { left: Math.min(widest.left, box.left), right: Math.max(widest.right, box.right) };
    }
    return { column: { left: main.left, right: main.right }, widest };
  });
  assert.ok(widest.left >= column.left - 0.5 && widest.right <= column.right + 0.5,
    `the widget spans ${widest.left}–${widest.right}, the column ${column.left}–${column.right}`);
  await page.close();
});

test('where a page\'s policy refuses the PNG (no img-src data:), the reader is told and the SVG still downloads', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const { page } = await openPage({
    context,
    path: '/no-data-images.html',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
    body: '<open-vs-proprietary id="w" storage="none"></open-vs-proprietary>',
  });
  const widget = page.locator('#w');
  await takeQuiz(widget, answersFor(en, () => 1));
  await waitForResult(widget);
  const title = 'How the approaches compare';
  // A live region of its own beside the buttons (the widget's one role="status" region
  // announces the steps).
  const status = widget.getByRole('button', { name: `Download PNG of “${title}”` }).locator('xpath=..').locator('[aria-live=polite]');
  assert.equal(await status.textContent(), '', 'nothing to say before a download');
  await widget.getByRole('button', { name: `Download PNG of “${title}”` }).click();
  await status.getByText('This page does not allow the image to be made here. Try Download SVG.').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: `Download SVG of “${title}”` }).click()]);
  assert.match((await readFile(await download.path())).toString('utf8'), /^<svg/);
  assert.equal(await status.textContent(), '', 'a new download clears the notice');
  await context.close();
});

test('lazily loaded from the prerendered snippet: a Start pressed before the code arrives starts the quiz once it has, and nothing shifts', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const html = (await snippetPost(env.server.url))
    .replace('<h1>A post</h1>', `<h1>A post</h1>${'<p style="height:900px">A paragraph of the post.</p>'.repeat(4)}`);
  const { page, requests, errors } = await openPage({
    path: '/lazy-start.html',
    html,
    init: async (page) => {
      await recordLayoutShifts(page);
      await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    },
  });
  await intersectionSettled(page, 'open-vs-proprietary');
  assert.ok(!requests.some((url) => url.endsWith('.wasm')), 'nothing but embed.js and the stylesheet for a reader at the top');
  const widget = page.locator('open-vs-proprietary');
  const wasmAsked = page.waitForRequest((request) => request.url().endsWith('.wasm'));
  await widget.scrollIntoViewIfNeeded();
  await wasmAsked;
  await widget.getByRole('button', { name: 'Start' }).click();
  assert.equal(await widget.locator('fieldset').count(), 0, 'the code has not arrived yet');
  release();
  await waitForStep(widget, { screen: 'question', number: 1 });
  await afterPaint(page); // the first question's frame, where a shift would be
  assert.deepEqual(await layoutShifts(page), [], 'layout shifts (CLS entries)');
  assert.deepEqual(errors, []);
  await page.close();
});
