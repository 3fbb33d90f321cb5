// The embed code for a draft, in the README's snippet format (web/snippet.html): the
// script with its integrity hash (taken from the built snippet.html), then the element on
// one line (so editors that add paragraphs leave it whole), holding the pack inline (a
// child <script type="application/json">) or naming the uploaded file with `src`, with
// text for readers without JavaScript, and the draft's own prerendered first screen. For
// the built-in quiz, dist/snippet.html itself: the pack is compiled in.
import { INTRO_TEMPLATE, INTRO_WORDS, INTRO_ATTRIBUTES } from './intro-template.mjs';

export const PLACEHOLDER_BASE = 'https://YOUR-HOST/PATH/';

const escapeText = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeHtml = (text) => escapeText(text).replaceAll('"', '&quot;');

/**
 * The draft's first screen as the widget will draw it, for the page to show before the
 * widget's code arrives (so nothing moves when it does): the template the build renders
 * from the widget's own components, with `words` (the studio Wasm's `introWords`) in it,
 * escaped as the widget's prerender escapes them, and the stylesheet's link from the
 * built snippet (`snippet`, with its integrity value), under `at`.
 */
export function prerenderedIntro(words, snippet, at) {
  const link = snippet?.match(/<link rel="stylesheet" href="[^"]*widget\.css"[^>]*>/)?.[0];
  let block = INTRO_TEMPLATE;
  // A function as the replacement: `$&` in an address is no pattern.
  if (link) block = block.replace('<link rel="stylesheet" href="{stylesheet}">', () => link.replaceAll(PLACEHOLDER_BASE, () => escapeHtml(at)));
  // In one pass, so a word holding "{intro}" stays as written.
  return block.replace(/\{(\w+)\}/g, (placeholder, name) => {
    if (!INTRO_WORDS.includes(name)) return placeholder;
    const value = name === 'stylesheet' ? `${at}widget.css` : String(words[name] ?? '');
    return INTRO_ATTRIBUTES.includes(name) ? escapeHtml(value) : escapeText(value);
  });
}

/** A file name for the pack: its id, else `quiz`, as `id.json`. */
export function packFileName(pack) {
  const id = typeof pack?.id === 'string' ? pack.id.trim().replace(/[^\w.-]+/g, '-').replace(/^[.-]+|-+$/g, '') : '';
  return `${id || 'quiz'}.json`;
}

/** `base` as a folder URL ending in `/` (the author may leave the slash out). */
export function folder(base) {
  const trimmed = base.trim() || PLACEHOLDER_BASE;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/**
 * The snippet: `mode` 'inline' or 'src'; `pack` the draft's parsed object; `base` where
 * the author's copy of dist/ lives; `packUrl` (src mode) where the pack will be;
 * `snippet`, dist/snippet.html's text (or null when it could not be read); `builtIn`,
 * whether the draft is the built-in pack; `words`, the draft's first screen's words (or
 * null: no prerendered first screen then).
 */
export function embedCode({ mode, pack, base, packUrl, snippet, builtIn, words }) {
  const at = folder(base);
  if (builtIn && snippet) return snippet.replaceAll(PLACEHOLDER_BASE, at).trimEnd();
  const title = typeof pack?.title === 'string' && pack.title.trim() ? pack.title.trim() : 'A decision quiz';
  const script = snippet?.match(/<script type="module" src="[^"]*embed\.js"[^>]*><\/script>/)?.[0]
    ?? `<script type="module" src="${PLACEHOLDER_BASE}embed.js"></script>`;
  const fallback = `${escapeHtml(title)}: this interactive quiz could not load here (it needs JavaScript).`
    + (words ? prerenderedIntro(words, snippet, at) : '');
  let element;
  if (mode === 'src') {
    const url = packUrl?.trim() || `${at}${packFileName(pack)}`;
    element = `<open-vs-proprietary src="${escapeHtml(url)}">${fallback}</open-vs-proprietary>`;
  } else {
    // On one line, and inside its strings (the same JSON) `<` as \u003c, so no
    // `</script>` or `<!--` can end the script element early; `&` and `>` as \u0026 and
    // \u003e, so a blog engine's HTML filter (WordPress's, for Authors, leaves a stripped
    // script's text) changes nothing in it; `[` as \u005b, so no shortcode (WordPress
    // expands them inside scripts too) is found in a text.
    const json = JSON.stringify(pack).replace(/"(?:[^"\\]|\\.)*"/g, (string) => string
      .replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026').replaceAll('[', '\\u005b'));
    element = `<open-vs-proprietary>${fallback}<script type="application/json">${json}</script></open-vs-proprietary>`;
  }
  const where = mode === 'src'
    ? `The quiz's JSON is the file src names: a relative address is resolved against this page's, and from another site its server must send Access-Control-Allow-Origin.`
    // No tag in the comment's words: WordPress's filter for Authors would take one for
    // a tag and break the comment open.
    : 'The quiz\'s JSON is inside the element, in its script element of type application/json: change it in the studio and copy again.';
  return [
    `<!-- open-vs-proprietary: paste where the quiz should appear${at === PLACEHOLDER_BASE ? '; replace YOUR-HOST/PATH' : ''}.`,
    `     ${where}`,
    '     The integrity value belongs to this build of dist/: copy this code again when you update dist/.',
    '     A dist/ on another site than this page must be served with Access-Control-Allow-Origin (the studio shows the line for common hosts). -->',
    script.replaceAll(PLACEHOLDER_BASE, at),
    element,
  ].join('\n');
}
