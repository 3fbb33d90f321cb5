// The balance of a draft, computed off the page's main thread so typing never waits for
// it (a pack with a million answer sets takes seconds). The page sends the compiled
// studio module once, then `{ id, text }` per draft; each answer carries the id it
// answers, so the page can drop one for a draft that has changed since. A draft that
// changes while one is being computed is not waited for: the page ends this worker and
// starts another (studio/balance.js).
import init, { balance } from './ovp-studio.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  const { id, text } = data;
  try {
    await ready;
    const started = performance.now();
    const result = balance(text);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
