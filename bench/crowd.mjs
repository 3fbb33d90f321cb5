// A crowded page: 200 widgets, all loading at once (`loading="eager"`), as a page of
// worked examples or a test of the embed might have. For each number of widgets per
// Wasm instance (embed.js's WIDGETS_PER_INSTANCE; 1 was the earlier design, an instance
// each): how many widgets show, how long until all do, the longest main-thread task
// (the reader's clicks and scrolling wait behind it), and the memory the page then
// holds (JS heap and Wasm memories). Each variant is dist/ with that one constant
// changed. Desktop, and the phone profile's CPU slowed 4x (the files come from a local
// server, so the link is not what is measured). `make bench` runs it; on its own:
// `node bench/crowd.mjs [--runs N]` against a release build in dist/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launchChromium, recordWasmMemories } from '../tests/browser/harness.mjs';
import { DIST } from './sizes.mjs';
import { DESKTOP, PHONE } from './profiles.mjs';

export const WIDGETS = 200;
export const VARIANTS = [1, 4, 8, 16, WIDGETS];
const SHIPPED = Number(/const WIDGETS_PER_INSTANCE = (\d+);/.exec(readFileSync(new URL('../web/embed.js', import.meta.url), 'utf8'))?.[1]);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>
  window.__crowd = { longest: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__crowd.longest = Math.max(window.__crowd.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
</script>
<script type="module" src="./embed.js"></script></head><body>
${Array.from({ length: WIDGETS }, (_, i) => `<open-vs-proprietary id="crowd-${i}" loading="eager" storage="none"></open-vs-proprietary>`).join('\n')}
</body></html>`;

/** dist/ copied with embed.js's widgets per instance set to `perInstance`. */
function variant(perInstance) {
  const dir = mkdtempSync(join(tmpdir(), `ovp-crowd-${perInstance}-`));
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, 'embed.js');
  const code = readFileSync(file, 'utf8');
  // The minified name changes from build to build (it may hold a $), and the bundler may
  // declare it with var; the value sits where the source has it.
  const matches = [...code.matchAll(new RegExp(`(?:const|let|var) ([\\w$]{1,4})=${SHIPPED},`, 'g'))];
  if (matches.length !== 1) throw new Error(`bench/crowd.mjs: cannot find WIDGETS_PER_INSTANCE (${SHIPPED}) in dist/embed.js (${matches.length} candidates)`);
  writeFileSync(file, code.replace(matches[0][0], matches[0][0].replace(`=${SHIPPED},`, `=${perInstance},`)));
  writeFileSync(join(dir, 'crowd.html'), PAGE);
  return dir;
}

async function once(browser, url, profile) {
  const context = await browser.newContext({ viewport: profile.viewport });
  const page = await context.newPage();
  await recordWasmMemories(page);
  const cdp = await context.newCDPSession(page);
  if (profile.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  const started = Date.now();
  await page.goto(url);
  // Every widget shows its intro or a panel; polled each frame, in the page.
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('open-vs-proprietary')];
    return hosts.length === n && hosts.every((host) => host.shadowRoot?.querySelector('.intro [data-ovp-start]:not([hidden]), [role=alert]'));
  }, WIDGETS, { polling: 'raf', timeout: 600000 });
  const allShownMs = Date.now() - started;
  const shown = await page.evaluate(() => [...document.querySelectorAll('open-vs-proprietary')]
    .filter((host) => host.shadowRoot.querySelector('.intro')).length);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { longest, wasm, instances } = await page.evaluate(() => ({
    longest: window.__crowd.longest,
    wasm: window.wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0),
    instances: window.wasmMemories.length,
  }));
  await context.close();
  return { shown, allShownMs, longestTaskMs: longest, memoryBytes: heap.usedSize + wasm, instances };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Medians of `runs` fresh pages for each variant, on the desktop and the phone's CPU. */
export async function crowdedPage(browser, runs) {
  const results = [];
  for (const perInstance of VARIANTS) {
    const dir = variant(perInstance);
    const server = await serve(dir);
    try {
      for (const [name, profile] of [['desktop', DESKTOP], ['phone CPU', PHONE]]) {
        const samples = [];
        for (let i = 0; i < runs; i++) samples.push(await once(browser, `${server.url}crowd.html`, profile));
        const of = (key) => median(samples.map((s) => s[key]));
        results.push({ perInstance, shipped: perInstance === SHIPPED, profile: name, shown: of('shown'), allShownMs: of('allShownMs'), longestTaskMs: of('longestTaskMs'), memoryBytes: of('memoryBytes'), instances: of('instances') });
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { widgets: WIDGETS, runs, results };
}

export function describeCrowd({ widgets, runs, results }) {
  const lines = [`${widgets} eager widgets on one page, by widgets per Wasm instance (medians of ${runs}; * shipped):`,
    'per instance  profile     shown  all shown (ms)  longest task (ms)  memory (MB)  instances'];
  for (const r of results) {
    lines.push(`${`${r.perInstance}${r.shipped ? '*' : ''}`.padEnd(14)}${r.profile.padEnd(12)}${String(r.shown).padStart(5)}  ${r.allShownMs.toFixed(0).padStart(14)}  ${r.longestTaskMs.toFixed(0).padStart(17)}  ${(r.memoryBytes / 1e6).toFixed(1).padStart(11)}  ${String(r.instances).padStart(9)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const browser = await launchChromium();
  try {
    console.log(describeCrowd(await crowdedPage(browser, runs)));
  } finally {
    await browser.close();
  }
}
