// open-vs-proprietary: the one file an author includes.
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <open-vs-proprietary></open-vs-proprietary>
//
// Defines the <open-vs-proprietary> element and exports mount(element, options) and
// EVENTS. The Wasm is found relative to this file, so the folder can live on any static
// host.

import { EVENTS, ATTRIBUTES } from './contract.mjs';
import { PANEL_MARKUP, PANEL_WORDS } from './panel.mjs';

export { EVENTS, ATTRIBUTES };

/**
 * The widget's version (semantic versioning; CHANGELOG.md says what each one changed):
 * the crate's, written here by the build (scripts/finish-dist.mjs).
 */
export const version = 'unbuilt';

// The view's hook on the intro's Start button (src/view/mod.rs, `hooks`): classes are
// for styling and may change; this attribute is what code finds it by.
const START = '[data-ovp-start]';

const wasmUrl = new URL('./open-vs-proprietary_bg.wasm', import.meta.url);
const cssUrl = new URL('./widget.css', import.meta.url);
const packBase = new URL('./content/', import.meta.url).href;

// The integrity hash of every file embed.js loads, by path relative to it, written here
// by the build (scripts/finish-dist.mjs). The page's own integrity hash for embed.js
// (the snippet carries it) covers these, so a file changed on the host, even one that
// still works, is refused: the browser checks each fetch against its hash.
const INTEGRITY = {};
const packIntegrity = Object.fromEntries(Object.entries(INTEGRITY)
  .filter(([path]) => path.startsWith('content/'))
  .map(([path, hash]) => [path.slice('content/'.length), hash]));

// The wasm-bindgen glue, put in place of this function by the build: each call returns
// a fresh copy of the glue module, whose module-level state holds one Wasm instance,
// made with `placeholders` as the imports that stand for the result's code until it
// is joined (`resultCodeFor`).
// Inside embed.js, the glue is covered by embed.js's integrity hash and costs no
// request of its own.
function createGlue(placeholders) { // eslint-disable-line no-unused-vars
  throw new Error('open-vs-proprietary: this embed.js is the unbuilt source; use the one trunk writes to dist/');
}

// Widgets share Wasm instances, up to WIDGETS_PER_INSTANCE each, all made from one fetch
// and one compile of the module. A browser gives a page a limited number of Wasm
// memories (each reserves its address space up front), so an instance per widget left a
// crowded page with widgets that never loaded; sharing also saves most of a widget's
// memory, since an instance costs far more than a widget in it. `make bench` measures
// the choice (bench/crowd.mjs): fewer widgets per instance cost more memory, and more
// saved little while a panic would move every other widget on the page. wasm-bindgen's
// glue keeps its instance in module-level variables, so each instance is a separate
// copy of the glue module (`createGlue`).
//
// A panic traps the whole instance it happens in. The widget that had it shows a panel
// with Retry; its neighbours move to another instance and carry on where their readers
// were, because every widget hands its state to embed.js as it changes
// (src/embed/handover.rs). Which widget had the panic is inferred from what the
// instance was last working for (`enter`, until the next timer turn): a mount or call
// for a widget, or a reader's event in its shadow root and the renders that event
// queued. An instance with one widget blames it. Otherwise (a timer, a fetch, a paint a
// widget waited for) no one is blamed: each widget moves to an instance of its own,
// where a second panic can only be its own. The inference can be wrong when another
// widget's timer runs inside that short window: the one blamed shows the panel (Retry
// brings back what storage kept) and the real cause, moved, is caught when it fails
// again.
const WIDGETS_PER_INSTANCE = 16;
const instances = []; // every sound instance
// Handles into dead instances, kept reachable on purpose: wasm-bindgen frees a handle
// the garbage collector finds, and that would be a call into the dead instance.
const deadHandles = [];

// A host removed from the page without destroy() would keep its place in an instance
// for ever, and the Wasm memory its content holds: a page that mounts anew on every
// edit, like a live preview, would grow without end. So each mount first releases the
// widgets whose hosts have left the document (`releaseIfLeft`), and their places go back
// to their instances. Checked at mount, the one moment a new instance may be needed, because there
// the check is reliable:
// - `isConnected` is true only for an element in a document, through any number of
//   shadow roots, so it answers for a host wherever it sits;
// - a MutationObserver sees only the tree it observes: a host inside another
//   component's shadow root needs one on that root and every root above it, kept in
//   step as the page changes, and it runs on every change the page makes;
// - a FinalizationRegistry on the host would never fire: the instance's glue module
//   holds the host (the widget reads it and fires events on it), and browsers never
//   free a module, so the host is never collected (nor is collection ever promised).
// Only leaving counts: a host mounted before it is inserted into the page is kept
// until it has been in the document and left it.
const mounted = new Set(); // every widget holding an instance

/**
 * `load()` run once and its promise shared. A failure is forgotten once the mounts
 * queued now have heard of it, so a later mount (or Retry) tries again, but 200 queued
 * widgets do not each ask the server again.
 */
function shared(load) {
  let pending = null;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => afterMounts(() => { pending = null; }));
    }
    return pending;
  };
}

/**
 * `fetch` that asks the browser to check the file against its hash from the build. The
 * browser reports a mismatch, a missing file and a refused request alike (a network
 * error), so a failure is asked again without the hash to tell the reader which.
 */
async function fetchChecked(url) {
  const path = url.href.slice(new URL('./', import.meta.url).href.length);
  try {
    return await fetch(url, { integrity: INTEGRITY[path] ?? '' });
  } catch {
    const plain = await fetch(url, { cache: 'no-store' }).catch(() => null);
    if (plain && !plain.ok) return plain; // the caller reports the HTTP status
    throw new Error(plain
      ? `open-vs-proprietary: refused ${url}: it is not the file this embed.js was built with (its integrity hash differs)`
      : `open-vs-proprietary: cannot load ${url}: the host cannot be reached or does not allow this page to read it (CORS)`);
  }
}

/** Fetches and compiles a Wasm file of the widget. */
async function compileFrom(url) {
  const response = await fetchChecked(url);
  if (!response.ok) throw new Error(`open-vs-proprietary: cannot load ${url}: HTTP ${response.status}`);
  // Streaming compilation needs the Wasm MIME type, which some hosts do not send.
  return response.headers.get('content-type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

const compileWasm = shared(() => compileFrom(wasmUrl));

// The result's code: in release builds, a second Wasm file split off the first
// (scripts/split-wasm.mjs), so the intro and the questions arrive sooner and a reader
// who never starts downloads less. The build writes RESULT_CODE: the export name of the
// first file's placeholder table (null: the build did not split). The widget asks for
// it once the reader leaves the intro (src/embed/result_code.rs), and one compile serves
// every instance.
const RESULT_CODE = null;
const resultCodeUrl = new URL('./open-vs-proprietary_result.wasm', import.meta.url);
let resultCodeModule = null;
const compileResultCode = shared(async () => {
  resultCodeModule ??= await compileFrom(resultCodeUrl);
  return resultCodeModule;
});

/**
 * The result's code for one instance: the placeholders its first file imports, and
 * `load()`, which joins the second file to it once compiled. Joining writes the real
 * functions over the placeholders in the instance's table. A placeholder runs only if
 * the first file calls into the result before the join: it joins then, at once, if the
 * file is compiled, and otherwise (or if that fails) stops the instance as a panic
 * would (`crash`), since the code the widget needs is not there.
 */
function resultCodeFor(crash) {
  let exports = null;
  let joined = false;
  let joining = null;
  const imports = () => ({ primary: exports });
  const placeholders = new Proxy({}, {
    get: (_, index) => (...args) => {
      if (!joined) {
        try {
          if (!resultCodeModule) throw new Error('it has not arrived');
          new WebAssembly.Instance(resultCodeModule, imports());
          joined = true;
        } catch (error) {
          const details = `open-vs-proprietary: internal error, the widget stopped: it needed the result's code (placeholder ${index}) and ${error.message}`;
          console.error(details);
          crash(details);
          throw new Error(details);
        }
      }
      return exports[RESULT_CODE.table].get(Number(index))(...args);
    },
  });
  // Instantiated asynchronously, so the file never blocks the page; once per instance,
  // however many of its widgets ask. A failure is forgotten, so Retry asks again.
  const load = () => {
    joining ??= compileResultCode()
      .then((module) => (joined ? null : WebAssembly.instantiate(module, imports())))
      .then(() => { joined = true; })
      .catch((error) => { joining = null; throw error; });
    return joining;
  };
  return {
    placeholders,
    attach(instanceExports) { exports = instanceExports; },
    load,
  };
}

// One stylesheet for every widget: widget.css, which the prerendered intro links too, as
// a constructable sheet that each shadow root adopts; `style-src 'self'` allows that
// where an inline <style> would be blocked.
const loadStyleSheet = shared(async () => {
  const sheet = new CSSStyleSheet();
  const parsed = prerenderedCss();
  if (parsed) {
    sheet.replaceSync(parsed);
    return sheet;
  }
  const response = await fetchChecked(cssUrl);
  if (!response.ok) throw new Error(`open-vs-proprietary: ${cssUrl} answered HTTP ${response.status}`);
  sheet.replaceSync(await response.text());
  return sheet;
});

// A prerendered intro links widget.css, so the browser has usually parsed it before the
// Wasm is ready. Its rules are copied from there: fetching the file again costs little,
// but reading the body waits behind the page's first layout, which put the stylesheet
// last on the way to a live widget (well after the Wasm was compiled). Only from
// a link that carries this build's integrity hash, which the browser checked before
// applying the file: a link without it (or with another) may hold anything, so the
// file is then fetched and checked here.
function prerenderedCss() {
  for (const host of document.querySelectorAll('open-vs-proprietary')) {
    const link = host.shadowRoot?.querySelector('link[rel=stylesheet]');
    // `sheet` is null until the file has loaded, and stays null if it failed to.
    if (link?.href !== cssUrl.href || !link.sheet || link.integrity !== INTEGRITY['widget.css']) continue;
    try {
      return Array.from(link.sheet.cssRules, (rule) => rule.cssText).join('\n');
    } catch {
      return null; // rules not readable (another origin): fetch the file instead
    }
  }
  return null;
}

/**
 * An instance with room for one more widget: a sound one, else a new one; `alone`: a new
 * one that takes no other widget.
 */
async function takeInstance({ alone = false } = {}) {
  for (const widget of mounted) widget.releaseIfLeft();
  const roomy = !alone && instances.find((instance) => instance.widgets.size < instance.capacity);
  if (roomy) return roomy;
  const [module, sheet] = await Promise.all([compileWasm(), loadStyleSheet()]);
  const capacity = alone ? 1 : WIDGETS_PER_INSTANCE;
  const instance = { glue: null, capacity, dead: false, widgets: new Set(), active: null };
  const onPanic = (details) => {
    if (instance.dead) return;
    instance.dead = true;
    const at = instances.indexOf(instance);
    if (at >= 0) instances.splice(at, 1);
    // This runs inside the failing Wasm: act once that call has unwound.
    queueMicrotask(() => recover(instance, details));
  };
  const resultCode = resultCodeFor(onPanic);
  const glue = createGlue(resultCode.placeholders);
  instance.glue = glue;
  resultCode.attach(await glue.default({ module_or_path: module }));
  glue.setPackBase(packBase, packIntegrity);
  glue.setStyleSheet(sheet);
  if (RESULT_CODE) glue.setResultCode(resultCode.load);
  glue.onPanic(onPanic);
  instances.push(instance);
  return instance;
}

/**
 * Marks `widget` as the one `instance` is working for, until the next task: a panic in
 * this task, or in the microtasks it queued (Yew renders in those), is its.
 */
function enter(instance, widget) {
  const entry = { widget };
  instance.active = entry;
  setTimeout(() => { if (instance.active === entry) instance.active = null; });
}

/** After `instance` panicked: the widget that had the panic stops, the others move. */
function recover(instance, details) {
  const widgets = [...instance.widgets];
  instance.widgets.clear();
  // Blamed may be a widget no longer in the instance (a panic while it was destroyed):
  // then no one here stops, and the others move together.
  const culprit = instance.active?.widget ?? (widgets.length === 1 ? widgets[0] : null);
  for (const widget of widgets) {
    if (widget === culprit) widget.crashed(details);
    else widget.move({ alone: !culprit });
  }
}

// Mounts run one per task, in order. Mounting renders a widget's first screen; 200
// widgets mounted in one go held the main thread for over five seconds, while a task
// each lets the browser paint and answer the reader in between. A message channel
// rather than setTimeout, which browsers slow to 4 ms a turn when it is chained. Moves
// after a panic go first: their readers were in the middle of something.
const mountQueue = [];
let whenMountsDone = [];

function queueMount(job, { first = false } = {}) {
  return new Promise((resolve, reject) => {
    const entry = { job, resolve, reject };
    // The head is the job running now.
    if (first && mountQueue.length) mountQueue.splice(1, 0, entry);
    else mountQueue.push(entry);
    if (mountQueue.length === 1) drainMounts();
  });
}

/** Runs `then` once the queue is empty (at once if it is). */
function afterMounts(then) {
  if (mountQueue.length) whenMountsDone.push(then);
  else then();
}

async function drainMounts() {
  while (mountQueue.length) {
    const { job, resolve, reject } = mountQueue[0];
    await job().then(resolve, reject);
    await new Promise((next) => {
      const channel = new MessageChannel();
      // Closed once heard, so the port and its listener go at once rather than whenever
      // the collector finds them.
      channel.port1.onmessage = () => {
        channel.port1.close();
        next();
      };
      channel.port2.postMessage(null);
    });
    mountQueue.shift();
  }
  const done = whenMountsDone;
  whenMountsDone = [];
  for (const then of done) then();
}

// The events through which a reader acts on a widget (the views' handlers): one in a
// widget's shadow root marks its instance as working for it (`enter`).
const READER_EVENTS = ['click', 'change', 'submit', 'input', 'keydown', 'focus', 'mouseenter', 'pointerdown'];

/**
 * The panel's words where the widget's own never arrived: its code could not load
 * (`kind` 'load'), or its instance died before the widget gave them at mount ('crash').
 * In the built-in language `lang` names, else English, in the direction `dir` sets
 * ('ltr', 'rtl'), else the language's. From web/panel.mjs, which the build makes
 * from the widget's own strings.
 */
function panelWords(lang, dir, kind) {
  const primary = String(lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const words = Object.hasOwn(PANEL_WORDS, primary) ? PANEL_WORDS[primary] : PANEL_WORDS.en;
  const set = String(dir ?? '').trim().toLowerCase();
  return {
    lang: words.lang,
    dir: set === 'ltr' || set === 'rtl' ? set : words.dir,
    heading: kind === 'crash' ? words.crashHeading : words.loadHeading,
    body: words.body,
    retry: words.retry,
  };
}

/**
 * A Start pressed before the code has arrived shows it was heard: the button is marked
 * busy (widget.css draws a spinner on it) and the status line reads out the button's
 * hook value, the loading notice in the widget's language. The live intro, which
 * replaces the prerendered one, has neither.
 */
function showStartHeard(element) {
  const root = element.shadowRoot;
  const button = root?.querySelector(START);
  if (!button || button.getAttribute('aria-busy') === 'true') return;
  button.setAttribute('aria-busy', 'true');
  const status = root.querySelector('[role=status]');
  if (status) status.textContent = button.getAttribute(START.slice(1, -1));
}

/** Whether a click landed on the intro's Start button (prerendered or live). */
function isStart(event) {
  return Boolean(event.composedPath()[0]?.closest?.(START));
}

/**
 * The mount() caller's options as they are when it calls: a copy of their own
 * enumerable keys (the Wasm names any it does not know), with no prototype, so a key
 * named `__proto__` stays a key and nothing the page added to Object.prototype comes
 * along. What is not an options object is kept as it is, for the Wasm to name the
 * mistake.
 */
function callerOptions(given) {
  if (given === undefined || given === null) return Object.create(null);
  if (typeof given !== 'object' || Array.isArray(given)) return given;
  const copy = Object.create(null);
  for (const key of Object.keys(given)) {
    try {
      copy[key] = given[key];
    } catch {
      throw new Error(`open-vs-proprietary: bad mount option \`${key}\`: reading it threw`);
    }
  }
  return copy;
}

/**
 * The options a widget mounts with, read when it mounts (again after a move, so an
 * element changed meanwhile is read as it is now): the caller's (`callerOptions`),
 * under what the element says. Its attributes become options as web/contract.mjs maps
 * them; a child <script type="application/json"> becomes `content`, as text. The
 * element's own pack, inline else `src` with its `integrity`, replaces the caller's
 * `content`, `contentUrl` and `integrity`; an `integrity` attribute without `src` has
 * nothing to check. The language falls back to the page's `<html lang>`.
 */
function mountOptions(element, given) {
  if (typeof given !== 'object' || Array.isArray(given)) return given;
  const options = Object.assign(Object.create(null), given);
  const attribute = (name) => element.getAttribute(name)?.trim() || null;
  for (const [name, { option }] of Object.entries(ATTRIBUTES)) {
    if (option && attribute(name)) options[option] = attribute(name);
  }
  const inline = element.querySelector(':scope > script[type="application/json"]');
  if (inline) {
    options.content = inline.textContent;
    delete options.contentUrl;
    delete options.integrity;
  } else if (attribute('src')) {
    delete options.content;
    if (!attribute('integrity')) delete options.integrity;
  } else if (attribute('integrity')) {
    if (Object.hasOwn(given, 'integrity')) options.integrity = given.integrity;
    else delete options.integrity;
  }
  options.lang ??= document.documentElement.getAttribute('lang')?.trim() || 'en';
  return options;
}

/** One mounted widget: its host element, options, and the instance running it. */
class Widget {
  #element;
  #given; // the mount() caller's options, copied when it called (`callerOptions`)
  #options = null; // what the latest mount read (`mountOptions`)
  #instance = null;
  #wasm = null; // the Wasm side's WidgetHandle
  #text = null; // the crash panel's words, asked for while the instance is sound
  // The quiz's latest state and whether it is a shared result, carried to a new
  // instance if this one stops.
  #state;
  #shared = false;
  #kept = false; // a mount of this widget has handed over a state: the page heard it was ready
  #alone = false; // moved after a panic no one could be blamed for: an instance of its own
  #destroyed = false;
  #retrying = null;
  #wasInPage = false; // the host has been seen in a document since mount
  #listening = null; // ends the watch for the reader's events
  #orphaned = false; // what shows is a dead instance's, or the panel

  constructor(element, options) {
    this.#element = element;
    this.#given = callerOptions(options);
    // `resume`: where a widget shown before was (its handle's `state()`), for this one
    // to start there; embed.js's own, so the Wasm never sees it as an option.
    if (this.#given && typeof this.#given === 'object' && 'resume' in this.#given) {
      const { resume } = this.#given;
      delete this.#given.resume;
      if (resume !== undefined && resume !== null && typeof resume !== 'string') {
        throw new Error('open-vs-proprietary: bad mount option `resume`: give the string a handle\'s state() returned');
      }
      if (resume) this.#state = resume;
    }
  }

  /** The quiz's latest state (saved progress's record), for `resume`; null before any. */
  state() {
    return this.#state ?? null;
  }

  /** Mounts the widget in an instance with room, in its turn (`queueMount`). */
  start({ first = false } = {}) {
    return queueMount(() => this.#start(), { first });
  }

  async #start() {
    if (this.#destroyed) return; // destroyed while waiting for its turn
    // Bad options reject mount() before the widget takes a place in an instance.
    this.#options = mountOptions(this.#element, this.#given);
    let instance;
    // An instance can panic while this waits for it (a timer of another widget's).
    do instance = await takeInstance({ alone: this.#alone }); while (instance.dead);
    if (this.#destroyed) return;
    this.#instance = instance;
    instance.widgets.add(this);
    enter(instance, this);
    // Only this mount's instance, while sound, speaks for the widget: a dead one can
    // still be entered by its timers.
    const keep = (state, shared) => {
      if (this.#instance !== instance || instance.dead) return;
      this.#state = state;
      this.#shared = shared;
      // The first state comes in the render that tells the page the widget is ready.
      this.#kept = true;
    };
    try {
      // Moved (carrying a state an earlier mount of this widget handed over), it carries
      // on without telling the page again that it is ready; resumed (`resume`) or moved
      // before its content arrived, it has not told the page yet.
      const moved = this.#kept && this.#state !== undefined;
      this.#wasm = instance.glue.mount(this.#element, this.#options, this.#state, this.#shared, moved, keep);
    } catch (error) {
      if (instance.dead) return; // a panic while mounting: `recover` deals with it
      this.#instance = null;
      instance.widgets.delete(this);
      throw error; // bad options: the instance is fine
    }
    this.#orphaned = false;
    this.#text = this.#wasm.crashText();
    this.#listen();
    mounted.add(this);
    this.releaseIfLeft();
  }

  // The shadow root outlives mounts (a moved widget keeps it), so this is done once.
  #listen() {
    const root = this.#element.shadowRoot;
    if (this.#listening || !root) return;
    this.#listening = new AbortController();
    const acted = () => {
      if (this.#instance && !this.#instance.dead) enter(this.#instance, this);
    };
    for (const type of READER_EVENTS) {
      root.addEventListener(type, acted, { capture: true, signal: this.#listening.signal });
    }
  }

  /** Destroys the widget if its host has been in the document and is no longer. */
  releaseIfLeft() {
    if (this.#element.isConnected) this.#wasInPage = true;
    else if (this.#wasInPage) this.destroy();
  }

  destroy() {
    this.#destroyed = true;
    this.#listening?.abort();
    const instance = this.#instance;
    const wasm = this.#wasm;
    this.#instance = this.#wasm = null;
    mounted.delete(this);
    if (this.#orphaned) this.#element.shadowRoot?.replaceChildren();
    if (!instance) return;
    instance.widgets.delete(this);
    if (instance.dead) {
      deadHandles.push(wasm); // it panicked a moment ago: never call into it
      this.#element.shadowRoot?.replaceChildren();
      return;
    }
    enter(instance, this);
    wasm.destroy();
    wasm.free();
  }

  reset() {
    if (!this.#instance || this.#instance.dead) return;
    enter(this.#instance, this);
    this.#wasm?.reset();
  }

  /**
   * Test builds only (cargo feature `test-hooks`, src/test_hooks.rs): the hooks the Wasm
   * handle has, each calling this widget's handle while its instance is sound.
   */
  testHooks() {
    const hooks = this.#instance?.glue.WidgetHandle.prototype ?? {};
    return Object.fromEntries(['armPanic', 'panicSoon', 'pluralCategory', 'pluralCategories']
      .filter((name) => typeof hooks[name] === 'function')
      .map((name) => [name, (...args) => (this.#instance?.dead === false ? this.#wasm[name](...args) : undefined)]));
  }

  /** Leaves a dead instance for a sound one (`alone`: of its own), where the reader was. */
  move({ alone }) {
    // Until the new mount replaces it, what shows belongs to the dead instance: a click
    // there would reach nothing.
    for (const child of this.#element.shadowRoot?.children ?? []) child.inert = true;
    this.#abandon();
    this.#alone = alone;
    // If the move fails (no instance can be made), the reader gets the panel and Retry,
    // which still carries the state.
    this.#retry({
      first: true,
      failed: () => {
        this.#alone = false; // Retry takes any instance with room
        this.#showPanel(this.#text ?? this.#panelWords());
      },
    });
  }

  /** Its instance panicked in this widget (already logged by the Wasm): the panel with Retry. */
  crashed(details) {
    this.#abandon();
    // The state may be what the bug needs: Retry starts from what storage kept.
    this.#state = undefined;
    this.#shared = false;
    this.#showPanel(this.#text ?? this.#panelWords());
    dispatchError(this.#element, details);
  }

  /** The crash panel's words when the widget's own never arrived, in its language. */
  #panelWords() {
    const options = this.#options !== null && typeof this.#options === 'object' ? this.#options : {};
    const lang = options.lang ?? (this.#element.getAttribute('lang')?.trim() || document.documentElement.getAttribute('lang'));
    return panelWords(lang, options.dir ?? this.#element.getAttribute('dir'), 'crash');
  }

  #showPanel(text) {
    const shadow = this.#element.shadowRoot ?? this.#element.attachShadow({ mode: 'open' });
    const hadFocus = shadow.activeElement !== null;
    const panel = crashPanel(text, () => this.#retry());
    shadow.replaceChildren(panel);
    // A keyboard reader who was inside the widget lands on Retry, not on the page's top.
    if (hadFocus) panel.querySelector('button').focus();
  }

  #abandon() {
    if (this.#wasm) deadHandles.push(this.#wasm);
    this.#wasm = this.#instance = null;
    this.#orphaned = true;
    mounted.delete(this);
  }

  // Until the new instance mounts (and replaces the panel), further clicks wait for it;
  // if it fails, the panel stays and Retry can be pressed again.
  #retry({ first = false, failed = () => {} } = {}) {
    if (this.#retrying) return;
    this.#retrying = this.start({ first })
      .catch((error) => {
        reportError(this.#element, error);
        if (!this.#destroyed) failed();
      })
      .finally(() => { this.#retrying = null; });
  }
}

/**
 * The panel shown in place of a widget whose code never ran or whose instance died: the
 * markup of the widget's own message panel (web/panel.mjs), with `text`'s words where it
 * reads "{name}", built as elements and text nodes only (no HTML parsing, so a page that
 * enforces Trusted Types allows it). Its button is Retry.
 */
function crashPanel(text, onRetry) {
  const fill = (value) => value.replace(/^\{(\w+)\}$/, (_, name) => (Object.hasOwn(text, name) ? text[name] : ''));
  const build = ([tag, attributes, ...children]) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, fill(value));
    element.append(...children.map((child) => (typeof child === 'string' ? fill(child) : build(child))));
    return element;
  };
  const panel = build(PANEL_MARKUP);
  panel.querySelector('button').addEventListener('click', onRetry);
  return panel;
}

/**
 * Mounts a widget into `element` and resolves to a handle with `destroy()` and
 * `reset()`. Options: `lang`, `dir` ('ltr' | 'rtl'), `theme` ('auto' | 'light' |
 * 'dark'), `content` (a content pack, as an object or JSON text) or `contentUrl` with
 * its `integrity`, `id` (names saved progress and share links), `storage` ('local',
 * the default: progress is kept in this browser; 'none': nothing is kept) and `resume`
 * (a `state()` of an earlier handle: this widget starts where that one was, when its
 * pack has the same questions and options; else it starts afresh). Bad options
 * reject with an Error that names the option. The element's attributes, and content in
 * a child <script type="application/json">, win over the options (`mountOptions`). A
 * widget whose element leaves the document without `destroy()` is destroyed by the
 * next mount on the page.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('open-vs-proprietary: mount() needs an HTML element as its first argument');
  }
  const widget = new Widget(element, options);
  await widget.start();
  const handle = {
    /** Removes the widget, leaving its place in a Wasm instance to the next mount; safe to call twice. */
    destroy() {
      widget.destroy();
    },
    /** Clears the reader's answers and shows the first screen again. */
    reset() {
      widget.reset();
    },
    /**
     * Where the reader is (the step and the answers), as text to give a later mount's
     * `resume` option; null before the quiz has any.
     */
    state() {
      return widget.state();
    },
  };
  Object.assign(handle, widget.testHooks());
  return handle;
}

function dispatchError(element, message) {
  element.dispatchEvent(new CustomEvent(EVENTS.error, {
    bubbles: true,
    composed: true,
    detail: { message, path: '' },
  }));
}

function reportError(element, error) {
  console.error(error);
  dispatchError(element, String(error?.message ?? error));
}

class OpenVsProprietaryElement extends HTMLElement {
  static observedAttributes = Object.keys(ATTRIBUTES).filter((name) => ATTRIBUTES[name].change === 'remount');
  #widget = null; // the current mount's, from the moment it is queued
  #watching = null; // ends the current mount's watch for an early Start
  #approach = null; // ends the wait for the reader to come near (lazy loading)

  connectedCallback() {
    // A page opened from a share link (a widget's code in the fragment, `ovp=` or
    // `ovp-ID=`) shows that result at once, wherever the widget sits, and scrolls to it.
    const shared = /(?:^#|&)ovp(?:-[^=&]*)?=/.test(location.hash);
    if (this.getAttribute('loading') === 'eager' || shared) this.#mount();
    else this.#mountWhenNear();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  // A reader who never comes near the widget downloads only embed.js (and widget.css
  // for a prerendered intro). The code loads when the element comes within about a
  // screen of the viewport, or at once when the reader reaches for the intro (pointer,
  // keyboard focus, a click), whichever is first.
  #mountWhenNear() {
    if (this.#widget || this.#approach) return;
    const approach = new AbortController();
    this.#approach = approach;
    const near = (event) => {
      approach.abort();
      this.#approach = null;
      // A click on Start is already under way and cannot reach the watch #mount adds.
      this.#mount(event?.type === 'click' && isStart(event));
    };
    for (const type of ['pointerdown', 'focusin', 'keydown', 'click']) {
      this.addEventListener(type, near, { signal: approach.signal });
    }
    const observer = new IntersectionObserver(
      (entries) => { if (entries.some((entry) => entry.isIntersecting)) near(); },
      { rootMargin: '100% 0px' },
    );
    observer.observe(this);
    approach.signal.addEventListener('abort', () => observer.disconnect());
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // A new language, content source or storage means a new quiz; the first call (from
    // the parser, before the element is connected) has nothing to replace.
    if (oldValue === newValue || !this.isConnected || !this.#widget) return;
    this.#unmount();
    this.#mount();
  }

  #mount(startPressed = false) {
    if (this.#widget) return;
    // A reader may press the prerendered Start before the Wasm has arrived: remember it
    // and press the live one when the widget is ready (ovp:ready: its first screen is
    // in place; before or after mount() resolves). #unmount stops the watch, so what it
    // sees is always this mount's.
    const watching = new AbortController();
    const signal = watching.signal;
    this.addEventListener('click', (event) => {
      if (!isStart(event)) return;
      startPressed = true;
      showStartHeard(this);
    }, { signal });
    if (startPressed) showStartHeard(this);
    this.addEventListener(EVENTS.ready, () => {
      watching.abort();
      // After the Wasm call that fired the event has returned.
      if (startPressed) queueMicrotask(() => this.shadowRoot?.querySelector(START)?.click());
    }, { signal });
    this.#watching = watching;
    // Destroyed at once if the element is removed or remounted while it waits in the
    // queue, so it never takes an instance.
    const widget = new Widget(this, {});
    this.#widget = widget;
    widget.start()
      .then(() => {
        // Removed or remounted while the Wasm was loading: this one is stale.
        if (this.#widget !== widget || !this.isConnected) widget.destroy();
      })
      .catch((error) => {
        reportError(this, error);
        if (this.#widget === widget) this.#showLoadFailure();
      });
  }

  // The code could not load (blocked, missing, changed on the host): the reader is told,
  // with Retry, instead of being left with a prerendered Start that does nothing.
  #showLoadFailure() {
    this.#watching?.abort();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const lang = this.getAttribute('lang')?.trim() || document.documentElement.getAttribute('lang');
    shadow.replaceChildren(crashPanel(panelWords(lang, this.getAttribute('dir'), 'load'), () => {
      this.#unmount();
      this.#mount();
    }));
    loadStyleSheet().then((sheet) => { shadow.adoptedStyleSheets = [sheet]; }, () => {});
  }

  #unmount() {
    this.#approach?.abort();
    this.#approach = null;
    this.#watching?.abort();
    this.#watching = null;
    this.#widget?.destroy();
    this.#widget = null;
  }
}

if (!customElements.get('open-vs-proprietary')) {
  customElements.define('open-vs-proprietary', OpenVsProprietaryElement);
}
