// The release package as an author meets it: the tarball `make package` writes (packed
// here from the current dist/ by scripts/package.mjs), extracted and served from a second
// origin that sends `access-control-allow-origin: *`, like an npm CDN, and loaded from a
// blog page on the first origin under a strict Content-Security-Policy that allows the CDN
// and nothing else: the English quiz to its result, a Chinese page with the pack fetched
// from the CDN, iframe.html from the CDN, several widgets on one page, and the package's
// prerendered snippet. Every policy violation is recorded and must not happen; the page's
// own origin serves nothing but the page and its icon.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, useBrowser, serve, openPage, pack, takeQuiz, answersFor, waitForStep, waitForResult,
  recordCspViolations, inlineScriptRefused,
} from './harness.mjs';

const VERSION = readFileSync(`${ROOT}Cargo.toml`, 'utf8').match(/^version = "([^"]+)"/m)[1];
const TMP = mkdtempSync(join(tmpdir(), 'ovp-package-'));
/** The extracted tarball: the files the CDN serves. */
const CDN_ROOT = join(TMP, 'cdn/package/');
/** The blog's own origin serves no file of the widget's: only the pages the tests set up. */
const PAGE_ROOT = join(TMP, 'page/');
let tarball;
/** The CDN: a second origin serving the package with CORS, as jsDelivr and unpkg do. */
let cdn;

const env = useBrowser({
  root: PAGE_ROOT,
  // Before the page's server and the browser start: pack, extract, serve.
  async check() {
    mkdirSync(join(TMP, 'cdn'));
    mkdirSync(PAGE_ROOT);
    execFileSync('node', [`${ROOT}scripts/package.mjs`, '--out', join(TMP, 'out')], { stdio: ['ignore', 'ignore', 'inherit'] });
    tarball = join(TMP, 'out', `open-vs-proprietary-${VERSION}.tgz`);
    execFileSync('tar', ['-xzf', tarball, '-C', join(TMP, 'cdn')]);
    cdn = await serve(CDN_ROOT, new Map(), { headers: { 'access-control-allow-origin': '*' } });
  },
});
after(async () => {
  await cdn?.close();
  rmSync(TMP, { recursive: true, force: true });
});

const origin = (url) => new URL(url).origin;

/**
 * The policy: the page's own origin by default (which the widget never uses: here only
 * for the page's icon), and the CDN for what the widget needs from it: its module scripts
 * and the compile of its Wasm, the files embed.js fetches (Wasm, stylesheet, Chinese
 * pack), the snippet's stylesheet link, and iframe.html. Each part is needed: without
 * `'wasm-unsafe-eval'` or `connect-src` no widget starts, without `style-src` the
 * snippet's link is refused, without `frame-src` the iframe.
 */
function policy() {
  const from = origin(cdn.url);
  return `default-src 'self'; script-src ${from} 'wasm-unsafe-eval'; style-src ${from}; connect-src ${from}; frame-src ${from}`;
}

/** A blog post on the first origin under the policy (a `<meta>` before anything else in its head). */
function blogPage({ lang = 'en', body, embed = true }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${policy()}">
    <title>A post</title><link rel="icon" href="/favicon.svg">
    ${embed ? `<script type="module" src="${cdn.url}embed.js"></script>` : ''}
    </head><body><h1>A post</h1><p>Before the quiz.</p>\n${body}\n<p>After the quiz.</p></body></html>`;
}

/** Opens `body` on a blog page at `path`, recording policy violations and the messages iframes post. */
async function openBlogPage(path, options) {
  env.server.routes.set('/favicon.svg', { body: '<svg xmlns="http://www.w3.org/2000/svg"/>', type: 'image/svg+xml' });
  const opened = await openPage({
    path,
    html: blogPage(options),
    init: async (page) => {
      await recordCspViolations(page);
      await page.addInitScript(() => {
        window.__messages = [];
        addEventListener('message', (e) => window.__messages.push({ origin: e.origin, ...e.data }));
      });
    },
  });
  return {
    ...opened,
    violations: () => opened.page.evaluate(() => window.__violations),
    messages: () => opened.page.evaluate(() => window.__messages),
  };
}

/** No violation, no error, and every request went to the CDN, but for the page and its icon. */
async function assertCrossOrigin({ page, errors, requests, violations }, path) {
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  const own = new Set(requests.filter((url) => origin(url) === origin(env.server.url)));
  own.delete(`${env.server.url}favicon.svg`);
  assert.deepEqual([...own], [new URL(path, env.server.url).href]);
  const elsewhere = requests.filter((url) => origin(url) !== origin(env.server.url) && origin(url) !== origin(cdn.url));
  assert.deepEqual(elsewhere.filter((url) => !/^(data|blob):/.test(url)), []);
  assert.ok(requests.includes(`${cdn.url}open-vs-proprietary_bg.wasm`), 'the Wasm came from the CDN');
  await page.close();
}

const en = () => pack('en', CDN_ROOT);
const zh = () => pack('zh', CDN_ROOT);

test('the tarball holds the widget\'s files and a package.json that CDNs and bundlers read', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(files, [
    'CHANGELOG.md', 'LICENSE', 'README.md', 'content.schema.json',
    ...readdirSync(`${CDN_ROOT}content`).map((name) => `content/${name}`),
    'embed.js', 'favicon.svg', 'iframe.css', 'iframe.html', 'iframe.js', 'manifest.json',
    'open-vs-proprietary_bg.wasm', 'open-vs-proprietary_result.wasm', 'package.json', 'snippet.html', 'widget.css',
  ].map((file) => `package/${file}`).sort());
  assert.ok(files.includes('package/content/en.json') && files.includes('package/content/zh.json'));
  // The build's manifest: its version, and its languages, which the README's lang row lists.
  const build = JSON.parse(readFileSync(`${CDN_ROOT}manifest.json`, 'utf8'));
  assert.equal(build.version, VERSION);
  // A built-in language is a pack named by its own lang; English first.
  const named = readdirSync(`${CDN_ROOT}content`).map((file) => file.replace(/\.json$/, ''))
    .filter((name) => JSON.parse(readFileSync(`${CDN_ROOT}content/${name}.json`, 'utf8')).lang === name);
  assert.deepEqual([...build.languages].sort(), named.sort());
  assert.equal(build.languages[0], 'en');
  const rows = readFileSync(`${CDN_ROOT}README.md`, 'utf8').split('\n').filter((line) => /^\| `[a-z]+` \|/.test(line));
  assert.deepEqual(rows.map((row) => row.split('`')[1]), Object.keys(build.attributes), 'a row for each of the element\'s attributes');
  assert.equal(rows[0], `| \`lang\` | ${build.languages.map((lang) => `\`${lang}\``).join(', ')}, or your pack's own; default: the page's \`<html lang>\`, else \`en\` |`);

  const manifest = JSON.parse(readFileSync(`${CDN_ROOT}package.json`, 'utf8'));
  assert.equal(manifest.name, 'open-vs-proprietary');
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.type, 'module');
  for (const field of ['browser', 'module', 'unpkg', 'jsdelivr']) assert.equal(manifest[field], './embed.js', field);
  assert.equal(manifest.exports['.'], './embed.js');
  for (const target of Object.values(manifest.exports)) {
    const file = target.replace('./', '').replace('*', 'en.json');
    assert.ok(files.includes(`package/${file}`), `exports names ${target}, which the package has`);
  }
  assert.ok(!('repository' in manifest) || manifest.repository.url, 'repository only with an address');
  assert.match(readFileSync(`${CDN_ROOT}LICENSE`, 'utf8'), /^MIT License\n/);
  const readme = readFileSync(`${CDN_ROOT}README.md`, 'utf8');
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/open-vs-proprietary@${VERSION}/embed.js`));
  assert.ok(readme.includes(`https://unpkg.com/open-vs-proprietary@${VERSION}/embed.js`));
  assert.match(readFileSync(`${CDN_ROOT}CHANGELOG.md`, 'utf8'), new RegExp(`^## \\[${VERSION.replaceAll('.', '\\.')}\\] - `, 'm'));
});

test('from the CDN origin under the strict policy, the English quiz reaches its result', async () => {
  const opened = await openBlogPage('/post.html', { body: '<open-vs-proprietary id="en"></open-vs-proprietary>' });
  const { page, events } = opened;
  // The policy really applies: an inline script of the page's is refused, and reported.
  assert.match(await inlineScriptRefused(page, opened.errors), /^script-src-elem inline/);

  const widget = page.locator('#en');
  await takeQuiz(widget, answersFor(en(), (q) => q % 3));
  const complete = (await events()).filter((e) => e.type === 'ovp:complete');
  assert.equal(complete.length, 1);
  const name = en().approaches.find((a) => a.id === complete[0].detail.recommendation).name;
  assert.equal(await widget.locator('h2.result-heading').textContent(), `Our suggestion: ${name}`);
  // The module the page runs is the package's version.
  assert.equal(await page.evaluate(async (url) => (await import(url)).version, `${cdn.url}embed.js`), VERSION);
  await assertCrossOrigin(opened, '/post.html');
});

test('a Chinese page gets the Chinese pack from the CDN and completes in Chinese', async () => {
  const opened = await openBlogPage('/zh-post.html', { lang: 'zh', body: '<open-vs-proprietary id="zh"></open-vs-proprietary>' });
  const widget = opened.page.locator('#zh');
  await waitForStep(widget, { screen: 'intro' });
  assert.equal(await widget.locator('h2.title').textContent(), zh().title);
  await takeQuiz(widget, answersFor(zh(), () => 0));
  assert.match(await waitForResult(widget), /^我们的建议：/);
  assert.ok(opened.requests.includes(`${cdn.url}content/zh.json`), 'the Chinese pack came from the CDN');
  await assertCrossOrigin(opened, '/zh-post.html');
});

test('iframe.html from the CDN, embedded in the page, completes and posts its height and events', async () => {
  const opened = await openBlogPage('/framed.html', {
    embed: false,
    // The blog names its own origin as the one the reader's answers may go to.
    body: `<iframe src="${cdn.url}iframe.html?lang=en&amp;id=framed&amp;parent=${encodeURIComponent(origin(env.server.url))}" title="Open-source or proprietary AI? A decision quiz" width="800" height="900"></iframe>`,
  });
  const widget = opened.page.frameLocator('iframe').locator('open-vs-proprietary');
  await takeQuiz(widget, answersFor(en(), (q) => (q + 1) % 3));
  await opened.page.waitForFunction(() => window.__messages.some((m) => m.type === 'ovp:complete'));
  const messages = await opened.messages();
  assert.ok(messages.every((m) => m.origin === origin(cdn.url)), 'every message from the CDN origin');
  assert.ok(messages.some((m) => m.type === 'ovp:resize' && m.height > 0));
  const complete = messages.filter((m) => m.type === 'ovp:complete');
  assert.equal(complete.length, 1);
  const name = en().approaches.find((a) => a.id === complete[0].detail.recommendation).name;
  assert.equal(await widget.locator('h2.result-heading').textContent(), `Our suggestion: ${name}`);
  await assertCrossOrigin(opened, '/framed.html');
});

test('several widgets on one page run from one download of the Wasm, each on its own', async () => {
  const opened = await openBlogPage('/many.html', {
    body: `<open-vs-proprietary id="one"></open-vs-proprietary>
      <open-vs-proprietary id="two" lang="zh"></open-vs-proprietary>
      <open-vs-proprietary id="three" theme="dark" storage="none"></open-vs-proprietary>`,
  });
  const { page, events, requests } = opened;
  await takeQuiz(page.locator('#two'), [1, 1, 1], { through: 'questions' });
  await takeQuiz(page.locator('#one'), answersFor(en(), () => 2));
  await waitForStep(page.locator('#two'), { screen: 'question', number: 4 });
  assert.equal((await waitForStep(page.locator('#three'), { screen: 'intro' })).heading, en().title);
  const all = await events();
  assert.deepEqual(all.filter((e) => e.type === 'ovp:complete').map((e) => e.target), ['one']);
  assert.equal(all.filter((e) => e.type === 'ovp:answer' && e.target === 'two').length, 3);
  assert.deepEqual(all.filter((e) => e.type === 'ovp:ready').map((e) => e.target).sort(), ['one', 'three', 'two']);
  assert.equal(requests.filter((url) => url === `${cdn.url}open-vs-proprietary_bg.wasm`).length, 1);
  await assertCrossOrigin(opened, '/many.html');
});

test('the package\'s snippet.html, pointed at the CDN, shows its prerendered first screen and completes', async () => {
  const snippet = readFileSync(`${CDN_ROOT}snippet.html`, 'utf8').replaceAll('https://YOUR-HOST/PATH/', cdn.url);
  const addresses = [...snippet.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(addresses.length >= 2 && addresses.every((url) => url.startsWith(cdn.url)), addresses.join(' '));
  const opened = await openBlogPage('/snippet-post.html', { embed: false, body: snippet });
  const { events, requests, widget: first } = opened;
  const widget = first();
  // The prerendered first screen is there, then the live widget takes over.
  assert.equal(await widget.locator('h2.title').textContent(), en().title);
  await takeQuiz(widget, answersFor(en(), (q) => (q * 2) % 3));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  // What the snippet loads (or names in its preload comment) is fetched once: the
  // stylesheet's <link> is CORS-enabled (`crossorigin`, with its integrity hash), so
  // embed.js can read the rules the browser has parsed rather than fetch the file again.
  assert.match(snippet, /<link rel="stylesheet" href="[^"]*widget\.css" integrity="sha384-[^"]+" crossorigin="anonymous">/);
  for (const url of addresses) assert.equal(requests.filter((r) => r === url).length, 1, url);
  await assertCrossOrigin(opened, '/snippet-post.html');
});
