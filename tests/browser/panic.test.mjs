// A panic inside the Wasm stops only the widget it happened in: that widget shows a small
// panel with Retry and the details go to the console; its neighbours (which shared its
// Wasm instance, and move to another) and the host page keep working with their readers'
// answers, and Retry brings the quiz back with what storage kept. The panic is
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
    // Counts the Wasm instances the page makes (widgets share them); not the result's
    // code joined to one, whose imports come from the `primary` it joins.
    init: (page) => page.addInitScript(() => {
      window.instancesMade = 0;
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = function (...args) {
        if (!args[1]?.primary) window.instancesMade += 1;
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

/** Waits until `widget` runs again after a move: its quiz is on screen and not inert (the dead instance's is). */
function moved(widget) {
  return widget.locator('.ovp-root:not([inert]) fieldset legend').waitFor();
}

test('a panic in one of three widgets shows a panel with Retry there; the others and the page keep working', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  // Widgets 1 and 3 keep nothing in storage: what they keep through the panic is carried.
  const { page, consoleErrors, uncaught, requests, events } = await openPage(context, '/three.html',
    [['w1', { storage: 'none' }], ['w2', {}], ['w3', { storage: 'none' }]].map(([id, options]) => ({ id, options })));
  const instancesMade = () => page.evaluate(() => window.instancesMade);
  assert.equal(await instancesMade(), 1, 'the three widgets share one Wasm instance');
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

  // Widgets 1 and 3 moved to a new instance, on the step they were on; they still answer
  // clicks and kept their answers; so does the page.
  await moved(w1);
  await moved(w3);
  assert.equal(await instancesMade(), 2, 'one new instance for the two that moved');
  for (const [widget, id, pick] of [[w1, 'w1', 0], [w3, 'w3', 2]]) {
    assert.equal(await widget.locator('legend .step-count').textContent(), `Step 2 of ${total}`);
    assert.equal(await firstAnswerIs(widget, pick), true, `${id} kept its answer`);
    await widget.getByRole('radio', { name: en.questions[1].options[pick].label }).check();
    await advance(widget, () => widget.locator('button[type=submit]').click(), { number: 3 });
  }
  await page.locator('#page-button').click();
  assert.equal(await page.locator('#page-count').textContent(), '1');
  const answersAfter = (await events()).slice((await events()).findIndex((e) => e.type === 'ovp:error'))
    .filter((e) => e.type === 'ovp:answer').map((e) => e.target);
  assert.deepEqual(answersAfter, ['w1', 'w3']);
  // The page heard each widget was ready once: a move is not a new widget.
  assert.deepEqual((await events()).filter((e) => e.type === 'ovp:ready').map((e) => e.target), ['w1', 'w2', 'w3']);
  await page.screenshot({ path: artifact('panic-three-widgets.png'), fullPage: true });

  // Retry brings widget 2's quiz back, on a sound instance, with its earlier answer from
  // storage; an impatient double click still mounts one quiz.
  const eventsBeforeRetry = (await events()).length;
  await retry.dblclick();
  await waitForStep(w2, { screen: 'question', number: 2 });
  assert.equal(await w2.locator('fieldset').count(), 1);
  assert.equal(await w2.getByRole('alert').count(), 0);
  assert.equal(await firstAnswerIs(w2, 1), true, 'w2 kept its answer through the panic');
  await w2.getByRole('radio', { name: en.questions[1].options[0].label }).check();
  await advance(w2, () => w2.locator('button[type=submit]').click(), { number: 3 });
  // By now the widget has long dealt with both clicks: one mount (one ovp:ready), in the
  // instance its neighbours moved to.
  assert.equal(await instancesMade(), 2);
  const afterRetry = (await events()).slice(eventsBeforeRetry);
  assert.deepEqual(afterRetry.filter((e) => e.type === 'ovp:ready').map((e) => e.target), ['w2']);
  // Its handle drives the new instance; the other two are untouched.
  await advance(w2, () => page.evaluate(() => window.handles.w2.reset()), { screen: 'intro' });
  assert.equal(await w1.locator('legend .step-count').textContent(), `Step 3 of ${total}`);
  assert.equal(requests.filter((url) => url.endsWith('/open-vs-proprietary_bg.wasm')).length, 1, 'the module is fetched and compiled once');
  assert.ok(requests.filter((url) => url.endsWith('/open-vs-proprietary_result.wasm')).length <= 1, 'the result\'s code is fetched once at most');
  // One stylesheet for every widget and instance.
  assert.equal(await page.evaluate(() => new Set(['w1', 'w2', 'w3']
    .map((id) => document.getElementById(id).shadowRoot.adoptedStyleSheets[0])).size), 1);
  assert.equal(consoleErrors.length, 1, consoleErrors.join('\n'));
  await context.close();
});

test('a panic in a timer, which no widget can be blamed for, moves each of the three to an instance of its own, where it was; the next panic stops only its widget', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page, consoleErrors, events } = await openPage(context, '/timer.html',
    ['t1', 't2', 't3'].map((id) => ({ id, options: { storage: 'none' } })));
  const widgets = ['#t1', '#t2', '#t3'].map((id) => page.locator(id));
  for (const [i, widget] of widgets.entries()) await answerFirst(widget, i);
  await page.evaluate(() => window.handles.t2.panicSoon());
  await page.waitForFunction(() => window.instancesMade === 4);
  for (const widget of widgets) await moved(widget);
  assert.equal(await page.getByRole('alert').count(), 0, 'no widget stopped');
  assert.deepEqual((await events()).filter((e) => e.type === 'ovp:error'), []);
  assert.equal(consoleErrors.length, 1, 'the panic is logged');
  assert.match(consoleErrors[0], /panicSoon\(\), in a timer/);
  // Nobody touched them since: the second panic, in t2's own instance, is t2's alone.
  await page.evaluate(() => window.handles.t2.panicSoon());
  await widgets[1].getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').count(), 1, 'only t2 stopped');
  assert.deepEqual((await events()).filter((e) => e.type === 'ovp:error').map((e) => e.target), ['t2']);
  assert.equal(await page.evaluate(() => window.instancesMade), 4, 't1 and t3 did not move again');
  for (const [i, widget] of [[0, widgets[0]], [2, widgets[2]]]) assert.equal(await firstAnswerIs(widget, i), true, `t${i + 1} kept its answer`);
  await context.close();
});

test('in a crowd of 40 widgets, a panic stops one; its fifteen instance-mates move and keep their readers\' answers', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
  const { page, events } = await openPage(context, '/crowd.html', ids.map((id) => ({ id, options: { storage: 'none' } })));
  assert.equal(await page.evaluate(() => window.instancesMade), 3, 'sixteen widgets an instance');
  // c3 and c5 share c4's instance (the first); c20 is in the second.
  for (const [id, pick] of [['c3', 0], ['c5', 1], ['c20', 2]]) await answerFirst(page.locator(`#${id}`), pick);
  await page.evaluate(() => window.handles.c4.armPanic());
  const c4 = page.locator('#c4');
  await c4.locator('.intro button').click();
  await c4.getByRole('alert').waitFor();
  await moved(page.locator('#c3'));
  await moved(page.locator('#c5'));
  // The intro of each of the others that moved is live again (its Start works).
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).shadowRoot.querySelector('.ovp-root:not([inert]) .intro [data-ovp-start]')),
    ids.slice(0, 16).filter((id) => !['c3', 'c4', 'c5'].includes(id)));
  assert.equal(await page.getByRole('alert').count(), 1);
  assert.deepEqual((await events()).filter((e) => e.type === 'ovp:error').map((e) => e.target), ['c4']);
  // Eight of the fifteen fill the third instance's room, seven go to a new one.
  assert.equal(await page.evaluate(() => window.instancesMade), 4, 'one new instance for the fifteen');
  assert.equal(await firstAnswerIs(page.locator('#c3'), 0), true);
  assert.equal(await firstAnswerIs(page.locator('#c5'), 1), true);
  assert.equal(await firstAnswerIs(page.locator('#c20'), 2), true, 'the second instance was never touched');
  await advance(page.locator('#c15'), () => page.locator('#c15 .intro button').click(), { number: 1 });
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
