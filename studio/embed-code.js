// The embed code for a draft, in the README's snippet format (web/snippet.html): the
// script, the two optional preload lines, and the element, holding the pack inline (a
// child <script type="application/json">) or naming the uploaded file with `src`, with
// a paragraph for readers without JavaScript. For the built-in quiz, dist/snippet.html
// itself: its prerendered first screen is that pack's, and the pack is compiled in.

export const PLACEHOLDER_BASE = 'https://YOUR-HOST/PATH/';

const escapeHtml = (text) => String(text)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

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
 * The snippet: `mode` 'inline' or 'src'; `text` the draft as written; `pack` its parsed
 * object; `base` where the author's copy of dist/ lives; `packUrl` (src mode) where the
 * pack will be; `builtInSnippet`, dist/snippet.html's text when the draft is the built-in
 * pack, else null.
 */
export function embedCode({ mode, text, pack, base, packUrl, builtInSnippet }) {
  const at = folder(base);
  if (builtInSnippet) return builtInSnippet.replaceAll(PLACEHOLDER_BASE, at).trimEnd();
  const title = typeof pack?.title === 'string' && pack.title.trim() ? pack.title.trim() : 'A decision quiz';
  const lines = [
    `<!-- open-vs-proprietary: paste where the quiz should appear${at === PLACEHOLDER_BASE ? '; replace YOUR-HOST/PATH' : ''}. -->`,
    `<script type="module" src="${escapeHtml(at)}embed.js"></script>`,
    '<!-- Optional: the widget\'s code starts downloading with the page instead of after embed.js. -->',
    `<link rel="modulepreload" href="${escapeHtml(at)}open-vs-proprietary.js">`,
    `<link rel="preload" href="${escapeHtml(at)}open-vs-proprietary_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
  ];
  const fallback = `  <p><strong>${escapeHtml(title)}</strong> This interactive quiz needs JavaScript.</p>`;
  if (mode === 'src') {
    const url = packUrl?.trim() || `${at}${packFileName(pack)}`;
    lines.push(`<open-vs-proprietary src="${escapeHtml(url)}">`, fallback, '</open-vs-proprietary>');
  } else {
    // `<` as \u003c inside the JSON (the same value), so no `</script>` or `<!--` in a
    // string can end the script element early.
    const json = text.trim().replaceAll('<', '\\u003c');
    lines.push('<open-vs-proprietary>', `  <script type="application/json">${json}</script>`, fallback, '</open-vs-proprietary>');
  }
  return lines.join('\n');
}
