// The block in the editor: a placeholder and the element's attributes in the sidebar, and
// a field for an author's own pack (the JSON the studio downloads, or its embed code) with
// the real widget previewing it: its problems are listed there in the widget's own words,
// the studio's. The block renders on the server, as the [open_vs_proprietary] shortcode does.
(function (blocks, element, blockEditor, components) {
  const el = element.createElement;
  const { InspectorControls, useBlockProps } = blockEditor;
  const { PanelBody, SelectControl, TextControl, TextareaControl, Placeholder } = components;

  // The widget's code, for the preview: loaded once, when a block first has a pack.
  let widgetLoading = null;
  const loadWidget = () => {
    widgetLoading ??= import(`${window.openVsProprietaryAssets}embed.js`);
    return widgetLoading;
  };

  /**
   * The pack in what was pasted (the JSON itself, or the studio's embed code holding it),
   * with `&`, `<` and `>` written as JSON escapes (the same JSON: they are valid only
   * inside its strings): WordPress filters an Author's block attributes as HTML when the
   * post is saved, which would take them for markup.
   */
  const packIn = (pasted) => {
    const inCode = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(pasted);
    return (inCode ? inCode[1] : pasted).trim()
      .replaceAll('&', '\\u0026').replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
  };

  /** The real widget with the pack, drawn again for each new text. */
  function Preview({ pack }) {
    const host = element.useRef(null);
    element.useEffect(() => {
      let cancelled = false;
      loadWidget().then(() => {
        if (cancelled || !host.current) return;
        const quiz = document.createElement('open-vs-proprietary');
        quiz.setAttribute('storage', 'none');
        const data = document.createElement('script');
        data.type = 'application/json';
        data.textContent = pack;
        quiz.append(data);
        host.current.replaceChildren(quiz);
      }, () => {
        if (!cancelled && host.current) host.current.textContent = 'The preview could not load the widget\'s code.';
      });
      return () => { cancelled = true; };
    }, [pack]);
    return el('div', { ref: host, className: 'open-vs-proprietary-preview' });
  }

  const choices = (pairs) => pairs.map(([value, label]) => ({ value, label }));
  // The build's built-in languages, given by the plugin (window.openVsProprietaryLanguages),
  // named in the editor's language and their own: "Chinese (中文)".
  const languages = window.openVsProprietaryLanguages || ['en'];
  const languageName = (lang) => {
    try {
      const named = (locale) => new Intl.DisplayNames([locale], { type: 'language' }).of(lang);
      const here = named(document.documentElement.lang || 'en');
      const own = named(lang);
      return here === own ? here : `${here} (${own})`;
    } catch {
      return lang; // no Intl.DisplayNames, or a page language it cannot read
    }
  };

  blocks.registerBlockType('open-vs-proprietary/quiz', {
    edit({ attributes, setAttributes }) {
      const set = (name) => (value) => setAttributes({ [name]: value });
      return el('div', useBlockProps(),
        el(InspectorControls, null,
          el(PanelBody, { title: 'Quiz' },
            el(SelectControl, { label: 'Language', value: attributes.lang, onChange: set('lang'),
              options: choices([['', 'The page\'s language'], ...languages.map((lang) => [lang, languageName(lang)])]) }),
            el(SelectControl, { label: 'Direction', value: attributes.dir, onChange: set('dir'),
              options: choices([['', 'As the quiz\'s language runs'], ['rtl', 'Right to left'], ['ltr', 'Left to right']]) }),
            el(SelectControl, { label: 'Colours', value: attributes.theme, onChange: set('theme'),
              options: choices([['', 'The reader\'s light or dark setting'], ['light', 'Light'], ['dark', 'Dark']]) }),
            el(TextControl, { label: 'Your own quiz (URL of a content pack)', value: attributes.src, onChange: set('src'),
              help: 'A .json file uploaded to the Media Library works: copy its File URL here.' }),
            el(TextControl, { label: 'Name (keeps several quizzes on a page apart)', value: attributes.id, onChange: set('id') }),
            el(SelectControl, { label: 'Progress', value: attributes.storage, onChange: set('storage'),
              options: choices([['', 'Kept in the reader\'s browser'], ['none', 'Not kept']]) }),
            el(SelectControl, { label: 'Loading', value: attributes.loading, onChange: set('loading'),
              options: choices([['', 'When the reader comes near'], ['eager', 'With the page']]) }))),
        el(Placeholder, { icon: 'yes-alt', label: 'Open-source or proprietary AI? quiz',
          instructions: 'Readers of the published post take the quiz here. For your own quiz, paste the JSON the studio downloads (or its embed code) below; the preview shows it as readers will, or lists what to fix.' },
        el(TextareaControl, {
          label: 'Your own quiz (the JSON from the studio)',
          value: attributes.pack,
          rows: 4,
          onChange: (pasted) => setAttributes({ pack: packIn(pasted) }),
        })),
        attributes.pack ? el(Preview, { pack: attributes.pack }) : null);
    },
    save: () => null,
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components);
