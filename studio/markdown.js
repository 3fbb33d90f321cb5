// Stands in for codemirror-json-schema's markdown renderer (scripts/studio.mjs swaps it in
// at bundle time). The schema's descriptions are plain sentences with `code` spans, so
// this turns them into text nodes and <code> elements: no markup is parsed, nothing is
// set as HTML, and markdown-it and shiki stay out of the bundle.

/** `text` as a DocumentFragment: `spans` become <code>, everything else stays text. */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  const parts = String(text ?? '').split('`');
  parts.forEach((part, i) => {
    if (!part) return;
    // An odd index sits between two backticks; an unmatched last one is left as text.
    if (i % 2 === 1 && i < parts.length - 1) {
      const code = document.createElement('code');
      code.textContent = part;
      fragment.append(code);
    } else {
      fragment.append(i % 2 === 1 ? `\`${part}` : part);
    }
  });
  return fragment;
}
