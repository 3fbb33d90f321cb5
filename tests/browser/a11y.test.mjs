// Accessibility in headless Chromium, against the built dist/ (WCAG 2.2 AA):
// - axe-core inside the widget's shadow root on every screen, in light and dark, at
//   320 and 1280 px, for each UI language; any violation fails and is printed;
// - a keyboard-only run through the whole quiz, checking where focus lands each time,
//   that the focus ring is visible with 3:1 contrast and that the result is announced;
// - reflow at 320 px (also with WCAG text spacing) and at 200% zoom, target sizes,
//   reduced motion, forced colours, heading order, and the chart's words and contrast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DIST, useBrowser, openPage, pack, artifact, waitForResult, takeQuiz, openDisclosures, LANGUAGES } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const content = pack('en');
// Each UI language brings its own built-in pack (same ids and numbers, translated texts).
const PACKS = Object.fromEntries(LANGUAGES.map((lang) => [lang, pack(lang)]));
const demo = await readFile(`${DIST}index.html`, 'utf8');
const total = content.questions.length;

// The UI languages under test (the `lang` attribute on the element), with the few UI
// strings the assertions read.
const LANGS = {
  en: {
    step: (step, of) => `Step ${step} of ${of}`,
    start: 'Start', next: 'Next', reviewAnswers: 'Check your answers', seeResult: 'See result', summary: 'Check your answers', change: 'Change', back: 'Back', retake: 'Retake the quiz',
    chooseAnAnswer: 'Choose an answer to continue.', resultPrefix: 'Our suggestion: ',
  },
  es: {
    step: (step, of) => `Paso ${step} de ${of}`,
    start: 'Empezar', next: 'Siguiente', reviewAnswers: 'Revisar las respuestas', seeResult: 'Ver el resultado', summary: 'Revisa tus respuestas', change: 'Cambiar', back: 'Atrás', retake: 'Repetir el cuestionario',
    chooseAnAnswer: 'Elige una respuesta para continuar.', resultPrefix: 'Nuestra recomendación: ',
  },
  // Right to left, in Arabic-Indic digits.
  ar: {
    step: (step, of) => `الخطوة ${arabicDigits(step)} من ${arabicDigits(of)}`,
    start: 'ابدأ', next: 'التالي', reviewAnswers: 'مراجعة الإجابات', seeResult: 'عرض النتيجة', summary: 'راجع إجاباتك', change: 'تغيير', back: 'السابق', retake: 'إعادة الاختبار',
    chooseAnAnswer: 'اختر إجابة للمتابعة.', resultPrefix: 'اقتراحنا: ',
  },
  zh: {
    step: (step, of) => `第 ${step} 步，共 ${of} 步`,
    start: '开始', next: '下一步', reviewAnswers: '核对回答', seeResult: '查看结果', summary: '核对你的回答', change: '修改', back: '上一步', retake: '重新测验',
    chooseAnAnswer: '请先选择一个选项，再继续。', resultPrefix: '我们的建议：',
  },
};

function arabicDigits(n) {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
}

const rulesPassing = new Set();

useBrowser();
before(() => assert.equal(demo.split('<open-vs-proprietary').length, 2, 'the demo page holds one widget'));
after(() => {
  if (rulesPassing.size) console.log(`axe rules passing inside the widget: ${rulesPassing.size} (${[...rulesPassing].sort().join(', ')})`);
});

/** A page at `width` px showing the demo post with the widget in UI language `lang`. */
async function openDemo({ lang = 'en', width = 1280, colorScheme = 'light', deviceScaleFactor = 1, reducedMotion, forcedColors } = {}) {
  const { page, errors, widget: first } = await openPage({
    path: `/a11y-${lang}.html`,
    html: demo.replace('<open-vs-proprietary', `<open-vs-proprietary lang="${lang}"`),
    viewport: { width, height: 900 },
    colorScheme,
    contextOptions: { deviceScaleFactor, reducedMotion, forcedColors },
  });
  const widget = first();
  // The prerendered (English) intro is there at once: wait for the live widget's intro,
  // in its own language (after mount, which adopts the stylesheet, and for zh its pack).
  await page.waitForFunction(() => {
    const root = document.querySelector('open-vs-proprietary')?.shadowRoot;
    return root?.adoptedStyleSheets.length > 0 && root.querySelector('.intro button.primary') !== null;
  });
  return { page, errors, widget };
}

/** Runs axe on the widget (its open shadow root included) and returns a summary. */
async function runAxe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const results = await window.axe.run({ include: [['open-vs-proprietary']] }, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'target-size': { enabled: true } },
    });
    const nodes = (rule) => rule.nodes.map((n) => ({
      target: n.target, summary: n.failureSummary ?? '', html: n.html,
      reasons: [...n.any, ...n.all, ...n.none].map((c) => c.data?.messageKey ?? c.id),
    }));
    return {
      violations: results.violations.map((r) => ({ id: r.id, impact: r.impact, help: r.help, nodes: nodes(r) })),
      passes: results.passes.map((r) => ({ id: r.id, nodes: nodes(r) })),
      incomplete: results.incomplete.map((r) => ({ id: r.id, help: r.help, nodes: nodes(r) })),
    };
  }, AXE_TAGS);
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${
    v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.summary.replaceAll('\n', '\n      ')}`).join('\n')}`).join('\n');
}

/** Fails on any violation, printing each; checks axe really looked inside the shadow root. */
async function assertAccessible(page, where, mustPassInside) {
  const { violations, passes, incomplete } = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${describeViolations(violations)}`);
  // A target of the form [["host", "inner"]] is an element inside the shadow root.
  const inside = new Set(passes.filter((r) => r.nodes.some((n) => Array.isArray(n.target[0]) && n.target[0].length >= 2)).map((r) => r.id));
  for (const id of inside) rulesPassing.add(id);
  for (const id of mustPassInside) assert.ok(inside.has(id), `axe rule ${id} found nothing to check inside the widget on ${where}`);
  // "Needs review" results are not violations, and only one kind is expected: axe does
  // not judge the contrast of SVG text (it cannot see the fill behind it) nor of a
  // symbol-only span such as the decorative, aria-hidden priority star. The chart test
  // below measures the SVG text itself, and tests/contrast.rs the theme's colour pairs.
  // Nor, on a phone, the cells of a table scrolled out of its own region (the cost
  // table at 320 px): the same cells' colours are judged where they are in view.
  const undecided = incomplete.flatMap((r) => r.nodes
    .filter((n) => !(r.id === 'color-contrast' && (n.html.startsWith('<text') || n.html.startsWith('<span aria-hidden="true">'))))
    .filter((n) => !(r.id === 'color-contrast' && n.reasons.includes('elmPartiallyObscured') && /\.cost-table|\.yours/.test(JSON.stringify(n.target))))
    .map((n) => `${r.id} (${n.reasons}): ${JSON.stringify(n.target)} ${n.html}`));
  assert.deepEqual(undecided, [], `axe could not decide on ${where}`);
}

// A result with approaches ruled out, and one where the answers rule out every approach
// (a pack made for it), at phone width, light and dark.
const REGULATED = ['moderate', 'must-stay', 'ml-team', 'deep', 'sla', 'must-show', 'steady', 'serious', 'reliable', 'avoid', 'none'];
const NOTHING_FITS = {
  id: 'nothing-fits', lang: 'en', title: 'Two rules', intro: 'Each answer rules something out.',
  approaches: [{ id: 'a', name: 'Alpha', summary: 'A.' }, { id: 'b', name: 'Beta', summary: 'B.' }],
  dimensions: [{ id: 'd', name: 'D', ratings: { a: { score: 4, reason: 'r' }, b: { score: 2, reason: 'r' } } }],
  questions: [
    { id: 'q1', prompt: 'First?', options: [{ id: 'no-a', label: 'Not Alpha', rulesOut: { a: 'Alpha cannot.' } }, { id: 'any', label: 'Any', weights: { a: 1 } }] },
    { id: 'q2', prompt: 'Second?', options: [{ id: 'no-b', label: 'Not Beta', rulesOut: { b: 'Beta cannot.' } }, { id: 'any', label: 'Any', weights: { b: 1 } }] },
  ],
};
for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation on a result with ruled-out approaches, or with none that fits: ${colorScheme}, 320 px`, async () => {
    const { page, errors, widget } = await openDemo({ width: 320, colorScheme });
    await takeQuiz(widget, REGULATED);
    assert.equal(await widget.locator('.ruled-out-list li').count(), 3);
    // With its tables open, whose headers mark the ruled-out approaches too.
    await openDisclosures(widget);
    await assertAccessible(page, 'the result with ruled-out approaches, its disclosures open', ['list', 'color-contrast', 'heading-order', 'th-has-data-cells']);
    await page.close();

    const nothing = await openPage({
      path: `/nothing-fits-${colorScheme}.html`,
      body: `<open-vs-proprietary storage="none"><script type="application/json">${JSON.stringify(NOTHING_FITS)}</script></open-vs-proprietary>`,
      viewport: { width: 320, height: 900 },
      colorScheme,
    });
    await takeQuiz(nothing.widget(), ['no-a', 'no-b']);
    assert.equal(await nothing.widget().locator('h2.result-heading').textContent(), 'No approach fits all of these answers');
    await assertAccessible(nothing.page, 'the result where nothing fits', ['list', 'color-contrast', 'heading-order']);
    assert.deepEqual([...errors, ...nothing.errors], []);
    await nothing.page.close();
  });
}

const matrix = [];
test('every built-in language is in the matrix below', () => {
  assert.deepEqual(Object.keys(LANGS).sort(), [...LANGUAGES].sort(), 'a language without its strings here goes untested');
});

for (const lang of Object.keys(LANGS)) for (const colorScheme of ['light', 'dark']) for (const width of [320, 1280]) matrix.push({ lang, colorScheme, width });

for (const { lang, colorScheme, width } of matrix) {
  test(`axe finds no WCAG 2.2 AA or best-practice violation: ${lang}, ${colorScheme}, ${width} px`, async () => {
    const ui = LANGS[lang];
    const content = PACKS[lang];
    const { page, errors, widget } = await openDemo({ lang, width, colorScheme });
    const shot = (name) => page.screenshot({ path: artifact(`a11y-${name}-${lang}-${colorScheme}-${width}.png`), fullPage: true });
    // axe's icon-font heuristic takes joined Arabic letters for ligature icons and skips
    // their contrast; the colours are the same stylesheet's in every language, judged
    // here in English, Spanish and Chinese and in tests/contrast.rs.
    const judge = (where, rules) =>
      assertAccessible(page, where, lang === 'ar' ? rules.filter((rule) => rule !== 'color-contrast') : rules);
    await judge('the intro', ['button-name', 'color-contrast', 'target-size', 'heading-order']);
    await shot('intro');
    await widget.locator('.intro button.primary').click();

    for (let step = 1; step <= total; step++) {
      const question = content.questions[step - 1];
      const where = `question ${step}`;
      // The heading names the step in the UI language: the language really changed.
      await widget.locator('h2.question-heading').getByText(ui.step(step, total)).waitFor();
      await judge(where, ['label', 'button-name', 'color-contrast', 'target-size', 'heading-order']);
      if (step === 1) {
        await widget.locator('button[type=submit]').click();
        assert.equal(await widget.getByRole('alert').textContent(), ui.chooseAnAnswer);
        await judge(`${where} with its error`, ['label', 'aria-valid-attr-value']);
        await shot('question-error');
      }
      await widget.getByRole('radio', { name: question.options[step % question.options.length].label, exact: true }).check();
      if (step === total) assert.equal(await widget.locator('button[type=submit]').textContent(), ui.reviewAnswers);
      await widget.locator('button[type=submit]').click();
    }

    // Any step between the last question and the result (a "check your answers"
    // summary) is checked too, then left by its primary button.
    await passStepsBeforeResult(page, widget, (where) => judge(where, ['button-name', 'color-contrast', 'heading-order']));
    // The whole result: the verdict, and the charts drawn after it, with the tables, the
    // reasons and the facts behind closed disclosures; then with every disclosure open.
    const heading = await waitForResult(widget);
    assert.ok(heading.startsWith(ui.resultPrefix));
    // On a phone the charts wait behind "See the details", which is judged closed first.
    const details = widget.locator('.details-toggle');
    if (await details.isVisible()) {
      await judge('the result before its details', ['button-name', 'color-contrast', 'target-size', 'heading-order', 'list']);
      await details.click();
    }
    await judge('the result', ['svg-img-alt', 'summary-name', 'button-name', 'color-contrast', 'target-size', 'heading-order', 'list']);
    assert.equal(await openDisclosures(widget), 5);
    await judge('the result with every disclosure open', ['th-has-data-cells', 'td-headers-attr', 'link-name', 'summary-name', 'definition-list', 'dlitem']);
    await shot('result');
    // What if: an answer changed on the result, the suggestion before beside the one now.
    await widget.locator('.explore summary').click();
    const menu = widget.locator('.explore select').first();
    await menu.selectOption((await menu.inputValue()) === '0' ? '1' : '0');
    await widget.locator('.explore-compare').waitFor();
    await judge('the result with an answer changed on it', ['select-name', 'button-name', 'color-contrast', 'target-size']);
    await widget.locator('.explore').screenshot({ path: artifact(`a11y-explore-${lang}-${colorScheme}-${width}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/**
 * After the last question: waits for each new step's heading to take focus; calls
 * `check` on every step that is not the result and moves on with its primary button.
 */
async function passStepsBeforeResult(page, widget, check) {
  for (let extra = 0; extra < 3; extra++) {
    await page.waitForFunction(() => {
      const a = document.querySelector('open-vs-proprietary')?.shadowRoot?.activeElement;
      return a?.matches('h2') && !a.matches('.question-heading');
    }, null, { timeout: 5000 });
    if (await widget.locator('h2.result-heading').count()) return;
    await check(`the step after the questions: "${await widget.locator('h2').first().textContent()}"`);
    await widget.locator('button.primary').last().click();
  }
  assert.fail('no result after the questions');
}

/** The focused element, looking through the widget's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    const host = document.querySelector('open-vs-proprietary');
    if (document.activeElement !== host) {
      const a = document.activeElement;
      return { inWidget: false, tag: a?.tagName.toLowerCase() ?? null };
    }
    const a = host.shadowRoot.activeElement;
    if (!a) return { inWidget: true, tag: null };
    return {
      inWidget: true,
      tag: a.tagName.toLowerCase(),
      // A summary: whether its disclosure is open.
      open: a.matches('summary') ? a.parentElement.open : null,
      className: typeof a.className === 'string' ? a.className : '',
      type: a.getAttribute('type'),
      text: a.textContent.trim(),
      value: a.value ?? null,
      checked: a.checked ?? null,
    };
  });
}

/** Waits until focus is on a widget element matching `selector` whose text starts with `prefix`. */
async function focusLandsOn(page, selector, prefix) {
  await page.waitForFunction(({ selector, prefix }) => {
    const a = document.querySelector('open-vs-proprietary')?.shadowRoot?.activeElement;
    return a?.matches(selector) && a.textContent.trim().startsWith(prefix);
  }, { selector, prefix }, { timeout: 5000 });
}

/**
 * The focus indicator of the focused control: the outline drawn around it (a radio's
 * is drawn around its label), its width and its contrast with the widget's background.
 */
function focusRing(page) {
  return page.evaluate(() => {
    const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
    const root = document.querySelector('open-vs-proprietary').shadowRoot;
    const active = root.activeElement;
    // A radio's ring is drawn around its label; other inputs (sliders) ring themselves.
    const ringed = active.matches('input[type=radio]') ? active.closest('label') : active;
    const style = getComputedStyle(ringed);
    const background = getComputedStyle(root.querySelector('.ovp')).backgroundColor;
    return {
      focusVisible: active.matches(':focus-visible'),
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: ratio(parse(style.outlineColor), parse(background)),
    };
  });
}

async function assertVisibleFocusRing(page, what) {
  const ring = await focusRing(page);
  assert.ok(ring.focusVisible, `${what}: keyboard focus should match :focus-visible`);
  assert.notEqual(ring.style, 'none', `${what}: no focus outline`);
  assert.ok(ring.width >= 2, `${what}: focus outline ${ring.width}px thin`);
  assert.ok(ring.contrast >= 3, `${what}: focus outline contrast ${ring.contrast.toFixed(2)}:1 against the background`);
}

for (const lang of Object.keys(LANGS)) for (const colorScheme of ['light', 'dark']) {
  test(`keyboard only (${lang}, ${colorScheme}): Tab, arrows, Space and Enter take a reader through the quiz, focus always where it should be`, async () => {
    const ui = LANGS[lang];
    const content = PACKS[lang];
    const { page, errors, widget } = await openDemo({ lang, colorScheme, width: 1280 });
    // No pointer is used: any mouse or pointer event would show up here.
    await page.evaluate(() => {
      window.__pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'mouseup']) window.addEventListener(type, () => { window.__pointerEvents++; }, true);
    });
    // The live region is there, empty, before there is a result to announce.
    assert.equal(await widget.getByRole('status').count(), 1);
    assert.equal(await widget.getByRole('status').textContent(), '');

    // Tab from the top of the page reaches the Start button.
    let presses = 0;
    while (!((await focused(page)).inWidget) && presses < 50) { await page.keyboard.press('Tab'); presses++; }
    let now = await focused(page);
    assert.deepEqual([now.tag, now.text], ['button', ui.start], 'the first stop in the widget is Start');
    await assertVisibleFocusRing(page, 'Start');
    await page.keyboard.press('Enter');

    for (let step = 1; step <= total; step++) {
      const question = content.questions[step - 1];
      const stepText = ui.step(step, total);
      await focusLandsOn(page, 'h2.question-heading', stepText);

      // Tab enters the radio group; nothing is chosen yet, so on the first option. A
      // question that asks for a number has the band of its starting number chosen
      // (the first, in the built-in packs).
      await page.keyboard.press('Tab');
      now = await focused(page);
      assert.deepEqual([now.tag, now.type, now.value, now.checked], ['input', 'radio', question.options[0].id, !!question.number], `step ${step}: Tab reaches the radio group`);
      await assertVisibleFocusRing(page, `step ${step} radio`);
      if (step === 1) await widget.screenshot({ path: artifact(`a11y-focus-radio-${lang}-${colorScheme}.png`) });

      if (step === 1) {
        // Next without an answer: an alert says why, and focus stays on the button.
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, ui.back);
        await assertVisibleFocusRing(page, 'Back');
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, ui.next);
        await assertVisibleFocusRing(page, 'Next');
        await widget.screenshot({ path: artifact(`a11y-focus-next-${lang}-${colorScheme}.png`) });
        await page.keyboard.press('Enter');
        await widget.getByRole('alert').waitFor();
        assert.equal(await widget.getByRole('alert').textContent(), ui.chooseAnAnswer);
        assert.equal((await focused(page)).text, ui.next, 'focus stays on Next');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        assert.equal((await focused(page)).value, question.options[0].id);
      }

      // Space chooses the focused option; arrow keys move through the options, choosing as they go.
      await page.keyboard.press('Space');
      const target = step % question.options.length;
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      now = await focused(page);
      assert.deepEqual([now.value, now.checked], [question.options[target].id, true], `step ${step}: option ${target} chosen by keyboard`);
      assert.equal(await widget.locator('input[type=radio]:checked').getAttribute('value'), question.options[target].id);

      if (step === 2) {
        // Back by keyboard keeps the earlier answer; Tab returns to the chosen radio.
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, ui.back);
        await page.keyboard.press('Space');
        await focusLandsOn(page, 'h2.question-heading', ui.step(1, total));
        await page.keyboard.press('Tab');
        now = await focused(page);
        assert.deepEqual([now.value, now.checked], [content.questions[0].options[1].id, true], 'back on step 1, its answer kept');
        await page.keyboard.press('Enter');
        await focusLandsOn(page, 'h2.question-heading', stepText);
        await page.keyboard.press('Tab');
        assert.deepEqual((await focused(page)).value, question.options[target].id, 'step 2 kept its answer');
      }

      if (step % 2 === 1) {
        // Enter in the radio group submits the step.
        await page.keyboard.press('Enter');
      } else {
        // Or Tab past Back to Next (Check your answers on the last step) and press it.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, step === total ? ui.reviewAnswers : ui.next);
        await page.keyboard.press(step === 4 ? 'Space' : 'Enter');
      }
    }

    // "Check your answers": focus on its heading; Tab past every Change button and Back
    // to See result.
    await focusLandsOn(page, 'h2.summary-heading', ui.summary);
    for (let q = 0; q < total; q++) {
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).text, ui.change, `Change ${q + 1}`);
      await assertVisibleFocusRing(page, `summary Change ${q + 1}`);
    }
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, ui.back);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, ui.seeResult);
    await page.keyboard.press('Enter');

    // The result: focus on its heading, and the same words in the live region.
    await focusLandsOn(page, 'h2.result-heading', ui.resultPrefix);
    const heading = (await focused(page)).text;
    assert.equal(await widget.getByRole('status').textContent(), heading);

    // Every control on the result is reachable, shows its focus, and Tab leaves the widget: no trap.
    // The charts and everything after them are drawn a frame after the verdict; wait for
    // them, or a Tab pressed within that frame finds the widget's end already. Each
    // closed disclosure (the answers to change, the tables, the reasons, the facts) opens with Enter on its
    // summary, and Tab goes on into what it holds.
    await waitForResult(widget);
    const stops = [];
    for (presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      now = await focused(page);
      if (!now.inWidget) break;
      stops.push(now.tag === 'button' ? now.text : now.tag);
      await assertVisibleFocusRing(page, `result stop ${stops.length} (${now.tag})`);
      if (now.tag === 'summary') {
        assert.equal(now.open, false, `the disclosure "${now.text}" arrives closed`);
        await page.keyboard.press('Enter');
        assert.equal((await focused(page)).open, true, `Enter opens the disclosure "${now.text}"`);
      }
    }
    assert.equal(now.inWidget, false, 'Tab moves on out of the widget after its last control');
    assert.equal(stops.filter((s) => s === 'summary').length, 7, 'the answers to change, the three tables, the reasons, the cost assumptions and the facts are reachable');
    assert.equal(stops.filter((s) => s === 'select').length, content.questions.length, 'every answer\'s menu is reachable');
    assert.equal(stops.filter((s) => s === 'a').length, content.facts.length, 'every source link is reachable');
    assert.deepEqual(stops.slice(-2), [ui.back, ui.retake]);
    // Shift+Tab comes back in.
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).text, ui.retake);

    assert.equal(await page.evaluate(() => window.__pointerEvents), 0, 'no mouse or pointer events');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/**
 * Walks the quiz by clicking, the longest option each time (to stress the layout),
 * calling `check(where)` on every screen: the intro, each question (the first with its
 * missing-answer error showing), the summary, and the whole result with its disclosures
 * (tables, reasons, facts) open.
 */
async function walk(widget, check) {
  const longest = content.questions.map((question) => question.options.reduce((a, b) => (b.label.length > a.label.length ? b : a)).id);
  const seen = [];
  await takeQuiz(widget, longest, {
    onStep: async (step) => {
      const where = step.screen === 'question' ? `question ${step.number}` : step.screen;
      if (step.number === 1) {
        await widget.locator('button[type=submit]').click();
        await widget.getByRole('alert').waitFor();
      }
      if (step.screen === 'result') await openDisclosures(widget);
      seen.push(where);
      await check(where);
    },
  });
  assert.deepEqual(seen, ['intro', ...content.questions.map((_, q) => `question ${q + 1}`), 'summary', 'result']);
}

/** Horizontal overflow of the page, and widget elements reaching outside the widget. */
function overflow(widget) {
  return widget.locator('section.ovp').evaluate((section) => {
    const box = section.getBoundingClientRect();
    // A table wider than the widget scrolls inside its own region (WCAG 1.4.10 allows
    // two-dimensional scrolling for data tables); the region itself must fit.
    const outside = [...section.querySelectorAll('*')]
      .filter((el) => !el.parentElement.closest('.table-scroll'))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5); })
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
    const doc = document.documentElement;
    return { page: doc.scrollWidth - doc.clientWidth, outside };
  });
}

/** Controls smaller than 24 by 24 CSS px. A radio's target is its whole label; links inside a sentence are exempt. */
function smallTargets(widget) {
  return widget.locator('section.ovp').evaluate((section) => {
    const targets = [...section.querySelectorAll('button, summary, label.option, input, a')]
      .filter((el) => !(el.matches('a') && el.closest('p, li')))
      .map((el) => el.matches('input') ? el.closest('label') ?? el : el);
    return targets
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
  });
}

// 320 CSS px is WCAG's reflow width. 200% zoom of a 1280 px window is a 640 CSS px
// layout viewport drawn with two device pixels per CSS pixel, which is what Chromium's
// page zoom does to layout: a 640 px viewport at deviceScaleFactor 2 emulates it.
// WCAG 1.4.12's text spacing (line height 1.5, paragraphs 2em apart, letters 0.12em,
// words 0.16em) is applied inside the shadow root in the third case.
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
for (const { width, deviceScaleFactor, name, textSpacing } of [
  { width: 320, deviceScaleFactor: 1, name: '320 px' },
  { width: 640, deviceScaleFactor: 2, name: '200% zoom of 1280 px' },
  { width: 320, deviceScaleFactor: 1, name: '320 px with WCAG text spacing', textSpacing: true },
]) {
  test(`at ${name}: no horizontal scrolling, nothing outside the widget, every target at least 24x24`, async () => {
    const { page, errors, widget } = await openDemo({ width, deviceScaleFactor });
    if (textSpacing) {
      await page.evaluate((css) => {
        const root = document.querySelector('open-vs-proprietary').shadowRoot;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }, TEXT_SPACING);
    }
    await walk(widget, async (where) => {
      const { page: scroll, outside } = await overflow(widget);
      assert.equal(scroll, 0, `${where}: page scrolls sideways by ${scroll}px`);
      assert.deepEqual(outside, [], `${where}: elements outside the widget`);
      assert.deepEqual(await smallTargets(widget), [], `${where}: targets under 24x24`);
    });
    await page.screenshot({ path: artifact(`a11y-reflow-${width}-dpr${deviceScaleFactor}${textSpacing ? '-text-spacing' : ''}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** Every transition and animation in the widget, as "selector: duration/name". */
function motion(widget) {
  return widget.locator('section.ovp').evaluate((section) => [section, ...section.querySelectorAll('*')].flatMap((el) => {
    const s = getComputedStyle(el);
    const moving = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
    return moving ? [`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${s.transitionDuration} ${s.animationName}`] : [];
  }));
}

test('prefers-reduced-motion: reduce stops every transition and animation', async () => {
  // The check can fail: without the preference the buttons and options do animate.
  const moving = await openDemo({ reducedMotion: 'no-preference' });
  assert.ok((await motion(moving.widget)).length > 0, 'expected transitions without the preference');
  await moving.page.close();

  const { page, errors, widget } = await openDemo({ reducedMotion: 'reduce' });
  await walk(widget, async (where) => assert.deepEqual(await motion(widget), [], `${where}: moving parts`));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`forced colours (${colorScheme}): every control and chart mark keeps a visible system colour`, async () => {
    for (const width of [320, 1280]) {
      const { page, errors, widget } = await openDemo({ width, colorScheme, forcedColors: 'active' });
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      await takeQuiz(widget, content.questions.map(() => 0), {
        onStep: async (step) => {
          if (step.number === 1) await page.screenshot({ path: artifact(`a11y-forced-question-${colorScheme}-${width}.png`) });
        },
      });
      const report = await widget.locator('section.ovp').evaluate((section) => {
        const background = getComputedStyle(section).backgroundColor;
        const marks = [...section.querySelectorAll('svg .bar, svg .legend-swatch, .score-bar .bar')].map((el) => {
          const s = getComputedStyle(el);
          return { cls: el.getAttribute('class'), series: el.closest('[class*="series-"]')?.getAttribute('class'), fill: s.fill, stroke: s.stroke, strokeWidth: parseFloat(s.strokeWidth) };
        });
        const controls = [...section.querySelectorAll('button, summary')].map((el) => {
          const s = getComputedStyle(el);
          return { text: el.textContent, border: s.borderTopColor, borderWidth: parseFloat(s.borderTopWidth), color: s.color, background: s.backgroundColor };
        });
        return { background, marks, controls };
      });
      assert.ok(report.marks.length > content.approaches.length * content.dimensions.length);
      for (const mark of report.marks) {
        // Outlined in a system colour other than the background, and filled.
        assert.notEqual(mark.stroke, 'none', `${mark.cls} in ${mark.series} has no outline`);
        assert.notEqual(mark.stroke, report.background, `${mark.cls} in ${mark.series} outline is the background colour`);
        assert.ok(mark.strokeWidth > 0, `${mark.cls} outline width`);
        assert.notEqual(mark.fill, 'none');
      }
      // Each approach keeps its own fill pattern, so the series stay apart without colour.
      const fillOf = new Map();
      for (const mark of report.marks.filter((m) => m.cls.includes('bar') && m.series?.match(/series-\d/))) {
        const series = mark.series.match(/series-\d/)[0];
        fillOf.set(series, new Set([...(fillOf.get(series) ?? []), mark.fill]));
      }
      const fills = [...fillOf.values()].map((s) => [...s].join());
      assert.equal(new Set(fills).size, content.approaches.length, `distinct fills per approach: ${fills}`);
      for (const control of report.controls) {
        assert.ok(control.borderWidth >= 1 && control.border !== report.background, `control "${control.text}" has no visible border`);
        assert.notEqual(control.color, control.background, `control "${control.text}" text is invisible`);
      }
      await page.screenshot({ path: artifact(`a11y-forced-result-${colorScheme}-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
}

test('the result: headings in order, the chart an image with a title and a finding in words, its numbers in a table', async () => {
  const { page, errors, widget } = await openDemo();
  await walk(widget, async () => {});
  const levels = await widget.locator('section.ovp').evaluate((s) => [...s.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 2);
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading levels skip: ${levels}`);

  const chart = widget.locator('svg.comparison-chart');
  assert.equal(await chart.getAttribute('role'), 'img');
  const labelledBy = (await chart.getAttribute('aria-labelledby')).split(' ');
  const title = await chart.locator(`#${labelledBy[0]}`).textContent();
  const desc = await chart.locator(`#${labelledBy[1]}`).textContent();
  assert.equal(await chart.locator('title').first().textContent(), title);
  assert.equal(await chart.locator('desc').first().textContent(), desc);
  // The description states who rates highest, on which dimensions, in words.
  const leaders = new Map();
  for (const dimension of content.dimensions) {
    const scores = content.approaches.map((a) => dimension.ratings[a.id].score);
    const best = Math.max(...scores);
    const top = content.approaches.filter((a) => dimension.ratings[a.id].score === best);
    if (top.length === 1) leaders.set(top[0].name, [...(leaders.get(top[0].name) ?? []), dimension.name]);
  }
  assert.ok(leaders.size > 0);
  for (const [name, dimensions] of leaders) {
    assert.ok(desc.includes(name), `the description names ${name}: ${desc}`);
    for (const d of dimensions) assert.ok(desc.includes(d), `the description names ${d} as led by ${name}: ${desc}`);
  }

  // Chart text has 4.5:1 and bar outlines 3:1 against what lies behind them: the
  // priority band in a starred group, else the widget's background.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const low = await chart.evaluate((svg) => {
      const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
      const widgetBackground = parse(getComputedStyle(svg.closest('.ovp')).backgroundColor);
      const behind = (el) => {
        const band = el.closest('.dimension.priority')?.querySelector('.priority-band');
        return band ? parse(getComputedStyle(band).fill) : widgetBackground;
      };
      const text = [...svg.querySelectorAll('text')].map((el) => ({ what: el.textContent, ratio: ratio(parse(getComputedStyle(el).fill), behind(el)), needs: 4.5 }));
      const bars = [...svg.querySelectorAll('.bar')].map((el) => ({ what: el.closest('[class*=series-]').getAttribute('class'), ratio: ratio(parse(getComputedStyle(el).stroke), behind(el)), needs: 3 }));
      return [...text, ...bars].filter((m) => m.ratio < m.needs).map((m) => `${m.what}: ${m.ratio.toFixed(2)}`);
    });
    assert.deepEqual(low, [], `${colorScheme}: chart marks below their contrast minimum`);
  }

  // The table: a caption, column and row headers, the same numbers as the bars.
  const table = widget.locator('table.data-table');
  assert.ok((await table.locator('caption').textContent()).length > 0);
  assert.equal(await table.locator('thead th[scope=col]').count(), content.approaches.length + 1);
  assert.equal(await table.locator('tbody th[scope=row]').count(), content.dimensions.length);
  const barValues = await chart.locator('.dimension .value-label').allTextContents();
  const cellValues = await table.locator('tbody td').allTextContents();
  assert.deepEqual(cellValues.map(Number), barValues.map(Number));
  assert.deepEqual(errors, []);
  await page.close();
});
