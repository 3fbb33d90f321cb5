// dist/snippet.html after WordPress's wpautop(), the filter that turns blank lines into
// paragraphs and line breaks into <br> in classic-editor content (and anything else
// without block marks) when a post is shown. The real function, from the installed
// WordPress (scripts/wordpress.sh), runs over the snippet as an Administrator would paste
// it between two paragraphs; the page is served beside dist/ as a blog would have it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { DIST, ROOT, useBrowser, openPage, pack, takeQuiz, answersFor, afterPaint } from './harness.mjs';

const env = useBrowser();
const en = pack('en');
const WASM = 'open-vs-proprietary_bg.wasm';
const FALLBACK = 'This interactive quiz could not load here';

function wpautop(text) {
  return new Promise((resolve, reject) => {
    const child = execFile('php', [`${ROOT}tests/wordpress/autop.php`], (error, stdout, stderr) => {
      if (error) reject(new Error(`wpautop: ${error.message}\n${stderr} (run scripts/wordpress.sh, which scripts/setup.sh does)`));
      else resolve(stdout);
    });
    child.stdin.end(text);
  });
}

async function post() {
  const snippet = (await readFile(`${DIST}snippet.html`, 'utf8')).replaceAll('https://YOUR-HOST/PATH/', env.server.url);
  return `A paragraph before the quiz.\n\n${snippet}\nA paragraph after the quiz.\n`;
}

/**
 * Opens a post with `content` in a narrow column, holding back the Wasm until `release()`:
 * until then the element shows what the page itself holds (the prerendered intro).
 */
async function openHeld(path, content) {
  let release;
  const released = new Promise((done) => { release = done; });
  const opened = await openPage({
    path,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="/favicon.svg"></head>
      <body><main style="max-width:650px">${content}</main></body></html>`,
    init: (page) => page.route(`**/${WASM}`, async (route) => { await released; await route.continue(); }),
  });
  return { ...opened, release };
}

/** The element's box and what the page shows around it, before the widget takes over. */
function prerenderedState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('open-vs-proprietary');
    const main = document.querySelector('main');
    return {
      hosts: document.querySelectorAll('open-vs-proprietary').length,
      intro: host.shadowRoot?.querySelector('.ovp-root .intro button[data-ovp-start]')?.textContent ?? null,
      live: host.shadowRoot?.adoptedStyleSheets.length > 0,
      height: host.getBoundingClientRect().height,
      shown: main.innerText,
      brs: main.querySelectorAll('br').length,
      // Paragraphs with nothing in them but white space (a widget's paragraph holds the element).
      emptyParagraphs: Array.from(main.querySelectorAll('p'))
        .filter((p) => !p.textContent.trim() && !p.querySelector('open-vs-proprietary')).length,
      parent: host.parentElement.tagName,
      // What the element's parent holds besides comments.
      beside: Array.from(host.parentElement.childNodes, (node) => node.nodeName).filter((name) => name !== '#comment'),
      // What the template holds besides the widget's root and stylesheet (wpautop's
      // leftovers), with the room each takes.
      extra: host.shadowRoot ? Array.from(host.shadowRoot.children)
        .filter((child) => !child.matches('div.ovp-root, link'))
        .map((child) => ({ html: child.outerHTML, display: getComputedStyle(child).display })) : [],
    };
  });
}

test('wpautop leaves the element whole: no <br>, no stray paragraph or fallback text, and the quiz runs', async () => {
  const html = await wpautop(await post());
  assert.doesNotMatch(html, /<br/, 'no line breaks added');
  const { page, errors, events, release } = await openHeld('/autop-post.html', html);
  const state = await prerenderedState(page);
  assert.equal(state.hosts, 1);
  assert.equal(state.intro, 'Start', 'the prerendered intro is in the element\'s shadow root');
  assert.equal(state.live, false, 'measured before the widget took over');
  assert.equal(state.shown, 'A paragraph before the quiz.\n\nA paragraph after the quiz.', 'no fallback text, nothing else shown around the widget');
  assert.doesNotMatch(state.shown, new RegExp(FALLBACK));
  assert.equal(state.brs, 0);
  assert.equal(state.emptyParagraphs, 0);
  // wpautop made the snippet a paragraph of its own: the comments, the script and the element.
  assert.equal(state.parent, 'P');
  assert.deepEqual(state.beside, ['SCRIPT', 'OPEN-VS-PROPRIETARY'], 'nothing else in the snippet\'s paragraph');
  release();
  await takeQuiz(page, answersFor(en, (q) => q % 2));
  assert.equal((await events()).filter((e) => e.type === 'ovp:complete').length, 1);
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(FALLBACK));
  assert.deepEqual(errors, []);
  await page.close();
});

// wpautop wraps what follows the template's last block tag in <p>, which opens inside
// the template: widget.css gives anything after .ovp-root no room.
test('the prerendered intro keeps its size through wpautop, so the page does not shift when the widget takes over', async () => {
  const original = await openHeld('/original-post.html', await post());
  const mangled = await openHeld('/autop-post-2.html', await wpautop(await post()));
  const [before, after] = [await prerenderedState(original.page), await prerenderedState(mangled.page)];
  assert.ok(after.extra.length > 0, 'wpautop left something in the template (so this checks what it claims)');
  assert.deepEqual(after.extra.map((e) => e.display), after.extra.map(() => 'none'), JSON.stringify(after.extra));
  assert.equal(after.height, before.height, 'the prerendered intro is as tall as in the snippet as written');
  // And once live, as tall again: no shift.
  mangled.release();
  await mangled.page.waitForFunction(() => document.querySelector('open-vs-proprietary').shadowRoot.adoptedStyleSheets.length > 0);
  await afterPaint(mangled.page);
  assert.equal(await mangled.page.evaluate(() => document.querySelector('open-vs-proprietary').getBoundingClientRect().height), after.height);
  original.release();
  await original.page.close();
  await mangled.page.close();
});
