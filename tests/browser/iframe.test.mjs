// iframe.html framed by pages it cannot trust, in headless Chromium: the blog is one
// origin, iframe.html (with the widget's files) another, as with a CDN. It loads packs
// only from the folders its meta lists, runs under its own policy, posts the reader's
// answers only to the parent origin it was told, and the README's listener on the blog
// sizes only the frame that really is iframe.html, whatever another frame posts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ROOT, useBrowser, openPage, pack, takeQuiz, recordCspViolations, inlineScriptRefused } from './harness.mjs';

const env = useBrowser({ otherOrigin: true });
const en = pack('en');
const origin = (url) => new URL(url).origin;

/** The README's parent-side listener, for iframe.html served from `host`. */
async function readmeListener(host) {
  const readme = await readFile(`${ROOT}README.md`, 'utf8');
  const from = readme.indexOf('these lines size the iframe to fit');
  const block = readme.slice(from).match(/```html\n(<script>[\s\S]*?<\/script>)\n```/);
  assert.ok(block, 'README.md has the listener after "these lines size the iframe to fit"');
  assert.ok(block[1].includes("'https://YOUR-HOST/PATH/iframe.html'"), block[1]);
  return block[1].replace("'https://YOUR-HOST/PATH/iframe.html'", `'${host}iframe.html'`);
}

/** Every message the page's window receives, as { origin, type, height, detail }. */
const RECORD = `<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push({ origin: e.origin, type: e.data?.type, height: e.data?.height, detail: e.data?.detail }));</script>`;

test('iframe.html loads a pack only from the folders its meta lists: another folder of its origin, or another origin, is refused before anything is fetched', async () => {
  const framing = env.otherOrigin; // iframe.html's own origin
  framing.routes.set('/private.json', { body: JSON.stringify({ ...en, title: 'A private page of this origin' }), type: 'application/json' });
  env.server.routes.set('/content/fake.json', { body: JSON.stringify({ ...en, title: 'Security advisory: log in again' }), type: 'application/json', headers: { 'access-control-allow-origin': '*' } });
  for (const src of ['/private.json', 'content/../private.json', 'content/%2e%2e/private.json', `${env.server.url}content/fake.json`, '//evil.example/content/x.json']) {
    const requests = [];
    const { page, errors } = await openPage({
      path: `/frames-${encodeURIComponent(src)}.html`,
      body: `<iframe id="f" src="${framing.url}iframe.html?src=${encodeURIComponent(src)}" title="Quiz"></iframe>`,
      init: (page) => page.on('request', (request) => requests.push(request.url())),
    });
    const frame = page.frameLocator('#f');
    await frame.getByText('This quiz cannot be shown here.').waitFor();
    assert.equal(await frame.locator('open-vs-proprietary').count(), 0, src);
    const fetched = requests.filter((url) => /private|fake|evil/.test(new URL(url).pathname) && !url.includes('/frames-'));
    assert.deepEqual(fetched, [], `${src}: nothing fetched`);
    assert.ok(errors.some((e) => e.includes('iframe.html does not load packs from') && e.includes(`${framing.url}content/`)), `${src}: ${errors}`);
    await page.close();
  }
  // Its own content/ folder is the default: the databases quiz opens.
  const { page, errors } = await openPage({
    path: '/frames-own.html',
    body: `<iframe id="f" src="${framing.url}iframe.html?src=content/databases.json" title="Quiz"></iframe>`,
    init: recordCspViolations,
  });
  await page.frameLocator('#f').locator('open-vs-proprietary h2.title').waitFor();
  assert.equal(await page.frameLocator('#f').locator('open-vs-proprietary h2.title').textContent(), pack('databases').title);

  // Its policy is in force: an inline script inside it is refused.
  const frame = page.frames().find((f) => f.url().startsWith(framing.url));
  assert.match(await inlineScriptRefused(frame), /^script-src/);
  assert.deepEqual(errors.filter((e) => !e.includes('Content Security Policy')), []);
  await page.close();
});

test('the reader\'s answers reach only the parent origin iframe.html was told; the README\'s listener sizes only iframe.html\'s frame, whatever a hostile frame posts', async () => {
  const cdn = env.otherOrigin;
  const blog = origin(env.server.url);
  // Frames that post what an attacker would: one from the blog's origin, one from
  // iframe.html's own origin (another page there, an ad on the same CDN).
  const hostile = {
    body: `<!doctype html><title>Ad</title><script>
      setInterval(() => {
        parent.postMessage({ type: 'ovp:resize', height: 50000 }, '*');
        parent.postMessage({ type: 'ovp:resize', height: 5000 }, '*');
        parent.postMessage({ type: 'ovp:complete', detail: { recommendation: 'fake' } }, '*');
      }, 20);
    </script>`,
  };
  env.server.routes.set('/hostile-frame.html', hostile);
  cdn.routes.set('/ad.html', hostile);
  const { page, errors } = await openPage({
    path: '/told.html',
    head: `${RECORD}${await readmeListener(cdn.url)}`,
    body: `<iframe id="told" src="${cdn.url}iframe.html?lang=en&amp;parent=${encodeURIComponent(blog)}" title="Quiz" style="width:100%;height:300px;border:0"></iframe>
      <iframe id="untold" src="${cdn.url}iframe.html?lang=en&amp;id=other" title="Quiz 2" style="width:100%;height:300px;border:0"></iframe>
      <iframe id="elsewhere" src="${cdn.url}iframe.html?lang=en&amp;id=third&amp;parent=https%3A%2F%2Fevil.example" title="Quiz 3" style="width:100%;height:300px;border:0"></iframe>
      <iframe id="hostile" src="/hostile-frame.html" title="Ad" style="width:300px;height:250px;border:0"></iframe>
      <iframe id="ad" src="${cdn.url}ad.html" title="Ad 2" style="width:300px;height:250px;border:0"></iframe>`,
  });
  for (const id of ['told', 'untold', 'elsewhere']) {
    await takeQuiz(page.frameLocator(`#${id}`).locator('open-vs-proprietary'), [0, 1], { through: 'questions' });
  }
  await page.waitForFunction(() => window.__messages.filter((m) => m.type === 'ovp:answer').length >= 2);
  // The hostile frame has posted for a while by now.
  await page.waitForFunction(() => window.__messages.filter((m) => m.height === 5000).length >= 20);
  const messages = await page.evaluate(() => window.__messages);
  const fromCdn = messages.filter((m) => m.origin === origin(cdn.url));
  // Answers: two, from the one frame told to send them here (the others answered too).
  assert.equal(fromCdn.filter((m) => m.type === 'ovp:answer').length, 2, JSON.stringify(fromCdn));
  assert.ok(fromCdn.some((m) => m.type === 'ovp:resize'), 'heights come from every frame');
  // The README's listener sized iframe.html's frames to their widgets, and nothing else.
  for (const id of ['told', 'untold']) {
    const frame = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
    const content = await page.frameLocator(`#${id}`).locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    assert.ok(Math.abs(frame - content) <= 1, `#${id}: frame ${frame} px, content ${content} px`);
  }
  for (const id of ['hostile', 'ad']) {
    assert.equal(await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height), 250, `the frame #${id} resized itself`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe.html gives the widget every attribute of the element from its query string (the contract\'s list), and src only once checked', async () => {
  const framing = env.otherOrigin;
  const query = 'lang=es&dir=rtl&theme=dark&id=framed&storage=none&loading=eager&integrity=sha384-x&src=content/es.json&unknown=1';
  const { page } = await openPage({
    path: '/frames-attributes.html',
    body: `<iframe id="f" src="${framing.url}iframe.html?${query}" title="Quiz"></iframe>`,
  });
  const widget = page.frameLocator('#f').locator('open-vs-proprietary');
  await widget.waitFor({ state: 'attached' });
  const attributes = await widget.evaluate((host) => Object.fromEntries(host.getAttributeNames().map((name) => [name, host.getAttribute(name)])));
  assert.deepEqual(attributes, {
    lang: 'es', dir: 'rtl', theme: 'dark', id: 'framed', storage: 'none', loading: 'eager', integrity: 'sha384-x',
    src: `${framing.url}content/es.json`,
  });
  await page.close();
});
