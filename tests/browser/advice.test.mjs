// The advice on screen, in headless Chromium against dist/: the next steps come first;
// what the reader's answers rule out is no contender in the scores and is marked in the
// "why", both charts, both tables and the ovp:complete event; reasons are answers that
// counted for the suggestion, answers against it are said "in spite of" with what they
// take; a close call is said as one; answers that rule out everything get "no approach
// fits" and the conflicting answers; an exact tie is announced as one; every place
// rounds alike.
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

test('data that must stay in-house rules out every approach that sends it out, and every view says so', async () => {
  const { page, errors, events, widget } = await openWidget('/regulated.html');
  const hospital = ['ample', 'must-stay', 'ml-team', 'deep', 'critical-only', 'must-show', 'steady', 'serious', 'reliable', 'avoid', 'none'];
  await takeQuiz(widget, hospital);
  const [open, ...others] = en.approaches;
  assert.equal(await widget.locator('h2.result-heading').textContent(), `Our suggestion: ${open.name}`);
  // What to do next comes first, before any number.
  assert.deepEqual(await widget.locator('.next-steps li').allTextContents(), open.steps);
  assert.ok(await widget.locator('.next-steps + .lede + .scores').count(), 'steps, summary, then the scores');
  // Scores: the ruled-out approaches are no contenders: listed last, marked, no bar, no number.
  const rows = await widget.locator('.score').allTextContents();
  assert.equal(rows.length, 4);
  assert.match(rows[0], new RegExp(`^${open.name}`));
  assert.deepEqual(rows.slice(1), others.map((a) => `${a.name} (ruled out)`));
  assert.equal(await widget.locator('.score.ruled-out').count(), 3);
  assert.equal(await widget.locator('.score.ruled-out .score-value, .score.ruled-out .score-bar').count(), 0);
  assert.match(await widget.locator('.score.suggested').textContent(), new RegExp(`^${open.name}`));
  // Why: the only approach left, each rule with the answer that triggered it, and what
  // the serious stakes take of a reader who runs the model.
  const why = widget.locator('.why');
  assert.match(await why.textContent(), /ruled out every other approach/);
  const rules = await why.locator('.ruled-out-list li').allTextContents();
  const mustStay = en.questions[1].options.find((o) => o.id === 'must-stay');
  assert.equal(rules.length, 3);
  for (const [i, approach] of others.entries()) {
    assert.ok(rules[i].startsWith(`${approach.name}, ruled out by your answer “${mustStay.label}”: `), rules[i]);
    assert.ok(rules[i].endsWith(mustStay.rulesOut[approach.id]), rules[i]);
  }
  const serious = en.questions[7].options.find((o) => o.id === 'serious');
  assert.deepEqual(await why.locator('.in-spite-list li').allTextContents(), [`“${serious.label}”: ${serious.caveats.open}`]);
  // Both charts' legends and both tables' headers mark them.
  // Each chart is tall, so its legend comes again at its foot, the same.
  for (const chart of ['svg.comparison-chart', 'svg.contribution-chart']) {
    for (const where of ['> .legend', '> .legend-again']) {
      const legend = await widget.locator(`${chart} ${where} .legend-label`).allTextContents();
      assert.deepEqual(legend, [open.shortName, ...others.map((a) => `${a.shortName} (ruled out)`)], `${chart} ${where}`);
    }
  }
  assert.equal(await widget.locator('svg.comparison-chart g.dimension g.ruled-out').count(), 3 * en.dimensions.length);
  await openDisclosures(widget);
  for (const table of ['table.data-table', 'table.contribution-table']) {
    assert.ok(await widget.locator(table).isVisible(), `${table} opened`);
    const headers = await widget.locator(`${table} thead th.ruled-out`).allTextContents();
    assert.deepEqual(headers, others.map((a) => `${a.shortName} (ruled out)`));
  }
  // The content says how current it is.
  assert.equal(await widget.locator('.facts .reviewed').textContent(), 'Content reviewed 6 December 2026.');
  const complete = await lastComplete(events);
  assert.equal(complete.recommendation, 'open');
  assert.deepEqual(complete.ruledOut, ['open-hosted', 'proprietary', 'hybrid']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reason is an answer that counted for the suggestion; a lead of a point or less is said as a close call', async () => {
  // "No staff" takes 1.5 from Alpha and 3 from Beta: it widens Alpha's lead, yet it counted
  // against Alpha, so it is no reason and is said "in spite of", with its caveat.
  const pack = {
    id: 'why', lang: 'en', title: 'Why', intro: 'Three questions.',
    approaches: [{ id: 'a', name: 'Alpha', summary: 'A.', steps: ['Do this.'] }, { id: 'b', name: 'Beta', summary: 'B.' }],
    dimensions: [{ id: 'ops', name: 'Easy to run', ratings: { a: { score: 2, reason: 'r' }, b: { score: 1, reason: 'r' } } }],
    questions: [
      { id: 'staff', prompt: 'Staff?', options: [
        { id: 'none', label: 'No staff', priorities: { ops: 3 }, caveats: { a: 'Hire someone to run it.' } },
        { id: 'team', label: 'A team' }] },
      { id: 'fit', prompt: 'Fit?', options: [
        { id: 'suits-a', label: 'Suits Alpha', weights: { a: 1 } },
        { id: 'suits-b', label: 'Suits Beta', weights: { b: 2.5 } }] },
      { id: 'volume', prompt: 'Volume?', options: [
        { id: 'high', label: 'High', weights: { a: 2, b: 0.5 } },
        { id: 'low', label: 'Low' }] },
    ],
  };
  const { page, errors, widget } = await openWidget('/why.html', pack);
  await takeQuiz(widget, ['none', 'suits-a', 'high']);
  const why = widget.locator('.why');
  assert.deepEqual(await why.locator('.why-list li').allTextContents(), ['“High” for “Volume?”', '“Suits Alpha” for “Fit?”']);
  assert.deepEqual(await why.locator('.in-spite-list li').allTextContents(), ['“No staff”: Hire someone to run it.']);
  assert.doesNotMatch(await why.textContent(), /close call/);
  // With a team, "suits Beta" and "high": Alpha 2, Beta 3: Beta by a point, a close call.
  await advance(widget, () => widget.getByRole('button', { name: 'Retake the quiz' }).click(), { screen: 'question' });
  await takeQuiz(widget, ['team', 'suits-b', 'high']);
  assert.equal(await widget.locator('h2.result-heading').textContent(), 'Our suggestion: Beta');
  assert.match(await why.textContent(), /A close call: it finished only 1\.0 points ahead of Alpha, so weigh both\./);
  assert.match(await widget.locator('.what-if').textContent(), /we would suggest Alpha\.$/);
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
  assert.deepEqual(scores, ['8.3 points'], 'the ruled-out Beta shows no score in the list');
  await openDisclosures(widget);
  assert.deepEqual(await widget.locator('table.contribution-table tfoot td').allTextContents(), ['8.3', '2.8']);
  assert.ok((await widget.locator('svg.contribution-chart .value-label').allTextContents()).includes('+8.3'));
  assert.deepEqual((await lastComplete(events)).scores, { a: 8.3, b: 2.8 });
  // Both answers cancel out: 0 and 0, an exact tie, broken by the pack's order.
  // Retake starts again at the first question.
  await advance(widget, () => widget.getByRole('button', { name: 'Retake the quiz' }).click(), { screen: 'question' });
  await takeQuiz(widget, ['fine', 'level']);
  const why = await widget.locator('.why').textContent();
  assert.match(why, /An exact tie: Alpha and Beta each scored 0\.0 points\./);
  assert.match(why, /Nothing else tells them apart, so Alpha, listed first, is suggested/);
  assert.doesNotMatch(why, /ahead of/);
  assert.deepEqual(errors, []);
  await page.close();
});
