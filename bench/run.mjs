// `make bench`: sizes of what the widget ships, then our demo page against the peer page
// (the same quiz with SurveyJS and Chart.js) in headless Chromium, on two profiles:
// desktop (1200 px, the machine's own CPU and loopback) and phone (360 px, the CPU
// slowed 4x and a 1.6 Mbps link with a 150 ms round trip, through the Chrome DevTools
// Protocol, files served with brotli as a CDN does), each with the steps pressed at once
// (a stress test) and at a reader's pace (each step 400 ms after the previous one
// painted). Expects a release build in dist/ (the Makefile runs trunk first). Options:
// --runs N (default 7).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { serve, launchChromium } from '../tests/browser/harness.mjs';
import { ROOT, DIST, BUDGET_BROTLI, oursSizes, peerSizes } from './sizes.mjs';
import { manyWidgets, manyWidgetsRoute } from './many-widgets.mjs';
import { crowdedPage, describeCrowd } from './crowd.mjs';
import { lazyReader, lazyRoutes, describeLazy } from './lazy.mjs';
import { DESKTOP, PHONE, READER_PACE_MS } from './profiles.mjs';

const BENCH = `${ROOT}bench/`;
const LIB = `${BENCH}node_modules/`;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

// The peer's libraries come from npm at bench time, pinned by bench/package-lock.json.
if (!existsSync(`${LIB}.installed-from-lock`) || readFileSync(`${LIB}.installed-from-lock`, 'utf8') !== readFileSync(`${BENCH}package-lock.json`, 'utf8')) {
  console.log('bench: installing the peer libraries from npm into bench/node_modules');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH, stdio: 'inherit' });
  cpSync(`${BENCH}package-lock.json`, `${LIB}.installed-from-lock`);
}
const versions = Object.fromEntries(['survey-core', 'survey-js-ui', 'chart.js']
  .map((p) => [p, JSON.parse(readFileSync(`${LIB}${p}/package.json`, 'utf8')).version]));

// ---- sizes
const contentJs = `window.OVP_CONTENT = ${JSON.stringify(JSON.parse(readFileSync(`${ROOT}content/en.json`, 'utf8')))};\n`;
const ours = oursSizes();
const peer = peerSizes(LIB, `${BENCH}peer/`, contentJs);
const kb = (n) => (n / 1024).toFixed(1);
const row = (cells, widths) => cells.map((c, i) => String(c)[i ? 'padStart' : 'padEnd'](widths[i])).join('  ');
console.log('\nBytes shipped (KB; gzip -9, brotli q11)');
const W = [10, 9, 9, 9, 9, 9, 9, 8];
console.log(row(['part', 'ours raw', 'ours gz', 'ours br', 'peer raw', 'peer gz', 'peer br', 'br ratio'], W));
const partOf = (s, name) => s.parts.find((p) => p.name === name) ?? { raw: 0, gzip: 0, brotli: 0 };
for (const name of ['wasm', 'js', 'css', 'content', 'total']) {
  const o = name === 'total' ? ours.total : partOf(ours, name);
  const p = name === 'total' ? peer.total : partOf(peer, name);
  console.log(row([name, kb(o.raw), kb(o.gzip), kb(o.brotli), kb(p.raw), kb(p.gzip), kb(p.brotli), p.brotli ? (o.brotli / p.brotli).toFixed(2) : '-'], W));
}
if (ours.result) {
  console.log(row(['result', kb(ours.result.raw), kb(ours.result.gzip), kb(ours.result.brotli), '', '', '', ''], W));
  console.log(row(['whole', kb(ours.whole.raw), kb(ours.whole.gzip), kb(ours.whole.brotli), kb(peer.total.raw), kb(peer.total.gzip), kb(peer.total.brotli), (ours.whole.brotli / peer.total.brotli).toFixed(2)], W));
  console.log('ours: total is what comes before the first question; result is the result\'s code, fetched once the reader starts; whole is both.');
}
console.log(`ours: the English content is inside the .wasm (on its own it would be ${kb(ours.inside.content.brotli)} KB br); css is widget.css, linked by the prerendered intro and adopted by the live widget; the demo post's page.css is not counted.`);
console.log(`budget: ${ours.total.brotli} of ${BUDGET_BROTLI} bytes brotli (${ours.total.brotli <= BUDGET_BROTLI ? 'within' : 'OVER'})`);

// ---- timings
const routes = new Map();
const file = (path, type) => ({ body: readFileSync(path), type, headers: { 'cache-control': 'no-store' } });
routes.set('/peer/', file(`${BENCH}peer/index.html`, 'text/html; charset=utf-8'));
routes.set('/peer/peer.js', file(`${BENCH}peer/peer.js`, 'text/javascript'));
routes.set('/peer/content.js', { body: contentJs, type: 'text/javascript', headers: { 'cache-control': 'no-store' } });
for (const lib of ['survey-core/survey.core.min.js', 'survey-js-ui/survey-js-ui.min.js', 'chart.js/dist/chart.umd.min.js']) {
  routes.set(`/peer/lib/${lib}`, file(`${LIB}${lib}`, 'text/javascript'));
}
routes.set('/peer/lib/survey-core/survey-core.min.css', file(`${LIB}survey-core/survey-core.min.css`, 'text/css'));
routes.set(...manyWidgetsRoute);
for (const route of lazyRoutes) routes.set(...route);
const driver = readFileSync(`${BENCH}driver.js`, 'utf8');

const server = await serve(DIST, routes, { brotli: true });
// Frames are not held to a 60 Hz display clock, so "the next frame" is the frame that
// shows the step, not the next vsync (up to 16.7 ms later whatever the page does).
const browser = await launchChromium(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
const chromium = `Chromium ${browser.version()}`;
const pages = { ours: server.url, peer: `${server.url}peer/` };
const PROFILES = {
  desktop: DESKTOP,
  'desktop, reader\'s pace': { ...DESKTOP, paceMs: READER_PACE_MS },
  phone: PHONE,
  'phone, reader\'s pace': { ...PHONE, paceMs: READER_PACE_MS },
};
const samples = Object.fromEntries(Object.keys(PROFILES).map((profile) => [profile, { ours: [], peer: [] }]));

async function once(which, profile = 'desktop') {
  const { viewport, cpuSlowdown, network, paceMs } = PROFILES[profile];
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (paceMs) await page.addInitScript((ms) => { window.__benchPaceMs = ms; }, paceMs);
  await page.addInitScript(driver);
  const throttle = await context.newCDPSession(page);
  if (cpuSlowdown) await throttle.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  if (network) {
    await throttle.send('Network.enable');
    await throttle.send('Network.emulateNetworkConditions', network);
  }
  await page.goto(pages[which]);
  await page.waitForFunction(() => window.__bench?.done, null, { timeout: 120000, polling: 50 });
  const done = await page.evaluate(() => window.__bench.done);
  if (done.error || errors.length) throw new Error(`${which}: ${done.error ?? errors.join('; ')}`);
  await page.waitForTimeout(300); // let the result settle (chart animations) before weighing memory
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const extra = await page.evaluate(() => ({
    wasm: window.__bench.wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0),
    clsBeforeStart: window.__bench.clsBeforeStart,
    cls: window.__bench.cls,
  }));
  await context.close();
  const steps = done.steps;
  return {
    firstQuestion: done.t.firstQuestion,
    startClickable: done.t.startClickable,
    finish: done.t.finish,
    resultComplete: done.t.resultComplete,
    stepUpdate: steps.map((s) => s.update),
    stepFrame: steps.map((s) => s.frame),
    stepKind: steps.map((s) => s.kind),
    exploreFrame: done.explore,
    jsHeap: heap.usedSize,
    wasmMemory: extra.wasm,
    memory: heap.usedSize + extra.wasm,
    clsLoad: extra.clsBeforeStart,
    cls: extra.cls,
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

let many; // twenty widgets on one page, ours only (bench/many-widgets.mjs)
let crowd; // 200 eager widgets, by widgets per Wasm instance (bench/crowd.mjs)
let lazy; // a reader scrolling to the widget, lazy against eager (bench/lazy.mjs)
try {
  await once('ours'); await once('peer'); // warm the OS file cache and Chromium itself; not counted
  for (const profile of Object.keys(PROFILES)) {
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) samples[profile][which].push(await once(which, profile));
      process.stdout.write(`\r${profile} runs: ${i + 1}/${RUNS}`);
    }
    process.stdout.write('\n');
  }
  many = await manyWidgets(browser, server.url, RUNS);
  lazy = await lazyReader(browser, server.url, RUNS, PHONE);
  crowd = await crowdedPage(browser, RUNS);
} finally {
  await browser.close();
  await server.close();
}

const framesOf = (sample, kind) => sample.stepFrame.filter((_, i) => sample.stepKind[i] === kind);
const summary = (s) => ({
  firstQuestionMs: median(s.map((x) => x.firstQuestion)),
  startClickableMs: median(s.map((x) => x.startClickable)),
  finishMs: median(s.map((x) => x.finish)),
  stepUpdateP50Ms: median(s.map((x) => pct(x.stepUpdate, 50))),
  stepUpdateP95Ms: median(s.map((x) => pct(x.stepUpdate, 95))),
  stepFrameP50Ms: median(s.map((x) => pct(x.stepFrame, 50))),
  stepFrameP95Ms: median(s.map((x) => pct(x.stepFrame, 95))),
  // A run has 11 or 12 steps, so its own p95 is its slowest step; this is the p95 of
  // every step of every run together.
  stepFramePooledP95Ms: pct(s.flatMap((x) => x.stepFrame), 95),
  questionStepFrameP50Ms: median(s.map((x) => pct(framesOf(x, 'question'), 50))),
  questionStepFrameP95Ms: median(s.map((x) => pct(framesOf(x, 'question'), 95))),
  summaryStepFrameMs: s.some((x) => framesOf(x, 'summary').length) ? median(s.map((x) => framesOf(x, 'summary')[0])) : null,
  resultStepFrameMs: median(s.map((x) => framesOf(x, 'result')[0])),
  resultCompleteMs: median(s.map((x) => x.resultComplete)),
  // Every answer changed on the result, of every run together (ours only).
  exploreFramePooledP95Ms: s.some((x) => x.exploreFrame.length) ? pct(s.flatMap((x) => x.exploreFrame), 95) : null,
  exploreFrameP50Ms: s.some((x) => x.exploreFrame.length) ? median(s.flatMap((x) => x.exploreFrame)) : null,
  jsHeapBytes: median(s.map((x) => x.jsHeap)),
  wasmMemoryBytes: median(s.map((x) => x.wasmMemory)),
  memoryBytes: median(s.map((x) => x.memory)),
  clsBeforeStart: median(s.map((x) => x.clsLoad)),
  clsWholeRun: median(s.map((x) => x.cls)),
});
const summaries = Object.fromEntries(Object.entries(samples).map(([profile, { ours, peer }]) => [profile, { ours: summary(ours), peer: summary(peer) }]));
const LABELS = {
  firstQuestionMs: 'first question answerable (ms)',
  startClickableMs: '  of which: Start shown (ms)',
  finishMs: 'finish quiz by script (ms)',
  stepUpdateP50Ms: 'step: Next to DOM updated p50 (ms)',
  stepUpdateP95Ms: 'step: Next to DOM updated p95 (ms)',
  stepFrameP50Ms: 'step: Next to next frame p50 (ms)',
  stepFrameP95Ms: 'step: Next to next frame p95 (ms)',
  stepFramePooledP95Ms: '  p95 of all runs\' steps pooled (ms)',
  questionStepFrameP50Ms: '  question to question p50 (ms)',
  questionStepFrameP95Ms: '  question to question p95 (ms)',
  summaryStepFrameMs: '  last question to check-your-answers (ms)',
  resultStepFrameMs: '  to the result shown (ms)',
  resultCompleteMs: '  to the result with charts (ms)',
  exploreFrameP50Ms: 'what if: answer changed to its frame painted, p50 (ms)',
  exploreFramePooledP95Ms: '  p95 of every change of every run (ms)',
  jsHeapBytes: 'JS heap after result (KB)',
  wasmMemoryBytes: 'Wasm memory after result (KB)',
  memoryBytes: 'JS heap + Wasm memory (KB)',
  clsBeforeStart: 'CLS until Start',
  clsWholeRun: 'CLS whole run',
};
const fmt = (k, v) => (v == null ? '-' : k.endsWith('Bytes') ? kb(v) : k.startsWith('cls') ? v.toFixed(3) : v.toFixed(1));
const TW = [36, 10, 10, 7];
const ratios = ({ ours: o, peer: p }) => Object.fromEntries(Object.keys(o).map((k) => [k, p[k] ? o[k] / p[k] : null]));
for (const [profile, { ours: o, peer: p }] of Object.entries(summaries)) {
  console.log(`\n\n${profile}: medians of ${RUNS} alternating runs each (fresh browser context per run), headless Chromium`);
  console.log(row(['', 'ours', 'peer', 'ratio'], TW));
  for (const k of Object.keys(LABELS)) console.log(row([LABELS[k], fmt(k, o[k]), fmt(k, p[k]), p[k] ? (o[k] / p[k]).toFixed(2) : '-'], TW));
}
console.log(`\n${many.widgets} widgets on one page (ours only): a choice in the last painted in ${many.choicePaintedMedianMs.toFixed(1)} ms (median of ${RUNS})`);
console.log(`\n${describeLazy(lazy, RUNS)}`);
console.log(`\n${describeCrowd(crowd)}`);

mkdirSync(`${BENCH}results`, { recursive: true });
const out = {
  date: new Date().toISOString(),
  command: 'make bench',
  runs: RUNS,
  chromium,
  peer: versions,
  sizes: { ours, peer, budgetBrotli: BUDGET_BROTLI, ratioBrotli: ours.total.brotli / peer.total.brotli },
  profiles: Object.fromEntries(Object.entries(PROFILES).map(([name, { viewport, cpuSlowdown, network, paceMs }]) => [name, { viewport, cpuSlowdown: cpuSlowdown ?? 1, network: network ?? null, paceMs: paceMs ?? 0 }])),
  timings: { ...summaries.desktop, ratio: ratios(summaries.desktop) },
  byProfile: Object.fromEntries(Object.entries(summaries).map(([name, summary]) => [name, { ...summary, ratio: ratios(summary) }])),
  manyWidgets: many,
  lazyReader: lazy,
  crowdedPage: crowd,
  samples,
};
writeFileSync(`${BENCH}results/latest.json`, `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwritten: bench/results/latest.json');
