// The element's contract, written once: the events it fires and the attributes it
// reads. embed.js is built with it (scripts/finish-dist.mjs bundles it in and exports
// both); the build writes both into dist/manifest.json, from which the WordPress plugin
// takes its shortcode's and block's attributes and the package its README's table;
// iframe.js forwards the attributes; the browser tests' harness records the events; and
// tests/embed_contract.rs checks them against the Rust side and the README.

/**
 * The names of the events the widget fires on its element (bubbling, composed). The
 * Rust side's are `WidgetEvent::NAMES` (crates/model/src/events.rs); tests/embed_contract.rs
 * checks that the two agree.
 */
export const EVENTS = Object.freeze({
  ready: 'ovp:ready',
  answer: 'ovp:answer',
  complete: 'ovp:complete',
  error: 'ovp:error',
});

// The element's attributes: the mount() option each becomes and what changing it on a
// mounted widget does: 'remount' starts a new quiz with the new value, 'live' applies at
// once, 'mount' waits for the next mount. embed.js alone reads the element: every
// attribute with an option, and a child <script type="application/json"> (the `content`
// option, as text), win over the options a mount() caller gives; the Wasm reads no
// attribute. observedAttributes follows from this table; the README's attribute table
// must name the same (tests/embed_contract.rs).
export const ATTRIBUTES = {
  lang: { option: 'lang', change: 'remount' },
  // 'rtl' or 'ltr' over the content language's own.
  dir: { option: 'dir', change: 'remount' },
  // The widget's stylesheet reads the attribute itself.
  theme: { change: 'live' },
  src: { option: 'contentUrl', change: 'remount' },
  // The hash the pack at src must match.
  integrity: { option: 'integrity', change: 'remount' },
  // Names saved progress and share links.
  id: { option: 'id', change: 'mount' },
  storage: { option: 'storage', change: 'remount' },
  // By default the code loads when the element comes within about a screen of the
  // viewport or the reader reaches for its intro.
  loading: { change: 'mount' },
};

// What README.md's attribute table says of each attribute: its values (`{languages}` is
// the build's built-in languages) and what a change on a mounted widget does, in words
// that begin as its `change` kind does ('remount': "restarts the quiz", 'live': "applies
// at once", 'mount': "read at mount"). scripts/attribute-table.mjs writes the table into
// README.md (`make prerender`; a test fails while it is stale); the build's manifest
// carries the values to the package's README and the WordPress plugin. Not in embed.js:
// the bundler leaves out what embed.js does not import.
export const ATTRIBUTE_DOCS = {
  lang: {
    values: '{languages}, or your pack\'s own; default: the page\'s `<html lang>`, else `en`',
    change: 'restarts the quiz in that language, from the saved progress: with `storage="local"` the reader keeps every answer and the step',
  },
  dir: {
    values: '`rtl` or `ltr`; default: the content\'s language decides (Arabic, Hebrew, Persian, Urdu and other right-to-left languages run right to left), whatever the page\'s own direction',
    change: 'restarts the quiz in that direction',
  },
  theme: {
    values: '`auto` (default: follows the reader\'s system, live), `light`, `dark`',
    change: 'applies at once, nothing restarts',
  },
  src: {
    values: 'URL of your own content pack, JSON as `content.schema.json` describes',
    change: 'restarts the quiz with that content',
  },
  integrity: {
    values: 'the hash the pack at `src` must match, `sha384-…` as for a script; a pack that does not match is refused',
    change: 'restarts the quiz, checking the pack at `src` against the new hash',
  },
  id: {
    values: 'names the widget, so several on a page stay apart in events, saved progress and share links',
    change: 'read at mount: takes effect the next time the widget mounts',
  },
  storage: {
    values: '`local` (default: progress is kept in this browser) or `none` (nothing is kept)',
    change: 'restarts the quiz: from saved progress with `local`, fresh with `none`',
  },
  loading: {
    values: '`lazy` (default: the widget\'s code loads when the element comes within about a screen of the viewport, or at once when the reader touches or focuses the prerendered intro) or `eager` (loads with the page; add the Wasm preload line of `snippet.html`); `mount()` always loads at once',
    change: 'read at mount: takes effect the next time the widget mounts',
  },
};
