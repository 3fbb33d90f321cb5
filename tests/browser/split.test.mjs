// The result's code as a second Wasm file (scripts/split-wasm.mjs): a reader who never
// starts never fetches it; one who starts fetches it while answering. Held back, every
// step before the result works in every built-in language, by mouse and by keyboard,
// which fails if anything the questions run moved into it; the result then says it is
// being worked out, and appears, with focus on its heading, once the file arrives. A
// file that fails to arrive gives a reason and Retry; a resumed result waits for it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DIST, LANGUAGES, useBrowser, openPage, pack, held, afterPaint, takeQuiz, waitForResult, waitForStep, stepOf, advance, answersFor,
} from './harness.mjs';

const RESULT_WASM = 'open-vs-proprietary_result.wasm';
/** The wait's heading in `lang`, from the widget's own table of strings. */
const waitHeading = (lang) => readFileSync(fileURLToPath(new URL(`../../crates/model/src/l10n/tables/${lang}.rs`, import.meta.url)), 'utf8')
  .match(/^ {4}working_out_result: "(.*)",$/m)[1];
const env = useBrowser({
  check: () => {
    const { files } = JSON.parse(readFileSync(`${DIST}manifest.json`, 'utf8'));
    if (!files[RESULT_WASM]) throw new Error(`dist/ has no ${RESULT_WASM}: this test needs a release build (scripts/trunk.sh build --release)`);
  },
});

/** Routes the result's file through `gate`: held until released, or answered with `status`. */
async function gateResultCode(page, gate) {
  await page.route(`**/${RESULT_WASM}`, async (route) => {
    if (gate.status) return route.fulfill({ status: gate.status, body: 'unavailable' });
    await gate.until;
    return route.continue();
  });
}

/** The widget's focused element's text, inside its shadow root. */
const focusedText = (widget) => widget.evaluate((host) => host.shadowRoot.activeElement?.textContent ?? null);

test('a reader who never starts does not fetch the result\'s code; Start fetches it', async () => {
  const { page, errors, events, requests, widget } = await openPage({ body: '<open-vs-proprietary></open-vs-proprietary>' });
  // Mounted: the ready event, then a frame painted with the live intro.
  await page.waitForFunction(() => window.__ovpEvents.some((e) => e.type === 'ovp:ready'));
  await afterPaint(page);
  assert.equal((await events()).filter((e) => e.type === 'ovp:ready').length, 1);
  assert.ok(requests.some((url) => url.endsWith('open-vs-proprietary_bg.wasm')));
  assert.ok(!requests.some((url) => url.endsWith(RESULT_WASM)), 'the intro alone does not fetch the result\'s code');
  const fetched = page.waitForRequest((request) => request.url().endsWith(RESULT_WASM));
  await widget().locator('.intro button.primary').click();
  await fetched;
  assert.deepEqual(errors, []);
  await page.close();
});

for (const lang of LANGUAGES) {
  test(`${lang}: with the result's code held back, every step works and the result waits for it`, async () => {
    const gate = held();
    const { page, errors, widget } = await openPage({
      body: `<open-vs-proprietary lang="${lang}"></open-vs-proprietary>`,
      init: (page) => gateResultCode(page, gate),
    });
    const content = pack(lang);
    // Every question answered, then back to the first and forward again.
    await takeQuiz(widget(), answersFor(content, (q) => q % 2), { through: 'questions' });
    let step = await waitForStep(widget(), { screen: 'summary' });
    for (let q = content.questions.length; q >= 1; q--) {
      step = await advance(widget(), () => widget().locator('button.secondary').click(), { screen: 'question', number: q });
    }
    await takeQuiz(widget(), answersFor(content, (q) => (q + 1) % 2), { through: 'summary', startAt: 1 });
    // See the result: it is being worked out, and the reader is told so.
    step = await advance(widget(), () => widget().locator('.summary button.primary').click(), { screen: 'waiting' });
    assert.equal(step.heading, waitHeading(lang));
    assert.equal(await focusedText(widget()), step.heading, 'the wait\'s heading has focus');
    assert.equal(await widget().locator('.result-wait').getAttribute('aria-busy'), 'true');
    gate.release();
    const heading = await waitForResult(widget());
    assert.equal(await focusedText(widget()), heading, 'the result\'s heading has focus once it is drawn');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('by keyboard alone, with the result\'s code held back, the questions and the change of an answer work', async () => {
  const gate = held();
  const { page, errors, widget } = await openPage({
    body: '<open-vs-proprietary></open-vs-proprietary>',
    init: (page) => gateResultCode(page, gate),
  });
  const content = pack('en');
  await widget().locator('.intro button.primary').waitFor();
  await widget().locator('.intro button.primary').focus();
  let step = await advance(widget(), () => page.keyboard.press('Enter'), { screen: 'question', number: 1 });
  for (let q = 0; q < content.questions.length; q++) {
    if (content.questions[q].number) {
      // A number: the slider to its end with the keyboard, then Next.
      await widget().locator('input.number-slider').focus();
      await page.keyboard.press('End');
      await widget().locator('button[type=submit]').focus();
    } else {
      // The first option takes focus with Tab; the arrow moves to the next and picks it.
      await widget().locator('fieldset input[type=radio]').first().focus();
      await page.keyboard.press('ArrowDown');
    }
    step = await advance(widget(), () => page.keyboard.press('Enter'));
  }
  assert.equal(step.screen, 'summary');
  // Change the first answer from the summary, by keyboard.
  await widget().locator('.summary button.link-button').first().focus();
  step = await advance(widget(), () => page.keyboard.press('Enter'), { screen: 'question', number: 1 });
  await widget().locator('fieldset input[type=radio]:checked').focus();
  await page.keyboard.press('ArrowDown');
  step = await advance(widget(), () => page.keyboard.press('Enter'), { screen: 'summary' });
  await widget().locator('.summary button.primary').focus();
  step = await advance(widget(), () => page.keyboard.press('Enter'), { screen: 'waiting' });
  gate.release();
  await waitForResult(widget());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a result\'s code that fails to arrive gives the reason and Retry, which brings the result', async () => {
  const gate = { status: 503 };
  const { page, errors, widget } = await openPage({
    body: '<open-vs-proprietary></open-vs-proprietary>',
    init: (page) => gateResultCode(page, gate),
  });
  await takeQuiz(widget(), answersFor(pack('en'), () => 0), { through: 'summary' });
  await advance(widget(), () => widget().locator('.summary button.primary').click(), { screen: 'waiting' });
  const alert = widget().locator('.result-wait [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded/);
  assert.equal(await widget().locator('.result-wait').getAttribute('aria-busy'), 'false');
  // The failed fetches are the console's, and expected.
  errors.length = 0;
  delete gate.status;
  gate.until = Promise.resolve();
  await widget().locator('.result-wait button').click();
  await waitForResult(widget());
  assert.deepEqual(errors.filter((e) => !e.includes(RESULT_WASM)), []);
  await page.close();
});

test('a result reopened from saved progress waits for the result\'s code, then shows', async () => {
  const context = await env.browser.newContext();
  const first = await openPage({ context, body: '<open-vs-proprietary></open-vs-proprietary>' });
  const heading = await takeQuiz(first.widget(), answersFor(pack('en'), (q) => q % 3)).then(() => stepOf(first.widget()));
  await first.page.close();
  const gate = held();
  const again = await openPage({ context, body: '<open-vs-proprietary></open-vs-proprietary>', init: (page) => gateResultCode(page, gate) });
  await waitForStep(again.widget(), { screen: 'waiting' });
  gate.release();
  assert.equal(await waitForResult(again.widget()), heading.heading);
  // Opened on the result, not moved to it: the widget takes no focus (nor scrolls the page).
  assert.equal(await again.page.evaluate(() => document.activeElement === document.body), true);
  assert.deepEqual(again.errors, []);
  await context.close();
});

test('a result\'s code changed on the host is refused for its hash: the reader is told, and the console says why', async () => {
  const { page, errors, widget } = await openPage({
    body: '<open-vs-proprietary></open-vs-proprietary>',
    init: (page) => page.route(`**/${RESULT_WASM}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 1;
      return route.fulfill({ response, body });
    }),
  });
  await takeQuiz(widget(), answersFor(pack('en'), () => 0), { through: 'summary' });
  await advance(widget(), () => widget().locator('.summary button.primary').click(), { screen: 'waiting' });
  await widget().locator('.result-wait [role=alert]').waitFor();
  assert.ok(errors.some((e) => e.includes(`refused ${env.server.url}${RESULT_WASM}`)), errors.join('\n'));
  await page.close();
});
