// Shared by the browser tests (and bench/run.mjs, which uses serve and launchChromium):
// a static server for dist/, Debian's headless Chromium, pages that host the widget, and
// a reader's moves through the quiz. Every wait here is for a condition on the page
// (a step that changed, the whole result drawn), never a fixed delay.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { EVENTS } from '../../web/contract.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The same build with the cargo feature `test-hooks` (scripts/test.sh builds it). */
export const DIST_TEST_HOOKS = fileURLToPath(new URL('../../target/dist-test-hooks/', import.meta.url));
/** Screenshots and other files the tests leave for a person to look at. */
export const ARTIFACTS = new URL('./artifacts/', import.meta.url);

/** The built-in languages, as the build's manifest lists them (English first). */
export const LANGUAGES = JSON.parse(readFileSync(`${DIST}manifest.json`, 'utf8')).languages;

/** A content pack shipped in dist/content/, parsed: `pack('en')`, `pack('databases')`. */
export function pack(name, root = DIST) {
  return JSON.parse(readFileSync(`${root}content/${name}.json`, 'utf8'));
}

/** The path of an artifact file named `name`, for screenshots and PDFs. */
export function artifact(name) {
  return new URL(name, ARTIFACTS).pathname;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `root` on a free localhost port; resolves to { url, close, routes }.
 * `routes` maps a path to a response the test controls: { body, type, status, headers,
 * until }, where `until` is a promise the answer waits for (`held()` makes one the test
 * releases), or { respond(req, res) } to write it by hand; a test may add or change
 * routes while the server runs. `headers` go with
 * every response (a route's own win), e.g. `access-control-allow-origin` for a CDN.
 * `brotli` answers a browser that accepts it with brotli-compressed bodies (quality 11,
 * compressed once per body), as a CDN does.
 */
/**
 * A promise for a route's `until`, and `release()` to let the answer go: a response held
 * for exactly as long as the test needs, never for a fixed time.
 */
export function held() {
  let release;
  const until = new Promise((resolve) => { release = resolve; });
  return { until, release };
}

export function serve(root = DIST, routes = new Map(), { headers = {}, brotli = false } = {}) {
  const compressed = new Map();
  const send = (req, res, status, head, body) => {
    if (brotli && body.length > 0 && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const buffer = Buffer.from(body);
      const key = createHash('sha1').update(buffer).digest('hex');
      if (!compressed.has(key)) compressed.set(key, brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      res.writeHead(status, { ...head, 'content-encoding': 'br', vary: 'accept-encoding' });
      res.end(compressed.get(key));
      return;
    }
    res.writeHead(status, head);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const route = routes.get(new URL(req.url, 'http://x').pathname);
    if (route?.respond) {
      await route.respond(req, res);
      return;
    }
    if (route) {
      if (route.until) await route.until;
      if (res.destroyed) return;
      send(req, res, route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...headers, ...route.headers }, route.body ?? '');
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      send(req, res, 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers }, body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        routes,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', ...extraArgs],
  });
}

/**
 * Records console errors, uncaught exceptions and failed responses so a test can fail on
 * any of them. The array also carries `console` and `uncaught`: the bare messages of each
 * kind, for tests that expect some.
 */
export function watchForErrors(page) {
  const errors = [];
  // Not enumerable, so `assert.deepEqual(errors, [])` compares the messages alone.
  Object.defineProperty(errors, 'console', { value: [] });
  Object.defineProperty(errors, 'uncaught', { value: [] });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    errors.push(`console.error: ${msg.text()}`);
    errors.console.push(msg.text());
  });
  page.on('pageerror', (err) => {
    errors.push(`uncaught: ${err.message}`);
    errors.uncaught.push(err.message);
  });
  page.on('response', (res) => { if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`); });
  return errors;
}

/**
 * Every ovp:* event that reaches the window, in order, as { type, detail, target }: kept
 * in the page (`window.__ovpEvents`), so reading them is in step with the page itself.
 * Applies from the next navigation on.
 */
export async function recordWidgetEvents(page) {
  await page.addInitScript((types) => {
    window.__ovpEvents = [];
    for (const type of types) {
      window.addEventListener(type, (event) => {
        window.__ovpEvents.push({ type, detail: JSON.parse(JSON.stringify(event.detail)), target: event.target.id });
      });
    }
  }, Object.values(EVENTS));
  return () => page.evaluate(() => window.__ovpEvents ?? []);
}

/**
 * Records every Content Security Policy violation from the page's start (a shadow root's
 * reach the document too) as "directive blocked-URI"; applies from the next navigation.
 * Read them with the returned function; `window.__violations` may be emptied by a test.
 */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  return () => page.evaluate(() => window.__violations);
}

/**
 * Shows that a page's policy applies (its violations recorded by `recordCspViolations`): an
 * inline script of the page's own is refused and reported. Resolves to that violation and
 * takes it out of the record, so a test's own check of the record sees only the page's;
 * given the page's `errors` (watchForErrors), the console error the refusal logs is taken
 * out of them too, and nothing else. Throws at once if the script ran.
 */
export async function inlineScriptRefused(page, errors) {
  const probe = async () => {
    const before = await page.evaluate(() => {
      const before = window.__violations.length;
      const probe = document.createElement('script');
      probe.textContent = 'window.__inlineRan = true;';
      document.body.append(probe);
      return before;
    });
    // An inline script runs as it is inserted: by now it has, or it was refused.
    if (await page.evaluate(() => window.__inlineRan)) throw new Error('the page ran an inline script: its policy does not apply');
    await page.waitForFunction((before) => window.__violations.length > before, before);
    return page.evaluate((before) => window.__violations.splice(before, 1)[0], before);
  };
  return errors ? expectConsoleError(page, errors, /inline script/, probe) : probe();
}

/**
 * Runs `action`, which the page must answer with a console error matching `pattern`,
 * waits for that error and takes it alone out of `errors` (watchForErrors): whatever else
 * the page logged, before or after, stays for the test to see.
 */
export async function expectConsoleError(page, errors, pattern, action) {
  const logged = page.waitForEvent('console', {
    predicate: (message) => message.type() === 'error' && pattern.test(message.text()),
    timeout: 10000,
  }).then((message) => message.text(), () => null);
  // The wait is settled whatever the action did, so none is left to fail a later test.
  const [outcome, text] = await Promise.all([action().then((value) => ({ value }), (error) => ({ error })), logged]);
  if (outcome.error) throw outcome.error;
  if (text === null) throw new Error(`the page logged no console error matching ${pattern}`);
  const result = outcome.value;
  // watchForErrors heard it first (its listener was added first).
  for (const [list, entry] of [[errors, `console.error: ${text}`], [errors.console, text]]) {
    const at = list.indexOf(entry);
    if (at >= 0) list.splice(at, 1);
  }
  return result;
}

/**
 * Records layout shifts without recent input (CLS entries) from the page's start; read
 * them with `layoutShifts(page)`.
 */
export function recordLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__shifts = [];
    const keep = (entries) => {
      for (const entry of entries) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    };
    window.__shiftObserver = new PerformanceObserver((list) => keep(list.getEntries()));
    window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
    window.__takeShifts = () => keep(window.__shiftObserver.takeRecords());
  });
}

/**
 * The layout shifts recorded so far (`recordLayoutShifts`), including those the
 * observer holds but has not yet reported: its callback comes in a later task, so a
 * shift of the last frame would otherwise be missed.
 */
export function layoutShifts(page) {
  return page.evaluate(() => {
    window.__takeShifts();
    return window.__shifts;
  });
}

/** Keeps the memory of every Wasm instance the page makes in `window.wasmMemories`, to weigh them. */
export function recordWasmMemories(page) {
  return page.addInitScript(() => {
    window.wasmMemories = [];
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) {
      const result = await instantiate.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      window.wasmMemories.push(...Object.values(instance.exports).filter((e) => e instanceof WebAssembly.Memory));
      return result;
    };
  });
}

// ---------------------------------------------------------------------------------------
// Set-up and pages

/** What `useBrowser` starts: the server, a second origin if asked for, and Chromium. */
const env = { server: null, otherOrigin: null, browser: null };

/**
 * Starts a server for `root` (and a second one, `otherOrigin`, a different origin without
 * CORS headers, when asked), launches Chromium before the file's first test, and stops
 * them all after its last. Returns the live environment: `env.server.url`,
 * `env.browser`, `env.otherOrigin`.
 */
export function useBrowser({ root = DIST, otherOrigin = false, check } = {}) {
  before(async () => {
    if (check) await check();
    env.server = await serve(root);
    if (otherOrigin) env.otherOrigin = await serve(root);
    env.browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.otherOrigin?.close();
  });
  return env;
}

/** A page of our own that loads embed.js and holds `body`. */
export function hostPage({ body = '', head = '', lang = 'en' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
      <script type="module" src="/embed.js"></script>${head}</head><body>${body}</body></html>`;
}

/**
 * Opens a page in Chromium and returns { page, errors, events, requests, widget }.
 *
 * - `path` (default `/`, the demo post) is where the page is; with `body` (and `head`,
 *   `lang`, `headers`) the server answers it with a page of ours that loads embed.js, with
 *   `html` with that whole document; with neither, it serves what dist/ has there.
 * - `context` opens the page in that browser context; otherwise it gets a fresh one
 *   (its own storage), made with `viewport` (default 1000 by 900), `colorScheme` and any
 *   other Playwright context option in `contextOptions`.
 * - `init(page)` runs before the page loads (init scripts, routes, exposed functions).
 *
 * `errors` collects console errors, uncaught exceptions and failed responses, `events`
 * reads the widget events so far, `requests` lists every URL requested, and
 * `widget(selector)` is a locator for a widget (default: the first on the page).
 */
export async function openPage({
  path = '/', body, html, head, lang, headers = {}, context, viewport = { width: 1000, height: 900 },
  colorScheme, contextOptions = {}, init,
} = {}) {
  const url = new URL(path, env.server.url);
  if (body !== undefined || html !== undefined) {
    env.server.routes.set(url.pathname, { headers, body: html ?? hostPage({ body, head, lang }) });
  }
  const page = context
    ? await context.newPage()
    : await env.browser.newPage({ viewport, colorScheme, ...contextOptions });
  const errors = watchForErrors(page);
  const events = await recordWidgetEvents(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  if (init) await init(page);
  await page.goto(url.href);
  const widget = (selector = 'open-vs-proprietary') => page.locator(selector).first();
  return { page, errors, events, requests, widget };
}

// ---------------------------------------------------------------------------------------
// A reader's moves

/**
 * The widget locator for a Page (its first widget) or a Locator given as is; a Locator
 * may be inside an iframe (`page.frameLocator('iframe').locator('open-vs-proprietary')`):
 * the waits below run in the widget's own frame.
 */
function widgetOf(target) {
  return typeof target.goto === 'function' ? target.locator('open-vs-proprietary').first() : target;
}

/**
 * Where a widget is, read from its shadow root in one go: `screen` (none, loading, intro,
 * question, summary, waiting (for the result's code), result, error), `number` (the question's step, from its step
 * count, in any language), `heading` (the first heading's text), `live` (mounted, rather
 * than the prerendered intro) and `key`, which differs between any two steps.
 */
export function stepOf(target) {
  return widgetOf(target).evaluate(describeStep);
}

// Runs in the page; self-contained (no closures), as Playwright sends its source.
function describeStep(host) {
  const root = host.shadowRoot;
  if (!root) return { screen: 'none', number: null, heading: '', live: false, key: 'none|' };
  const has = (selector) => root.querySelector(selector) !== null;
  const screen = has('.error-panel') ? 'error'
    : has('fieldset') ? 'question'
      : has('.summary') ? 'summary'
        : has('.result') ? 'result'
          : has('.result-wait') ? 'waiting'
          : has('.intro') ? 'intro'
            : has('.loading') ? 'loading' : 'none';
  const heading = root.querySelector('h2')?.textContent ?? '';
  const count = root.querySelector('legend .step-count')?.textContent ?? '';
  // In any language's digits: Arabic writes ١٢٣.
  const ascii = count.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const number = screen === 'question' ? Number(ascii.match(/\d+/)?.[0]) : null;
  return { screen, number, heading, live: root.adoptedStyleSheets.length > 0, key: `${screen}|${heading}` };
}

/**
 * Waits until the widget's step differs from `from` (a `stepOf` result taken before the
 * action) and, when given, is on `screen` and at question `number`; resolves to the new
 * step. Without `from` it waits for `screen`/`number` alone.
 */
export async function waitForStep(target, { from, screen, number, timeout = 10000 } = {}) {
  const widget = widgetOf(target);
  const host = await widget.elementHandle({ timeout });
  // As source, so that describeStep goes with it (a function argument could not call it).
  await (await host.ownerFrame()).waitForFunction(`(([host, fromKey, screen, number]) => {
    if (!host.shadowRoot) return false;
    const step = (${describeStep})(host);
    return (fromKey === null || step.key !== fromKey)
      && (screen === null || step.screen === screen)
      && (number === null || step.number === number);
  })`, [host, from?.key ?? null, screen ?? null, number ?? null], { timeout });
  await host.dispose();
  return stepOf(widget);
}

/** Resolves once the page (or a Frame given instead) has painted a frame after everything done so far. */
export function afterPaint(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Runs `action` (which should move the widget on) and waits for the step to change. */
export async function advance(target, action, expect = {}) {
  const from = await stepOf(target);
  await action();
  return waitForStep(target, { ...expect, from });
}

/**
 * Waits for the whole result, which arrives over four paints (the verdict; why; both
 * charts, the share link and the actions; the tables, the reasons and the facts inside
 * their closed disclosures), then for one more frame, so what is measured is laid out
 * and painted. Resolves to the result's heading. `openDisclosures` opens the disclosures.
 */
export async function waitForResult(target, { timeout = 10000 } = {}) {
  const widget = widgetOf(target);
  const host = await widget.elementHandle({ timeout });
  // The widget's own frame, which is the page's unless the widget is in an iframe.
  const frame = await host.ownerFrame();
  await frame.waitForFunction((host) => {
    const result = host.shadowRoot?.querySelector('.result');
    return !!result
      && !!result.querySelector('h2.result-heading')
      && !!result.querySelector('svg.contribution-chart[role=img]')
      && !!result.querySelector('table.contribution-table')
      && !!result.querySelector('svg.comparison-chart[role=img]')
      && !!result.querySelector('table.data-table')
      && !!result.querySelector(':scope > .actions button.primary');
  }, host, { timeout });
  await host.dispose();
  await afterPaint(frame);
  return widget.locator('h2.result-heading').textContent();
}

/**
 * Opens the result's disclosures that are closed (each chart's table, the reasons behind
 * the ratings, the facts) as a reader would, by clicking each summary (after "See the
 * details" on a phone), and checks each
 * opened. Resolves to how many it opened.
 */
export async function openDisclosures(target) {
  const widget = widgetOf(target);
  // On a phone they sit behind "See the details" first.
  const toggle = widget.locator('.result .details-toggle[aria-expanded=false]');
  if (await toggle.isVisible()) await toggle.click();
  const disclosures = widget.locator('.result details.disclosure');
  let opened = 0;
  for (const details of await disclosures.all()) {
    if (await details.evaluate((d) => d.open)) continue;
    await details.locator(':scope > summary').click();
    if (!(await details.evaluate((d) => d.open))) throw new Error('openDisclosures: a summary was clicked but its details stayed closed');
    opened++;
  }
  return opened;
}

/**
 * Takes the quiz in `target` (a Page, for its first widget, or a widget Locator) from
 * wherever it is: presses Start on the intro, answers the questions on screen, one per
 * item of `answers` (an option's index as a number, or its id as a string), each time
 * waiting for the next step; then, as `through` says, stops ('questions'), waits for
 * "check your answers" ('summary'), or goes on to the whole result ('result', the
 * default). `onStep(step)` is called on every screen before the reader acts on it, and on
 * the whole result. With `startAt`, the first answer must be for question `startAt`
 * (counted from 1), the next for the one after, and so on. Resolves to the last step.
 */
export async function takeQuiz(target, answers, { through = 'result', onStep, startAt } = {}) {
  const widget = widgetOf(target);
  const page = widget.page();
  // A reader acts in the tab in front (Chromium takes input in a tab behind another
  // only after a delay of its own, about 2 s a click).
  await page.bringToFront();
  let step = await stepOf(widget);
  // Mounted (or about to be): a prerendered intro has no live widget behind it yet.
  if (step.screen === 'none' || step.screen === 'loading' || (step.screen === 'intro' && !step.live)) {
    const host = await widget.elementHandle();
    await (await host.ownerFrame()).waitForFunction((host) => {
      const root = host.shadowRoot;
      return !!root && root.adoptedStyleSheets.length > 0 && !root.querySelector('.loading');
    }, host);
    await host.dispose();
    step = await stepOf(widget);
  }
  if (step.screen === 'intro') {
    await onStep?.(step);
    step = await advance(widget, () => widget.locator('.intro button.primary').click(), { screen: 'question' });
  }
  for (const [i, answer] of answers.entries()) {
    if (step.screen !== 'question') throw new Error(`takeQuiz: an answer left (${answer}) but the widget is on ${step.key}`);
    if (startAt !== undefined && step.number !== startAt + i) {
      throw new Error(`takeQuiz: answer ${i + 1} is for question ${startAt + i}, but the widget is on ${step.key}`);
    }
    await onStep?.(step);
    const radio = typeof answer === 'string'
      ? widget.locator(`fieldset input[type=radio][value="${answer}"]`)
      : widget.locator('fieldset input[type=radio]').nth(answer);
    await radio.check();
    step = await advance(widget, () => widget.locator('button[type=submit]').click());
  }
  if (through === 'questions') return step;
  if (step.screen !== 'summary') step = await waitForStep(widget, { screen: 'summary' });
  await onStep?.(step);
  if (through === 'summary') return step;
  await advance(widget, () => widget.locator('.summary button.primary').click(), { screen: 'result' });
  await waitForResult(widget);
  step = await stepOf(widget);
  await onStep?.(step);
  return step;
}

/** One item of `answers` for `takeQuiz` per question of `content`: `pick(q)`. */
export function answersFor(content, pick) {
  return content.questions.map((_, q) => pick(q));
}
