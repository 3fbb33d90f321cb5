// What README.md promises authors, checked in headless Chromium against dist/, with the
// README itself as the source of the promises where it can be (the theming names, the
// minimal pack, the CSP), so the document and the tests cannot drift apart: a widget
// without an `id`, every `--ovp-*` property and `::part()` name, `dist/snippet.html`,
// the minimal pack of "Write your own quiz", and the Content-Security-Policy example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  ROOT, DIST, useBrowser, openPage, pack, artifact, advance, waitForStep, waitForResult, takeQuiz, answersFor,
  recordCspViolations, inlineScriptRefused, openDisclosures,
} from './harness.mjs';

const README = await readFile(`${ROOT}README.md`, 'utf8');
const en = pack('en');
const zh = pack('zh');
const env = useBrowser();

/** The README's text under the heading `title` (any level), up to the next heading of that level or above. */
function section(title) {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === title);
  assert.ok(start >= 0, `README.md has a section "${title}"`);
  const level = lines[start].match(/^#+/)[0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.match(/^#+/)[0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The README's theming custom properties (its table) and `::part()` names (its list). */
const THEMING = section('Theming');
const PROPERTIES = [...new Set(THEMING.split('\n').filter((l) => l.startsWith('| `--ovp-')).flatMap((l) => l.match(/--ovp-[a-z0-9-]+/g)))];
const PARTS = [...THEMING.match(/style these parts with `::part\(\)`:([^.]*)\./)[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
/** The minimal pack under "A minimal complete pack:". */
const MINIMAL_PACK = JSON.parse(section('Write your own quiz').match(/A minimal complete pack:\s*```json\n([\s\S]*?)\n```/)[1]);
const COST_PACK = JSON.parse(section('Write your own quiz').match(/A minimal pack with a number and costs:\s*```json\n([\s\S]*?)\n```/)[1]);
/** The policy in the Content Security Policy section's example. */
const CSP = section('Content Security Policy').match(/^Content-Security-Policy: (.+)$/m)[1];

test('the README\'s names are found where the tests look for them', () => {
  assert.ok(PROPERTIES.length >= 15, PROPERTIES.join(' '));
  assert.ok(PROPERTIES.includes('--ovp-accent') && PROPERTIES.includes('--ovp-series-2') && PROPERTIES.includes('--ovp-radius'));
  assert.ok(PARTS.length >= 10 && PARTS.includes('widget') && PARTS.includes('error'), PARTS.join(' '));
  assert.equal(MINIMAL_PACK.id, 'tea-or-coffee');
  assert.match(CSP, /^default-src /);
});

test('a widget without an id keeps its progress under open-vs-proprietary:progress:<content id> and shares #ovp=CODE', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const body = '<open-vs-proprietary></open-vs-proprietary>';
  const { page, errors, widget: first } = await openPage({ context, path: '/no-id.html', body });
  const widget = first();
  await takeQuiz(widget, [0, 1, 2], { through: 'questions' });
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('open-vs-proprietary')));
  const key = `open-vs-proprietary:progress:${en.id}`;
  assert.deepEqual(await keys(), [key]);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
  assert.equal(saved.v, 2);
  assert.equal(saved.step, `q:${en.questions[3].id}`);
  // A reload resumes from that record.
  await page.reload();
  await waitForStep(widget, { screen: 'question', number: 4 });

  await takeQuiz(widget, answersFor(en, (q) => q % 3).slice(3), { startAt: 4 });
  const shared = {
    heading: await widget.locator('h2.result-heading').textContent(),
    scores: await widget.locator('.score').allTextContents(),
  };
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await widget.getByText('Link copied.', { exact: false }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^[^#]*#ovp=[A-Za-z0-9_-]{8}$/, link);
  assert.equal(link.split('#')[0], `${env.server.url}no-id.html`);
  assert.deepEqual(await keys(), [key]);
  assert.deepEqual(errors, []);
  await context.close();

  // Opened in a fresh browser, the link shows the same result.
  const { page: other, errors: otherErrors, widget: otherFirst } = await openPage({ path: link.replace(env.server.url, '/') });
  await waitForResult(otherFirst());
  assert.deepEqual({
    heading: await otherFirst().locator('h2.result-heading').textContent(),
    scores: await otherFirst().locator('.score').allTextContents(),
  }, shared);
  assert.deepEqual(otherErrors, []);
  await other.close();
});

/** A page with four widgets showing every screen there is: the intro, a question with its error, the whole result, the error panel. */
async function everyScreen() {
  const broken = structuredClone(en);
  broken.title = ' ';
  const opened = await openPage({
    path: '/every-screen.html',
    head: '<style id="theme"></style>',
    viewport: { width: 1200, height: 900 },
    // No transitions, so a computed colour is the final one the moment it is read.
    contextOptions: { reducedMotion: 'reduce' },
    body: `<open-vs-proprietary id="intro" storage="none"></open-vs-proprietary>
      <open-vs-proprietary id="question" storage="none"></open-vs-proprietary>
      <open-vs-proprietary id="result" storage="none"></open-vs-proprietary>
      <open-vs-proprietary id="error" storage="none"><script type="application/json">${JSON.stringify(broken)}</script></open-vs-proprietary>`,
  });
  const { page } = opened;
  await waitForStep(page.locator('#intro'), { screen: 'intro' });
  const question = page.locator('#question');
  await takeQuiz(question, [], { through: 'questions' });
  await question.locator('button[type=submit]').click();
  await question.getByRole('alert').waitFor();
  const result = page.locator('#result');
  await takeQuiz(result, answersFor(en, (q) => (q * 2 + 1) % 3));
  // Its tables, reasons and facts open, so every part of it is on screen.
  await openDisclosures(result);
  await waitForStep(page.locator('#error'), { screen: 'error' });
  return opened;
}

test('every --ovp-* custom property the README lists changes how the widget looks', async () => {
  const { page, errors } = await everyScreen();
  // Computed colours, fonts and corners of every element in the four widgets.
  const look = () => page.evaluate(() => {
    const properties = ['color', 'background-color', 'border-top-color', 'border-left-color', 'outline-color', 'fill', 'stroke',
      'stop-color', 'text-decoration-color', 'box-shadow', 'background-image', 'font-family', 'font-size', 'border-top-left-radius'];
    const values = [];
    for (const host of document.querySelectorAll('open-vs-proprietary')) {
      for (const el of [host, ...host.shadowRoot.querySelectorAll('*')]) {
        const style = getComputedStyle(el);
        for (const p of properties) values.push(`${host.id} ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${p}: ${style.getPropertyValue(p)}`);
      }
    }
    return values;
  });
  const setTheme = (css) => page.evaluate((css) => { document.getElementById('theme').textContent = css; }, css);
  const valueFor = (property) => ({
    '--ovp-font': '"Courier New", monospace', '--ovp-font-size': '23px', '--ovp-radius': '17px',
  })[property] ?? 'rgb(201, 13, 177)';
  const plain = await look();
  const changes = {};
  // The last is no property of the widget's: it must change nothing, or this check could not fail.
  for (const property of [...PROPERTIES, '--ovp-not-a-property']) {
    await setTheme(`open-vs-proprietary { ${property}: ${valueFor(property)}; }`);
    const themed = await look();
    assert.equal(themed.length, plain.length, 'the widgets kept their elements');
    changes[property] = themed.filter((v, i) => v !== plain[i]).length;
    await setTheme('');
  }
  assert.deepEqual(await look(), plain, 'without the properties, the widgets look as before');
  const unchanged = Object.entries(changes).filter(([p, n]) => n === 0 && p !== '--ovp-not-a-property').map(([p]) => p);
  assert.deepEqual(unchanged, [], `properties that changed nothing: ${JSON.stringify(changes)}`);
  assert.equal(changes['--ovp-not-a-property'], 0);
  console.log(`computed values each --ovp-* property changed: ${JSON.stringify(changes)}`);
  assert.deepEqual(errors.filter((e) => !e.includes('the content cannot be used')), []);
  await page.close();
});

test('every ::part() name the README lists styles a part of the widget', async () => {
  const { page, errors } = await everyScreen();
  const styled = (name) => page.evaluate(async (name) => {
    document.getElementById('theme').textContent = `open-vs-proprietary::part(${name}) { outline: 3px dotted rgb(3, 141, 59); }`;
    const found = [];
    for (const host of document.querySelectorAll('open-vs-proprietary')) {
      for (const el of host.shadowRoot.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (style.outlineStyle !== 'dotted' || style.outlineColor !== 'rgb(3, 141, 59)') continue;
        const box = el.getBoundingClientRect();
        found.push({ where: `${host.id} ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`, part: el.getAttribute('part'), shown: box.width > 0 && box.height > 0 });
      }
    }
    document.getElementById('theme').textContent = '';
    return found;
  }, name);
  const counts = {};
  for (const name of PARTS) {
    const found = await styled(name);
    counts[name] = found.length;
    assert.ok(found.some((f) => f.shown), `::part(${name}) styles nothing on screen`);
    for (const f of found) assert.ok(f.part?.split(' ').includes(name), `::part(${name}) reached ${f.where} (part="${f.part}")`);
  }
  assert.deepEqual(await styled('not-a-part'), [], 'a name the widget lacks styles nothing');
  console.log(`elements each ::part() name styled: ${JSON.stringify(counts)}`);
  assert.deepEqual(errors.filter((e) => !e.includes('the content cannot be used')), []);
  await page.close();
});

test('dist/snippet.html, with YOUR-HOST/PATH filled in, mounts and works', async () => {
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', env.server.url);
  assert.deepEqual(snippet.match(/(src|href)="[^"]*YOUR-HOST[^"]*"/g), null, 'every YOUR-HOST/PATH in an address replaced');
  const { page, errors, events, requests, widget: first } = await openPage({
    path: '/snippet-page.html',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="/favicon.svg"></head>
      <body><h1>A post</h1><p>Before the quiz.</p>\n${snippet}\n<p>After the quiz.</p></body></html>`,
  });
  const widget = first();
  // The prerendered first screen is there, then the live widget takes over.
  assert.equal(await widget.locator('h2.title').textContent(), en.title);
  await takeQuiz(widget, answersFor(en, (q) => q % 3));
  const complete = (await events()).filter((e) => e.type === 'ovp:complete');
  assert.equal(complete.length, 1);
  const name = en.approaches.find((a) => a.id === complete[0].detail.recommendation).name;
  assert.equal(await widget.locator('h2.result-heading').textContent(), `Our suggestion: ${name}`);
  // The preload lines are used, not fetched a second time.
  for (const file of ['open-vs-proprietary_bg.wasm', 'widget.css', 'embed.js']) {
    assert.equal(requests.filter((url) => url === `${env.server.url}${file}`).length, 1, file);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

/** What the README's "How scoring works" says the pack's answers add up to, approach by approach. */
function readmeScores(pack, answers) {
  const scores = Object.fromEntries(pack.approaches.map((a) => [a.id, 0]));
  pack.questions.forEach((question, q) => {
    const option = question.options[answers[q]];
    for (const [id, weight] of Object.entries(option.weights ?? {})) scores[id] += weight;
    for (const [dimension, priority] of Object.entries(option.priorities ?? {})) {
      const ratings = pack.dimensions.find((d) => d.id === dimension).ratings;
      for (const a of pack.approaches) scores[a.id] += priority * (ratings[a.id].score - 3) / 2;
    }
  });
  return scores;
}

test('the README\'s pack with a number and costs runs: a typed volume answers its band, and the result charts both costs with the break-even the README works out', async () => {
  const { page, errors, widget } = await openPage({
    path: '/rent.html',
    body: `<open-vs-proprietary storage="none"><script type="application/json">${JSON.stringify(COST_PACK)}</script></open-vs-proprietary>`,
  });
  const w = widget();
  await takeQuiz(w, [], { through: 'questions' });
  await waitForStep(w, { screen: 'question', number: 1 });
  // 500 million tokens: the heavy band.
  await w.locator('.number-field input').fill('500000000');
  await w.locator('.number-field input').press('Tab');
  assert.equal(await w.locator('input[type=radio]:checked').getAttribute('value'), 'heavy');
  await advance(w, () => w.locator('button[type=submit]').click(), { screen: 'question', number: 2 });
  await takeQuiz(w, ['yes']);
  assert.equal(await w.locator('h2.result-heading').textContent(), `Our suggestion: ${COST_PACK.approaches[0].name}`);
  const costs = w.locator('section.costs');
  assert.equal(await costs.locator('.cost-series').count(), 2);
  assert.match(await costs.locator('.cost-words').textContent(), /Above 220 million tokens a month, Rent a GPU and run an open model costs less than Call a model's API\./);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the README\'s minimal pack runs, inline and from src, and scores as its "How scoring works" says', async () => {
  env.server.routes.set('/packs/tea.json', { body: JSON.stringify(MINIMAL_PACK), type: 'application/json' });
  const { page, errors, events } = await openPage({
    path: '/tea.html',
    body: `<open-vs-proprietary id="inline" storage="none"><script type="application/json">${JSON.stringify(MINIMAL_PACK)}</script></open-vs-proprietary>
      <open-vs-proprietary id="src" storage="none" src="/packs/tea.json"></open-vs-proprietary>`,
  });
  const combos = [[0, 0], [1, 1], [0, 1], [1, 0]];
  for (const id of ['inline', 'src']) {
    const widget = page.locator(`#${id}`);
    await waitForStep(widget, { screen: 'intro' });
    assert.equal(await widget.locator('h2.title').textContent(), MINIMAL_PACK.title);
    assert.equal(await widget.locator('.intro .lede').textContent(), MINIMAL_PACK.intro);
    for (const answers of combos) {
      const from = (await events()).length;
      await takeQuiz(widget, answers);
      const scores = readmeScores(MINIMAL_PACK, answers);
      const complete = (await events()).slice(from).find((e) => e.type === 'ovp:complete').detail;
      for (const a of MINIMAL_PACK.approaches) assert.ok(Math.abs(complete.scores[a.id] - scores[a.id]) < 0.05, `${id} ${answers}: ${a.id} ${complete.scores[a.id]} vs ${scores[a.id]}`);
      // The highest total wins (ties go to the approach listed first).
      const best = MINIMAL_PACK.approaches.reduce((x, y) => (scores[y.id] > scores[x.id] ? y : x));
      assert.equal(complete.recommendation, best.id, `${id} ${answers}`);
      assert.equal(await widget.locator('h2.result-heading').textContent(), `Our suggestion: ${best.name}`);
      await advance(widget, () => widget.getByRole('button', { name: 'Retake the quiz' }).click(), { screen: 'question', number: 1 });
    }
  }
  assert.deepEqual((await events()).filter((e) => e.type === 'ovp:error'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A page served under the README's policy, recording every violation from the start (a shadow root's reach the document too). */
async function underReadmeCsp(context) {
  const opened = await openPage({
    context,
    path: '/csp.html',
    headers: { 'content-security-policy': CSP },
    body: '<open-vs-proprietary id="w"></open-vs-proprietary>',
    init: recordCspViolations,
  });
  return { ...opened, violations: () => opened.page.evaluate(() => window.__violations) };
}

/** Clicks the button `name` in `widget` and resolves to the bytes of the download it starts. */
async function download(page, widget, name) {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), widget.getByRole('button', { name }).click()]);
  return readFile(await started.path());
}

const CHARTS = ['How the approaches compare', 'How each answer moved the scores'];

test('under the README\'s Content-Security-Policy every feature works with no violation, and nothing comes from another origin', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const { page, errors, requests, violations, widget: first } = await underReadmeCsp(context);
  const widget = first();
  // The policy really applies: an inline script of the page's own is refused (and reported).
  assert.match(await inlineScriptRefused(page, errors), /^script-src/);

  // The quiz to the whole result, styles applied (the stylesheet is constructed, not inline).
  await takeQuiz(widget, answersFor(en, () => 1));
  assert.equal(await widget.locator('section.ovp').evaluate((el) => getComputedStyle(el).borderTopStyle), 'solid');
  // Copy link.
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await widget.getByText('Link copied.', { exact: false }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#ovp-w=[A-Za-z0-9_-]{8}$/);
  // Both charts as SVG (the PNGs: the next test).
  for (const title of CHARTS) {
    const svg = (await download(page, widget, `Download SVG of “${title}”`)).toString('utf8');
    assert.ok(svg.startsWith('<svg') && svg.includes(`>${title}</text>`), title);
  }
  // Theme switches: the system's preference, then the attribute.
  const background = () => widget.locator('section.ovp').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(23, 25, 30)');
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'light'));
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'dark'));
  assert.equal(await background(), 'rgb(23, 25, 30)');
  // The Chinese pack, fetched from content/zh.json beside embed.js: the same result in
  // Chinese, and the quiz taken again in it.
  const from = await waitForStep(widget, { screen: 'result' });
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'zh'));
  await waitForStep(widget, { from, screen: 'result' });
  assert.match(await waitForResult(widget), /^我们的建议：/);
  assert.ok(requests.includes(`${env.server.url}content/zh.json`), 'the Chinese pack was fetched');
  await advance(widget, () => widget.getByRole('button', { name: '重新测验' }).click(), { screen: 'question', number: 1 });
  await takeQuiz(widget, answersFor(zh, () => 0));
  await page.screenshot({ path: artifact('csp-zh-result.png'), fullPage: true });

  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:')), []);
  await context.close();
});

// The PNG is drawn from the chart's SVG loaded as a `data:` image, which is why the
// README's policy has `img-src 'self' data:`.
test('under the README\'s Content-Security-Policy both charts download as PNG with no violation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const { page, errors, violations, widget: first } = await underReadmeCsp(context);
  const widget = first();
  try {
    await takeQuiz(widget, answersFor(en, () => 1));
    for (const title of CHARTS) {
      // Whichever comes first: the file, or a violation (then there will be no file).
      const file = download(page, widget, `Download PNG of “${title}”`).then((bytes) => ({ bytes }), (error) => ({ error }));
      const violation = page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 10000 })
        .then(() => ({ violated: true }), () => ({ violated: false }));
      const first = await Promise.race([file, violation]);
      assert.ok(!first.violated, `blocked: ${await violations()}`);
      const { bytes, error } = 'bytes' in first || 'error' in first ? first : await file;
      assert.ifError(error);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], title);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
