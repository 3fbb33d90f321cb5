// Keeping and passing on a result, in headless Chromium against dist/: check your
// answers and change one, resume after a reload, a share link opened elsewhere, storage
// that throws or holds junk, the chart downloads, and printing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  DIST, useBrowser, openPage, watchForErrors, pack, artifact, advance, stepOf, waitForStep, waitForResult, takeQuiz, answersFor,
  openDisclosures,
} from './harness.mjs';

const content = pack('en');
const total = content.questions.length;
// The demo page's widget has id="ai-choice".
// The demo post's widget: its content's id, then its element's id.
const KEY = `open-vs-proprietary:progress:${content.id}#ai-choice`;
const env = useBrowser();

/** Answers option `pick(q)` to questions `from` to `to - 1` (counted from 0), starting on question `from`. */
function answer(widget, from, to, pick) {
  const picks = [];
  for (let q = from; q < to; q++) picks.push(pick(q));
  return takeQuiz(widget, picks, { through: 'questions', startAt: from + 1 });
}

/** What the result says: the heading, each score line, and the why. */
async function resultOf(widget) {
  return {
    heading: await widget.locator('h2.result-heading').textContent(),
    scores: await widget.locator('.score').allTextContents(),
    why: await widget.locator('.why').textContent(),
  };
}

/** A score as shown (with a true minus sign) as a number. */
const number = (text) => Number(text.replace('\u2212', '-'));

const pick = (q) => (q * 2 + 1) % 3;

test('check your answers: Change jumps to the question and Next returns to the summary', async () => {
  const { page, errors, widget: first } = await openPage({ viewport: { width: 1200, height: 900 } });
  const widget = first();
  await takeQuiz(widget, answersFor(content, () => 0), { through: 'summary' });
  const rows = widget.locator('.summary-row');
  assert.equal(await rows.count(), total);

  const question = content.questions[4];
  await advance(widget, () => widget.getByRole('button', { name: `Change your answer to “${question.prompt}”` }).click(), { number: 5 });
  assert.equal(await widget.getByRole('radio', { name: question.options[0].label }).isChecked(), true);
  await widget.getByRole('radio', { name: question.options[2].label }).check();
  await advance(widget, () => widget.getByRole('button', { name: 'Next', exact: true }).click(), { screen: 'summary' });
  assert.equal(await rows.nth(4).locator('.summary-answer').textContent(), question.options[2].label);
  assert.equal(await rows.nth(3).locator('.summary-answer').textContent(), content.questions[3].options[0].label);

  await widget.getByRole('button', { name: 'See result', exact: true }).click();
  await waitForResult(widget);
  // The why names what one different answer would have changed.
  const whatIf = await widget.locator('.what-if').textContent();
  assert.match(whatIf, /^If you had answered “.+” to “.+”, we would suggest .+\.$|^No single answer/);
  // The contribution table's totals (its disclosure opened) are the scores shown above it.
  await openDisclosures(widget);
  const totals = (await widget.locator('.contribution-table tfoot td').allTextContents()).map(number);
  const scores = (await widget.locator('.score').allTextContents()).map((s) => s.replaceAll('\u2212', '-'));
  for (const [a, approach] of content.approaches.entries()) {
    const row = scores.find((s) => s.startsWith(approach.name));
    // A ruled-out approach is listed without a score; the table still totals it.
    if (row.endsWith('(ruled out)')) continue;
    assert.ok(row.includes(totals[a].toFixed(1)), `${approach.id}: ${totals[a]}`);
  }
  // Each row's contributions add up to the totals.
  const cells = await widget.locator('.contribution-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent.replace('\u2212', '-')))));
  assert.equal(cells.length, total);
  for (const a of content.approaches.keys()) {
    const sum = cells.reduce((s, row) => s + row[a], 0);
    assert.ok(Math.abs(sum - totals[a]) <= 0.05 * total + 0.05, `column ${a}: ${sum} vs ${totals[a]}`);
  }
  // Rows come largest first.
  const reach = cells.map((row) => Math.max(...row.map(Math.abs)));
  assert.deepEqual(reach, [...reach].sort((x, y) => y - x));
  assert.equal(await widget.locator('svg.contribution-chart .answer').count(), total);

  // A dimension's name in the table shows the reasons behind its ratings, on focus.
  const dimension = content.dimensions[2];
  await widget.getByRole('button', { name: dimension.name, exact: true }).focus();
  const reasons = widget.locator('.rating-reasons');
  await reasons.getByText(dimension.name, { exact: false }).waitFor();
  for (const approach of content.approaches) {
    assert.ok((await reasons.textContent()).includes(dimension.ratings[approach.id].reason));
  }
  // ... and on pointing at its bars in the chart.
  const other = content.dimensions[7];
  await widget.locator('svg.comparison-chart .dimension').nth(7).locator('rect.bar').first().hover();
  await reasons.getByText(other.name, { exact: false }).waitFor();
  assert.ok((await reasons.textContent()).includes(other.ratings.open.reason));

  assert.deepEqual(errors, []);
  await page.close();
});

test('See result paints the verdict and scores first, then why, then the charts, then what the disclosures hold, with nothing left out', async () => {
  const { page, errors, widget: first } = await openPage();
  const widget = first();
  await takeQuiz(widget, answersFor(content, pick), { through: 'summary' });
  // Clicked in the page; each stage looked at in the same turn as its DOM change.
  const stages = await page.evaluate(() => new Promise((resolve, reject) => {
    const root = document.querySelector('open-vs-proprietary').shadowRoot;
    // A regression must fail here, naming what never came, not hang until the test's timeout.
    setTimeout(() => reject(new Error('See result never showed the result\'s tables')), 20000);
    const seen = [];
    const look = () => ({
      why: !!root.querySelector('.why'),
      scores: root.querySelectorAll('.score').length,
      charts: root.querySelectorAll('svg[role=img]').length,
      disclosures: root.querySelectorAll('.result details.disclosure').length,
      tables: root.querySelectorAll('.result table').length,
    });
    const observer = new MutationObserver(() => {
      if (!root.querySelector('.result-heading')) return;
      const now = look();
      if (!seen.length || JSON.stringify(seen.at(-1)) !== JSON.stringify(now)) seen.push(now);
      if (now.tables) { observer.disconnect(); resolve(seen); }
    });
    observer.observe(root, { subtree: true, childList: true });
    [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'See result').click();
  }));
  const approaches = content.approaches.length;
  // The closed disclosures (each chart's table, the reasons, the facts) show their
  // summaries with the charts and are filled a paint later.
  const firstSeen = (matches) => stages.findIndex(matches);
  const verdict = firstSeen((s) => s.scores === approaches && !s.why && !s.charts);
  const why = firstSeen((s) => s.scores === approaches && s.why && !s.charts);
  // Three charts (answers, ratings, costs) and five disclosures (their three tables, the
  // reasons, the facts).
  const charts = firstSeen((s) => s.charts === 3 && s.disclosures === 5 && !s.tables);
  const filled = firstSeen((s) => s.tables === 3);
  assert.ok(verdict === 0 && verdict < why && why < charts && charts < filled, JSON.stringify(stages));
  await waitForResult(widget);
  // Everything the result holds is there: the three charts with their tables, every fact,
  // the share link, a download of each chart in each format, Back and Retake.
  assert.equal(await widget.locator('svg[role=img]').count(), 3);
  assert.equal(await widget.locator('svg.contribution-chart .answer').count(), total);
  assert.equal(await widget.locator('svg.comparison-chart .dimension').count(), content.dimensions.length);
  assert.equal(await widget.locator('table.contribution-table tbody tr').count(), total);
  assert.equal(await widget.locator('table.data-table tbody tr').count(), content.dimensions.length);
  assert.equal(await widget.locator('.facts li').count(), content.facts.length);
  assert.equal(await widget.getByRole('button', { name: 'Copy link' }).count(), 1);
  assert.equal(await widget.locator('table.cost-table tbody tr').count() > 0, true);
  assert.equal(await widget.getByRole('button', { name: /^Download (SVG|PNG) of/ }).count(), 6);
  await widget.getByRole('button', { name: 'Retake the quiz' }).waitFor();
  await widget.getByRole('button', { name: 'Back', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload resumes where the reader was, mid-quiz and on the result', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page, errors, events, widget: first } = await openPage({ context });
  const widget = first();
  await takeQuiz(widget, [0, 1, 2].map(pick), { through: 'questions' });

  await page.reload();
  await waitForStep(widget, { screen: 'question', number: 4 });
  await advance(widget, () => widget.getByRole('button', { name: 'Back' }).click(), { number: 3 });
  assert.equal(await widget.getByRole('radio', { name: content.questions[2].options[pick(2)].label }).isChecked(), true);
  await advance(widget, () => widget.getByRole('button', { name: 'Next', exact: true }).click(), { number: 4 });
  await takeQuiz(widget, answersFor(content, pick).slice(3), { startAt: 4 });
  const before = await resultOf(widget);

  await page.reload();
  // The whole result, drawn after the widget's first render and its effects (where a
  // completion would be announced), so an ovp:complete would be recorded by now.
  await waitForResult(widget);
  assert.deepEqual(await resultOf(widget), before);
  // Resuming on the result is not completing the quiz again.
  assert.deepEqual((await events()).map((e) => e.type), ['ovp:ready']);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(saved.v, 2);
  assert.equal(saved.step, 'result');
  // Reaching the result again from the summary is completing it: the event does come.
  await advance(widget, () => widget.getByRole('button', { name: 'Back', exact: true }).click(), { screen: 'summary' });
  await widget.getByRole('button', { name: 'See result', exact: true }).click();
  await waitForResult(widget);
  assert.deepEqual((await events()).map((e) => e.type), ['ovp:ready', 'ovp:complete']);

  // storage="none" keeps nothing: the same page with the attribute starts afresh.
  await page.route(`${env.server.url}no-storage.html`, async (route) => {
    const html = (await readFile(`${DIST}index.html`, 'utf8')).replace('<open-vs-proprietary id="ai-choice" loading="eager">', '<open-vs-proprietary id="ai-choice" loading="eager" storage="none">');
    await route.fulfill({ contentType: 'text/html', body: html });
  });
  await page.goto(`${env.server.url}no-storage.html`);
  await takeQuiz(widget, [0, 1].map(pick), { through: 'questions' });
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).step, 'result', 'nothing written');
  // The same from JavaScript: mount(element, { storage: 'none' }); a wrong value names the option.
  const mounted = await page.evaluate(async () => {
    const { mount } = await import('./embed.js');
    const element = document.createElement('div');
    document.body.append(element);
    const handle = await mount(element, { storage: 'none' });
    handle.destroy();
    try {
      await mount(document.createElement('div'), { storage: 'session' });
      return 'accepted';
    } catch (error) {
      return error.message;
    }
  });
  assert.match(mounted, /storage|session/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved progress that is corrupt or for another quiz is dropped with a warning', async () => {
  for (const junk of ['{not json', JSON.stringify({ v: 99 }), JSON.stringify({ v: 1, content: content.id, fingerprint: '0', step: 'result', answers: {} })]) {
    const warnings = [];
    let warned;
    const { page, errors, widget } = await openPage({
      init: async (page) => {
        page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
        await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, junk]);
        warned = page.waitForEvent('console', (msg) => msg.type() === 'warning' && msg.text().includes('saved progress'));
      },
    });
    // The prerendered Start shows before the Wasm runs, so wait for the warning itself.
    await warned;
    await waitForStep(widget(), { screen: 'intro' });
    assert.equal((await stepOf(widget())).live, true);
    assert.ok(warnings.some((w) => w.includes('saved progress') && w.includes('discarded')), `${junk}: ${warnings}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('saved progress is kept for 30 days after it was last saved, then dropped', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const { page, errors, widget } = await openPage({ context });
  await takeQuiz(widget(), [0, 1, 2], { through: 'questions' });
  const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.ok(Math.abs(record.at - Date.now()) < 60_000, `saved at ${record.at}`);
  const day = 24 * 60 * 60 * 1000;
  for (const [age, step] of [[29 * day, { screen: 'question', number: 4 }], [31 * day, { screen: 'intro' }]]) {
    await page.evaluate(([key, at]) => localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)), at })), [KEY, record.at - age]);
    const warned = age > 30 * day ? page.waitForEvent('console', (msg) => msg.type() === 'warning' && msg.text().includes('more than 30 days ago')) : null;
    await page.reload();
    await warned;
    await waitForStep(widget(), step);
    if (age > 30 * day) {
      // The expired record is gone: what is kept now is the fresh start.
      const now = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
      assert.deepEqual([now.step, now.answers], ['intro', {}]);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is full or throws on every call, a reader still finishes the quiz', async () => {
  for (const mode of ['quota', 'methods', 'getter']) {
    const { page, errors, widget } = await openPage({
      init: (page) => page.addInitScript((mode) => {
        const refuse = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
        if (mode === 'quota') {
          // Reading works; every write fails as it does when the origin's quota is used up.
          Storage.prototype.setItem = () => { throw new DOMException('quota exceeded', 'QuotaExceededError'); };
        } else if (mode === 'methods') {
          for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) Storage.prototype[name] = refuse;
        } else {
          Object.defineProperty(window, 'localStorage', { get: refuse });
        }
      }, mode),
    });
    await takeQuiz(widget(), answersFor(content, pick));
    assert.match(await widget().locator('h2.result-heading').textContent(), /^Our suggestion: /);
    assert.deepEqual(errors, [], mode);
    await page.close();
  }
});

test('two tabs answering at once: the last writer wins with a whole record, and a new tab restores exactly it', async () => {
  // Each tab keeps its own quiz and writes the whole of it, as one versioned record in
  // one setItem, after every change; it does not follow the other tab's writes (the
  // reader's screen never changes under them). So the record is always one tab's latest
  // state, never a mix. Each tab notes the last record it wrote, to compare with.
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      if (name === key) window.lastWrite = value;
      return setItem.call(this, name, value);
    };
  }, KEY);
  const tabs = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    tabs.push({ page, errors: watchForErrors(page), widget: page.locator('open-vs-proprietary') });
    await page.goto(env.server.url);
    await waitForStep(tabs[i].widget, { screen: 'intro' });
  }
  const [a, b] = tabs;
  for (const tab of tabs) await advance(tab.widget, () => tab.widget.getByRole('button', { name: 'Start' }).click(), { number: 1 });
  const stored = () => a.page.evaluate((key) => localStorage.getItem(key), KEY);
  const lastWrite = (tab) => tab.page.evaluate(() => window.lastWrite);
  // Tab A always picks the first option, tab B the third: a mixed record would show both.
  const picks = (record) => new Set(Object.entries(JSON.parse(record).answers)
    .map(([q, o]) => content.questions.find((x) => x.id === q).options.findIndex((x) => x.id === o)));
  /** Opens a third tab and returns its step and the answers it shows, walking Back to the start. */
  const restoredInNewTab = async () => {
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(env.server.url);
    const widget = page.locator('open-vs-proprietary');
    const { number: step } = await waitForStep(widget, { screen: 'question' });
    const shown = [];
    for (let q = step - 2; q >= 0; q--) {
      await advance(widget, () => widget.getByRole('button', { name: 'Back' }).click(), { number: q + 1 });
      const radios = widget.locator('input[type=radio]');
      const checked = [];
      for (let i = 0; i < await radios.count(); i++) if (await radios.nth(i).isChecked()) checked.push(i);
      shown.unshift(checked);
    }
    assert.deepEqual(errors, []);
    await page.close();
    return { step, shown };
  };

  // Interleaved: A answers a question, then B the same one, three times over.
  for (let q = 0; q < 3; q++) {
    await answer(a.widget, q, q + 1, () => 0);
    await answer(b.widget, q, q + 1, () => 2);
  }
  assert.equal(await stored(), await lastWrite(b), 'B wrote last');
  assert.deepEqual(await restoredInNewTab(), { step: 4, shown: [[2], [2], [2]] });
  // A goes on from its own state, not B's, and its whole record replaces B's.
  await answer(a.widget, 3, 4, () => 0);
  assert.equal(await stored(), await lastWrite(a), 'A wrote last');
  assert.deepEqual(await restoredInNewTab(), { step: 5, shown: [[0], [0], [0], [0]] });

  // Both at the same moment, five times: whichever write lands last is whole.
  for (let q = 4; q < 9; q++) {
    await Promise.all([answer(a.widget, q, q + 1, () => 0), answer(b.widget, q - 1, q, () => 2)]);
    const record = await stored();
    assert.ok(record === await lastWrite(a) || record === await lastWrite(b), `a record neither tab wrote: ${record}`);
    assert.equal(JSON.parse(record).v, 2);
    assert.equal(picks(record).size, 1, `answers from both tabs: ${record}`);
  }
  const winner = (await stored()) === (await lastWrite(a)) ? { pick: 0, step: 10 } : { pick: 2, step: 9 };
  assert.deepEqual(await restoredInNewTab(), { step: winner.step, shown: Array(winner.step - 1).fill([winner.pick]) });

  // Another tab (another version of the widget, say) writes what this one cannot read:
  // A is not disturbed, and its next write replaces it with a sound record.
  await b.page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ v: 2, answers: { x: 'y' } })), KEY);
  await b.page.evaluate((key) => localStorage.setItem(key, '{"v":1,"content":'), KEY);
  await a.page.bringToFront();
  await advance(a.widget, () => a.widget.getByRole('button', { name: 'Back' }).click());
  assert.equal(await stored(), await lastWrite(a));
  assert.equal(JSON.parse(await stored()).v, 2);
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
  await context.close();
});

test('a share link opened in a fresh browser shows the same result; a damaged one starts afresh', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const { page, errors, widget: first } = await openPage({ context });
  const widget = first();
  await takeQuiz(widget, answersFor(content, (q) => (q % 2 ? 2 : 0)));
  const shared = await resultOf(widget);
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await widget.getByText('Link copied.', { exact: false }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const code = link.match(/#ovp-ai-choice=([A-Za-z0-9_-]+)$/)?.[1];
  assert.ok(code, link);
  assert.equal(link.split('#')[0], env.server.url);
  console.log(`share code: ${code} (${code.length} characters)`);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  // This reader had progress of their own, which opening the link must not overwrite.
  const { page: other, errors: otherErrors, widget: otherFirst } = await openPage({ context: fresh });
  const otherWidget = otherFirst();
  await takeQuiz(otherWidget, [1, 1], { through: 'questions' });
  const own = await other.evaluate((key) => localStorage.getItem(key), KEY);
  await other.goto(link);
  await other.reload();
  await waitForResult(otherWidget);
  assert.deepEqual(await resultOf(otherWidget), shared);
  assert.equal(await other.evaluate((key) => localStorage.getItem(key), KEY), own);

  // One symbol changed: a notice, and the quiz from the start.
  const last = code.at(-1) === 'A' ? 'B' : 'A';
  await other.goto(`${env.server.url}#ovp-ai-choice=${code.slice(0, -1)}${last}`);
  await other.reload();
  await otherWidget.locator('.notice').waitFor();
  await waitForStep(otherWidget, { screen: 'intro' });
  assert.equal(await otherWidget.locator('.notice').textContent(), 'That share link could not be read, so the quiz starts fresh.');
  await other.goto(`${env.server.url}#ovp-ai-choice=${code.slice(0, 4)}`);
  await other.reload();
  await otherWidget.locator('.notice').waitFor();
  await waitForStep(otherWidget, { screen: 'intro' });
  assert.deepEqual(otherErrors, []);
  await fresh.close();
});

test('when the clipboard refuses, the link is shown selected to copy by hand', async () => {
  const { page, errors, widget: first } = await openPage({
    init: (page) => page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
      });
    }),
  });
  const widget = first();
  await takeQuiz(widget, answersFor(content, pick));
  await widget.getByRole('button', { name: 'Copy link' }).click();
  const field = widget.getByRole('textbox', { name: 'Copy this link to share the result:' });
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /#ovp-ai-choice=[A-Za-z0-9_-]{8}$/);
  const selected = await field.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd));
  assert.equal(selected, link);
  assert.deepEqual(errors, []);
  await page.close();
});

test('both charts download as SVG and PNG with title, legend and source inside', async () => {
  const { page, errors, events, widget: first } = await openPage({ viewport: { width: 1200, height: 900 }, contextOptions: { acceptDownloads: true } });
  const widget = first();
  await takeQuiz(widget, answersFor(content, pick));
  const ruledOut = new Set((await events()).find((e) => e.type === 'ovp:complete').detail.ruledOut ?? []);

  const fetch = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const charts = [
    { title: 'How the approaches compare', file: 'approach-comparison' },
    { title: 'How each answer moved the scores', file: 'answer-contributions' },
  ];
  for (const { title, file } of charts) {
    const svg = await fetch(`Download SVG of “${title}”`);
    assert.equal(svg.name, `${file}.svg`);
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/, file);
    assert.ok(text.includes(`>${title}</text>`), `${file}: title`);
    assert.ok(text.includes(`Source: ${content.title}, ${env.server.url}`), `${file}: source line`);
    for (const approach of content.approaches) {
      // The legend names each approach by its short name; one the answers ruled out gets a
      // mark after it.
      const name = approach.shortName ?? approach.name;
      const entry = ruledOut.has(approach.id) ? `>${name} ` : `>${name}</text>`;
      assert.ok(text.includes(entry), `${file}: legend: ${name}`);
    }
    assert.ok(!text.includes('class="'), `${file}: styles are written in, not left to a stylesheet`);

    const png = await fetch(`Download PNG of “${title}”`);
    assert.equal(png.name, `${file}.png`);
    assert.ok(png.bytes.length > 1000, `${file}: ${png.bytes.length} bytes`);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: twice the 640 px image.
    assert.equal(png.bytes.readUInt32BE(16), 1280, file);
    assert.ok(png.bytes.readUInt32BE(20) > 400, file);
    // Decoded by the browser: the chart is drawn in it, not a blank of the right size.
    // Each approach still open has its colour on hundreds of pixels (bar outlines and
    // pattern marks), and the text colour draws the title, labels and source line.
    const colours = await widget.locator(`svg.${file === 'approach-comparison' ? 'comparison-chart' : 'contribution-chart'}`).evaluate((svg) => {
      const rgb = (value) => value.match(/\d+/g).slice(0, 3).map(Number);
      const series = [...svg.querySelectorAll('.legend .legend-swatch')].map((swatch) => rgb(getComputedStyle(swatch).stroke));
      return { series, text: rgb(getComputedStyle(svg.querySelector('.legend-label')).fill) };
    });
    const counts = await page.evaluate(async ({ base64, colours }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200;
      const counts = { series: colours.series.map(() => 0), text: 0 };
      for (let i = 0; i < data.length; i += 4) {
        colours.series.forEach((colour, a) => { if (near(i, colour)) counts.series[a]++; });
        if (near(i, colours.text)) counts.text++;
      }
      return counts;
    }, { base64: png.bytes.toString('base64'), colours });
    content.approaches.forEach((approach, a) => {
      if (!ruledOut.has(approach.id)) assert.ok(counts.series[a] > 300, `${file}: ${approach.id} drawn on ${counts.series[a]} pixels`);
    });
    assert.ok(counts.text > 2000, `${file}: text drawn on ${counts.text} pixels`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('printing shows the result, both charts and tables, the reasons and the facts, and no buttons', async () => {
  const { page, errors, widget: first } = await openPage({ viewport: { width: 1200, height: 900 } });
  const widget = first();
  await takeQuiz(widget, answersFor(content, pick));
  assert.ok(await widget.getByRole('button').count() > 5);
  // On screen the tables, the reasons and the facts wait behind closed disclosures ...
  const held = ['table.contribution-table', 'table.data-table', '.reasons dl', '.facts ul'];
  for (const selector of held) assert.equal(await widget.locator(selector).isVisible(), false, `${selector} on screen`);
  // ... which print open, whether the reader opened them or not.
  await page.emulateMedia({ media: 'print' });
  const visibleButtons = await widget.locator('button').evaluateAll((buttons) =>
    buttons.filter((b) => b.getBoundingClientRect().width > 0).map((b) => b.textContent));
  assert.deepEqual(visibleButtons, []);
  for (const selector of ['h2.result-heading', 'svg.comparison-chart', 'svg.contribution-chart', '.why', ...held, '.facts ul a']) {
    assert.equal(await widget.locator(selector).first().isVisible(), true, selector);
  }
  assert.equal(await widget.locator('.facts li').evaluateAll((items) => items.filter((li) => li.checkVisibility()).length), content.facts.length);
  assert.equal(await widget.locator('table.data-table th', { hasText: content.dimensions[0].name }).isVisible(), true);
  await page.pdf({ path: artifact('result-print.pdf') });
  assert.deepEqual(errors, []);
  await page.close();
});
