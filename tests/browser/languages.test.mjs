// Every reader's language: the built-in Arabic (right to left) and Spanish quizzes taken to
// the result with no English string of the widget's own left, the widget's direction
// against the page's, mirrored charts and their downloads, plural forms and digits.
// (axe and the keyboard run in both languages are in a11y.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import {
  ROOT, useBrowser, openPage, pack, takeQuiz, answersFor, waitForStep, artifact,
} from './harness.mjs';

useBrowser();
const en = pack('en');
const ar = pack('ar');
const es = pack('es');

// The built-in tables (crates/model/src/l10n/tables/, a file each). The English table's
// words, each cut at its blanks and punctuation: a piece with a word of four letters or
// more showing in another language's widget is English left over.
const TABLES = `${ROOT}crates/model/src/l10n/tables/`;
const tableFiles = (await readdir(TABLES)).filter((file) => file.endsWith('.rs') && file !== 'mod.rs');
const source = (await Promise.all(tableFiles.map((file) => readFile(`${TABLES}${file}`, 'utf8')))).join('\n');
/** The pieces of built-in table `name` (`EN`) with a word of four letters or more. */
function pieces(name) {
  const start = source.indexOf(`pub const ${name}: UiText`);
  assert.ok(start >= 0, `no built-in table ${name} in ${TABLES}`);
  const table = source.slice(start, source.indexOf('\n};', start));
  return [...table.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => m[1])
    .filter((text) => !text.startsWith('January,'))
    .flatMap((text) => text.split(/\{\w+\}|[“”"().:;,·…★+−]/))
    .map((piece) => piece.trim())
    .filter((piece) => /[A-Za-z]{4,}/.test(piece));
}
const ENGLISH = pieces('EN');

/** The widget's visible text and its accessible names (aria-label, title) in one string. */
function everyText(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const names = [...root.querySelectorAll('[aria-label], [title], abbr')]
      .map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`);
    return `${root.textContent} ${names.join(' ')}`;
  });
}

/** Pieces of the English table found in `text` that neither the pack's own texts (facts
 * keep their sources' English titles) nor the language's table (Spanish "Total") hold. */
const englishIn = (text, content, table) => {
  const own = new Set(pieces(table));
  return ENGLISH.filter((piece) => text.includes(piece) && !own.has(piece) && !JSON.stringify(content).includes(piece));
};

/** Where the widget's parts are: direction, Back and Next, the charts' first bar and legend. */
function layout(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const section = root.querySelector('section.ovp');
    const box = (el) => { const r = el?.getBoundingClientRect(); return r && { left: r.left, right: r.right }; };
    const chart = (selector) => {
      const svg = root.querySelector(selector);
      const view = svg.viewBox.baseVal;
      const bar = svg.querySelector('.dimension .bar, .answer .bar');
      const legend = svg.querySelector('.legend-label');
      return {
        direction: svg.getAttribute('direction'),
        computed: getComputedStyle(legend).direction,
        viewRight: view.x + view.width,
        barLeft: Number(bar.getAttribute('x')),
        barRight: Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')),
        legendX: Number(legend.getAttribute('x')),
        values: [...svg.querySelectorAll('.value-label')].map((t) => t.textContent),
      };
    };
    return {
      dir: section.getAttribute('dir'),
      direction: getComputedStyle(section).direction,
      heading: box(root.querySelector('h2')),
      section: box(section),
      comparison: root.querySelector('svg.comparison-chart') && chart('svg.comparison-chart'),
      contribution: root.querySelector('svg.contribution-chart') && chart('svg.contribution-chart'),
    };
  });
}

async function open({ lang, pageLang = 'en', pageDir = 'ltr', width = 1200, colorScheme = 'light', body }) {
  const { page, errors, widget } = await openPage({
    path: `/languages-${lang}-${pageDir}-${width}-${colorScheme}.html`,
    html: `<!doctype html><html lang="${pageLang}" dir="${pageDir}"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg">
      <script type="module" src="/embed.js"></script></head>
      <body>${body ?? `<open-vs-proprietary lang="${lang}" loading="eager" storage="none"></open-vs-proprietary>`}</body></html>`,
    viewport: { width, height: 900 },
    colorScheme,
    contextOptions: { acceptDownloads: true },
  });
  return { page, errors, widget: widget() };
}

for (const width of [390, 1200]) for (const colorScheme of ['light', 'dark']) {
  test(`Arabic in a left-to-right page, ${width} px ${colorScheme}: right to left throughout, mirrored charts, Arabic digits, no English left`, async () => {
    const { page, errors, widget } = await open({ lang: 'ar', width, colorScheme });
    const question = await takeQuiz(widget, [0], { through: 'questions' });
    assert.equal(question.number, 2, 'the step count reads ٢');
    let where = await layout(widget);
    assert.deepEqual([where.dir, where.direction], ['rtl', 'rtl']);
    // Back and Next trade places: Next, the way forward, is on the left.
    const back = await widget.getByRole('button', { name: ar.ui?.back ?? 'السابق' }).boundingBox();
    const next = await widget.locator('button[type=submit]').boundingBox();
    assert.ok(next.x < back.x, `Next (${next.x}) is left of Back (${back.x})`);
    // The heading starts at the right edge.
    assert.ok(where.section.right - where.heading.right < 40, 'the heading sits on the right');
    assert.match(await widget.locator('legend .step-count').textContent(), /^الخطوة ٢ من ١١$/);

    await takeQuiz(widget, answersFor(ar, () => 0).slice(1));
    where = await layout(widget);
    for (const name of ['comparison', 'contribution']) {
      const chart = where[name];
      assert.deepEqual([chart.direction, chart.computed], ['rtl', 'rtl'], `${name}: direction`);
      // The legend starts on the right; bars grow from the right.
      assert.ok(chart.legendX > chart.viewRight / 2, `${name}: legend at ${chart.legendX}`);
      assert.ok(chart.values.length > 0 && chart.values.every((v) => /^[−+]?[٠-٩]+(٫[٠-٩])?$/.test(v)), `${name}: numbers in Arabic digits: ${chart.values}`);
    }
    assert.ok(where.comparison.viewRight - where.comparison.barRight < 6, `comparison bars end at the right (${where.comparison.barRight} of ${where.comparison.viewRight})`);
    assert.match(await widget.locator('.score-value').first().textContent(), /^[٠-٩]+٫[٠-٩] /);
    const text = await everyText(widget);
    assert.deepEqual(englishIn(text, ar, 'AR'), [], 'no English string of the widget is left');
    await page.screenshot({ path: artifact(`languages-ar-${width}-${colorScheme}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the Arabic chart downloads as an SVG that runs right to left in Arabic digits', async () => {
  const { page, errors, widget } = await open({ lang: 'ar' });
  await takeQuiz(widget, answersFor(ar, () => 1));
  const button = widget.locator('.comparison button').first();
  const [started] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const svg = (await readFile(await started.path())).toString();
  // Right to left from the file's root (its title and source on the right) to the chart.
  assert.ok(/^<svg[^>]* direction="rtl"/.test(svg), 'the file runs right to left');
  assert.ok(/<text x="620"[^>]*>[^<]+<\/text><svg[^>]* direction="rtl"/.test(svg), 'the title starts on the right');
  assert.ok(/<text[^>]*>[−+]?[٠-٩]+٫[٠-٩]<\/text>/.test(svg), 'numbers in Arabic digits');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Spanish to the result: Spanish strings, decimal commas, plural forms, no English left', async () => {
  const { page, errors, widget } = await open({ lang: 'es', width: 390 });
  assert.match(await widget.locator('.intro .meta').textContent(), /^11 preguntas · /);
  await takeQuiz(widget, answersFor(es, () => 1));
  assert.equal((await layout(widget)).dir, 'ltr');
  assert.match(await widget.locator('h2.result-heading').textContent(), /^Nuestra recomendación: /);
  assert.match(await widget.locator('.score-value').first().textContent(), /^−?\d+,\d (punto|puntos)$/);
  assert.deepEqual(englishIn(await everyText(widget), es, 'ES'), [], 'no English string of the widget is left');
  await page.screenshot({ path: artifact('languages-es-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an English pack in a right-to-left page stays left to right; the element\'s dir overrides the language', async () => {
  const { page, errors, widget } = await open({ lang: 'en', pageLang: 'ar', pageDir: 'rtl' });
  await waitForStep(widget, { screen: 'intro' });
  assert.deepEqual(Object.values(await layout(widget)).slice(0, 2), ['ltr', 'ltr']);
  await takeQuiz(widget, answersFor(en, () => 0));
  assert.equal((await layout(widget)).comparison.direction, 'ltr');
  // dir="rtl" on the element turns the same English quiz right to left (it restarts).
  await page.evaluate(() => document.querySelector('open-vs-proprietary').setAttribute('dir', 'rtl'));
  await page.waitForFunction(() => document.querySelector('open-vs-proprietary').shadowRoot.querySelector('section.ovp')?.getAttribute('dir') === 'rtl');
  assert.equal((await layout(widget)).direction, 'rtl');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a one-question pack says "1 question"; Arabic says one question and one minute in words, as it does', async () => {
  // The cost model reads the volume question, which is left out with the others.
  const one = (lang) => JSON.stringify({ ...en, lang, questions: [en.questions[0]], costs: undefined });
  // Under it, the time the pack takes a reader (model::time_to_take): one minute here.
  for (const [lang, meta] of [['en', /^1 question · nothing leaves your browserAbout 1 minute to answer$/], ['ar', /^سؤال واحد، لا شيء يغادر متصفحكتستغرق الإجابة نحو دقيقة واحدة$/]]) {
    const { page, errors, widget } = await open({
      lang,
      body: `<open-vs-proprietary loading="eager" storage="none"><script type="application/json">${one(lang)}</script></open-vs-proprietary>`,
    });
    await page.waitForFunction(() => document.querySelector('open-vs-proprietary').shadowRoot?.querySelector('.intro .meta'));
    assert.match(await widget.locator('.intro .meta').textContent(), meta);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a pack missing a plural form is refused with the path, in a panel in the element\'s language and direction', async () => {
  const broken = JSON.stringify({ ...ar, ui: { introMeta: { one: '{count} سؤال', other: '{count} سؤال' } } });
  const { page, widget } = await open({
    lang: 'ar',
    body: `<open-vs-proprietary lang="ar" loading="eager" storage="none"><script type="application/json">${broken}</script></open-vs-proprietary>`,
  });
  await waitForStep(widget, { screen: 'error' });
  // A pack that does not validate has no language of its own: the element's lang speaks.
  const panel = widget.locator('.error-panel');
  assert.equal(await panel.getAttribute('dir'), 'rtl');
  const problems = await panel.locator('.problems li').allTextContents();
  assert.ok(problems.includes('ui.introMeta.zero: is missing: numbers in the pack\'s language (ar) take the forms zero, one, two, few, many, other'), problems.join('\n'));
  // An English message in the Arabic panel keeps its own direction.
  assert.equal(await panel.locator('.problems li').first().evaluate((li) => getComputedStyle(li).direction), 'ltr');
  await page.close();
});
