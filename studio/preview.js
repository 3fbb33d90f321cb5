// The live preview: the real widget, mounted with `mount()` from the embed.js beside
// the studio (the file authors include), on one host element for the studio's whole life.
// Each new version destroys the previous widget first, so its Wasm instance goes back to
// embed.js's pool and the next mount reuses it: hundreds of edits leave one widget and
// one instance. Mounts run one at a time; a version superseded while waiting its turn is
// skipped. A new version starts where the reader of the previous one was (its step and
// answers), so an edit to a reason or a label leaves the preview on the screen it shows.
import { mount, EVENTS } from '../embed.js';

export class Preview {
  #host;
  #handle = null;
  #queue = Promise.resolve();
  #wanted = null;

  constructor(host) {
    this.#host = host;
  }

  /** Where the reader of the version on show is (a widget state record), or null. */
  state() {
    return this.#handle?.state() ?? null;
  }

  /** Light, dark or auto (the reader's system): live, nothing restarts. */
  setTheme(theme) {
    this.#host.setAttribute('theme', theme);
  }

  /**
   * Shows `pack` (a parsed, valid content pack) in the widget; `uiLang` null keeps the
   * pack's own `lang`, else the widget's built-in strings in that language are used (the
   * pack's texts and its `ui` overrides stay). Resolves to true once the widget shows it,
   * false when a newer version replaced it first. `resume` (a widget state record) sets
   * where it starts; by default where the previous version's reader was.
   */
  show(pack, uiLang, resume) {
    const request = { pack, uiLang, resume };
    this.#wanted = request;
    const turn = this.#queue.then(() => this.#mount(request));
    this.#queue = turn.catch(() => {});
    return turn;
  }

  async #mount(request) {
    if (request !== this.#wanted) return false;
    const content = request.uiLang ? { ...request.pack, lang: request.uiLang } : request.pack;
    const lang = typeof content.lang === 'string' && content.lang.trim() ? content.lang : undefined;
    const resume = request.resume ?? this.#handle?.state() ?? undefined;
    this.#handle?.destroy();
    this.#handle = null;
    // The first screen is on show at ovp:ready (or the error panel at ovp:error).
    const shown = new AbortController();
    const ready = new Promise((resolve) => {
      for (const type of [EVENTS.ready, EVENTS.error]) this.#host.addEventListener(type, resolve, { signal: shown.signal });
    });
    try {
      this.#handle = await mount(this.#host, { content, storage: 'none', resume, ...(lang ? { lang } : {}) });
      await ready;
    } finally {
      shown.abort();
    }
    return request === this.#wanted;
  }
}
