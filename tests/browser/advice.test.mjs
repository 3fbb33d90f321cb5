// The advice on screen, in headless Chromium against dist/: what the reader's answers
// rule out is marked in the scores, the "why", both charts, both tables and the
// ovp:complete event; answers that rule out everything get "no approach fits" and the
// conflicting answers; an exact tie is announced as one; every place rounds alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, pack, takeQuiz, advance, openDisclosures } from './harness.mjs';

const en = pack('en');
useBrowser();

/** A page with one widget holding `content` inline (or the built-in pack). */
async function openWidget(path, content) {
  const inline = content ? `<script type="application/json">${JSON.stringify(content)}</script>` : '';
  const { page, errors, events, widget } = await openPage({
    path,
    body: `<open-vs-proprietary id="w" storage="none">${inline}</open-vs-proprietary>`,
    viewport: { width: 1200, height: 900 },
  });
  return { page, errors, events, widget: widget() };
}

const lastComplete = async (events) => (await events()).filter((e) => e.type === 'ovp:complete').at(-1).detail;

test('data that must stay in-house rules out the vendor options, and every view says so', async () => {
  const { page, errors, events, widget } = await openWidget('/regulated.html');
  const hospital = ['moderate', 'must-stay', 'ml-team', 'deep', 'sla', 'must-show', 'steady', 'serious', 'reliable', 'avoid'];
  await takeQuiz(widget, hospital);
  assert.equal(await widget.locator('h2.result-heading').textContent(), 'Our suggestion: Open-source / open-weight');
  // Scores: both vendor options keep their numbers, marked in words.
  const scores = await widget.locator('.score').allTextContents();
  assert.equal(scores.filter((s) => s.includes('(ruled out)')).length, 2, scores.join(' | '));
  assert.equal(await widget.locator('.score.ruled-out').count(), 2);
  assert.match(await widget.locator('.score.suggested').textContent(), /^Open-source/);
  // Why: the only approach left, and each rule with the answer that triggered it.
  const why = widget.locator('.why');
  assert.match(await why.textContent(), /ruled out every other approach/);
  const rules = await why.locator('.ruled-out-list li').allTextContents();
  assert.equal(rules.length, 2);
  const mustStay = en.questions[1].options.find((o) => o.id === 'must-stay');
  for (const [i, name] of ['Proprietary', 'Hybrid'].entries()) {
    assert.ok(rules[i].startsWith(`${name}, ruled out by your answer “${mustStay.label}”: `), rules[i]);
    assert.ok(rules[i].endsWith(mustStay.rulesOut[name.toLowerCase()]), rules[i]);
  }
  // Both charts' legends and both tables' headers mark them.
  for (const chart of ['svg.comparison-chart', 'svg.contribution-chart']) {
    const legend = await widget.locator(`${chart} .legend-label`).allTextContents();
    assert.deepEqual(legend, [en.approaches[0].name, `${en.approaches[1].name} (ruled out)`, `${en.approaches[2].name} (ruled out)`]);
  }
  assert.equal(await widget.locator('svg.comparison-chart g.dimension g.ruled-out').count(), 2 * en.dimensions.length);
  await openDisclosures(widget);
  for (const table of ['table.data-table', 'table.contribution-table']) {
    assert.ok(await widget.locator(table).isVisible(), `${table} opened`);
    const headers = await widget.locator(`${table} thead th.ruled-out`).allTextContents();
    assert.deepEqual(headers, ['Proprietary (ruled out)', 'Hybrid (ruled out)']);
  }
  // The content says how current it is.
  assert.equal(await widget.locator('.facts .reviewed').textContent(), 'Content reviewed 30 November 2026.');
  const complete = await lastComplete(events);
  assert.equal(complete.recommendation, 'open');
  assert.deepEqual(complete.ruledOut, ['proprietary', 'hybrid']);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A two-approach pack whose answers can rule out each approach. */
const conflicting = {
  id: 'conflict', lang: 'en', title: 'Conflicts', intro: 'Two rules.',
  approaches: [{ id: 'a', name: 'Alpha', summary: 'A.' }, { id: 'b', name: 'Beta', summary: 'B.' }],
  dimensions: [{ id: 'd', name: 'D', ratings: { a: { score: 4, reason: 'r' }, b: { score: 2, reason: 'r' } } }],
  questions: [
    { id: 'q1', prompt: 'First?', options: [
      { id: 'no-a', label: 'Not Alpha', rulesOut: { a: 'Alpha cannot do this.' } },
      { id: 'fine', label: 'Anything', weights: { a: 8.25, b: 2.75 } }] },
    { id: 'q2', prompt: 'Second?', options: [
      { id: 'no-b', label: 'Not Beta', rulesOut: { b: 'Beta is not allowed.' } },
      { id: 'level', label: 'Level', weights: { a: -8.25, b: -2.75 } }] },
  ],
};

test('answers that rule out every approach get no suggestion, the conflicting answers and a way out', async () => {
  const { page, errors, events, widget } = await openWidget('/conflict.html', conflicting);
  await takeQuiz(widget, ['no-a', 'no-b']);
  assert.equal(await widget.locator('h2.result-heading').textContent(), 'No approach fits all of these answers');
  assert.equal(await widget.locator('.result .lede').count(), 0);
  const status = widget.locator('[role=status]');
  await page.waitForFunction((el) => el.textContent === 'No approach fits all of these answers', await status.elementHandle());
  const rules = await widget.locator('.ruled-out-list li').allTextContents();
  assert.deepEqual(rules, [
    'Alpha, ruled out by your answer “Not Alpha”: Alpha cannot do this.',
    'Beta, ruled out by your answer “Not Beta”: Beta is not allowed.',
  ]);
  // The way out is a change that really gives a suggestion.
  assert.match(await widget.locator('.what-if').textContent(), /^If you had answered “(Anything|Level)” to “(First|Second)\?”, we would suggest (Alpha|Beta)\.$/);
  const complete = await lastComplete(events);
  assert.equal(complete.recommendation, null);
  assert.deepEqual(complete.ruledOut, ['a', 'b']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('scores round the same way in the list, the tables, the chart and the event; an exact tie is announced', async () => {
  const { page, errors, events, widget } = await openWidget('/rounding.html', conflicting);
  // 8.25 and 2.75: halves, which "{:.1}" alone would round to 8.2 and 2.8.
  await takeQuiz(widget, ['fine', 'no-b']);
  const scores = await widget.locator('.score .score-value').allTextContents();
  assert.deepEqual(scores, ['8.3 points', '2.8 points']);
  assert.equal(await widget.locator('.score.ruled-out .score-value').textContent(), '2.8 points');
  await openDisclosures(widget);
  assert.deepEqual(await widget.locator('table.contribution-table tfoot td').allTextContents(), ['8.3', '2.8']);
  assert.ok((await widget.locator('svg.contribution-chart .value-label').allTextContents()).includes('+8.3'));
  assert.deepEqual((await lastComplete(events)).scores, { a: 8.3, b: 2.8 });
  // Both answers cancel out: 0 and 0, an exact tie, broken by the pack's order.
  // Retake starts again at the first question.
  await advance(widget, () => widget.getByRole('button', { name: 'Retake the quiz' }).click(), { screen: 'question' });
  await takeQuiz(widget, ['fine', 'level']);
  const why = await widget.locator('.why').textContent();
  assert.match(why, /An exact tie: Alpha, Beta each scored 0\.0 points\./);
  assert.match(why, /Nothing else tells them apart, so Alpha, listed first, is suggested/);
  assert.doesNotMatch(why, /ahead of/);
  assert.deepEqual(errors, []);
  await page.close();
});
