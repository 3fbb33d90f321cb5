// open-vs-proprietary: the one file an author includes.
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <open-vs-proprietary></open-vs-proprietary>
//
// Defines the <open-vs-proprietary> element and exports mount(element, options).
// The Wasm is found relative to this file, so the folder can live on any static host.

// The first copy of the wasm-bindgen glue is imported here rather than statically, so
// that its download runs beside the Wasm's and the stylesheet's instead of before them.
const firstGlue = import('./open-vs-proprietary.js');
firstGlue.catch(() => {}); // reported by the mount that needs it

const glueUrl = new URL('./open-vs-proprietary.js', import.meta.url);
const wasmUrl = new URL('./open-vs-proprietary_bg.wasm', import.meta.url);
const cssUrl = new URL('./widget.css', import.meta.url);
const packBase = new URL('./content/', import.meta.url).href;

// Every widget runs in a Wasm instance of its own, so a panic, which traps the instance
// it happens in, stops one widget and not its neighbours. All instances share one fetch
// and one compile of the module. wasm-bindgen's glue keeps its instance in module-level
// variables, so each instance is a separate copy of the glue module (imported under its
// own query string) initialised with the compiled module. Browsers never free a module,
// so instances are pooled: destroy() returns a sound one to `idle` for the next mount,
// and only a dead one is dropped.
let instancesMade = 0;
const idle = [];
// Handles into dead instances, kept reachable on purpose: wasm-bindgen frees a handle
// the garbage collector finds, and that would be a call into the dead instance.
const deadHandles = [];

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

const compileWasm = shared(async () => {
  const response = await fetch(wasmUrl);
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
  const response = await fetch(cssUrl);
  if (!response.ok) throw new Error(`open-vs-proprietary: ${cssUrl} answered HTTP ${response.status}`);
  sheet.replaceSync(await response.text());
  return sheet;
});

// A prerendered intro links widget.css, so the browser has usually parsed it before the
// Wasm is ready. Its rules are copied from there: fetching the file again costs little,
// but reading the body waits behind the page's first layout, which put the stylesheet
// last on the way to a live widget (35 to 60 ms after the Wasm was compiled).
function prerenderedCss() {
  for (const host of document.querySelectorAll('open-vs-proprietary')) {
    const link = host.shadowRoot?.querySelector('link[rel=stylesheet]');
    // `sheet` is null until the file has loaded, and stays null if it failed to.
    if (link?.href !== cssUrl.href || !link.sheet) continue;
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
  // An idle instance can still die (in a timer its last widget left); skip any that did.
  for (let pooled; (pooled = idle.pop());) if (!pooled.dead) return pooled;
  const [module, sheet] = await Promise.all([compileWasm(), loadStyleSheet()]);
  const n = instancesMade++;
  const glue = await (n === 0 ? firstGlue : import(`${glueUrl}?instance=${n}`));
  await glue.default({ module_or_path: module });
  glue.setPackBase(packBase);
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
const FALLBACK_TEXT = { lang: 'en', heading: 'Something went wrong', body: 'Reload the page or try again.', retry: 'Retry' };

/** One mounted widget: its host element, options, and the instance running it. */
class Widget {
  #element;
  #options;
  #instance = null;
  #wasm = null; // the Wasm side's WidgetHandle
  #text = null; // the crash panel's words, asked for while the instance is sound
  #destroyed = false;
  #retrying = null;

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
  }

  destroy() {
    this.#destroyed = true;
    const instance = this.#instance;
    const wasm = this.#wasm;
    this.#instance = this.#wasm = null;
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
    make('section', { class: 'ovp error-panel', part: 'widget error', role: 'alert', lang: text.lang },
      make('h2', {}, text.heading),
      make('p', {}, text.body),
      make('div', { class: 'actions' }, retry)));
}

/**
 * Mounts a widget into `element` and resolves to a handle with `destroy()` and
 * `reset()`. Options: `lang`, `theme` ('auto' | 'light' | 'dark'), `content` (a content
 * pack object) or `contentUrl`. Bad options reject with an Error that names the option.
 * Content in a child <script type="application/json"> or a `src` attribute of the
 * element wins over the options.
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
  if (typeof (await firstGlue).WidgetHandle.prototype.armPanic === 'function') handle.armPanic = () => widget.armPanic();
  return handle;
}

function dispatchError(element, message) {
  element.dispatchEvent(new CustomEvent('ovp:error', {
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
  // `theme` needs no code: the widget's stylesheet reads the attribute directly.
  static observedAttributes = ['lang', 'src'];
  #handle = null;
  #mounting = null;

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // A new language or content source means a new quiz; the first call (from the
    // parser, before the element is connected) has nothing to replace.
    if (oldValue === newValue || !this.isConnected || !(this.#handle || this.#mounting)) return;
    this.#unmount();
    this.#mount();
  }

  #mount() {
    if (this.#handle || this.#mounting) return;
    const options = {};
    const lang = this.getAttribute('lang');
    if (lang) options.lang = lang;
    const storage = this.getAttribute('storage');
    if (storage) options.storage = storage;
    // A reader may press the prerendered Start before the Wasm has arrived: remember
    // it and press the live one once mounted, so the click is not lost.
    let startPressed = false;
    const onEarlyClick = (event) => {
      if (event.composedPath()[0]?.closest?.('.intro button')) startPressed = true;
    };
    this.addEventListener('click', onEarlyClick);
    const mounting = mount(this, options)
      .then((handle) => {
        // Removed or remounted while the Wasm was loading: this one is stale.
        if (this.#mounting === mounting && this.isConnected) this.#handle = handle;
        else handle.destroy();
        if (startPressed && this.#handle === handle) this.#pressLiveStart();
      })
      .catch((error) => reportError(this, error))
      .finally(() => {
        this.removeEventListener('click', onEarlyClick);
        if (this.#mounting === mounting) this.#mounting = null;
      });
    this.#mounting = mounting;
  }

  // The live Start may render a tick after mount() resolves.
  #pressLiveStart(attempts = 20) {
    const start = this.shadowRoot?.querySelector('.intro button');
    if (start) start.click();
    else if (attempts > 0) setTimeout(() => this.#pressLiveStart(attempts - 1), 0);
  }

  #unmount() {
    this.#mounting = null;
    this.#handle?.destroy();
    this.#handle = null;
  }
}

if (!customElements.get('open-vs-proprietary')) {
  customElements.define('open-vs-proprietary', OpenVsProprietaryElement);
}
