// Content from every source the embed contract allows (inline JSON, `src`, mount
// options, the built-in pack for the page's language) and the error panel for every
// way content can be wrong, each next to a widget that keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { useBrowser, openPage, pack, takeQuiz, answersFor, waitForStep, held } from './harness.mjs';

const en = pack('en');
const zh = pack('zh');
const databases = pack('databases');
const env = useBrowser({ otherOrigin: true }); // a second port is a second origin, without CORS headers

const inline = (json, id) => `<open-vs-proprietary id="${id}"><script type="application/json">${
  JSON.stringify(json).replaceAll('<', '\\u003c')}</script></open-vs-proprietary>`;

/** Takes the whole quiz in the widget `id`, always choosing the first option; resolves to the result's heading. */
async function finishQuiz(page, id, content) {
  const widget = page.locator(`#${id}`);
  await takeQuiz(widget, answersFor(content, () => 0));
  return widget.locator('h2.result-heading').textContent();
}

test('inline content on another topic runs the whole quiz', async () => {
  const { page, errors, events } = await openPage({ path: '/inline.html', body: inline(databases, 'db') });
  const widget = page.locator('#db');
  assert.equal(await widget.locator('h2.title').textContent(), databases.title);
  // The pack's own UI strings replace the built-in ones.
  assert.equal(await widget.locator('section.ovp').getAttribute('aria-label'), databases.ui.widgetLabel);
  const heading = await finishQuiz(page, 'db', databases);
  const complete = (await events()).find((e) => e.type === 'ovp:complete');
  const approach = databases.approaches.find((a) => a.id === complete.detail.recommendation);
  assert.ok(heading.endsWith(approach.name));
  assert.equal(await widget.locator('table.data-table tbody tr').count(), databases.dimensions.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('content from a src URL, and from mount() options', async () => {
  env.server.routes.set('/packs/db.json', { body: JSON.stringify(databases), type: 'application/json' });
  env.server.routes.set('/mount.js', {
    type: 'text/javascript',
    body: `import { mount } from '/embed.js';
      const pack = await (await fetch('/packs/db.json')).json();
      pack.title = 'Mounted from an object';
      await mount(document.getElementById('by-object'), { content: pack });
      await mount(document.getElementById('by-url'), { contentUrl: '/packs/db.json' });`,
  });
  const { page, errors } = await openPage({ path: '/src.html', body: `
    <open-vs-proprietary id="by-src" src="packs/db.json"></open-vs-proprietary>
    <div id="by-object"></div><div id="by-url"></div>
    <script type="module" src="/mount.js"></script>` });
  assert.equal(await page.locator('#by-src h2.title').textContent(), databases.title);
  assert.equal(await page.locator('#by-object h2.title').textContent(), 'Mounted from an object');
  assert.equal(await page.locator('#by-url h2.title').textContent(), databases.title);
  await finishQuiz(page, 'by-src', databases);
  assert.deepEqual(errors, []);
  await page.close();
});

test('inline content wins over src, and src over the built-in pack', async () => {
  // Three packs with three titles: the inline one, the src one, the built-in one.
  const inlinePack = structuredClone(en);
  inlinePack.title = 'The inline pack';
  const { page, errors } = await openPage({ path: '/precedence.html', body: `
    <open-vs-proprietary id="both" src="content/databases.json"><script type="application/json">${
      JSON.stringify(inlinePack)}</script></open-vs-proprietary>
    <open-vs-proprietary id="src-only" src="content/databases.json"></open-vs-proprietary>
    <open-vs-proprietary id="neither"></open-vs-proprietary>` });
  assert.equal(await page.locator('#both h2.title').textContent(), inlinePack.title);
  // The src pack, not the built-in one, whose title differs.
  assert.notEqual(databases.title, en.title);
  await waitForStep(page.locator('#src-only'), { screen: 'intro' });
  assert.equal(await page.locator('#src-only h2.title').textContent(), databases.title);
  assert.equal(await page.locator('#neither h2.title').textContent(), en.title);
  assert.deepEqual(errors, []);
  await page.close();
});

test('invalid inline content shows every problem, fires ovp:error, and leaves the other widget working', async () => {
  const bad = structuredClone(databases);
  bad.qestions = bad.questions; // a typo must not pass silently
  const worse = structuredClone(databases);
  worse.questions[1].options[0].weights = { opne: 1 };
  // A duplicate option id (a duplicate approach id would also orphan every reference to
  // the one it replaced, more problems than the panel lists).
  worse.questions[0].options[1].id = worse.questions[0].options[0].id;
  worse.title = '  ';
  const { page, errors, events } = await openPage({ path: '/invalid.html', body: inline(bad, 'typo') + inline(worse, 'many') + inline(en, 'good') });

  const typoPanel = page.locator('#typo').getByRole('alert');
  assert.match(await typoPanel.textContent(), /unknown field `qestions`/);
  const manyPanel = page.locator('#many').getByRole('alert');
  const items = await manyPanel.locator('li').allTextContents();
  assert.ok(items.length >= 3, items.join('\n'));
  assert.ok(items.some((i) => i.startsWith('questions[1].options[0].weights.opne: "opne" is not an approach')), items.join('\n'));
  assert.ok(items.some((i) => i.startsWith('title: is empty')));
  assert.ok(items.some((i) => i.includes('is used twice')));
  assert.equal(await manyPanel.getByRole('button', { name: 'Retry' }).count(), 0, 'no Retry for content an author must fix');

  const errorEvents = (await events()).filter((e) => e.type === 'ovp:error');
  assert.deepEqual(errorEvents.map((e) => e.target).sort(), ['many', 'typo']);
  const typoEvent = errorEvents.find((e) => e.target === 'typo').detail;
  assert.equal(typoEvent.path, 'qestions');
  assert.match(typoEvent.message, /qestions/);
  // The full list also goes to the console, for the author; the panel shows every one.
  const logged = errors.console.find((e) => e.includes('questions[1].options[0].weights.opne'));
  assert.ok(logged, errors.join('\n'));
  const list = logged.split('\n').slice(1);
  assert.ok(list.length <= 20, 'all fit in the panel');
  assert.deepEqual(items, list);

  await finishQuiz(page, 'good', en);
  await page.close();
});

test('a src with an integrity attribute is used only if the pack matches its hash', async () => {
  const body = JSON.stringify(databases);
  const hash = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  env.server.routes.set('/packs/mine.json', { body, type: 'application/json' });
  const { page, errors } = await openPage({ path: '/integrity.html', body: `
    <open-vs-proprietary id="right" loading="eager" src="packs/mine.json" integrity="${hash}"></open-vs-proprietary>
    <open-vs-proprietary id="wrong" loading="eager" src="packs/mine.json" integrity="sha384-${'A'.repeat(64)}"></open-vs-proprietary>` });
  await waitForStep(page.locator('#right'), { screen: 'intro' });
  assert.equal(await page.locator('#right h2.title').textContent(), databases.title);
  const panel = page.locator('#wrong').getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.textContent(), /packs\/mine\.json could not be fetched: .*does not match the integrity hash it must have/);
  assert.ok(errors.some((e) => e.includes('integrity')), errors.join('\n'));
  await page.close();
});

test('a src that is missing, not JSON, too slow or blocked by CORS says which, and Retry recovers', async () => {
  env.server.routes.set('/packs/missing.json', { status: 404, body: 'no' });
  env.server.routes.set('/packs/html.json', { body: '<!doctype html><p>Oops</p>', type: 'text/html' });
  // Held until the test has seen the widget give up on it (after its 10 s limit).
  const slow = held();
  env.server.routes.set('/packs/slow.json', { body: JSON.stringify(en), type: 'application/json', until: slow.until });
  env.otherOrigin.routes.set('/elsewhere.json', { body: JSON.stringify(en), type: 'application/json' });
  const { page, events } = await openPage({ path: '/broken.html', body: `
    <open-vs-proprietary id="missing" src="packs/missing.json"></open-vs-proprietary>
    <open-vs-proprietary id="html" src="packs/html.json"></open-vs-proprietary>
    <open-vs-proprietary id="slow" src="packs/slow.json"></open-vs-proprietary>
    <open-vs-proprietary id="cors" src="${env.otherOrigin.url}elsewhere.json"></open-vs-proprietary>
    <open-vs-proprietary id="fine"></open-vs-proprietary>` });

  const panel = (id) => page.locator(`#${id}`).getByRole('alert');
  assert.match(await panel('missing').textContent(), /packs\/missing\.json was not found \(HTTP 404\)/);
  assert.match(await panel('html').textContent(), /an HTML page, not JSON/);
  assert.equal(await panel('html').getByRole('button', { name: 'Retry' }).count(), 1, 'a file on a server can be fixed and fetched again');
  assert.match(await panel('cors').textContent(), /could not be fetched.*CORS/);
  assert.equal(await page.locator('#slow').getByRole('status').textContent(), 'Loading the quiz…');
  await panel('slow').waitFor({ timeout: 20000 });
  assert.match(await panel('slow').textContent(), /did not arrive within 10 seconds/);
  slow.release();

  const paths = (await events()).filter((e) => e.type === 'ovp:error').map((e) => `${e.target} ${e.detail.path}`).sort();
  assert.deepEqual(paths, ['cors src', 'html ', 'missing src', 'slow src']);

  // The file appears; Retry loads it without reloading the page.
  env.server.routes.set('/packs/missing.json', { body: JSON.stringify(databases), type: 'application/json' });
  await panel('missing').getByRole('button', { name: 'Retry' }).click();
  assert.equal(await page.locator('#missing h2.title').textContent(), databases.title);

  await finishQuiz(page, 'fine', en);
  await page.close();
});

test('markup, bidi controls and endless words in content stay harmless text', async () => {
  const hostile = structuredClone(databases);
  hostile.title = '<img src=x onerror="window.__pwned=1">Title';
  hostile.intro = `\u202Egnp.exe ${'W'.repeat(400)} \u2066isolated\u2069 end`;
  hostile.questions[0].options[0].label = '<b>bold?</b>';
  hostile.questions[0].options[1].label = 'x'.repeat(300);
  const { page } = await openPage({ path: '/markup.html', body: inline(hostile, 'x'), viewport: { width: 360, height: 800 } });
  const widget = page.locator('#x');
  assert.equal(await widget.locator('h2.title').textContent(), hostile.title);
  assert.equal(await widget.locator('.intro .lede').textContent(), hostile.intro);
  const inside = () => widget.locator('section.ovp').evaluate((section) => {
    const box = section.getBoundingClientRect();
    return [...section.querySelectorAll('*')].every((el) => el.getBoundingClientRect().right <= box.right + 0.5)
      && document.documentElement.scrollWidth <= document.documentElement.clientWidth;
  });
  assert.ok(await inside(), 'long words wrap inside the widget');
  await takeQuiz(widget, [], { through: 'questions' });
  assert.equal(await widget.getByRole('radio', { name: '<b>bold?</b>' }).count(), 1);
  assert.ok(await inside(), 'long option labels wrap inside the widget');
  assert.equal(await widget.locator('img, b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('a Chinese page gets the Chinese pack with no English UI left, on any step or the whole result', async () => {
  const { page, errors } = await openPage({ path: '/zh.html', body: '<open-vs-proprietary id="zh"></open-vs-proprietary>', lang: 'zh-CN' });
  const widget = page.locator('#zh');
  assert.equal(await widget.locator('h2.title').textContent(), zh.title);
  const seen = [];
  const screens = [];
  await takeQuiz(widget, answersFor(zh, () => 1), {
    onStep: async (step) => {
      screens.push(step.screen);
      seen.push(await widget.locator('section.ovp').textContent());
      // Text drawn in the charts (their titles, descriptions, labels and legends) too.
      seen.push(await widget.locator('svg title, svg desc, svg text').allTextContents().then((t) => t.join(' ')));
    },
  });
  assert.deepEqual(screens, ['intro', ...zh.questions.map(() => 'question'), 'summary', 'result']);
  // Read on the whole result: the three charts and their tables were there.
  assert.equal(await widget.locator('svg[role=img]').count(), 3);
  assert.equal(await widget.locator('table').count(), 3);
  assert.equal(await widget.locator('.facts li').count(), zh.facts.length);
  const text = seen.join('\n');
  for (const english of ['Start', 'Next', 'Back', 'See result', 'Check your answers', 'Step ', 'Retake', 'Score per approach', 'Why',
    'How the approaches compare', 'How each answer', 'Ratings from', 'Dimension', 'Source:', 'points', 'Facts behind',
    'Download', 'Copy link', 'ruled out']) {
    assert.ok(!text.includes(english), `English UI text "${english}" left in the zh widget`);
  }
  const last = zh.questions.length;
  assert.ok(text.includes(`第 ${last} 步，共 ${last} 步`), 'the step count in Chinese');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pack that names no widget is named by its title, in the built-in quiz too', async () => {
  const { ui: { widgetLabel, ...ui }, ...rest } = databases;
  assert.ok(widgetLabel, 'the databases pack names its widget');
  const unnamed = { ...rest, ui };
  const { page, errors } = await openPage({ path: '/unnamed.html', body: `${inline(unnamed, 'db')}<open-vs-proprietary id="builtin"></open-vs-proprietary>` });
  await page.locator('#db').locator('h2.title').waitFor();
  assert.equal(await page.getByRole('region', { name: databases.title }).count(), 1, 'the inline pack is named by its title');
  await page.locator('#builtin').locator('h2.title').waitFor();
  assert.equal(await page.locator('#builtin section.ovp').getAttribute('aria-label'), en.title);
  assert.deepEqual(errors, []);
  await page.close();
});
