// A question that asks for a number, and what each approach costs at it: the built-in
// quiz's volume question answered with the slider (mouse and keyboard), the typed field
// and the bands' radio buttons, each following the others; the number carried in the
// answer event and into the result's cost chart, whose words, table and band follow the
// reader's volume and the assumptions the reader moves; the chart downloads. Also on a
// phone in Arabic, right to left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, pack, takeQuiz, waitForResult, waitForStep, advance } from './harness.mjs';

const env = useBrowser();
const en = pack('en');
const VOLUME = en.questions.findIndex((q) => q.number);

/** The built-in quiz up to its volume question, every earlier answer the first option. */
async function toVolumeQuestion(widget) {
  await takeQuiz(widget, en.questions.slice(0, VOLUME).map(() => 0), { through: 'questions' });
  return waitForStep(widget, { screen: 'question', number: VOLUME + 1 });
}

/** What the volume question shows: the checked band, the slider, the typed field, the words. */
function shown(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    return {
      band: root.querySelector('input[type=radio]:checked')?.value ?? null,
      slider: Number(root.querySelector('input.number-slider').value),
      typed: Number(root.querySelector('.number-field input').value),
      words: root.querySelector('.number-words').textContent,
      valueText: root.querySelector('input.number-slider').getAttribute('aria-valuetext'),
    };
  });
}

test('the volume question: slider, typed number and bands follow each other, and the result costs the number given', async () => {
  const { page, errors, events, widget } = await openPage({ viewport: { width: 1280, height: 900 } });
  const w = widget();
  await toVolumeQuestion(w);
  const question = en.questions[VOLUME];
  // Untouched, it shows its starting number, in its band.
  let now = await shown(w);
  assert.equal(now.typed, question.number.start);
  assert.equal(now.band, question.options[0].id);
  assert.equal(now.words, '10 million tokens a month');
  assert.equal(now.valueText, now.words, 'the slider says the number in words to a screen reader');

  // Typed: 300 million is in the second band; the slider moves to it.
  await w.locator('.number-field input').fill('300000000');
  await w.locator('.number-field input').press('Tab');
  now = await shown(w);
  assert.equal(now.band, question.options[1].id);
  assert.equal(now.words, '300 million tokens a month');
  const log = (v) => Math.log(v / question.number.min) / Math.log(question.number.max / question.number.min);
  assert.equal(now.slider, Math.round(log(3e8) * 1000));

  // Out of range is held to it.
  await w.locator('.number-field input').fill('5');
  await w.locator('.number-field input').press('Tab');
  assert.equal((await shown(w)).typed, question.number.min);

  // The keyboard on the slider: End is the largest number, in the last band.
  await w.locator('input.number-slider').focus();
  await page.keyboard.press('End');
  now = await shown(w);
  assert.equal(now.typed, question.number.max);
  assert.equal(now.band, question.options.at(-1).id);

  // A band's radio button, with the mouse: the middle of its band on the slider.
  await w.locator(`input[type=radio][value="${question.options[1].id}"]`).click();
  now = await shown(w);
  assert.equal(now.band, question.options[1].id);
  assert.ok(now.typed >= question.options[0].below && now.typed < question.options[1].below, String(now.typed));

  // The mouse on the slider: a click three quarters along it.
  const box = await w.locator('input.number-slider').boundingBox();
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  now = await shown(w);
  assert.ok(Math.abs(now.slider - 750) < 25, String(now.slider));
  const given = now.typed;
  assert.equal(now.band, question.options.find((o) => o.below === undefined || given < o.below).id);

  // Next: the answer event carries the number and its band.
  await advance(w, () => w.locator('button[type=submit]').click());
  const answer = (await events()).filter((e) => e.type === 'ovp:answer').at(-1).detail;
  assert.equal(answer.questionId, question.id);
  assert.equal(answer.value, given);
  assert.equal(answer.optionId, now.band);

  await takeQuiz(w, en.questions.slice(VOLUME + 1).map(() => 0));
  await waitForResult(w);
  // The cost chart: a series per charted approach, the reader's volume marked, the
  // break-evens in words, the estimate at the reader's volume, and the plain caveat.
  const costs = w.locator('section.costs');
  await costs.locator('svg[role=img]').waitFor();
  const costed = en.approaches.filter((a) => en.costs.terms.some((t) => t.approach === a.id));
  assert.equal(await costs.locator('.cost-series').count(), costed.length);
  // Its legend names those it draws, not an approach with no cost (hybrid).
  const named = await costs.locator('svg > .legend .legend-label').allTextContents();
  assert.deepEqual(named.map((n) => n.replace(/ \(ruled out\)$/, '')), costed.map((a) => a.shortName));
  assert.equal(await costs.locator('.cost-you').count(), 1);
  assert.match(await costs.locator('.meta').textContent(), /not a quote/);
  const words = await costs.locator('.cost-words').textContent();
  assert.match(words, /^At [\d,.]+ (thousand|million|billion) tokens a month:/);
  assert.match(words, /Above [\d,.]+ (million|billion|thousand)? ?tokens a month, .* costs less than /);

  // Moving an assumption (GPU rent to its dearest) changes the self-run model's estimate.
  const estimate = () => costs.locator('.cost-words li').first().textContent();
  const before = await estimate();
  await costs.locator('details.assumptions > summary').click();
  const rent = costs.locator('.assumption input[type=range]').first();
  await rent.focus();
  await page.keyboard.press('End');
  assert.notEqual(await estimate(), before, 'the words follow the assumption');

  // The table has the same numbers, the reader's volume marked.
  await costs.locator('details.disclosure > summary').click();
  assert.equal(await costs.locator('table.cost-table tr.yours').count(), 1);

  // Downloads: an SVG and a PNG of the cost chart.
  for (const format of ['SVG', 'PNG']) {
    const download = page.waitForEvent('download');
    await costs.getByRole('button', { name: new RegExp(`^Download ${format} of`) }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), new RegExp(`\\.${format.toLowerCase()}$`));
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a 390 px phone in Arabic, right to left: the slider by keyboard, a typed number in the reader\'s digits, and the cost chart', async () => {
  const ar = pack('ar');
  const { page, errors, widget } = await openPage({
    body: '<open-vs-proprietary lang="ar"></open-vs-proprietary>',
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    viewport: { width: 390, height: 800 }, contextOptions: { hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  });
  const w = widget();
  await takeQuiz(w, ar.questions.slice(0, VOLUME).map(() => 0), { through: 'questions' });
  await waitForStep(w, { screen: 'question', number: VOLUME + 1 });
  assert.equal(await w.locator('section.ovp').getAttribute('dir'), 'rtl');
  // Every control is a target of at least 24 by 24 px (WCAG 2.5.8), as wide as the column.
  for (const selector of ['input.number-slider', '.number-field input']) {
    const box = await w.locator(selector).boundingBox();
    assert.ok(box.height >= 24 && box.width >= 24, `${selector} is ${box.width} by ${box.height} px`);
  }
  assert.ok((await w.locator('input.number-slider').boundingBox()).width > 300);
  // The slider by keyboard: Home is the smallest number, in the first band, written in
  // Arabic digits.
  await w.locator('input.number-slider').focus();
  await page.keyboard.press('Home');
  const now = await shown(w);
  assert.equal(now.typed, ar.questions[VOLUME].number.min);
  assert.equal(now.band, ar.questions[VOLUME].options[0].id);
  assert.match(now.words, /^[٠-٩٬]+ /);
  // Tapped: a band's radio button.
  await w.locator(`input[type=radio][value="${ar.questions[VOLUME].options.at(-1).id}"]`).tap();
  assert.equal((await shown(w)).band, ar.questions[VOLUME].options.at(-1).id);
  await advance(w, () => w.locator('button[type=submit]').tap());
  await takeQuiz(w, ar.questions.slice(VOLUME + 1).map(() => 0));
  await waitForResult(w);
  const details = w.locator('.details-toggle');
  if (await details.isVisible()) await details.tap();
  const costs = w.locator('section.costs');
  await costs.locator('svg[role=img]').waitFor();
  // The words in Arabic with Arabic digits, and the chart inside the column.
  assert.match(await costs.locator('.cost-words').textContent(), /[٠-٩]/);
  const svg = await costs.locator('svg[role=img]').boundingBox();
  assert.ok(svg.x >= 0 && svg.x + svg.width <= 390, JSON.stringify(svg));
  assert.deepEqual(errors, []);
  await page.close();
});

test('in Spanish a count that ends in a noun takes "de" before its unit, and one that ends in "mil" or digits does not', async () => {
  const es = pack('es');
  const question = es.questions.findIndex((q) => q.number);
  const { page, errors } = await openPage({ body: '<open-vs-proprietary lang="es"></open-vs-proprietary>', lang: 'es' });
  const w = page.locator('open-vs-proprietary');
  await takeQuiz(w, es.questions.slice(0, question).map(() => 0), { through: 'questions' });
  await waitForStep(w, { screen: 'question', number: question + 1 });
  const unit = es.questions[question].number.unit;
  for (const [typed, words] of [[510e6, `510 millones de ${unit}`], [1e9, `1 mil millones de ${unit}`], [200000, `200 mil ${unit}`]]) {
    await w.locator('.number-field input').fill(String(typed));
    await w.locator('.number-field input').press('Tab');
    await w.locator('.number-words', { hasText: words }).waitFor();
    assert.equal((await shown(w)).valueText, words);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a cost model with no figures yet (as the studio starts one) charts nothing, and the result shows in full', async () => {
  const bare = { ...en, id: 'no-figures', costs: { ...en.costs, terms: [] } };
  env.server.routes.set('/packs/no-figures.json', { body: JSON.stringify(bare), type: 'application/json' });
  const { page, errors } = await openPage({ body: '<open-vs-proprietary src="/packs/no-figures.json"></open-vs-proprietary>' });
  await takeQuiz(page, en.questions.map(() => 0));
  const w = page.locator('open-vs-proprietary');
  assert.equal(await w.locator('section.costs').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
