// Injected into both pages before any of their scripts (page.addInitScript). Records
// layout shifts and every Wasm memory the page instantiates, then drives the quiz the
// same way on both: click Start as soon as it exists, wait for the first question's
// radios, then for each question pick an option and press Next (See result at the end).
// All times are performance.now(), in ms since navigation start.
(() => {
  const bench = (window.__bench = { wasmMemories: [], clsBeforeStart: 0, cls: 0, done: null });
  let started = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      bench.cls += e.value;
      if (!started) bench.clsBeforeStart += e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });

  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) bench.wasmMemories.push(v);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }

  // Our widget renders into an open shadow root; the peer into the document.
  const root = () => document.querySelector('open-vs-proprietary')?.shadowRoot ?? (document.querySelector('#quiz') ? document : null);
  const button = (r, ...labels) => [...r.querySelectorAll('button, input[type=button], input[type=submit]')]
    .find((b) => labels.includes((b.value || b.textContent).trim()) && !b.disabled && b.offsetParent !== null);
  const radios = (r) => [...r.querySelectorAll('input[type=radio]')].filter((i) => !i.disabled);
  const resultShown = () => {
    const r = root();
    if (!r) return false;
    if (r !== document) return !!r.querySelector('svg[role=img]');
    return !document.getElementById('result').hidden && !!document.querySelector('#result-chart').getAttribute('width');
  };
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const frame = () => new Promise((done) => requestAnimationFrame(() => {
    const ch = new MessageChannel(); // runs after the frame that the rAF callback started
    ch.port1.onmessage = () => done(performance.now());
    ch.port2.postMessage(0);
  }));
  async function until(test, limitMs = 30000) {
    const end = performance.now() + limitMs;
    for (;;) {
      const v = test();
      if (v) return v;
      if (performance.now() > end) throw new Error(`timed out waiting for ${test}`);
      await sleep(1);
    }
  }

  async function drive() {
    const t = {};
    await until(() => { const r = root(); return r && button(r, 'Start'); });
    t.startClickable = performance.now();
    started = true;
    // A prerendered Start button (ours, before the Wasm mounts) does nothing yet, so keep
    // pressing Start, at most every 5 ms, until the first question's radios appear.
    let pressed = -Infinity;
    let current = await until(() => {
      const r = root();
      const rs = r && radios(r);
      if (rs && rs.length) return rs;
      const start = r && button(r, 'Start');
      if (start && performance.now() - pressed >= 5) { pressed = performance.now(); start.click(); }
      return null;
    });
    t.firstQuestion = performance.now();
    const steps = [];
    for (let i = 0; ; i++) {
      current[i % current.length].click();
      await sleep(0); // let the selection render, as a reader's pause would
      const r = root();
      const next = button(r, 'Next', 'See result');
      const last = (next.value || next.textContent).trim() === 'See result';
      const name = current[0].name;
      const t0 = performance.now();
      next.click();
      if (last) {
        // Ours shows "Check your answers" before the result: one more See result.
        await until(() => resultShown() || (!radios(root()).length && button(root(), 'See result')));
        if (!resultShown()) {
          button(root(), 'See result').click();
          await until(resultShown);
        }
      }
      else current = await until(() => { const rs = radios(root()); return rs.length && rs[0].name !== name ? rs : null; });
      const updated = performance.now();
      const painted = await frame();
      steps.push({ update: updated - t0, frame: painted - t0 });
      if (last) break;
    }
    t.result = performance.now();
    t.finish = t.result - t.firstQuestion;
    return { t, steps };
  }
  const go = () => drive().then((r) => { bench.done = r; }, (e) => { bench.done = { error: String(e && e.stack || e) }; });
  go();
})();
