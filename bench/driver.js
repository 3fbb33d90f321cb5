// Injected into both pages before any of their scripts (page.addInitScript). Records
// layout shifts and every Wasm memory the page instantiates, then drives the quiz the
// same way on both: click Start as soon as it exists, wait for the first question's
// radios, then for each question pick an option and press Next (See result at the end);
// on ours, then change each answer on the result ("What if").
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
  // The result is shown when its verdict is on screen; complete when its chart is drawn.
  // Ours paints the verdict first and the charts a frame later; the peer does both at once.
  const resultShown = () => {
    const r = root();
    if (!r) return false;
    if (r !== document) return !!r.querySelector('.result-heading');
    return resultComplete();
  };
  const resultComplete = () => {
    const r = root();
    if (!r) return false;
    if (r !== document) return !!r.querySelector('svg[role=img]');
    return !document.getElementById('result').hidden && !!document.querySelector('#result-chart').getAttribute('width');
  };
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  // The time right after the frame that the rAF callback starts has been painted: a
  // user-blocking task runs ahead of any timer or message the page queued meanwhile, so
  // work a page defers until after that paint is not counted in the step.
  const frame = () => new Promise((done) => requestAnimationFrame(() => {
    scheduler.postTask(() => done(performance.now()), { priority: 'user-blocking' });
  }));
  // Resolves as soon as `test` passes: re-checked on every DOM change (a mutation
  // observer runs in the same turn as the change, so a step is seen before the browser
  // paints or runs anything the page deferred) and every few ms as a fallback.
  function until(test, limitMs = 30000) {
    return new Promise((resolve, reject) => {
      const observer = new MutationObserver(check);
      const timer = setInterval(check, 4);
      const end = performance.now() + limitMs;
      function check() {
        let v;
        try { v = test(); } catch (e) { v = null; }
        if (v) { observer.disconnect(); clearInterval(timer); resolve(v); }
        else if (performance.now() > end) { observer.disconnect(); clearInterval(timer); reject(new Error(`timed out waiting for ${test}`)); }
        else {
          // The widget's shadow root appears only once it mounts: watch it too when it
          // does (observing a node again only renews the options).
          const r = root();
          for (const node of r && r !== document ? [document, r] : [document]) observer.observe(node, WATCH);
        }
      }
      check();
    });
  }
  const WATCH = { subtree: true, childList: true, attributes: true, characterData: true };

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
    // A reader's pace (`window.__benchPaceMs`, set by bench/run.mjs for its paced
    // profiles): each choice that long after the previous step painted; 0 presses at once.
    const pace = window.__benchPaceMs ?? 0;
    for (let i = 0; ; i++) {
      if (pace) await sleep(pace);
      current[i % current.length].click();
      await sleep(0); // let the selection render, as a reader's pause would
      const r = root();
      // Ours ends its questions with Check your answers; the peer with See result.
      const next = button(r, 'Next', 'Check your answers', 'See result');
      const last = ['Check your answers', 'See result'].includes((next.value || next.textContent).trim());
      const name = current[0].name;
      let t0 = performance.now();
      next.click();
      if (last) {
        // Ours shows "Check your answers" before the result: one more See result, timed
        // as a step of its own.
        await until(() => resultShown() || (!radios(root()).length && button(root(), 'See result')));
        if (!resultShown()) {
          const updated = performance.now();
          steps.push({ kind: 'summary', update: updated - t0, frame: (await frame()) - t0 });
          if (pace) await sleep(pace);
          t0 = performance.now();
          button(root(), 'See result').click();
          await until(resultShown);
        }
      }
      else current = await until(() => { const rs = radios(root()); return rs.length && rs[0].name !== name ? rs : null; });
      const updated = performance.now();
      const painted = await frame();
      steps.push({ kind: last ? 'result' : 'question', update: updated - t0, frame: painted - t0 });
      if (last) {
        await until(resultComplete);
        t.resultComplete = (await frame()) - t0;
        break;
      }
    }
    t.result = performance.now();
    t.finish = t.result - t.firstQuestion;
    return { t, steps, explore: await explore() };
  }

  // Ours only (the peer has nothing like it): on the result, each answer's menu changed
  // to its next option in turn, timed from the change to the end of the frame that
  // shows the result that follows. The change is made at the start of a frame (in an
  // animation frame callback), so that frame is the one that shows it and what is timed
  // is the work the change causes: the widget's update, then the browser's style, layout
  // and paint. A task posted then runs once that frame is done. Any mutation of the
  // result is the widget's (a select's value is a property, not an attribute); an update
  // that misses that frame is timed to the frame painted after it.
  async function explore() {
    const r = root();
    if (r === document) return [];
    const times = [];
    for (const menu of r.querySelectorAll('.explore select')) {
      if (window.__benchPaceMs) await sleep(window.__benchPaceMs);
      let mutated = false;
      const observer = new MutationObserver(() => { mutated = true; });
      observer.observe(r.querySelector('.result'), WATCH);
      const { t0, painted } = await new Promise((done) => requestAnimationFrame(() => {
        // Chosen in the same turn as the change event, as a reader's pick is: a render
        // in between (of the previous change) sets every menu back to its answer.
        menu.value = String((Number(menu.value) + 1) % menu.options.length);
        const t0 = performance.now();
        menu.dispatchEvent(new Event('change', { bubbles: true }));
        scheduler.postTask(() => done({ t0, painted: performance.now() }), { priority: 'user-blocking' });
      }));
      if (mutated) times.push(painted - t0);
      else {
        await until(() => mutated);
        times.push((await frame()) - t0);
      }
      observer.disconnect();
    }
    return times;
  }
  const go = () => drive().then((r) => { bench.done = r; }, (e) => { bench.done = { error: String(e && e.stack || e) }; });
  go();
})();
