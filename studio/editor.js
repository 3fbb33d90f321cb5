// The content pack editor: CodeMirror 6 with JSON, the shipped content.schema.json
// (completion and hover documentation of keys at every depth, schema-keys.js) and the
// widget's own validator as its one lint source.
//
// It lives in a shadow root of its own: CodeMirror's styles (style-mod) go into a
// constructable stylesheet adopted by a shadow root, which `style-src 'self'` allows, but
// mounted on the document itself they would be an inline <style> element, which it blocks.
// Tab indents, as in any code editor; Escape then Tab leaves it (CodeMirror's tab focus
// mode), which the editor's heading says, so the keyboard is never trapped.
import { basicSetup, EditorView } from 'codemirror';
import { EditorState, Compartment, RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, hoverTooltip, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { autocompletion } from '@codemirror/autocomplete';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { draftIdCompletion } from './ids.js';
import { schemaKeyCompletion, schemaKeyHover } from './schema-keys.js';

/** Every lint source waits this long after the last keystroke (the preview does too). */
export const LINT_DELAY_MS = 300;

// Colours are the page's custom properties (studio.css), which cross into the shadow
// root, so the editor follows the studio's light and dark palettes; each text colour
// meets 4.5:1 on the editor's background and on the active line.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-property)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.number, color: 'var(--code-number)' },
  { tag: [tags.bool, tags.null, tags.keyword], color: 'var(--code-literal)' },
  { tag: [tags.separator, tags.brace, tags.squareBracket, tags.punctuation], color: 'var(--fg)' },
  { tag: tags.invalid, color: 'var(--error)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg)', height: '100%', fontSize: '0.875rem' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--selection)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--fg)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--match)', outline: '1px solid var(--muted)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--match)' },
  '.cm-searchMatch': { backgroundColor: 'var(--match)', outline: '1px solid var(--muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', maxWidth: 'min(32rem, 90vw)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '1', fontStyle: 'italic' },
  '.cm-completionInfo': { padding: '0.5rem 0.75rem' },
  '.cm-tooltip.cm-completionInfo': { whiteSpace: 'pre-line' },
  '.schema-hover': { padding: '0.5rem 0.75rem', fontFamily: 'var(--sans)' },
  '.schema-hover p': { margin: '0.25rem 0 0' },
  '.cm-diagnostic': { fontFamily: 'var(--sans)', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-diagnosticSource': { color: 'var(--muted)', opacity: '1' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border-strong)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border-strong)' },
  '.cm-panel button[name=close]': { color: 'var(--fg)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border-strong)' },
  'code': { fontFamily: 'var(--mono)' },
});

// A wrapped line goes on two characters further in than it starts, so a long string
// reads as part of its property rather than as a line of its own. The style is set by
// CodeMirror through the CSSOM (style.cssText), which style-src 'self' allows.
const hangingIndents = new Map();
function hangingIndent(spaces) {
  let decoration = hangingIndents.get(spaces);
  if (!decoration) {
    const hang = spaces + 2;
    decoration = Decoration.line({ attributes: { style: `padding-left: calc(${hang}ch + 6px); text-indent: -${hang}ch` } });
    hangingIndents.set(spaces, decoration);
  }
  return decoration;
}
const wrappedLinesHang = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = this.build(view);
  }

  update(update) {
    if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
  }

  build(view) {
    const builder = new RangeSetBuilder();
    for (const { from, to } of view.visibleRanges) {
      for (let pos = from; pos <= to;) {
        const line = view.state.doc.lineAt(pos);
        builder.add(line.from, line.from, hangingIndent(/^ */.exec(line.text)[0].length));
        pos = line.to + 1;
      }
    }
    return builder.finish();
  }
}, { decorations: (plugin) => plugin.decorations });

/**
 * Creates the editor in `host` (a shadow root is attached to it) with `doc`.
 * - `schema`: the parsed content.schema.json, or null (no completion or hover then);
 * - `problemsFor(state)`: the widget validator's diagnostics for a state (a promise or
 *   an array), the editor's one lint source;
 * - `onDocChanged(view)`: called after every change of the text;
 * - `draft()`: the last draft without problems (or null), whose ids are completed.
 * Returns `{ view, setText(text), relint() }`.
 */
export function createEditor({ host, doc, schema, label, problemsFor, onDocChanged, draft }) {
  const root = host.attachShadow({ mode: 'open' });
  const dark = new Compartment();
  const prefersDark = matchMedia('(prefers-color-scheme: dark)');
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        // Enter takes the highlighted completion as soon as the list shows: with
        // CodeMirror's default pause (75 ms), a key typed in full and Enter pressed at once
        // put a line break inside the key.
        autocompletion({ interactionDelay: 0 }),
        keymap.of([indentWithTab]),
        json(),
        // Long strings wrap rather than scroll sideways, at phone width too.
        EditorView.lineWrapping,
        wrappedLinesHang,
        syntaxHighlighting(highlight),
        theme,
        dark.of(EditorView.darkTheme.of(prefersDark.matches)),
        // tabindex: focusable already (contenteditable), but stated, so checkers see the
        // scrolling editor has keyboard access (axe's scrollable-region-focusable).
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        lintGutter(),
        // One voice for problems: the widget's own checker, whose words the error panel
        // uses too. The schema's linter would say some of them again, differently.
        linter((v) => problemsFor(v.state), { delay: LINT_DELAY_MS }),
        jsonLanguage.data.of({ autocomplete: schemaKeyCompletion(() => schema) }),
        jsonLanguage.data.of({ autocomplete: draftIdCompletion(draft) }),
        hoverTooltip(schemaKeyHover(() => schema)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onDocChanged(update.view);
        }),
      ],
    }),
  });
  prefersDark.addEventListener('change', () => view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(prefersDark.matches)) }));
  return {
    view,
    /** Replaces the whole text (one undoable change). */
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
    },
    relint() {
      forceLinting(view);
    },
  };
}
