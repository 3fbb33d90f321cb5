// Twenty widgets on one page, sharing Wasm instances as embed.js places them: how long a choice in
// the last one takes to paint (the click, then the frame after it). A timing, so it lives
// here rather than in the tests (tests/browser/robustness.test.mjs checks that the click
// works). `make bench` runs it after the peer comparison; on its own:
// `node bench/many-widgets.mjs [--runs N]` against a release build in dist/.
import { serve, launchChromium } from '../tests/browser/harness.mjs';
import { DIST } from './sizes.mjs';

export const WIDGETS = 20;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
  <script type="module">
    import { mount } from './embed.js';
    for (let i = 0; i < ${WIDGETS}; i++) {
      const div = document.createElement('div');
      div.id = 'many-' + i;
      document.body.append(div);
      await mount(div, { storage: 'none' });
    }
    window.mounted = true;
  </script></body></html>`;

/** One fresh page: mounts the widgets, starts the last, and times a choice to its next paint. */
async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.mounted, null, { timeout: 60000 });
  const last = page.locator(`#many-${WIDGETS - 1}`);
  await last.locator('.intro button').click();
  const radio = last.locator('input[type=radio]').first();
  await radio.waitFor();
  const ms = await radio.evaluate((input) => new Promise((done) => {
    const start = performance.now();
    input.click();
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  }));
  if (!(await radio.isChecked())) throw new Error('the choice was not taken');
  await context.close();
  return ms;
}

/** Medians of `runs` fresh pages; `browser` and `serverUrl` as bench/run.mjs has them (its server must serve PAGE at /many.html). */
export async function manyWidgets(browser, serverUrl, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(browser, `${serverUrl}many.html`));
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { widgets: WIDGETS, choicePaintedMedianMs: median, samples };
}

/** The route bench/run.mjs adds to its server for the page above. */
export const manyWidgetsRoute = ['/many.html', { body: PAGE, type: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } }];

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
  const server = await serve(DIST, new Map([manyWidgetsRoute]));
  const browser = await launchChromium(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
  try {
    const result = await manyWidgets(browser, server.url, runs);
    console.log(`${result.widgets} widgets on a page: a choice in the last painted in ${result.choicePaintedMedianMs.toFixed(1)} ms (median of ${runs}; ${result.samples.map((s) => s.toFixed(1)).join(', ')})`);
  } finally {
    await browser.close();
    await server.close();
  }
}
