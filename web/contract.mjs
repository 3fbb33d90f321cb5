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

// Each attribute's values, as the package's README lists them (through the build's
// manifest); `{languages}` is the build's built-in languages. Not in embed.js: the
// bundler leaves out what embed.js does not import.
export const ATTRIBUTE_VALUES = {
  lang: '{languages}, or your pack\'s own; default: the page\'s `<html lang>`, else `en`',
  dir: '`rtl` or `ltr`; default: the direction of the quiz\'s language',
  theme: '`auto` (default, follows the reader\'s system), `light`, `dark`',
  src: 'URL of your own content pack (JSON, see `content.schema.json`)',
  integrity: 'the hash (`sha384-…`) the pack at `src` must match',
  id: 'names the widget, so several on a page keep their own progress and share links',
  storage: '`local` (default: progress kept in this browser) or `none`',
  loading: '`lazy` (default: when the reader comes near) or `eager` (with the page)',
};
