// open-vs-proprietary: the one file an author includes.
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <open-vs-proprietary></open-vs-proprietary>
//
// Defines the <open-vs-proprietary> element and exports mount(element, options).
// The Wasm is found relative to this file, so the folder can live on any static host.
import init, { mount as mountWasm, setPackBase, setStyleSheet } from './open-vs-proprietary.js';

const wasmUrl = new URL('./open-vs-proprietary_bg.wasm', import.meta.url);
const cssUrl = new URL('./widget.css', import.meta.url);
let wasmReady = null;

// Every instance on the page shares one fetch and one compile of the module, and one
// stylesheet: widget.css, which the prerendered intro links too (so it is usually
// cached already). A constructable sheet is adopted by each shadow root, which
// `style-src 'self'` allows where an inline <style> would be blocked.
function loadWasm() {
  if (!wasmReady) {
    wasmReady = Promise.all([init({ module_or_path: wasmUrl }), loadStyleSheet()]).then(([, sheet]) => {
      // Built-in content packs in other languages sit in content/ beside this file.
      setPackBase(new URL('./content/', import.meta.url).href);
      setStyleSheet(sheet);
    });
    // A failed load is not kept, so the next widget (or a re-inserted one) tries again.
    wasmReady.catch(() => { wasmReady = null; });
  }
  return wasmReady;
}

async function loadStyleSheet() {
  const response = await fetch(cssUrl);
  if (!response.ok) throw new Error(`open-vs-proprietary: ${cssUrl} answered HTTP ${response.status}`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await response.text());
  return sheet;
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
  await loadWasm();
  let widget = mountWasm(element, options);
  return {
    /** Removes the widget and frees its memory; safe to call twice. */
    destroy() {
      if (!widget) return;
      widget.destroy();
      widget.free();
      widget = null;
    },
    /** Clears the reader's answers and shows the first screen again. */
    reset() {
      widget?.reset();
    },
  };
}

function reportError(element, error) {
  console.error(error);
  element.dispatchEvent(new CustomEvent('ovp:error', {
    bubbles: true,
    composed: true,
    detail: { message: String(error?.message ?? error), path: '' },
  }));
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
