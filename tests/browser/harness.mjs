// Shared by the browser tests: a static server for dist/ and Debian's headless Chromium.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The same build with the cargo feature `test-hooks` (scripts/test.sh builds it). */
export const DIST_TEST_HOOKS = fileURLToPath(new URL('../../target/dist-test-hooks/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `root` on a free localhost port; resolves to { url, close, routes }.
 * `routes` maps a path to a response the test controls: { body, type, status, headers,
 * delayMs }; a test may add or change routes while the server runs.
 */
export function serve(root = DIST, routes = new Map()) {
  const server = createServer(async (req, res) => {
    const route = routes.get(new URL(req.url, 'http://x').pathname);
    if (route) {
      if (route.delayMs) await new Promise((done) => setTimeout(done, route.delayMs));
      if (res.destroyed) return;
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers });
      res.end(route.body ?? '');
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        routes,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', ...extraArgs],
  });
}

/** Records console errors and uncaught exceptions so a test can fail on any of them. */
export function watchForErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('response', (res) => { if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`); });
  return errors;
}

/** Every ovp:* event that reaches the window, in order, as { type, detail }. */
export async function recordWidgetEvents(page) {
  await page.addInitScript(() => {
    window.__ovpEvents = [];
    for (const type of ['ovp:ready', 'ovp:answer', 'ovp:complete', 'ovp:error']) {
      window.addEventListener(type, (event) => {
        window.__ovpEvents.push({ type, detail: JSON.parse(JSON.stringify(event.detail)), target: event.target.id });
      });
    }
  });
  return () => page.evaluate(() => window.__ovpEvents);
}
