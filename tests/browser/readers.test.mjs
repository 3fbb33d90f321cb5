// Readers who are not AI engineers, on a 390 px phone, in every built-in language: for
// each such reader profile (tests/reader_profiles.json, written by experts before any
// score was seen) the first screen of the result states what to do next, and no
// approach the answers ruled out appears as a contender. A shared result link opens
// with the result on screen, wherever the widget sits in the article. Each first screen
// is saved as a PNG under tests/browser/artifacts/readers/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { useBrowser, openPage, pack, takeQuiz, waitForResult, artifact, LANGUAGES } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const profiles = JSON.parse(await readFile(new URL('../reader_profiles.json', import.meta.url), 'utf8'))
  .filter((profile) => profile.nonExpert);
const env = useBrowser();

// An article long enough that the widget starts well below the first screen.
const article = `<h1>DeepSeek R1 and what it means for you</h1>${'<p>A paragraph of the post around the quiz. '.repeat(40)}</p>`.repeat(4);

/** The widget's code from the share link its Copy link button copies. */
async function shareCode(page, widget) {
  await widget.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const code = new URL(link).hash.match(/^#ovp=([A-Za-z0-9_-]+)$/)?.[1];
  assert.ok(code, link);
  return code;
}

/**
 * What the reader sees before scrolling, checked: the suggestion's heading and every one
 * of its next steps lie inside the viewport; every ruled-out approach in the score list
 * is marked and has neither bar nor number, and the suggestion is not one of them.
 */
async function checkFirstScreen(page, widget, { where, names, ruledOut }) {
  const approaches = names.length;
  const box = await widget.evaluate((host) => {
    const root = host.shadowRoot;
    const rect = (selector) => root.querySelector(selector)?.getBoundingClientRect().toJSON() ?? null;
    return { heading: rect('h2.result-heading'), steps: rect('.next-steps'), height: innerHeight, steps_count: root.querySelectorAll('.next-steps li').length };
  });
  assert.ok(box.heading && box.steps, `${where}: the heading and the next steps are there`);
  assert.ok(box.steps_count >= 2, `${where}: at least two next steps (${box.steps_count})`);
  assert.ok(box.heading.top >= 0, `${where}: the heading is on screen (top ${box.heading.top})`);
  assert.ok(box.steps.bottom <= box.height, `${where}: the next steps end on the first screen (${box.steps.bottom} of ${box.height})`);

  const rows = widget.locator('.score');
  assert.equal(await rows.count(), approaches);
  assert.equal(await widget.locator('.score.ruled-out').count(), ruledOut, `${where}: ruled-out rows`);
  assert.equal(await widget.locator('.score.ruled-out :is(.score-bar, .score-value)').count(), 0, `${where}: a ruled-out row has neither bar nor score`);
  // Marked in words: the approach's name with more beside it (the language's mark).
  for (const row of await widget.locator('.score.ruled-out').allTextContents()) {
    const name = names.find((n) => row.includes(n));
    assert.ok(name && row.trim() !== name, `${where}: "${row}" is marked as ruled out`);
  }
  assert.equal(await widget.locator('.score.suggested.ruled-out').count(), 0, `${where}: the suggestion is not ruled out`);
  assert.equal(await widget.locator('.score:not(.ruled-out) .score-bar').count(), approaches - ruledOut, `${where}: only contenders have bars`);
  // The ruled-out rows come last.
  const order = await rows.evaluateAll((all) => all.map((row) => row.classList.contains('ruled-out')));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), `${where}: ruled-out rows last`);
}

test('every non-expert reader, in every language, sees the next steps first and no ruled-out contender, on a phone', async () => {
  assert.ok(profiles.length >= 6, `non-expert profiles: ${profiles.length}`);
  const shots = artifact('readers');
  await mkdir(shots, { recursive: true });
  const context = await env.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  for (const [p, profile] of profiles.entries()) {
    // Taken in English as the reader would, which also gives the share code.
    const { page, errors, events, widget } = await openPage({
      context, path: `/reader-${p}.html`, body: `${article}<open-vs-proprietary storage="none"></open-vs-proprietary>${article}`,
    });
    // The reader scrolls down to the quiz, which loads as it comes near.
    await widget().scrollIntoViewIfNeeded();
    await takeQuiz(widget(), profile.answers);
    const complete = (await events()).findLast((e) => e.type === 'ovp:complete').detail;
    const ruledOut = complete.ruledOut.length;
    await checkFirstScreen(page, widget(), { where: `profile ${p + 1} taken in en`, names: pack('en').approaches.map((a) => a.name), ruledOut });
    await page.screenshot({ path: `${shots}/${String(p + 1).padStart(2, '0')}-en-taken.png` });
    const code = await shareCode(page, widget());
    assert.deepEqual(errors, [], profile.name);
    await page.close();

    // Opened from the shared link in each language.
    for (const lang of LANGUAGES) {
      const opened = await openPage({
        context, path: `/reader-${p}-${lang}.html#ovp=${code}`,
        body: `${article}<open-vs-proprietary lang="${lang}" storage="none"></open-vs-proprietary>${article}`,
      });
      const heading = await waitForResult(opened.widget());
      assert.equal(heading, await opened.widget().locator('h2.result-heading').textContent());
      const where = `profile ${p + 1} shared in ${lang}`;
      // Opening someone's result is not reaching one (README: ovp:complete is not sent
      // when a share link opens on the result); the widget was ready, painted and done.
      const types = (await opened.events()).map((e) => e.type);
      assert.ok(types.includes('ovp:ready') && !types.includes('ovp:complete'), `${where}: ${types}`);
      await checkFirstScreen(opened.page, opened.widget(), { where, names: pack(lang).approaches.map((a) => a.name), ruledOut });
      await opened.page.screenshot({ path: `${shots}/${String(p + 1).padStart(2, '0')}-${lang}-shared.png` });
      assert.deepEqual(opened.errors, [], where);
      await opened.page.close();
    }
  }
  await context.close();
});
