// The demo page in headless Chromium, against the built dist/: a reader takes the whole
// quiz by clicking, sees the result, the chart and its table, and the host page hears
// every event; on a phone the result leads with the verdict, the scores and why, its
// tables, reasons and facts behind disclosures. Any console error or uncaught exception
// fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, pack, artifact, advance, waitForStep, waitForResult, takeQuiz, answersFor } from './harness.mjs';

const content = pack('en');
const total = content.questions.length;
useBrowser();

/** The element focused inside the widget's shadow root, described for assertions. */
function focusedInWidget(page) {
  return page.evaluate(() => {
    const active = document.querySelector('open-vs-proprietary')?.shadowRoot?.activeElement;
    return active ? { tag: active.tagName.toLowerCase(), className: active.className, text: active.textContent } : null;
  });
}

test('a reader takes the quiz by clicking and gets an explained result with chart and table', async () => {
  const { page, errors, events, widget: first } = await openPage({ viewport: { width: 1200, height: 900 } });
  const widget = first();

  await advance(widget, () => widget.getByRole('button', { name: 'Start' }).click(), { screen: 'question', number: 1 });
  const readyEvents = (await events()).filter((e) => e.type === 'ovp:ready');
  assert.deepEqual(readyEvents.map((e) => e.detail), [{ contentId: content.id, total }]);

  const chosen = {};
  for (let step = 1; step <= total; step++) {
    const question = content.questions[step - 1];
    const fieldset = widget.locator('fieldset');
    await assert.doesNotReject(fieldset.locator('legend').getByText(`Step ${step} of ${total}`).waitFor());
    assert.equal(await fieldset.locator('legend .prompt').textContent(), question.prompt);
    assert.equal(await fieldset.getByRole('radio').count(), question.options.length);
    // Focus moved to the new step's heading, which names the step.
    const focused = await focusedInWidget(page);
    assert.equal(focused?.tag, 'h2');
    assert.match(focused.text, new RegExp(`^Step ${step} of ${total}`));

    if (step === 1) {
      // Next without an answer stays here and says why.
      await widget.getByRole('button', { name: 'Next' }).click();
      assert.equal(await widget.getByRole('alert').textContent(), 'Choose an answer to continue.');
      assert.equal(await fieldset.locator('legend .step-count').textContent(), `Step 1 of ${total}`);
    }

    const option = question.options[step % question.options.length];
    await fieldset.getByRole('radio', { name: option.label }).check();
    chosen[question.id] = option.id;

    if (step === 2) {
      // Back keeps the earlier answer; Next returns here with this one kept too.
      await advance(widget, () => widget.getByRole('button', { name: 'Back' }).click(), { number: 1 });
      assert.equal(await widget.getByRole('radio', { name: content.questions[0].options[1].label }).isChecked(), true);
      await advance(widget, () => widget.getByRole('button', { name: 'Next' }).click(), { number: 2 });
      assert.equal(await widget.getByRole('radio', { name: option.label }).isChecked(), true);
    }
    // The last question's button names what it opens: the summary, not yet the result.
    const button = step === total ? 'Check your answers' : 'Next';
    await advance(widget, () => widget.getByRole('button', { name: button, exact: true }).click());
  }

  // "Check your answers" lists every answer before the result.
  const summary = widget.locator('h2.summary-heading');
  await waitForStep(widget, { screen: 'summary' });
  assert.equal(await summary.textContent(), 'Check your answers');
  assert.equal((await focusedInWidget(page))?.className, 'summary-heading');
  const summaryAnswers = await widget.locator('.summary-answer').allTextContents();
  assert.deepEqual(summaryAnswers, content.questions.map((q) => q.options.find((o) => o.id === chosen[q.id]).label));
  await widget.getByRole('button', { name: 'See result', exact: true }).click();

  // The result, announced through the live region that was there from the start.
  const headingText = await waitForResult(widget);
  const heading = widget.locator('h2.result-heading');
  assert.match(headingText, /^Our suggestion: /);
  assert.equal(await widget.getByRole('status').textContent(), headingText);
  assert.equal((await focusedInWidget(page))?.className, 'result-heading');

  const complete = (await events()).filter((e) => e.type === 'ovp:complete');
  assert.equal(complete.length, 1);
  const detail = complete[0].detail;
  assert.deepEqual(detail.answers, chosen);
  const recommended = content.approaches.find((a) => a.id === detail.recommendation);
  assert.equal(headingText, `Our suggestion: ${recommended.name}`);
  assert.deepEqual(Object.keys(detail.scores).sort(), content.approaches.map((a) => a.id).sort());
  assert.ok(Object.values(detail.scores).every(Number.isFinite));
  const answers = (await events()).filter((e) => e.type === 'ovp:answer');
  assert.ok(answers.length >= total);
  assert.deepEqual(answers.at(-1).detail, {
    questionId: content.questions.at(-1).id, optionId: chosen[content.questions.at(-1).id], step: total, total, exploring: false,
  });

  // Every approach still open shows its score, matching the event (scores below zero
  // with a true minus sign); a ruled-out one is listed with its mark and no number.
  const scores = await widget.locator('.score').allTextContents();
  assert.equal(scores.length, content.approaches.length);
  for (const approach of content.approaches) {
    const row = scores.find((s) => s.startsWith(approach.name))?.replaceAll('\u2212', '-');
    if (detail.ruledOut.includes(approach.id)) {
      assert.equal(row, `${approach.name} (ruled out)`);
    } else {
      assert.ok(row?.includes(detail.scores[approach.id].toFixed(1)), `score of ${approach.id}: ${row}`);
    }
  }

  // The "why" names real answers the reader gave.
  const why = await widget.locator('.why-list li').allTextContents();
  assert.ok(why.length >= 1);
  const labels = content.questions.map((q) => q.options.find((o) => o.id === chosen[q.id]).label);
  for (const line of why) assert.ok(labels.some((l) => line.includes(l)), `"${line}" names no answer`);

  // The chart: an accessible SVG with a bar per approach and dimension.
  const chart = widget.locator('svg.comparison-chart[role="img"]');
  assert.equal(await chart.locator('title#ovp-chart-title').textContent(), 'How the approaches compare');
  assert.match(await chart.locator('desc').textContent(), /Ratings from 1 \(weak\) to 5 \(strong\)/);
  assert.equal(await chart.locator('.dimension rect.bar').count(), content.dimensions.length * content.approaches.length);
  assert.ok(await chart.locator('.dimension.priority').count() >= 1, 'the reader\'s priorities are marked');

  // The table, behind its disclosure, holds the same numbers.
  const table = widget.locator('table.data-table');
  assert.equal(await table.isVisible(), false, 'the table arrives closed');
  await widget.locator('summary', { hasText: 'Ratings from 1 (weak) to 5 (strong); ★ marks your priorities' }).click();
  assert.equal(await table.isVisible(), true, 'its summary opens it');
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), content.dimensions.length);
  for (const [d, dimension] of content.dimensions.entries()) {
    const cells = await rows.nth(d).locator('td.number').allTextContents();
    assert.deepEqual(cells.map(Number), content.approaches.map((a) => dimension.ratings[a.id].score));
    assert.ok((await rows.nth(d).locator('th').textContent()).includes(dimension.name));
  }

  await page.screenshot({ path: artifact('result-1200-light.png'), fullPage: true });

  // Back from the result returns to the summary with every answer kept, and on again.
  await advance(widget, () => widget.getByRole('button', { name: 'Back', exact: true }).click(), { screen: 'summary' });
  assert.deepEqual(await widget.locator('.summary-answer').allTextContents(), summaryAnswers);
  await widget.getByRole('button', { name: 'See result', exact: true }).click();
  assert.equal(await waitForResult(widget), headingText);
  assert.equal(await heading.textContent(), headingText);
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 2);

  // Retake clears the answers and starts again.
  await advance(widget, () => widget.getByRole('button', { name: 'Retake the quiz' }).click(), { screen: 'question', number: 1 });
  assert.equal(await widget.locator('legend .step-count').textContent(), `Step 1 of ${total}`);
  assert.equal(await widget.locator('input[type=radio]:checked').count(), 0);

  assert.deepEqual(errors, []);
  await page.close();
});

for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [1200, 'dark']]) {
  test(`at ${width} px in ${scheme} mode the page never scrolls sideways, on any step or the whole result`, async () => {
    const { page, errors, widget: first } = await openPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    const widget = first();
    const checked = [];
    await takeQuiz(widget, answersFor(content, () => 0), {
      onStep: async (step) => {
        const where = step.screen === 'question' ? `question ${step.number}` : step.screen;
        checked.push(where);
        if (where === 'question 1') await page.screenshot({ path: artifact(`question-${width}-${scheme}.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${where}: horizontal overflow of the page in px`);
        // Nothing inside the widget pokes out of its box either.
        const outside = await widget.locator('section.ovp').evaluate((section) => {
          const box = section.getBoundingClientRect();
          return [...section.querySelectorAll('*')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        });
        assert.deepEqual(outside, [], `${where}: elements outside the widget`);
      },
    });
    assert.deepEqual(checked, ['intro', ...content.questions.map((_, q) => `question ${q + 1}`), 'summary', 'result']);
    // The whole result was there when it was measured: the three charts (answers,
    // ratings, costs), their tables, the facts.
    assert.equal(await widget.locator('svg[role=img]').count(), 3);
    assert.equal(await widget.locator('table').count(), 3);
    assert.equal(await widget.locator('.facts li').count(), content.facts.length);
    const background = await widget.locator('section.ovp').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, scheme === 'dark' ? 'rgb(23, 25, 30)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: artifact(`result-${width}-${scheme}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('on a 390 px phone a tapped dimension brings its reasons into view, and no two value labels of the contribution chart overlap', async () => {
  const { page, errors, widget: first } = await openPage({ viewport: { width: 390, height: 844 } });
  const widget = first();
  await takeQuiz(widget, answersFor(content, () => 1));
  await widget.getByRole('button', { name: 'See the details: charts, tables and sources' }).click();

  // Tapping a dimension's label near the top of the comparison chart: its reasons, below
  // the chart, come on screen.
  const reasons = widget.locator('.rating-reasons');
  const label = widget.locator('svg.comparison-chart g.dimension').nth(1);
  await label.scrollIntoViewIfNeeded();
  const onScreen = (locator) => locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  assert.equal(await onScreen(reasons), false, 'the reasons start below the screen');
  await label.locator('.dimension-label').click();
  await page.waitForFunction((host) => {
    const box = host.shadowRoot.querySelector('.rating-reasons').getBoundingClientRect();
    // Scrolling lands on whole pixels, the box on fractions of one.
    return box.top >= -1 && box.bottom <= innerHeight + 1;
  }, await widget.elementHandle(), { timeout: 5000 }).catch(async () => assert.fail(`the reasons never came on screen: ${JSON.stringify(await reasons.evaluate((el) => ({ box: el.getBoundingClientRect().toJSON(), h: innerHeight, y: scrollY })))}`));
  assert.equal(await reasons.locator('.rating-reasons-heading').textContent(), `Why these ratings for ${content.dimensions[1].name}`);

  // Value labels: two labels whose text boxes share any width sit a font size apart.
  const labels = await widget.locator('svg.contribution-chart .value-label').evaluateAll((all) => all.map((text) => {
    const box = text.getBBox();
    return { x: box.x, width: box.width, y: Number(text.getAttribute('y')), size: parseFloat(getComputedStyle(text).fontSize), text: text.textContent };
  }));
  assert.ok(labels.length > 10, `${labels.length} value labels`);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const share = a.x < b.x + b.width && b.x < a.x + a.width;
      if (share) assert.ok(Math.abs(a.y - b.y) >= a.size, `"${a.text}" at y ${a.y} and "${b.text}" at y ${b.y} overlap`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a 390 px phone the result leads with the verdict, the scores and why; the charts wait behind See the details, their tables, reasons and facts open from their summaries by keyboard, and all print open', async () => {
  const { page, errors, widget: first } = await openPage({ viewport: { width: 390, height: 844 } });
  const widget = first();
  // The first answers: the longest why, which spells out the two approaches they rule out.
  await takeQuiz(widget, answersFor(content, () => 0));
  await page.screenshot({ path: artifact('result-390-phone.png'), fullPage: true });

  // The first screen of the result holds the verdict and what to do next; the scores and
  // why (its lead and the first answer it names) follow before either chart.
  const lead = await widget.locator('.result').evaluate((result) => {
    const top = result.getBoundingClientRect().top;
    const bottom = (selector) => Math.round(result.querySelector(selector).getBoundingClientRect().bottom - top);
    return {
      verdict: bottom('h2.result-heading'), steps: bottom('.next-steps'), scores: bottom('.score-list'),
      why: bottom('.why > p'), firstReason: bottom('.why li'), toggle: bottom('.details-toggle'), screen: innerHeight,
      whole: Math.round(result.getBoundingClientRect().height),
    };
  });
  for (const part of ['verdict', 'steps']) {
    assert.ok(lead[part] <= lead.screen, `${part} ends ${lead[part]} px into the result, past the first screen (${lead.screen} px): ${JSON.stringify(lead)}`);
  }
  assert.ok(lead.steps < lead.scores && lead.scores < lead.why && lead.firstReason < lead.toggle, JSON.stringify(lead));
  // Without the details even this longest result (two approaches ruled out, an answer
  // in spite of which it is suggested) stays under four screens.
  assert.ok(lead.whole < 4 * lead.screen, `the result is ${lead.whole} px tall: ${JSON.stringify(lead)}`);

  // The charts, their tables and the facts wait behind one button, out of sight and out
  // of the accessibility tree; the share link and the actions stay in view.
  const toggle = widget.getByRole('button', { name: 'See the details: charts, tables and sources' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  for (const hidden of ['svg.contribution-chart', 'svg.comparison-chart', 'details.disclosure']) {
    assert.equal(await widget.locator(hidden).first().isVisible(), false, hidden);
  }
  assert.ok(await widget.getByRole('button', { name: 'Copy link' }).isVisible());

  // By keyboard, from the result's heading (where See result put focus): Tab reaches
  // See the details, and Enter shows both charts.
  const focusedNow = () => widget.evaluate((host) => host.shadowRoot.activeElement?.textContent.trim());
  for (let presses = 0; presses < 20 && (await focusedNow()) !== 'See the details: charts, tables and sources'; presses++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  for (const chart of ['svg.contribution-chart', 'svg.comparison-chart']) assert.ok(await widget.locator(chart).isVisible(), chart);

  // Each table, every rating's reason and the facts wait behind a closed disclosure, out
  // of sight and out of the accessibility tree.
  const summaries = [
    'Points each answer added (+) or took away (−), largest first',
    'Ratings from 1 (weak) to 5 (strong); ★ marks your priorities',
    'The reason behind each rating',
    'Monthly cost at each volume',
    'Facts behind the ratings',
  ];
  assert.deepEqual(await widget.locator('details.disclosure > summary').allTextContents(), summaries);
  assert.equal(await widget.locator('details.disclosure[open]').count(), 0);
  assert.equal(await widget.getByRole('table').count(), 0);
  assert.equal(await widget.locator('.facts').getByRole('link').count(), 0);
  for (const selector of ['table.contribution-table', 'table.data-table', 'table.cost-table', '.reasons dl', '.facts ul']) {
    assert.equal(await widget.locator(selector).isVisible(), false, selector);
  }

  // Tab reaches each summary in turn, Enter opens it, and Tab goes on into what it holds.
  const focused = () => widget.evaluate((host) => {
    const active = host.shadowRoot.activeElement;
    return {
      tag: active?.tagName.toLowerCase(), className: active?.getAttribute('class') ?? '', text: active?.textContent.trim(),
      open: active?.matches('summary') ? active.parentElement.open : null,
      disclosure: active?.matches('details.disclosure > summary') ?? false,
    };
  });
  assert.equal((await focused()).className, 'secondary details-toggle');
  const tabToSummary = async () => {
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      // The cost chart's assumptions are a summary too, but not a disclosure of the list.
      const { disclosure, ...now } = await focused();
      if (disclosure) return now;
    }
    return assert.fail('no summary within 20 presses of Tab');
  };
  for (const [i, summary] of summaries.entries()) {
    assert.deepEqual(await tabToSummary(), { tag: 'summary', className: '', text: summary, open: false });
    await page.keyboard.press('Enter');
    assert.equal((await focused()).open, true, `Enter opens "${summary}"`);
    if (i < 2) {
      // The table is now in the accessibility tree, named by its caption, and Tab
      // enters its scroll region.
      await widget.getByRole('table', { name: summary }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal((await focused()).className, 'table-scroll');
    }
  }
  assert.equal(await widget.getByRole('table').count(), 3);
  assert.ok(await widget.locator('.reasons dl').isVisible());
  assert.equal(await widget.locator('.facts').getByRole('link').count(), content.facts.length);
  await page.keyboard.press('Tab');
  assert.equal((await focused()).tag, 'a', 'Tab goes on to the first source');

  // Closed again, details and all, they all print open: both charts, the tables, the
  // reasons and the facts.
  for (const summary of await widget.locator('details.disclosure > summary').all()) await summary.click();
  assert.equal(await widget.locator('details.disclosure[open]').count(), 0);
  await toggle.click();
  assert.equal(await widget.locator('svg.comparison-chart').isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['svg.contribution-chart', 'svg.comparison-chart', 'table.contribution-table', 'table.data-table', '.reasons dl', '.facts ul']) {
    assert.equal(await widget.locator(selector).isVisible(), true, `${selector} in print`);
    const box = await widget.locator(selector).boundingBox();
    assert.ok(box.width > 0 && box.height > 0, `${selector} in print: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
