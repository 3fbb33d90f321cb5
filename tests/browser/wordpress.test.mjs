// The WordPress plugin in a real WordPress: Debian's package (WordPress 6.1 on PHP and
// MariaDB, the default block theme Twenty Twenty-Three; scripts/wordpress.sh installs
// them), a throwaway site in a temporary folder, the plugin installed from its zip as an
// upload would be. A user with the Author role, who may not put scripts in posts, logs in
// and publishes through the REST API as the block editor does; readers open the posts
// in another browser context, under a Content Security Policy of the kind WordPress
// security plugins send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, symlink, rm, readFile, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, DIST, launchChromium, watchForErrors, recordWidgetEvents, recordCspViolations, takeQuiz, waitForStep, answersFor, pack,
} from './harness.mjs';
import { buildPlugin } from '../../scripts/wordpress-plugin.mjs';
import { embedCode } from '../../studio/embed-code.js';

const WORDPRESS = '/usr/share/wordpress';
const THEME = `${WORDPRESS}/wp-content/themes/twentytwentythree`;
const HELPERS = join(ROOT, 'tests/wordpress');
const AUTHOR_PASSWORD = 'an author password 4 tests';
const FALLBACK = 'This interactive quiz could not load here';
// What a site that sends a policy needs for WordPress itself (inline scripts and styles)
// and for the widget ('wasm-unsafe-eval', as the README says); everything from the site.
const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const en = pack('en');
const zh = pack('zh');
// An author's own pack whose texts hold what HTML filters, shortcodes and JSON parsers
// trip on: markup characters, a shortcode, an entity written out, a brace and quote.
const tricky = (() => {
  const own = pack('databases');
  own.title = 'R&D or <ops>? [gallery] &amp; "rent" it';
  own.intro = `Say {"hi"} first. ${own.intro}`;
  return own;
})();

const site = { url: null, env: null, dir: null, processes: [], browser: null, posts: {}, install: null };

/** Starts `command` in a process group of its own; resolves once its output matches `ready`. */
function start(command, args, { env, ready }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    site.processes.push(child);
    let output = '';
    const listen = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) resolve(match);
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
    child.on('error', reject);
  });
}

const php = (script, args, input) => new Promise((resolve, reject) => {
  const child = execFile('php', [join(HELPERS, script), ...args], { env: site.env }, (error, stdout, stderr) => {
    if (error) reject(new Error(`php ${script}: ${error.message}\n${stderr}`));
    // The JSON summary is the last line (PHP may print notices before it).
    else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
  });
  child.stdin.end(input ?? '');
});

before(async () => {
  for (const path of [`${WORDPRESS}/wp-load.php`, THEME, '/etc/wordpress/config-ovp-test.php', '/usr/sbin/mariadbd']) {
    await access(path).catch(() => { throw new Error(`${path} is missing: run scripts/wordpress.sh (scripts/setup.sh does)`); });
  }
  const plugin = buildPlugin(DIST, join(ROOT, 'target/wordpress'));
  site.dir = await mkdtemp(join(tmpdir(), 'ovp-wordpress-'));
  const content = join(site.dir, 'wp-content');
  for (const folder of ['plugins', 'themes', 'uploads', 'mu-plugins']) await mkdir(join(content, folder), { recursive: true });
  await symlink(THEME, join(content, 'themes/twentytwentythree'));
  await writeFile(join(content, 'mu-plugins/ovp-test-csp.php'), `<?php
add_action('send_headers', function () {
    if (!is_admin()) header(${JSON.stringify(`Content-Security-Policy: ${CSP}`)});
});
`);
  // A database server of the test's own: no grant tables, no network, a socket in the folder.
  await mkdir(join(site.dir, 'db'));
  const socket = join(site.dir, 'db.sock');
  await start('mariadbd', ['--no-defaults', `--datadir=${join(site.dir, 'db')}`, `--socket=${socket}`,
    `--pid-file=${join(site.dir, 'db.pid')}`, '--skip-networking', '--skip-grant-tables', '--user=root',
    '--innodb-log-file-size=4M', '--innodb-buffer-pool-size=32M'], { env: process.env, ready: /ready for connections/ });
  site.env = { ...process.env, WORDPRESS_CONFIG: 'ovp-test', OVP_WP_DB_SOCKET: socket, OVP_WP_CONTENT_DIR: content, PHP_CLI_SERVER_WORKERS: '4' };
  const [, port] = await start('php', ['-S', '127.0.0.1:0', '-t', WORDPRESS, join(HELPERS, 'router.php')],
    { env: site.env, ready: /Development Server \(http:\/\/127\.0\.0\.1:(\d+)\) started/ });
  site.url = `http://127.0.0.1:${port}`;
  site.env.OVP_WP_URL = site.url;
  site.install = await php('install.php', [plugin.zip, AUTHOR_PASSWORD]);
  console.log(`WordPress ${site.install.wordpress}, theme ${site.install.theme}, plugin ${plugin.version} from ${plugin.zip}`);
  site.browser = await launchChromium();
});

after(async () => {
  await site.browser?.close();
  for (const child of site.processes.reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((done) => child.once('exit', done));
    process.kill(-child.pid, 'SIGTERM'); // the group: php -S runs workers
    await exited;
  }
  if (site.dir) await rm(site.dir, { recursive: true, force: true });
});

/** How the block's Language menu names a language in an English editor: "Chinese (中文)". */
function languageName(lang) {
  const named = (locale) => new Intl.DisplayNames([locale], { type: 'language' }).of(lang);
  return lang === 'en' ? 'English' : `${named('en')} (${named(lang)})`;
}

/** A browser context with the Author logged in: `{ context, page, nonce }` (the REST API's). */
async function logInAsAuthor() {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', 'author');
  await page.fill('#user_pass', AUTHOR_PASSWORD);
  await Promise.all([page.waitForURL(/\/wp-admin\//, { waitUntil: 'commit' }), page.click('#wp-submit')]);
  const nonce = await page.evaluate(() => fetch('/wp-admin/admin-ajax.php?action=rest-nonce').then((r) => r.text()));
  return { context, page, nonce };
}

/** A block's comment delimiter with `attributes`, escaped as the block editor writes them. */
const blockComment = (name, attributes) => `<!-- wp:${name} ${JSON.stringify(attributes)
  .replaceAll('--', '\\u002d\\u002d').replaceAll('<', '\\u003c').replaceAll('>', '\\u003e')
  .replaceAll('&', '\\u0026').replaceAll('\\"', '\\u0022')} /-->`;

/** Logs the Author in and publishes `posts` ({ key: { title, content } }) through the REST API, as the block editor does. */
async function publishAsAuthor(posts) {
  const { context, page, nonce } = await logInAsAuthor();
  for (const [key, post] of Object.entries(posts)) {
    const saved = await page.evaluate(async ({ nonce, post }) => {
      const response = await fetch('/?rest_route=/wp/v2/posts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wp-nonce': nonce },
        body: JSON.stringify({ ...post, status: 'publish' }),
      });
      return { status: response.status, body: await response.json() };
    }, { nonce, post });
    assert.equal(saved.status, 201, `publishing "${post.title}": ${JSON.stringify(saved.body)}`);
    site.posts[key] = { link: saved.body.link, saved: saved.body.content.raw };
  }
  // The block in the editor: registered, and its placeholder shows when inserted. (The
  // editor's welcome guide shows an image from WordPress.org, which tests cannot reach.)
  // The editor's own requests to other sites (emoji, avatars): answered empty, offline.
  await context.route((url) => !url.href.startsWith(site.url), (route) => route.fulfill({ status: 204 }));
  const errors = watchForErrors(page);
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('open-vs-proprietary/quiz') && window.wp.data.select('core/block-editor'));
  await page.evaluate(() => wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('open-vs-proprietary/quiz')));
  await page.locator('.components-placeholder__label', { hasText: 'Open-source or proprietary AI? quiz' }).waitFor();
  // Its Language menu offers the build's languages (dist/manifest.json, through the
  // plugin's build.php), each named in the editor's language and its own.
  await page.evaluate(() => wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block'));
  const language = page.locator('.block-editor-block-inspector select').first();
  await language.waitFor();
  const { languages } = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  assert.deepEqual(await language.locator('option').evaluateAll((options) => options.map((o) => [o.value, o.textContent])),
    [['', 'The page\'s language'], ...languages.map((lang) => [lang, languageName(lang)])]);
  // WordPress's editor asks for the theme's template with `context=edit`, which the
  // Author role may not read: its own 403 (and the console line for it), sometimes
  // before this point, sometimes not. Anything else is ours.
  const wordpressOwn = (error) => /\/wp-json\/wp\/v2\/templates\/.*context=edit/.test(error)
    || (error.includes('status of 403') && errors.some((e) => /\/wp-json\/wp\/v2\/templates\//.test(e)));
  assert.deepEqual(errors.filter((error) => !wordpressOwn(error)), []);
  await context.close();
}

/** Opens a post as a reader (a fresh context, not logged in), recording errors, events and policy violations. */
async function openPost(link, viewport = { width: 1200, height: 900 }) {
  const page = await site.browser.newPage({ viewport });
  const errors = watchForErrors(page);
  const events = await recordWidgetEvents(page);
  const violations = await recordCspViolations(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(link);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the page is served with the policy');
  // The page as served: the widget may have replaced its prerendered intro by now.
  return { page, errors, events, requests, violations, html: await response.text() };
}

/** The text a reader sees in the post's content. */
function postText(page) {
  return page.locator('.wp-block-post-content').innerText();
}

/** The light-DOM elements matching `selector` in the post's content (outside any widget's shadow root). */
function inPost(page, selector) {
  return page.evaluate((selector) => document.querySelectorAll(`.wp-block-post-content ${selector}`).length, selector);
}

test('an Author publishes a post with the shortcode, a pasted snippet and the block (which the editor offers); WordPress keeps what the plugin needs', async () => {
  assert.equal(site.install.authorCanUnfilteredHtml, false, 'Authors may not post scripts');
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', 'https://cdn.example/ovp/');
  await publishAsAuthor({
    shortcode: {
      title: 'A post with the shortcode',
      content: '<!-- wp:paragraph -->\n<p>A paragraph of the post before the quiz.</p>\n<!-- /wp:paragraph -->\n\n'
        + '<!-- wp:shortcode -->\n[open_vs_proprietary id="sc" storage="none" colour="red"]\n<!-- /wp:shortcode -->\n\n'
        + '<!-- wp:paragraph -->\n<p>A paragraph after it.</p>\n<!-- /wp:paragraph -->',
    },
    pasted: {
      title: 'A post with the snippet pasted',
      content: `<!-- wp:paragraph -->\n<p>A paragraph of the post before the quiz.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n${snippet}<!-- /wp:html -->`,
    },
    block: {
      title: 'A post with the block',
      content: '<!-- wp:open-vs-proprietary/quiz {"lang":"zh","id":"blk","storage":"none"} /-->',
    },
    pastedOwn: {
      title: 'A post with the studio\'s embed code of an own quiz pasted',
      // As the studio writes it, its first screen included (words as the studio's Wasm gives them).
      content: `<!-- wp:html -->\n${embedCode({
        mode: 'inline', pack: tricky, base: 'https://cdn.example/ovp/', snippet, builtIn: false,
        words: {
          label: tricky.title, lang: 'en', dir: 'ltr', title: tricky.title, intro: tricky.intro,
          meta: '8 questions · nothing leaves your browser', time: 'About 2 minutes to answer', loading: 'Loading the quiz…', start: 'Start',
        },
      })}\n<!-- /wp:html -->`,
    },
    own: {
      title: 'A post with the block and a pack of the author\'s own',
      content: blockComment('open-vs-proprietary/quiz', { pack: readFileSync(join(DIST, 'content/databases.json'), 'utf8'), storage: 'none' }),
    },
  });
  assert.match(site.posts.shortcode.saved, /\[open_vs_proprietary id="sc" storage="none" colour="red"\]/);
  // kses took the pasted script, stylesheet link and template, and kept the element (the plugin allows it).
  const pasted = site.posts.pasted.saved;
  assert.doesNotMatch(pasted, /<script|<template|<link/);
  assert.match(pasted, /<open-vs-proprietary>/);
  assert.doesNotMatch(pasted, /&lt;/, 'the snippet\'s comment stays a comment');
  assert.match(site.posts.block.saved, /<!-- wp:open-vs-proprietary\/quiz \{"lang":"zh","id":"blk","storage":"none"\} \/-->/);
});

test('the shortcode post: the prerendered intro and the module script with its hash from the plugin, and the quiz runs to the result', async () => {
  const { page, errors, events, requests, violations, html } = await openPost(site.posts.shortcode.link);
  const assets = `${site.url}/wp-content/plugins/open-vs-proprietary/assets/`;
  const scripts = await page.locator('script[src*="open-vs-proprietary"]').evaluateAll((list) => list.map((s) => ({
    src: s.src, type: s.type, integrity: s.integrity, crossorigin: s.getAttribute('crossorigin'),
  })));
  const build = await readFile(`${DIST}snippet.html`, 'utf8');
  const hash = build.match(/embed\.js" integrity="([^"]+)"/)[1];
  assert.deepEqual(scripts, [{ src: `${assets}embed.js`, type: 'module', integrity: hash, crossorigin: 'anonymous' }]);
  const widget = page.locator('.open-vs-proprietary-quiz > open-vs-proprietary');
  assert.deepEqual((await widget.evaluate((host) => host.getAttributeNames())).sort(), ['id', 'storage'], 'the unknown attribute is ignored');
  // The first screen is there before the widget's code: the intro, styled by the plugin's copy.
  const css = build.match(/widget\.css" integrity="([^"]+)"/)[1];
  assert.ok(html.includes(`<template shadowrootmode="open"><link rel="stylesheet" href="${assets}widget.css" integrity="${css}" crossorigin="anonymous">`));
  assert.equal(await widget.locator('h2.title').textContent(), en.title);
  assert.doesNotMatch(await postText(page), new RegExp(FALLBACK));
  // In its own block, the widget keeps to the theme's text column, as the post's paragraphs do.
  const [width, column] = await widget.evaluate((host) => [host, document.querySelector('.wp-block-post-content > p')]
    .map((element) => element.getBoundingClientRect().width));
  assert.ok(width <= column + 0.5, `the widget is ${width} px wide in a ${column} px text column`);
  await takeQuiz(widget, answersFor(en, (q) => q % 2));
  const complete = (await events()).filter((e) => e.type === 'ovp:complete');
  assert.equal(complete.length, 1);
  assert.equal(complete[0].target, 'sc');
  assert.ok(requests.every((url) => url.startsWith(site.url)), 'everything from the site');
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('the pasted snippet post: what kses left is completed by the plugin, no dead Start, no stray text, and the quiz runs', async () => {
  const { page, errors, events, requests, violations, html } = await openPost(site.posts.pasted.link);
  const widget = page.locator('open-vs-proprietary');
  assert.equal(await widget.count(), 1);
  // The prerendered intro in the element's shadow root, as the shortcode has it, instead
  // of what kses left of the template: a bare Start button in the post.
  assert.equal(html.match(/<template shadowrootmode="open">/g)?.length, 1);
  assert.equal(await inPost(page, 'button'), 0, 'no Start button outside the widget');
  const text = await postText(page);
  assert.doesNotMatch(text, new RegExp(FALLBACK));
  assert.doesNotMatch(text, /open-vs-proprietary|YOUR-HOST|-->/, 'no stray text from the snippet\'s comment');
  await takeQuiz(widget, answersFor(en, () => 0));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.ok(!requests.some((url) => url.includes('cdn.example')));
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('the block post: the block\'s wrapper keeps to the text column, and a Chinese quiz starts without an English first screen', async () => {
  const { page, errors, events, violations, html } = await openPost(site.posts.block.link);
  const widget = page.locator('.wp-block-open-vs-proprietary-quiz > open-vs-proprietary#blk');
  assert.ok(html.includes('<open-vs-proprietary lang="zh" id="blk" storage="none">Open-source'));
  assert.ok(!html.includes('<template'), 'no prerendered intro for another language');
  await waitForStep(widget, { screen: 'intro' });
  assert.equal(await widget.locator('h2.title').textContent(), zh.title);
  assert.deepEqual((await events()).map((e) => e.type), ['ovp:ready']);
  const width = await widget.evaluate((host) => host.getBoundingClientRect().width);
  const column = await page.locator('.wp-block-post-content').evaluate((content) => parseFloat(getComputedStyle(content).getPropertyValue('--wp--style--global--content-size')));
  assert.ok(width <= column + 0.5, `the widget is ${width} px wide in a ${column} px text column`);
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('the block with the author\'s own pack: that quiz, its own fallback text, and it runs to the result', async () => {
  const databases = pack('databases');
  assert.match(site.posts.own.saved, /^<!-- wp:open-vs-proprietary\/quiz \{"pack":"\{\\n/, 'the pack is kept in the block, as pasted');
  const { page, errors, events, violations, html } = await openPost(site.posts.own.link);
  assert.ok(html.includes(`<open-vs-proprietary storage="none">${databases.title}: this interactive quiz could not load here`));
  assert.ok(!html.includes('<template'), 'no first screen of the built-in quiz');
  const widget = page.locator('.wp-block-open-vs-proprietary-quiz > open-vs-proprietary');
  await waitForStep(widget, { screen: 'intro' });
  assert.equal(await widget.locator('h2.title').textContent(), databases.title);
  await takeQuiz(widget, answersFor(databases, () => 0));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('the studio\'s embed code of an own quiz pasted by the Author: kses took the script around the pack, and the plugin puts it back, so the reader gets that quiz with its texts whole', async () => {
  assert.doesNotMatch(site.posts.pastedOwn.saved, /<script/, 'kses took the scripts');
  const { page, errors, violations } = await openPost(site.posts.pastedOwn.link);
  const widget = page.locator('open-vs-proprietary');
  await waitForStep(widget, { screen: 'intro' });
  assert.equal(await widget.locator('h2.title').textContent(), tricky.title);
  assert.equal(await widget.locator('p.lede').textContent(), tricky.intro);
  await takeQuiz(widget, answersFor(tricky, () => 1));
  const text = await postText(page);
  assert.doesNotMatch(text, /"questions"|\{"/, 'no JSON shows as text');
  assert.doesNotMatch(text, /paste where the quiz|Access-Control/, 'the code\'s comment stays a comment');
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('in the editor, a pack pasted in the block (the studio\'s embed code too) is previewed by the widget, which lists its problems in the studio\'s words; a .json upload to the Media Library is accepted and works as src', async () => {
  const { context, page, nonce } = await logInAsAuthor();
  // The editor's own requests to other sites (emoji, avatars): answered empty, offline.
  await context.route((url) => !url.href.startsWith(site.url), (route) => route.fulfill({ status: 204 }));
  const errors = watchForErrors(page);
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('open-vs-proprietary/quiz') && window.wp.data.select('core/block-editor'));
  await page.evaluate(() => wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('open-vs-proprietary/quiz')));
  const field = page.getByLabel('Your own quiz (the JSON from the studio)');
  await field.waitFor();
  // A pack with a misspelt approach id: the preview lists it as the studio does.
  const databasesText = readFileSync(join(DIST, 'content/databases.json'), 'utf8');
  const databases = JSON.parse(databasesText);
  const [approach] = databases.approaches.map((a) => a.id);
  const question = databases.questions.findIndex((q) => q.options.some((o) => o.weights?.[approach] !== undefined));
  const option = databases.questions[question].options.findIndex((o) => o.weights?.[approach] !== undefined);
  const broken = structuredClone(databases);
  const { weights } = broken.questions[question].options[option];
  weights[`${approach}x`] = weights[approach];
  delete weights[approach];
  await field.fill(JSON.stringify(broken, null, 2));
  const preview = page.locator('.open-vs-proprietary-preview open-vs-proprietary');
  const problems = preview.locator('ul.problems li');
  await problems.first().waitFor();
  assert.equal(await problems.first().textContent(),
    `questions[${question}].options[${option}].weights.${approach}x: "${approach}x" is not an approach; the approaches are ${databases.approaches.map((a) => a.id).join(', ')}`);
  // The studio's embed code, pasted whole: the pack inside it is kept, and previewed.
  const snippet = await readFile(`${DIST}snippet.html`, 'utf8');
  await field.fill(embedCode({ mode: 'inline', pack: tricky, base: 'https://cdn.example/ovp/', snippet, builtIn: false, words: null }));
  await preview.locator('h2.title', { hasText: tricky.title }).waitFor();
  const kept = await page.evaluate(() => wp.data.select('core/block-editor').getBlocks()[0].attributes.pack);
  assert.deepEqual(JSON.parse(kept), tricky);
  assert.equal(await problems.count(), 0);
  // Published by the Author, whose block attributes WordPress filters as HTML on saving:
  // the reader gets the quiz with its texts whole.
  await page.evaluate(() => {
    wp.data.dispatch('core/editor').editPost({ title: 'An own quiz pasted into the block', status: 'publish' });
    return wp.data.dispatch('core/editor').savePost();
  });
  await page.waitForFunction(() => !wp.data.select('core/editor').isSavingPost() && wp.data.select('core/editor').getCurrentPost().status === 'publish');
  const published = await page.evaluate(() => wp.data.select('core/editor').getPermalink());
  const fromEditor = await openPost(published);
  const ownQuiz = fromEditor.page.locator('.wp-block-open-vs-proprietary-quiz > open-vs-proprietary');
  await waitForStep(ownQuiz, { screen: 'intro' });
  assert.equal(await ownQuiz.locator('h2.title').textContent(), tricky.title);
  assert.equal(await ownQuiz.locator('p.lede').textContent(), tricky.intro);
  assert.deepEqual(fromEditor.errors, []);
  await fromEditor.page.close();

  // The Media Library takes the pack as a .json file; its address works as the block's src.
  const uploaded = await page.evaluate(async ({ nonce, text }) => {
    // As the Media Library's uploader sends a file.
    const form = new FormData();
    form.append('file', new File([text], 'my-quiz.json', { type: 'application/json' }));
    const response = await fetch('/?rest_route=/wp/v2/media', { method: 'POST', headers: { 'x-wp-nonce': nonce }, body: form });
    return { status: response.status, body: await response.json() };
  }, { nonce, text: databasesText });
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  const url = uploaded.body.source_url;
  // A file named .json that is not a pack's JSON is refused.
  const refused = await page.evaluate(async ({ nonce }) => {
    const form = new FormData();
    form.append('file', new File(['<p>not JSON</p>'], 'page.json', { type: 'application/json' }));
    const response = await fetch('/?rest_route=/wp/v2/media', { method: 'POST', headers: { 'x-wp-nonce': nonce }, body: form });
    return response.status;
  }, { nonce });
  assert.equal(refused, 500, 'a .json file that is not JSON is refused (WordPress answers an upload it refuses so)');
  assert.match(url, /\/my-quiz\.json$/);
  // The widget tells the console of the broken pack too, as it does on any page.
  const expected = (e) => /\/wp-json\/wp\/v2\/templates\//.test(e) || e.includes('status of 403')
    || e.startsWith('console.error: open-vs-proprietary: the content cannot be used:')
    // The editor's own look-up of another site, which this offline machine cannot make
    // (every request to another site is answered above; this one came without a request
    // the route saw, once in several runs): the plugin's files are all on the site.
    || e === 'console.error: Failed to load resource: net::ERR_NAME_NOT_RESOLVED'
    // The refused upload above, as WordPress answers it.
    || /^HTTP 500: .*\/wp\/v2\/media$/.test(e) || e.includes('status of 500');
  assert.deepEqual(errors.filter((e) => !expected(e)), []);
  await context.close();
  await publishAsAuthor({ uploaded: { title: 'A post with an uploaded pack', content: blockComment('open-vs-proprietary/quiz', { src: url }) } });
  const reader = await openPost(site.posts.uploaded.link);
  const widget = reader.page.locator('.wp-block-open-vs-proprietary-quiz > open-vs-proprietary');
  await widget.locator('h2.title', { hasText: databases.title }).waitFor();
  assert.deepEqual(reader.errors, []);
  await reader.page.close();
});

test('a snippet pasted in the classic editor by an Administrator: wpautop runs over it and the quiz still works, with nothing stray', async () => {
  const assets = `${site.url}/wp-content/plugins/open-vs-proprietary/assets/`;
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', assets);
  // Classic content: no block marks, so WordPress adds paragraphs (wpautop) when it shows the post.
  const post = await php('post.php', ['admin', 'A classic post'], `A paragraph before the quiz.\n\n${snippet}\nA paragraph after the quiz.\n`);
  const { page, errors, events, violations } = await openPost(post.link);
  const widget = page.locator('open-vs-proprietary');
  // wpautop put the snippet in a paragraph of its own: the comment, the script and the
  // element, with no <br> or text beside them.
  assert.deepEqual(await widget.evaluate((host) => [host.parentElement.tagName,
    ...Array.from(host.parentElement.childNodes, (node) => node.nodeName).filter((name) => name !== '#comment')]),
  ['P', 'SCRIPT', 'OPEN-VS-PROPRIETARY']);
  assert.doesNotMatch(await postText(page), new RegExp(FALLBACK));
  assert.equal(await inPost(page, 'br'), 0);
  await takeQuiz(widget, answersFor(en, (q) => (q + 1) % 2));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('a snippet pasted in the classic editor by the Author: kses and wpautop both run over it, and the plugin still shows a working quiz', async () => {
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', 'https://cdn.example/ovp/');
  const post = await php('post.php', ['author', 'A classic post by the Author'], `A paragraph before the quiz.\n\n${snippet}\nA paragraph after the quiz.\n`);
  assert.doesNotMatch(post.saved, /<script|<template|<link/);
  const { page, errors, events, violations } = await openPost(post.link);
  const widget = page.locator('open-vs-proprietary');
  assert.equal(await inPost(page, 'button'), 0, 'no Start button outside the widget');
  assert.equal(await inPost(page, 'br'), 0);
  const text = await postText(page);
  assert.doesNotMatch(text, new RegExp(FALLBACK));
  assert.doesNotMatch(text, /open-vs-proprietary|YOUR-HOST|-->/);
  await takeQuiz(widget, answersFor(en, () => 1));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(await violations(), []);
  await page.close();
});

test('the plugin left no PHP warnings or notices in the site\'s debug log', async () => {
  const log = await readFile(join(site.dir, 'wp-content/debug.log'), 'utf8').catch(() => '');
  assert.deepEqual(log.split('\n').filter((line) => /open-vs-proprietary|ovp-test-csp/.test(line)), []);
});
