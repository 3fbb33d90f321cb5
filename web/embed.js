// open-vs-proprietary: the one file an author includes.
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <open-vs-proprietary></open-vs-proprietary>
//
// Defines the <open-vs-proprietary> element and exports mount(element, options) and
// EVENTS. The Wasm is found relative to this file, so the folder can live on any static
// host.

/**
 * The names of the events the widget fires on its element (bubbling, composed): the
 * JavaScript side's one spelling of them. iframe.js imports it; the Rust side's is
 * `WidgetEvent::NAMES` (src/model/events.rs), and tests/embed_contract.rs checks that
 * the two agree.
 */
const EVENTS = Object.freeze({
  ready: 'ovp:ready',
  answer: 'ovp:answer',
  complete: 'ovp:complete',
  error: 'ovp:error',
});

export { EVENTS };

/** The widget's version (semantic versioning; CHANGELOG.md says what each one changed). */
export const version = '0.1.0';

// The element's attributes: the mount() option each becomes (none: the widget reads
// the attribute itself) and what changing it on a mounted widget does: 'remount' starts
// a new quiz with the new value, 'live' applies at once, 'mount' waits for the next
// mount. observedAttributes and the options an element mounts with follow from this
// table; so does the README's attribute table (tests/embed_contract.rs checks it).
const ATTRIBUTES = {
  lang: { option: 'lang', change: 'remount' },
  // Read by the Wasm from the element: 'rtl' or 'ltr' over the content language's own.
  dir: { change: 'remount' },
  // The widget's stylesheet reads the attribute itself.
  theme: { change: 'live' },
  // Read by the Wasm from the element, for mount() too: it wins over content options.
  src: { change: 'remount' },
  // Read by the Wasm with src: the hash (sha384-…) the pack at src must match.
  integrity: { change: 'remount' },
  storage: { option: 'storage', change: 'remount' },
  // Read by the Wasm when the content is ready: names saved progress and share links.
  id: { change: 'mount' },
  // 'eager' loads the widget's code at once; by default it loads when the element comes
  // within about a screen of the viewport or the reader reaches for its intro.
  loading: { change: 'mount' },
};

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
// a fresh copy of the glue module, whose module-level state holds one Wasm instance.
// Inside embed.js, the glue is covered by embed.js's integrity hash and costs no
// request of its own.
function createGlue() {
  throw new Error('open-vs-proprietary: this embed.js is the unbuilt source; use the one trunk writes to dist/');
}

// Every widget runs in a Wasm instance of its own, so a panic, which traps the instance
// it happens in, stops one widget and not its neighbours. All instances share one fetch
// and one compile of the module. wasm-bindgen's glue keeps its instance in module-level
// variables, so each instance is a separate copy of the glue module (`createGlue`)
// initialised with the compiled module. Browsers never free a module,
// so instances are pooled: destroy() returns a sound one to `idle` for the next mount,
// and only a dead one is dropped.
const idle = [];
// Handles into dead instances, kept reachable on purpose: wasm-bindgen frees a handle
// the garbage collector finds, and that would be a call into the dead instance.
const deadHandles = [];

// A host removed from the page without destroy() would keep its widget's instance for
// ever, and Chromium refuses new Wasm memories after about 124 ("Out of memory: Cannot
// allocate Wasm memory for new instance"): a page that mounts anew on every edit, like
// a live preview, would stop working. So each mount first releases the widgets whose
// hosts have left the document (`releaseIfLeft`), and their instances go back to the
// pool. Checked at mount, the one moment a new instance may be needed, because there
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

/** `load()` run once and its promise shared; a failure is forgotten, so a later mount tries again. */
function shared(load) {
  let pending = null;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => { pending = null; });
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

const compileWasm = shared(async () => {
  const response = await fetchChecked(wasmUrl);
  if (!response.ok) throw new Error(`open-vs-proprietary: cannot load ${wasmUrl}: HTTP ${response.status}`);
  // Streaming compilation needs the Wasm MIME type, which some hosts do not send.
  return response.headers.get('content-type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
});

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
// last on the way to a live widget (35 to 60 ms after the Wasm was compiled). Only from
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

/** A sound instance from the pool, else a new one: { glue, dead, widget }. */
async function takeInstance() {
  for (const widget of mounted) widget.releaseIfLeft();
  // An idle instance can still die (in a timer its last widget left); skip any that did.
  for (let pooled; (pooled = idle.pop());) if (!pooled.dead) return pooled;
  const [module, sheet] = await Promise.all([compileWasm(), loadStyleSheet()]);
  const glue = createGlue();
  await glue.default({ module_or_path: module });
  glue.setPackBase(packBase, packIntegrity);
  glue.setStyleSheet(sheet);
  const instance = { glue, dead: false, widget: null };
  glue.onPanic((details) => {
    instance.dead = true;
    // This runs inside the failing Wasm: show the panel once that call has unwound.
    queueMicrotask(() => instance.widget?.crashed(details));
  });
  return instance;
}

// Only for a widget whose instance died before it could give its own words (in mount).
const FALLBACK_TEXT = { lang: 'en', dir: 'ltr', heading: 'Something went wrong', body: 'Reload the page or try again.', retry: 'Retry' };
// For an element whose code could not load, before any content (and its language) is at hand.
const LOAD_FAILURE_TEXT = { lang: 'en', dir: 'ltr', heading: 'The quiz could not load', body: 'Check your connection, then try again.', retry: 'Retry' };

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

/** One mounted widget: its host element, options, and the instance running it. */
class Widget {
  #element;
  #options;
  #instance = null;
  #wasm = null; // the Wasm side's WidgetHandle
  #text = null; // the crash panel's words, asked for while the instance is sound
  #destroyed = false;
  #retrying = null;
  #wasInPage = false; // the host has been seen in a document since mount

  constructor(element, options) {
    this.#element = element;
    this.#options = options;
  }

  async start() {
    const instance = await takeInstance();
    if (this.#destroyed) {
      idle.push(instance); // destroyed while a Retry was waiting for an instance
      return;
    }
    this.#instance = instance;
    instance.widget = this;
    try {
      this.#wasm = instance.glue.mount(this.#element, this.#options);
    } catch (error) {
      if (instance.dead) return; // a panic while mounting: its panel is on the way
      this.#instance = instance.widget = null;
      idle.push(instance);
      throw error; // bad options: the instance is fine
    }
    this.#text = this.#wasm.crashText();
    mounted.add(this);
    this.releaseIfLeft();
  }

  /** Destroys the widget if its host has been in the document and is no longer. */
  releaseIfLeft() {
    if (this.#element.isConnected) this.#wasInPage = true;
    else if (this.#wasInPage) this.destroy();
  }

  destroy() {
    this.#destroyed = true;
    const instance = this.#instance;
    const wasm = this.#wasm;
    this.#instance = this.#wasm = null;
    mounted.delete(this);
    if (!instance) return;
    instance.widget = null;
    if (instance.dead) {
      this.#element.shadowRoot?.replaceChildren(); // the panel
      return;
    }
    wasm.destroy();
    wasm.free();
    idle.push(instance);
  }

  reset() {
    if (!this.#instance?.dead) this.#wasm?.reset();
  }

  /** Test builds only (cargo feature `test-hooks`, src/test_hooks.rs). */
  canArmPanic() {
    return typeof this.#instance?.glue.WidgetHandle.prototype.armPanic === 'function';
  }

  armPanic() {
    if (!this.#instance?.dead) this.#wasm?.armPanic();
  }

  /** The instance panicked (already logged by the Wasm): show the panel with Retry. */
  crashed(details) {
    if (this.#wasm) deadHandles.push(this.#wasm);
    this.#wasm = null;
    const text = this.#text ?? FALLBACK_TEXT;
    const shadow = this.#element.shadowRoot ?? this.#element.attachShadow({ mode: 'open' });
    const hadFocus = shadow.activeElement !== null;
    const panel = crashPanel(text, () => this.#retry());
    shadow.replaceChildren(panel);
    // A keyboard reader who was inside the widget lands on Retry, not on the page's top.
    if (hadFocus) panel.querySelector('button').focus();
    dispatchError(this.#element, details);
  }

  // Until the new instance mounts (and replaces the panel), further clicks wait for it;
  // if it fails, the panel stays and Retry can be pressed again.
  #retry() {
    this.#retrying ??= this.start()
      .catch((error) => reportError(this.#element, error))
      .finally(() => { this.#retrying = null; });
  }
}

/** The panel shown in place of a widget whose instance died, built as text nodes only. */
function crashPanel(text, onRetry) {
  const make = (tag, attributes = {}, ...children) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const retry = make('button', { type: 'button', class: 'primary', part: 'button primary-button' }, text.retry);
  retry.addEventListener('click', onRetry);
  // The classes and parts of the content error panel (src/view/error_panel.rs).
  return make('div', { class: 'ovp-root' },
    make('section', { class: 'ovp error-panel', part: 'widget error', role: 'alert', lang: text.lang, dir: text.dir },
      make('h2', {}, text.heading),
      make('p', {}, text.body),
      make('div', { class: 'actions' }, retry)));
}

/**
 * Mounts a widget into `element` and resolves to a handle with `destroy()` and
 * `reset()`. Options: `lang`, `theme` ('auto' | 'light' | 'dark'), `content` (a content
 * pack object) or `contentUrl`, and `storage` ('local', the default: progress is kept
 * in this browser; 'none': nothing is kept). Bad options reject with an Error that
 * names the option. Content in a child <script type="application/json"> or a `src`
 * attribute of the element wins over the options. A widget whose element leaves the
 * document without `destroy()` is destroyed by the next mount on the page.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('open-vs-proprietary: mount() needs an HTML element as its first argument');
  }
  const widget = new Widget(element, options);
  await widget.start();
  const handle = {
    /** Removes the widget, keeping its Wasm instance for the next mount; safe to call twice. */
    destroy() {
      widget.destroy();
    },
    /** Clears the reader's answers and shows the first screen again. */
    reset() {
      widget.reset();
    },
  };
  if (widget.canArmPanic()) handle.armPanic = () => widget.armPanic();
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
  #handle = null;
  #mounting = null;
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
    if (this.#handle || this.#mounting || this.#approach) return;
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
    if (oldValue === newValue || !this.isConnected || !(this.#handle || this.#mounting)) return;
    this.#unmount();
    this.#mount();
  }

  #mount(startPressed = false) {
    if (this.#handle || this.#mounting) return;
    const options = {};
    for (const [name, { option }] of Object.entries(ATTRIBUTES)) {
      const value = option && this.getAttribute(name);
      if (value) options[option] = value;
    }
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
    const mounting = mount(this, options)
      .then((handle) => {
        // Removed or remounted while the Wasm was loading: this one is stale.
        if (this.#mounting === mounting && this.isConnected) this.#handle = handle;
        else handle.destroy();
      })
      .catch((error) => {
        reportError(this, error);
        if (this.#mounting === mounting) this.#showLoadFailure();
      })
      .finally(() => {
        if (this.#mounting === mounting) this.#mounting = null;
      });
    this.#mounting = mounting;
  }

  // The code could not load (blocked, missing, changed on the host): the reader is told,
  // with Retry, instead of being left with a prerendered Start that does nothing.
  #showLoadFailure() {
    this.#watching?.abort();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren(crashPanel(LOAD_FAILURE_TEXT, () => {
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
    this.#mounting = null;
    this.#handle?.destroy();
    this.#handle = null;
  }
}

if (!customElements.get('open-vs-proprietary')) {
  customElements.define('open-vs-proprietary', OpenVsProprietaryElement);
}
