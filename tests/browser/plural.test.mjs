// The widget's plural forms in the browser come from the JavaScript engine's
// Intl.PluralRules (crates/intl), natively from ICU4X: two engines. Both are checked
// against one set of cases, tests/plural-cases.json (crates/model/tests/l10n.rs checks ICU4X), for
// every built-in language, through the Wasm's own question (a test-only hook,
// `pluralCategory`, so this runs against target/dist-test-hooks/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { ROOT, DIST_TEST_HOOKS, useBrowser, openPage } from './harness.mjs';

const env = useBrowser({
  root: DIST_TEST_HOOKS,
  check: () => access(`${DIST_TEST_HOOKS}embed.js`).catch(() => {
    throw new Error(`no test build in ${DIST_TEST_HOOKS}: scripts/test.sh builds it with --features test-hooks`);
  }),
});
const cases = JSON.parse(await readFile(`${ROOT}tests/plural-cases.json`, 'utf8')).languages;

test('the browser\'s plural rules, as the Wasm asks them, agree with the cases ICU4X is checked against, for every built-in language', async () => {
  env.server.routes.set('/plural.js', {
    type: 'text/javascript',
    body: `import { mount } from '/embed.js';
      window.handle = await mount(document.getElementById('w'), { storage: 'none' });`,
  });
  const { page, errors } = await openPage({
    path: '/plural.html',
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
      <script type="module" src="/plural.js"></script></head><body><div id="w"></div></body></html>`,
  });
  await page.waitForFunction(() => window.handle);
  const asked = await page.evaluate((cases) => Object.fromEntries(Object.entries(cases).map(([lang, { numbers }]) => [lang, {
    categories: window.handle.pluralCategories(lang),
    numbers: Object.fromEntries(Object.keys(numbers).map((number) => [number, window.handle.pluralCategory(lang, number)])),
  }])), cases);
  assert.deepEqual(asked, cases);
  assert.deepEqual(errors, []);
  await page.close();
});
