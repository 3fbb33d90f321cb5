// A panic inside the Wasm stops only the widget it happened in: that widget shows a small
// panel with Retry and the details go to the console; its neighbours and the host page
// keep working, and Retry brings the quiz back with the reader's answers. The panic is
// provoked through a test-only hook (`armPanic()`, cargo feature `test-hooks`), so these
// tests run against target/dist-test-hooks/, and one checks the release build lacks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DIST, DIST_TEST_HOOKS, useBrowser, openPage as open, pack, artifact, advance, waitForStep } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const en = pack('en');
const total = en.questions.length;
const env = useBrowser({
  root: DIST_TEST_HOOKS,
  check: () => access(`${DIST_TEST_HOOKS}embed.js`).catch(() => {
    throw new Error(`no test build in ${DIST_TEST_HOOKS}: scripts/test.sh builds it with --features test-hooks`);
  }),
});

/** A page whose widgets are mounted with mount() (the test needs their handles), plus a button of the page's own. */
async function openPage(context, path, widgets) {
  env.server.routes.set(`${path}.js`, {
    type: 'text/javascript',
    body: `import { mount } from '/embed.js';
      const count = document.getElementById('page-count');
      document.getElementById('page-button').addEventListener('click', () => { count.value = Number(count.value) + 1; });
      window.handles = {};
      for (const { id, options } of ${JSON.stringify(widgets)}) window.handles[id] = await mount(document.getElementById(id), options);
      window.ready = true;`,
  });
  const opened = await open({
    context,
    path,
    // Counts the Wasm instances the page makes (one per live widget, pooled).
    init: (page) => page.addInitScript(() => {
      window.instancesMade = 0;
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = function (...args) {
        window.instancesMade += 1;
        return instantiate.apply(this, args);
      };
    }),
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
      <script type="module" src="${path}.js"></script></head><body>
      <p><button id="page-button" type="button">The page's own button</button> clicked <output id="page-count">0</output> times</p>
      ${widgets.map(({ id }) => `<div id="${id}"></div>`).join('')}</body></html>`,
  });
  await opened.page.waitForFunction(() => window.ready);
  // The panic tests expect some console errors and uncaught traps, and look at each kind.
  return { ...opened, consoleErrors: opened.errors.console, uncaught: opened.errors.uncaught };
}

/** Starts `widget` and answers the first question with option `pick`; it ends on step 2. */
async function answerFirst(widget, pick) {
  await advance(widget, () => widget.locator('.intro button').click(), { number: 1 });
  await widget.getByRole('radio', { name: en.questions[0].options[pick].label }).check();
  await advance(widget, () => widget.locator('button[type=submit]').click(), { number: 2 });
  assert.equal(await widget.locator('legend .step-count').textContent(), `Step 2 of ${total}`);
}

/** Back from step 2: the first answer is still `pick`; then Next returns to step 2. */
async function firstAnswerIs(widget, pick) {
  await advance(widget, () => widget.getByRole('button', { name: 'Back' }).click(), { number: 1 });
  const kept = await widget.getByRole('radio', { name: en.questions[0].options[pick].label }).isChecked();
  await advance(widget, () => widget.getByRole('button', { name: 'Next', exact: true }).click(), { number: 2 });
  return kept;
}

test('a panic in one of three widgets shows a panel with Retry there; the others and the page keep working', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page, consoleErrors, uncaught, requests, events } = await openPage(context, '/three.html',
    ['w1', 'w2', 'w3'].map((id) => ({ id, options: {} })));
  const [w1, w2, w3] = ['#w1', '#w2', '#w3'].map((id) => page.locator(id));
  await answerFirst(w1, 0);
  await answerFirst(w2, 1);
  await answerFirst(w3, 2);
  assert.deepEqual(consoleErrors, []);

  // Widget 2's next action panics inside its quiz reducer, in a Yew callback.
  await page.evaluate(() => window.handles.w2.armPanic());
  await w2.getByRole('radio', { name: en.questions[1].options[0].label }).click();
  const panel = w2.getByRole('alert');
  await panel.waitFor();
  assert.equal(await panel.locator('h2').textContent(), 'Something went wrong');
  assert.equal(await panel.locator('p').textContent(), 'Reload the page or try again.');
  assert.equal(await w2.locator('fieldset').count(), 0, 'the broken quiz is gone');
  const retry = panel.getByRole('button', { name: 'Retry' });
  // The reader was inside the widget, so focus moved to Retry rather than to the page.
  assert.equal(await retry.evaluate((button) => button.getRootNode().activeElement === button), true);
  await page.locator('#page-button').focus();
  await retry.focus();
  assert.equal(await retry.evaluate((button) => button.matches(':focus-visible, :focus')), true);

  // The host page hears of it, and the console has the details: the message and the stack.
  const errorEvents = (await events()).filter((e) => e.type === 'ovp:error');
  assert.equal(errorEvents.length, 1);
  assert.equal(errorEvents[0].target, 'w2');
  assert.equal(errorEvents[0].detail.path, '');
  assert.match(errorEvents[0].detail.message, /a panic provoked on purpose/);
  assert.equal(consoleErrors.length, 1, consoleErrors.join('\n'));
  assert.match(consoleErrors[0], /^open-vs-proprietary: internal error, the widget stopped: test hook: a panic provoked on purpose by armPanic\(\)/);
  // The trap itself surfaces once, in the click handler that hit it; nothing else throws.
  assert.ok(uncaught.length <= 1 && uncaught.every((m) => /unreachable/.test(m)), uncaught.join('\n'));

  // Widgets 1 and 3 still answer clicks and kept their answers; so does the page.
  for (const [widget, id, pick] of [[w1, 'w1', 0], [w3, 'w3', 2]]) {
    assert.equal(await firstAnswerIs(widget, pick), true, `${id} kept its answer`);
    await widget.getByRole('radio', { name: en.questions[1].options[pick].label }).check();
    await advance(widget, () => widget.locator('button[type=submit]').click(), { number: 3 });
  }
  await page.locator('#page-button').click();
  assert.equal(await page.locator('#page-count').textContent(), '1');
  const answersAfter = (await events()).slice((await events()).findIndex((e) => e.type === 'ovp:error'))
    .filter((e) => e.type === 'ovp:answer').map((e) => e.target);
  assert.deepEqual(answersAfter, ['w1', 'w3']);
  await page.screenshot({ path: artifact('panic-three-widgets.png'), fullPage: true });

  // Retry brings widget 2's quiz back, on a fresh instance, with its earlier answer; an
  // impatient double click still mounts one quiz.
  const instancesMade = () => page.evaluate(() => window.instancesMade);
  assert.equal(await instancesMade(), 3, 'a Wasm instance for each widget');
  const eventsBeforeRetry = (await events()).length;
  await retry.dblclick();
  await waitForStep(w2, { screen: 'question', number: 2 });
  assert.equal(await w2.locator('fieldset').count(), 1);
  assert.equal(await w2.getByRole('alert').count(), 0);
  assert.equal(await firstAnswerIs(w2, 1), true, 'w2 kept its answer through the panic');
  await w2.getByRole('radio', { name: en.questions[1].options[0].label }).check();
  await advance(w2, () => w2.locator('button[type=submit]').click(), { number: 3 });
  // By now the widget has long dealt with both clicks: they made one new instance and
  // one mount (one ovp:ready).
  assert.equal(await instancesMade(), 4);
  const afterRetry = (await events()).slice(eventsBeforeRetry);
  assert.deepEqual(afterRetry.filter((e) => e.type === 'ovp:ready').map((e) => e.target), ['w2']);
  // Its handle drives the new instance; the other two are untouched.
  await advance(w2, () => page.evaluate(() => window.handles.w2.reset()), { screen: 'intro' });
  assert.equal(await w1.locator('legend .step-count').textContent(), `Step 3 of ${total}`);
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1, 'the module is fetched and compiled once');
  // Three instances (and a fourth after Retry), one stylesheet.
  assert.equal(await page.evaluate(() => new Set(['w1', 'w2', 'w3']
    .map((id) => document.getElementById(id).shadowRoot.adoptedStyleSheets[0])).size), 1);
  assert.equal(consoleErrors.length, 1, consoleErrors.join('\n'));
  await context.close();
});

test('with storage "none", Retry after a panic starts the quiz from its first screen, as the README says', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page } = await openPage(context, '/unsaved.html', [{ id: 'w', options: { storage: 'none' } }]);
  const widget = page.locator('#w');
  await answerFirst(widget, 1);
  await page.evaluate(() => window.handles.w.armPanic());
  await widget.getByRole('radio', { name: en.questions[1].options[0].label }).click();
  await widget.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
  await waitForStep(widget, { screen: 'intro' });
  assert.equal(await widget.getByRole('alert').count(), 0);
  // A working quiz, with nothing of the earlier answers.
  await advance(widget, () => widget.locator('.intro button').click(), { number: 1 });
  assert.equal(await widget.locator('input[type=radio]:checked').count(), 0);
  await context.close();
});

test('the panel speaks the widget\'s language; destroy() removes it and reset() leaves it be', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const { page, uncaught } = await openPage(context, '/zh.html', [{ id: 'zh', options: { lang: 'zh' } }]);
  const widget = page.locator('#zh');
  await advance(widget, () => widget.getByRole('button', { name: '开始' }).click(), { number: 1 });
  await page.evaluate(() => window.handles.zh.armPanic());
  await widget.locator('input[type=radio]').first().click();
  const panel = widget.getByRole('alert');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('lang'), 'zh');
  assert.equal(await panel.locator('h2').textContent(), '出了点问题');
  assert.equal(await panel.locator('p').textContent(), '请重新加载页面，或者重试。');
  assert.equal(await panel.getByRole('button', { name: '重试' }).count(), 1);
  await page.screenshot({ path: artifact('panic-panel-zh-360.png') });
  // No call reaches the dead instance: both are quiet no-ops or remove the panel.
  await page.evaluate(() => window.handles.zh.reset());
  assert.equal(await panel.count(), 1);
  await page.evaluate(() => { window.handles.zh.destroy(); window.handles.zh.destroy(); });
  assert.equal(await widget.evaluate((host) => host.shadowRoot.childNodes.length), 0);
  assert.ok(uncaught.every((m) => /unreachable/.test(m)), uncaught.join('\n'));
  await context.close();
});

test('the panel at 360 and 1200 px, light and dark: themed, no axe violation, screenshots', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1200]) {
      const context = await env.browser.newContext({ viewport: { width, height: 700 }, colorScheme });
      const { page } = await openPage(context, '/shot.html', [{ id: 'shot', options: {} }]);
      const widget = page.locator('#shot');
      await advance(widget, () => widget.locator('.intro button').click(), { number: 1 });
      await page.evaluate(() => window.handles.shot.armPanic());
      await widget.locator('input[type=radio]').first().click();
      await widget.getByRole('alert').waitFor();
      // The panel keeps the widget's theme: its heading is in the error colour, not the page's text colour.
      const colours = await widget.locator('section.error-panel').evaluate((section) => ({
        heading: getComputedStyle(section.querySelector('h2')).color,
        text: getComputedStyle(section).color,
      }));
      assert.notEqual(colours.heading, colours.text);
      // The same accessibility bar as the widget's own screens (a11y.test.mjs).
      await page.addScriptTag({ path: AXE });
      const axe = await page.evaluate(async () => {
        const results = await window.axe.run({ include: [['#shot']] }, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          rules: { 'target-size': { enabled: true } },
        });
        return { violations: results.violations.map((v) => `${v.id}: ${v.help}`), passes: results.passes.map((p) => p.id) };
      });
      assert.deepEqual(axe.violations, [], `${width} px, ${colorScheme}`);
      for (const rule of ['button-name', 'color-contrast', 'target-size']) assert.ok(axe.passes.includes(rule), `axe checked ${rule} on the panel`);
      await page.screenshot({ path: artifact(`panic-panel-${width}-${colorScheme}.png`) });
      await context.close();
    }
  }
});

test('the release build has no test hook in it', async () => {
  // The Wasm's export, and the glue's binding of it inside embed.js (whose own code
  // offers armPanic only where the glue has it).
  for (const [file, hook] of [['embed.js', 'widgethandle_armPanic'], ['open-vs-proprietary_bg.wasm', 'armPanic']]) {
    const hooked = await readFile(`${DIST_TEST_HOOKS}${file}`, 'latin1');
    const release = await readFile(`${DIST}${file}`, 'latin1');
    assert.ok(hooked.includes(hook), `the test build's ${file} names the hook (so this check can fail)`);
    assert.ok(!release.includes(hook), `dist/${file} contains ${hook}`);
    assert.ok(!release.includes('test hook'), `dist/${file} contains the test hook's panic message`);
  }
});
