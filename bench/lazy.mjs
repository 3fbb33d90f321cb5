// Lazy loading as a reader meets it, on the phone profile: the demo post opens at its
// top, the reader scrolls a screen a second until the widget's Start is on screen and
// presses it at once; how long until the first question can be answered, with the
// widget loading lazily (the default: the code loads when the element comes within about
// a screen) against loading eagerly with the page (`loading="eager"` and the Wasm
// preload, as the demo post has them). `make bench` runs it after the peer comparison;
// on its own: `node bench/lazy.mjs [--runs N]` against a release build in dist/.
import { readFileSync } from 'node:fs';
import { serve, launchChromium } from '../tests/browser/harness.mjs';
import { DIST } from './sizes.mjs';

const demo = readFileSync(`${DIST}index.html`, 'utf8');
const EAGER = demo;
const LAZY = demo
  .replace(/<link rel="preload" href="\.\/open-vs-proprietary_bg\.wasm"[^>]*>/, '')
  .replace(/(<open-vs-proprietary[^>]*) loading="eager"/, '$1');
if (/<open-vs-proprietary[^>]* loading="eager"/.test(LAZY) || LAZY.includes('rel="preload" href="./open-vs-proprietary_bg.wasm"')) {
  throw new Error('bench/lazy.mjs: the demo post no longer has the eager attribute or preload it expects');
}

/** The routes bench/run.mjs adds to its server for the two pages. */
export const lazyRoutes = [
  ['/reader-eager.html', { body: EAGER, type: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } }],
  ['/reader-lazy.html', { body: LAZY, type: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } }],
];

// Runs in the page from its first script: scrolls nine tenths of a screen a second from
// the top until Start is on screen, presses it, and records when the first question's
// radios are there (performance.now(), ms since navigation start).
const READER = `(() => {
  window.__reader = new Promise((resolve) => {
    const start = () => document.querySelector('open-vs-proprietary')?.shadowRoot?.querySelector('[data-ovp-start]');
    const onScreen = (el) => { const r = el?.getBoundingClientRect(); return !!r && r.height > 0 && r.top < innerHeight && r.bottom > 0; };
    const radios = () => document.querySelector('open-vs-proprietary')?.shadowRoot?.querySelector('input[type=radio]');
    addEventListener('load', async () => {
      while (!onScreen(start())) {
        await new Promise((done) => setTimeout(done, 1000));
        scrollBy(0, Math.round(innerHeight * 0.9));
      }
      const pressed = performance.now();
      start().click();
      while (!radios()) await new Promise((done) => requestAnimationFrame(done));
      resolve({ pressed, firstQuestion: performance.now(), scrolled: scrollY });
    });
  });
})();`;

async function once(browser, url, phone) {
  const context = await browser.newContext({ viewport: phone.viewport });
  const page = await context.newPage();
  await page.addInitScript(READER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: phone.cpuSlowdown });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', phone.network);
  await page.goto(url);
  const reader = await page.evaluate(() => window.__reader);
  await context.close();
  return { ...reader, waitAfterStart: reader.firstQuestion - reader.pressed };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Medians of `runs` alternating eager and lazy loads; the server must serve `lazyRoutes`. */
export async function lazyReader(browser, serverUrl, runs, phone) {
  const samples = { eager: [], lazy: [] };
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['lazy', 'eager'] : ['eager', 'lazy']) {
      samples[which].push(await once(browser, `${serverUrl}reader-${which}.html`, phone));
    }
  }
  const of = (which) => ({
    firstQuestionMs: median(samples[which].map((s) => s.firstQuestion)),
    pressedMs: median(samples[which].map((s) => s.pressed)),
    waitAfterStartMs: median(samples[which].map((s) => s.waitAfterStart)),
  });
  const eager = of('eager');
  const lazy = of('lazy');
  return { eager, lazy, firstQuestionRatio: lazy.firstQuestionMs / eager.firstQuestionMs, samples };
}

/** The lines `make bench` prints. */
export function describeLazy({ eager, lazy, firstQuestionRatio }, runs) {
  return [
    `reader scrolling a screen a second on the phone profile, pressing Start when it shows (medians of ${runs}):`,
    `  Start pressed at ${eager.pressedMs.toFixed(0)} ms (eager) / ${lazy.pressedMs.toFixed(0)} ms (lazy)`,
    `  first question at ${eager.firstQuestionMs.toFixed(0)} ms eager, ${lazy.firstQuestionMs.toFixed(0)} ms lazy: lazy/eager ${firstQuestionRatio.toFixed(2)}`,
    `  wait after pressing Start: ${eager.waitAfterStartMs.toFixed(0)} ms eager, ${lazy.waitAfterStartMs.toFixed(0)} ms lazy`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { PHONE } = await import('./profiles.mjs');
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
  const server = await serve(DIST, new Map(lazyRoutes), { brotli: true });
  const browser = await launchChromium();
  try {
    console.log(describeLazy(await lazyReader(browser, server.url, runs, PHONE), runs));
  } finally {
    await browser.close();
    await server.close();
  }
}
