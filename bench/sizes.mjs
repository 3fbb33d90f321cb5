// Bytes that cross the wire: raw, gzip (level 9) and brotli (quality 11), per part.
// Shared by `make bench` and the size-budget test (tests/browser/size.test.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = `${ROOT}dist/`;
/** The budget of issue 7: brotli bytes of the Wasm, the JS and the built-in content. */
export const BUDGET_BROTLI = 100 * 1024;

export function measure(bytes) {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (parts) => parts.reduce((t, p) => ({ raw: t.raw + p.raw, gzip: t.gzip + p.gzip, brotli: t.brotli + p.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

function part(name, files, note) {
  const each = files.map((f) => measure(readFileSync(f)));
  return { name, files: files.map((f) => f.replace(ROOT, '')), ...sum(each), note };
}

/**
 * Our widget as an author's page loads it in English: embed.js (with the wasm-bindgen JS), the
 * .wasm and widget.css (linked by the prerendered intro, fetched once by embed.js for
 * the live widget). The English pack (content/en.json) is compiled into the .wasm
 * (include_str!), so it is counted there; `inside` shows what it weighs on its own.
 * The demo post's page.css is not the widget's and is not counted; zh.json is fetched
 * only for Chinese readers.
 *
 * `total` is what a reader downloads before the first question. `result` is the result's
 * code (scripts/split-wasm.mjs), fetched once the reader starts, so only a reader who
 * starts downloads it; `whole` adds it. Builds that do not split have no `result`.
 */
export function oursSizes(dist = DIST) {
  const wasm = `${dist}open-vs-proprietary_bg.wasm`;
  if (!existsSync(wasm)) throw new Error(`no ${wasm}: run trunk build --release first`);
  const parts = [
    part('wasm', [wasm], 'includes the English content'),
    part('js', [`${dist}embed.js`], 'with the wasm-bindgen glue inside'),
    part('css', [`${dist}widget.css`], 'widget.css, linked by the prerendered intro and adopted by every live widget'),
    { name: 'content', files: [], raw: 0, gzip: 0, brotli: 0, note: 'inside the wasm (content/en.json)' },
  ];
  const inside = {
    content: measure(readFileSync(`${ROOT}content/en.json`)),
  };
  const resultFile = `${dist}open-vs-proprietary_result.wasm`;
  const result = existsSync(resultFile) ? part('result', [resultFile], 'the result\'s code, fetched once the reader starts') : null;
  const total = sum(parts);
  return { parts, total, result, whole: result ? sum([total, result]) : total, inside };
}

/** The peer page's libraries, CSS, glue and content, as bench/peer/index.html loads them. */
export function peerSizes(lib, peerDir, contentJs) {
  const parts = [
    part('js', [`${lib}survey-core/survey.core.min.js`, `${lib}survey-js-ui/survey-js-ui.min.js`,
      `${lib}chart.js/dist/chart.umd.min.js`, `${peerDir}peer.js`], 'survey-core, survey-js-ui, chart.js (minified UMD) and the glue'),
    part('css', [`${lib}survey-core/survey-core.min.css`], 'survey-core.min.css'),
    { name: 'content', files: ['content.js'], ...measure(contentJs), note: 'content/en.json as a script' },
  ];
  return { parts, total: sum(parts) };
}
