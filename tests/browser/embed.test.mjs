// The widget in other people's pages: the JavaScript API, events, five instances at
// once, attribute changes, theming, narrow columns, hostile CSS, the iframe, and the
// prerendered intro. (The README's own claims, its CSP among them, are in readme.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, useBrowser, openPage, pack, artifact, advance, afterPaint, waitForStep, takeQuiz, answersFor, recordLayoutShifts, layoutShifts, openDisclosures } from './harness.mjs';

const en = pack('en');
const databases = pack('databases');
const env = useBrowser();

/** Serves `source` as a module script at `path`. */
function script(path, source) {
  env.server.routes.set(path, { type: 'text/javascript', body: source });
}

test('mount() reads the element as the element does: its attributes and inline pack win over the options passed', async () => {
  const es = pack('es');
  const zh = pack('zh');
  const databasesText = await readFile(`${DIST}content/databases.json`, 'utf8');
  script('/own.js', `
    import { mount } from '/embed.js';
    const wrong = 'sha384-' + 'A'.repeat(64);
    const elsewhere = { contentUrl: '/content/zh.json', integrity: wrong };
    const databases = '/content/databases.json';
    const at = (id) => document.getElementById(id);
    const reused = { lang: 'es' };
    const mounts = [
      mount(at('src'), elsewhere), // the element's src, checked by no hash of the caller's
      mount(at('inline'), elsewhere), // the element's inline pack
      mount(at('lang'), { lang: 'en' }), // the element's lang and dir
      mount(at('stray'), { contentUrl: databases }), // an integrity attribute with no src checks nothing
      mount(at('kept'), { contentUrl: databases, integrity: wrong }), // ... and leaves the caller's hash in force
      mount(at('text'), { content: ${JSON.stringify(databasesText)} }), // a pack as JSON text
      mount(at('hash'), { contentUrl: databases, integrity: wrong }), // the caller's hash, refused
      mount(at('first'), reused),
      mount(at('second'), reused), // the options as they were when mount() was called
    ];
    reused.lang = 'zh';
    window.results = await Promise.allSettled(mounts).then((all) => all.map((r) => r.status));
    window.getter = await mount(document.createElement('div'), { get theme() { throw new Error('no'); } })
      .then(() => 'no error', (error) => error.message);
    window.mounted = true;`);
  const { page, errors, events } = await openPage({
    path: '/own.html',
    body: `<div id="src" src="/content/databases.json"></div>
      <div id="inline"><script type="application/json">${databasesText}</script></div>
      <div id="lang" lang="es" dir="rtl"></div>
      <div id="stray" integrity="sha384-${'A'.repeat(64)}"></div>
      <div id="kept" integrity="sha384-${'B'.repeat(64)}"></div>
      <div id="text"></div>
      <div id="hash"></div>
      <div id="first"></div>
      <div id="second"></div>
      <script type="module" src="/own.js"></script>`,
  });
  await page.waitForFunction(() => window.mounted);
  assert.deepEqual(await page.evaluate(() => window.results), Array(9).fill('fulfilled'));
  assert.match(await page.evaluate(() => window.getter), /bad mount option `theme`: reading it threw/);
  const title = async (id, expected) => {
    await waitForStep(page.locator(`#${id}`), { screen: 'intro' });
    assert.equal(await page.locator(`#${id} h2.title`).textContent(), expected, id);
  };
  for (const id of ['src', 'inline', 'stray', 'text']) await title(id, databases.title);
  await title('lang', es.title);
  assert.equal(await page.locator('#lang section[data-ovp-widget]').getAttribute('dir'), 'rtl');
  await title('first', es.title);
  await title('second', es.title);
  assert.notEqual(es.title, zh.title);
  // The caller's integrity holds for its own contentUrl: a pack that does not match is refused.
  for (const id of ['kept', 'hash']) await waitForStep(page.locator(`#${id}`), { screen: 'error' });
  const refused = (await events()).filter((e) => e.type === 'ovp:error').map((e) => e.target).sort();
  assert.deepEqual(refused, ['hash', 'kept']);
  assert.deepEqual(errors.filter((e) => !/integrity|sha384|databases\.json/i.test(e)), []);
  await page.close();
});

test('mount() returns a handle whose reset() and destroy() work, and bad options throw naming the option', async () => {
  script('/api.js', `
    import { mount } from '/embed.js';
    window.api = { mount };
    window.handle = await mount(document.getElementById('target'), { lang: 'en', theme: 'dark' });
    window.mounted = true;`);
  const { page, errors, events } = await openPage({ path: '/api.html', body: '<div id="target"></div><script type="module" src="/api.js"></script>' });
  await page.waitForFunction(() => window.mounted);
  const widget = page.locator('#target');
  assert.equal(await widget.getAttribute('theme'), 'dark');

  await advance(widget, () => widget.getByRole('button', { name: 'Start' }).click(), { number: 1 });
  await widget.getByRole('radio', { name: en.questions[0].options[0].label }).check();
  await advance(widget, () => widget.getByRole('button', { name: 'Next' }).click(), { number: 2 });
  assert.equal(await widget.locator('legend .step-count').textContent(), `Step 2 of ${en.questions.length}`);

  await advance(widget, () => page.evaluate(() => window.handle.reset()), { screen: 'intro' });
  await advance(widget, () => widget.getByRole('button', { name: 'Start' }).click(), { number: 1 });
  assert.equal(await widget.locator('input[type=radio]').count(), en.questions[0].options.length);
  assert.equal(await widget.locator('input:checked').count(), 0, 'reset cleared the answers');

  await page.evaluate(() => { window.handle.destroy(); window.handle.destroy(); });
  // Nothing of the widget stays in its host.
  await page.waitForFunction(() => document.getElementById('target').shadowRoot.childElementCount === 0, null, { timeout: 2000 });

  const failures = await page.evaluate(async () => {
    const attempt = async (...args) => {
      try { await window.api.mount(...args); return 'no error'; } catch (error) { return `${error.constructor.name}: ${error.message}`; }
    };
    const div = document.createElement('div');
    document.body.append(div);
    return [
      await attempt(div, { thme: 'dark' }),
      await attempt(div, { theme: 'purple' }),
      await attempt(div, { lang: 5 }),
      await attempt(div, { contentUrl: ['a'] }),
      await attempt(div, 'en'),
      await attempt('#target', {}),
    ];
  });
  assert.match(failures[0], /^Error: .*unknown mount option `thme`; the options are lang, dir, theme, content, contentUrl, integrity, id, storage$/);
  assert.match(failures[1], /^Error: .*bad mount option `theme`: unknown variant `purple`, expected one of `auto`, `light`, `dark`/);
  assert.match(failures[2], /^Error: .*bad mount option `lang`: invalid type/);
  assert.match(failures[3], /^Error: .*bad mount option `contentUrl`/);
  assert.match(failures[4], /^Error: .*mount options must be an object/);
  assert.match(failures[5], /^TypeError: .*needs an HTML element/);

  const types = (await events()).map((e) => e.type);
  assert.deepEqual(types.filter((t) => t === 'ovp:ready').length, 2, 'ready on mount and again after reset');
  assert.deepEqual(errors, []);
  await page.close();
});

test('events bubble out of the shadow root and are composed, with their documented detail', async () => {
  script('/listen.js', `
    window.seen = [];
    for (const type of ['ovp:ready', 'ovp:answer', 'ovp:complete']) {
      document.addEventListener(type, (e) => window.seen.push({ type, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
    }`);
  const { page } = await openPage({ path: '/events.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary>', head: '<script src="/listen.js"></script>' });
  const widget = page.locator('#w');
  await takeQuiz(widget, answersFor(en, () => 2));
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.every((e) => e.bubbles && e.composed));
  assert.deepEqual(seen[0], { type: 'ovp:ready', bubbles: true, composed: true, detail: { contentId: en.id, total: en.questions.length } });
  const answers = seen.filter((e) => e.type === 'ovp:answer').map((e) => e.detail);
  assert.deepEqual(answers.map((a) => a.step), en.questions.map((_, i) => i + 1));
  assert.deepEqual(answers[3], { questionId: en.questions[3].id, optionId: en.questions[3].options[2].id, step: 4, total: en.questions.length, exploring: false });
  const complete = seen.find((e) => e.type === 'ovp:complete').detail;
  assert.deepEqual(Object.keys(complete).sort(), ['answers', 'exploring', 'recommendation', 'ruledOut', 'scores']);
  assert.equal(complete.exploring, false);
  assert.deepEqual(complete.ruledOut, []);
  assert.equal(complete.answers[en.questions[0].id], en.questions[0].options[2].id);
  await page.close();
});

test('five widgets with different content and languages work independently; the Wasm loads once', async () => {
  env.server.routes.set('/packs/db.json', { body: JSON.stringify(databases), type: 'application/json' });
  const { page, errors, events, requests } = await openPage({ path: '/five.html', body: `
    <open-vs-proprietary id="a"></open-vs-proprietary>
    <open-vs-proprietary id="b" lang="zh"></open-vs-proprietary>
    <open-vs-proprietary id="c"><script type="application/json">${JSON.stringify(databases)}</script></open-vs-proprietary>
    <open-vs-proprietary id="d" src="/packs/db.json"></open-vs-proprietary>
    <open-vs-proprietary id="e" theme="dark"></open-vs-proprietary>` });
  for (const id of ['a', 'b', 'c', 'd', 'e']) await page.locator(`#${id} .intro button`).waitFor();
  assert.equal(await page.locator('#b .intro button').textContent(), '开始');
  assert.equal(await page.locator('#c h2.title').textContent(), databases.title);

  await advance(page.locator('#a'), () => page.locator('#a .intro button').click(), { number: 1 });
  await advance(page.locator('#c'), () => page.locator('#c .intro button').click(), { number: 1 });
  await page.locator('#a').getByRole('radio', { name: en.questions[0].options[1].label }).check();
  await page.locator('#c').getByRole('radio', { name: databases.questions[0].options[0].label }).check();
  await advance(page.locator('#c'), () => page.locator('#c button[type=submit]').click(), { number: 2 });
  assert.equal(await page.locator('#a legend .step-count').textContent(), `Step 1 of ${en.questions.length}`);
  assert.equal(await page.locator('#c legend .step-count').textContent(), `Step 2 of ${databases.questions.length}`);
  assert.equal(await page.locator('#a input:checked').count(), 1);
  assert.equal(await page.locator('#c input:checked').count(), 0);
  assert.equal(await page.locator('#e .intro').count(), 1, 'untouched widgets stay on their intro');

  const answerTargets = (await events()).filter((e) => e.type === 'ovp:answer').map((e) => e.target);
  assert.deepEqual(answerTargets, ['a', 'c']);
  assert.equal(requests.filter((url) => url.endsWith('/open-vs-proprietary_bg.wasm')).length, 1);
  // The two that started fetched the result's code once between them.
  assert.equal(requests.filter((url) => url.endsWith('/open-vs-proprietary_result.wasm')).length, 1);

  // Each keeps its own saved progress: after a reload, a is on step 1 with its answer,
  // c on step 2 with none yet, and the others on their intro.
  await page.reload();
  await page.locator('#a legend .step-count').waitFor();
  assert.equal(await page.locator('#a legend .step-count').textContent(), `Step 1 of ${en.questions.length}`);
  assert.equal(await page.locator('#a').getByRole('radio', { name: en.questions[0].options[1].label }).isChecked(), true);
  assert.equal(await page.locator('#c legend .step-count').textContent(), `Step 2 of ${databases.questions.length}`);
  assert.equal(await page.locator('#c input:checked').count(), 0);
  for (const id of ['b', 'd', 'e']) await page.locator(`#${id} .intro button`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a host that serves the Wasm with the wrong MIME type, or not at all, gets a working widget or a clear error', async () => {
  // Streaming compilation needs application/wasm; embed.js compiles from the bytes otherwise
  // (the first file and the result's code alike).
  const { page, errors, events } = await openPage({
    init: (page) => page.route('**/*.wasm', async (route) => route.fulfill({
      body: await readFile(`${DIST}${new URL(route.request().url()).pathname.split('/').pop()}`),
      contentType: 'application/octet-stream',
    })),
  });
  await page.locator('#ai-choice').getByRole('button', { name: 'Start' }).click();
  await page.locator('#ai-choice fieldset').waitFor();
  assert.deepEqual(errors, []);

  // No Wasm: the element reports it (console and ovp:error), and a later mount tries again.
  await page.unroute('**/*.wasm');
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await page.waitForFunction(() => window.__ovpEvents.some((e) => e.type === 'ovp:error'));
  assert.match((await events()).find((e) => e.type === 'ovp:error').detail.message, /cannot load .*open-vs-proprietary_bg\.wasm: HTTP 404/);
  await page.unroute('**/*.wasm');
  const retried = await page.evaluate(async () => {
    const { mount } = await import('./embed.js');
    const handle = await mount(document.body.appendChild(document.createElement('div')), { storage: 'none' });
    handle.destroy();
    return 'mounted';
  });
  assert.equal(retried, 'mounted');
  await page.close();
});

test('theme follows the system live, theme and lang attributes apply after mount, removal cleans up and re-insertion works', async () => {
  const { page, errors } = await openPage({ path: '/attributes.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary>', colorScheme: 'light' });
  const widget = page.locator('#w');
  const background = () => widget.locator('section.ovp').evaluate((el) => getComputedStyle(el).backgroundColor);
  await widget.getByRole('button', { name: 'Start' }).waitFor();
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(23, 25, 30)', 'auto follows prefers-color-scheme without a reload');
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'light'));
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'dark'));
  assert.equal(await background(), 'rgb(23, 25, 30)');

  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'zh'));
  await widget.getByRole('button', { name: '开始' }).waitFor();

  await page.evaluate(() => {
    window.detached = document.getElementById('w');
    window.detached.remove();
  });
  // The widget leaves its host when the element leaves the page.
  await page.waitForFunction(() => window.detached.shadowRoot.childElementCount === 0, null, { timeout: 2000 });
  await page.evaluate(() => document.body.append(window.detached));
  await widget.getByRole('button', { name: '开始' }).click();
  await widget.locator('fieldset').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('hosts restyle through --ovp-* properties and ::part(), and the widget takes the page font', async () => {
  env.server.routes.set('/brand.css', {
    type: 'text/css',
    body: `body { font-family: Georgia, serif; font-size: 19px; }
      open-vs-proprietary { --ovp-accent: rgb(180, 20, 60); --ovp-radius: 2px; }
      open-vs-proprietary::part(primary-button) { text-transform: uppercase; }`,
  });
  const { page } = await openPage({ path: '/brand.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary>', head: '<link rel="stylesheet" href="/brand.css">' });
  const start = page.locator('#w').getByRole('button', { name: 'Start' });
  const style = await start.evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, transform: s.textTransform, font: s.fontFamily, size: s.fontSize };
  });
  assert.deepEqual(style, { bg: 'rgb(180, 20, 60)', transform: 'uppercase', font: 'Georgia, serif', size: '19px' });
  const radius = await page.locator('#w section.ovp').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(radius, '2px');
  await page.close();
});

/** Elements in the widget that stick out of its box, and the page's sideways overflow. */
function spills(page, selector) {
  return page.locator(selector).evaluate((host) => {
    const section = host.shadowRoot.querySelector('section.ovp');
    const box = section.getBoundingClientRect();
    // A table too wide for the column scrolls inside its own region; only that region
    // itself must stay within the widget.
    const outside = [...section.querySelectorAll('*')].filter((el) => !el.closest('.table-scroll > *')).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
    }).map((el) => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') ?? ''));
    return { outside, pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

/** Takes the quiz in the widget `selector`, measuring `spills` on every screen and on the whole result with its disclosures (tables, reasons, facts) open. */
async function walkToResult(page, selector, content) {
  const widget = page.locator(selector);
  const seen = [];
  await takeQuiz(widget, answersFor(content, () => 0), {
    onStep: async (step) => {
      if (step.screen === 'result') await openDisclosures(widget);
      seen.push(await spills(page, selector));
    },
  });
  assert.equal(seen.length, content.questions.length + 3, 'intro, every question, the summary and the result');
  return seen;
}

test('fluid down to a 280 px column: nothing spills at any step', async () => {
  const { page, errors } = await openPage({ path: '/narrow.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary>',
    head: '<style>body{margin:0}</style>', viewport: { width: 280, height: 700 } });
  for (const step of await walkToResult(page, '#w', en)) assert.deepEqual(step, { outside: [], pageOverflow: 0 });
  await page.screenshot({ path: artifact('narrow-280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hostile page stylesheet cannot break it', async () => {
  env.server.routes.set('/hostile.css', {
    type: 'text/css',
    body: `* { margin: 0 !important; padding: 0 !important; box-sizing: content-box !important; display: inline !important;
             color: lime !important; line-height: 0.8 !important; letter-spacing: 3px !important; text-transform: uppercase !important; }
      html { font-size: 40px !important; direction: rtl; }
      button { all: unset !important; background: red !important; }
      svg, table, input { display: none !important; }
      body { width: 300px; }`,
  });
  const { page, errors } = await openPage({ path: '/hostile.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary>',
    head: '<link rel="stylesheet" href="/hostile.css">', viewport: { width: 360, height: 800 } });
  const widget = page.locator('#w');
  assert.equal(await widget.evaluate((el) => getComputedStyle(el).display), 'block');
  const start = widget.getByRole('button', { name: 'Start' });
  assert.notEqual(await start.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 0, 0)');
  for (const step of await walkToResult(page, '#w', en)) assert.deepEqual(step.outside, []);
  // The three charts (what each answer contributed, the comparison, the costs) stay visible.
  assert.equal(await widget.locator('svg[role=img]').count(), 3);
  for (const chart of await widget.locator('svg[role=img]').all()) assert.ok(await chart.isVisible());
  // The tables, opened on the way (walkToResult), show.
  assert.ok(await widget.locator('table.data-table').isVisible());
  assert.ok(await widget.locator('table.contribution-table').isVisible());
  await page.screenshot({ path: artifact('hostile.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe.html shows the widget from its query string and reports its height to the parent', async () => {
  script('/parent.js', `
    window.heights = [];
    window.messages = [];
    addEventListener('message', (e) => {
      window.messages.push(e.data.type);
      if (e.data?.type === 'ovp:resize') {
        window.heights.push(e.data.height);
        for (const frame of document.querySelectorAll('iframe')) {
          if (frame.contentWindow === e.source) frame.style.height = e.data.height + 'px';
        }
      }
    });`);
  const { page, errors } = await openPage({ path: '/parent.html',
    body: `<iframe id="f" src="/iframe.html?lang=en&theme=dark&src=content/databases.json&parent=${encodeURIComponent(env.server.url)}" title="Quiz" style="width:100%;border:0"></iframe>`,
    head: '<script src="/parent.js"></script>' });
  const frame = page.frameLocator('#f');
  await frame.locator('open-vs-proprietary .intro button').click();
  // The frame follows the widget's height through the messages: wait for the first
  // question's height to have arrived, however many messages that took.
  const sizes = () => page.locator('#f').evaluate((f) => ({
    frame: f.getBoundingClientRect().height,
    widget: Math.ceil(f.contentDocument.querySelector('open-vs-proprietary').getBoundingClientRect().height),
    question: !!f.contentDocument.querySelector('open-vs-proprietary').shadowRoot?.querySelector('fieldset'),
  }));
  await page.waitForFunction(() => {
    const f = document.getElementById('f');
    const widget = f.contentDocument?.querySelector('open-vs-proprietary');
    return !!widget?.shadowRoot?.querySelector('fieldset')
      && Math.abs(f.getBoundingClientRect().height - Math.ceil(widget.getBoundingClientRect().height)) <= 1;
  }, null, { timeout: 10000 }).catch(async () => {
    throw new Error(`the iframe never took the first question's height: ${JSON.stringify(await sizes())}, heights posted ${await page.evaluate(() => window.heights.join(', '))}`);
  });
  assert.ok((await page.evaluate(() => window.heights)).length >= 2, 'a height for the intro and one for the question');
  assert.equal(await frame.locator('open-vs-proprietary').getAttribute('theme'), 'dark');
  assert.equal(await frame.locator('open-vs-proprietary legend .step-count').textContent(), `Step 1 of ${databases.questions.length}`);
  const messages = await page.evaluate(() => window.messages);
  assert.ok(messages.includes('ovp:ready'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('moving between questions never pulls the page below the widget up', async () => {
  const { page, errors } = await openPage({ path: '/steady.html', body: '<open-vs-proprietary id="w"></open-vs-proprietary><p id="below">After the quiz</p>',
    viewport: { width: 280, height: 700 } });
  const widget = page.locator('#w');
  // Where the text below the widget sits once a step is on screen and painted.
  const below = async () => {
    await afterPaint(page);
    return page.locator('#below').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  };
  await advance(widget, () => widget.locator('.intro button').click(), { number: 1 });
  const tops = [await below()];
  for (const [q, question] of en.questions.slice(0, -1).entries()) {
    await widget.getByRole('radio', { name: question.options[0].label, exact: true }).check();
    await advance(widget, () => widget.locator('button[type=submit]').click(), { number: q + 2 });
    tops.push(await below());
  }
  for (let i = 0; i < 4; i++) {
    await advance(widget, () => widget.getByRole('button', { name: 'Back' }).click(), { number: en.questions.length - 1 - i });
    tops.push(await below());
  }
  for (let i = 1; i < tops.length; i++) assert.ok(tops[i] >= tops[i - 1], `the text below moved up: ${tops.join(', ')}`);
  assert.ok(tops[0] < tops.at(-1) || new Set(tops).size === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the prerendered intro shows before the Wasm arrives, and mounting shifts nothing', async () => {
  // Hold the Wasm back to see what a reader sees before it arrives.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, errors, events, requests } = await openPage({
    viewport: { width: 360, height: 800 },
    init: async (page) => {
      await recordLayoutShifts(page);
      await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    },
  });
  const widget = page.locator('#ai-choice');
  assert.equal(await widget.locator('h2.title').textContent(), en.title);
  assert.ok(await widget.getByRole('button', { name: 'Start' }).isVisible());
  const before = await widget.locator('section.ovp').evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.deepEqual(await events(), [], 'nothing mounted yet');

  release();
  await page.waitForFunction(() => window.__ovpEvents.some((e) => e.type === 'ovp:ready'));
  await afterPaint(page);
  const after = await widget.locator('section.ovp').evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.deepEqual(after, before, 'the mounted intro sits exactly where the prerendered one was');
  assert.deepEqual(await layoutShifts(page), [], 'layout shifts (CLS entries)');
  // The live widget's stylesheet is copied from the prerendered intro's parsed link,
  // not fetched a second time.
  const stylesheetRequests = requests.filter((url) => url.endsWith('/widget.css'));
  assert.equal(stylesheetRequests.length, 1, stylesheetRequests.join('\n'));
  assert.ok(await widget.evaluate((el) => el.shadowRoot.adoptedStyleSheets[0].cssRules.length > 50));
  await advance(widget, () => widget.getByRole('button', { name: 'Start' }).click(), { screen: 'question', number: 1 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Start pressed on the prerendered intro before the Wasm arrives is not lost', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, errors } = await openPage({
    viewport: { width: 1000, height: 800 },
    init: (page) => page.route('**/*.wasm', async (route) => { await held; await route.continue(); }),
  });
  const widget = page.locator('#ai-choice');
  const start = widget.getByRole('button', { name: 'Start' });
  await start.click();
  assert.equal(await widget.locator('fieldset').count(), 0, 'nothing happens before the widget is live');
  // But the press shows it was heard: the button is busy, with a spinner drawn on it,
  // and the status line says the quiz is loading.
  assert.equal(await start.getAttribute('aria-busy'), 'true');
  assert.equal(await start.evaluate((el) => getComputedStyle(el, '::after').borderTopStyle), 'solid', 'the spinner');
  assert.equal(await widget.getByRole('status').textContent(), 'Loading the quiz…');
  release();
  await waitForStep(widget, { screen: 'question', number: 1 });
  assert.equal(await widget.locator('legend .step-count').textContent(), `Step 1 of ${en.questions.length}`);
  assert.equal(await widget.locator('[aria-busy]').count(), 0, 'the live widget is not busy');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a widget.css that fails to load is reported, and a re-inserted widget tries again', async () => {
  env.server.routes.set('/widget.css', { status: 404, body: 'gone' });
  const { page, errors, events } = await openPage({ path: '/no-css.html',
    body: '<button id="host-button" onclick="this.textContent = \'clicked\'">host</button><open-vs-proprietary id="w"></open-vs-proprietary>' });
  await page.waitForFunction(() => window.__ovpEvents.some((e) => e.type === 'ovp:error'));
  const error = (await events()).find((e) => e.type === 'ovp:error');
  assert.equal(error.target, 'w');
  assert.match(error.detail.message, /widget\.css answered HTTP 404/);
  assert.ok(errors.some((e) => e.includes('widget.css')), errors.join('\n'));
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-button'), 'clicked', 'the host page keeps working');

  env.server.routes.delete('/widget.css');
  await page.evaluate(() => {
    const widget = document.getElementById('w');
    widget.remove();
    document.body.append(widget);
  });
  await page.locator('#w').getByRole('button', { name: 'Start' }).click();
  await page.locator('#w').getByRole('radio').first().waitFor();
  await page.close();
});
