// The quiz in a Hugo site (Hugo from Debian's package; scripts/setup.sh installs it),
// set up as the README's Hugo instructions say: dist/ copied into the site's static/ovp/,
// then either the snippet in a shortcode, layouts/shortcodes/ovp.html, written into a
// post as {{< ovp >}}, or, with goldmark's unsafe renderer, the snippet pasted into the
// post's Markdown. tests/hugo/ holds the site (config, layouts, a post); each way is
// built with `hugo` into a temporary folder, served, and the quiz taken to the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile, appendFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, ROOT, useBrowser, serve, openPage, pack, takeQuiz, answersFor } from './harness.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'ovp-hugo-'));
const FALLBACK = 'This interactive quiz could not load here';
const en = pack('en');

/** tests/hugo/ with the widget's files in static/ovp/ and the snippet pointing there; `change(dir, snippet)` adds the rest. */
async function buildSite(name, change) {
  const dir = join(WORK, name);
  await cp(`${ROOT}tests/hugo`, dir, { recursive: true });
  await cp(DIST, join(dir, 'static/ovp'), { recursive: true });
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', '/ovp/');
  await change(dir, snippet);
  const { stdout } = await promisify(execFile)('hugo', ['--source', dir, '--destination', join(dir, 'public')])
    .catch((error) => {
      throw new Error(error.code === 'ENOENT' ? 'no hugo: scripts/setup.sh installs it from Debian' : `hugo: ${error.message}`);
    });
  return { public: join(dir, 'public'), stdout };
}

// The shortcode way, on a site with Hugo's default Markdown settings.
let version;
const env = useBrowser({
  root: join(WORK, 'shortcode/public'),
  check: async () => {
    version = (await promisify(execFile)('hugo', ['version'])).stdout.trim();
    await buildSite('shortcode', async (dir, snippet) => {
      await mkdir(join(dir, 'layouts/shortcodes'), { recursive: true });
      await writeFile(join(dir, 'layouts/shortcodes/ovp.html'), snippet);
    });
  },
});

// The other way: raw HTML allowed in Markdown, and the snippet pasted into a post.
let pasted;
before(async () => {
  const site = await buildSite('pasted', async (dir, snippet) => {
    await appendFile(join(dir, 'hugo.toml'), '\n[markup.goldmark.renderer]\nunsafe = true\n');
    await rm(join(dir, 'content/posts/quiz.md')); // the shortcode's post
    await writeFile(join(dir, 'content/posts/pasted.md'),
      `---\ntitle: The snippet pasted\n---\n\nA paragraph of the post before the quiz.\n\n${snippet}\nA paragraph after it.\n`);
  });
  pasted = await serve(site.public);
});

after(async () => {
  await pasted?.close();
  await rm(WORK, { recursive: true, force: true });
});

/** Opens a post, checks what it shows around the widget, and takes the quiz to the result. */
async function takePost(url) {
  const { page, errors, events } = await openPage({ path: url });
  const widget = page.locator('article open-vs-proprietary');
  assert.equal(await widget.count(), 1);
  // The element sits in the post as written: no paragraph around it, no fallback text shown.
  assert.equal(await widget.evaluate((host) => host.parentElement.tagName), 'ARTICLE');
  const shown = await page.locator('article').innerText();
  assert.doesNotMatch(shown, new RegExp(FALLBACK));
  assert.doesNotMatch(shown, /-->|YOUR-HOST/);
  await takeQuiz(widget, answersFor(en, (q) => q % 3));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.deepEqual(errors, []);
  await page.close();
}

test('Hugo: the snippet in layouts/shortcodes/ovp.html and {{< ovp >}} in a post; the quiz runs to the result', async () => {
  console.log(version);
  await takePost(`${env.server.url}posts/quiz/`);
});

test('Hugo with markup.goldmark.renderer.unsafe: the snippet pasted into the Markdown; the quiz runs to the result', async () => {
  await takePost(`${pasted.url}posts/pasted/`);
});
