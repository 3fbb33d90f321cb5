// `make check`'s look at the JavaScript: ESLint's recommended rules (undefined names,
// unused variables, unreachable code and the like) over the shipped code (web/, the
// studio, the WordPress block) and the build, test and benchmark scripts.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'target/**', '**/node_modules/**', 'fuzz/**', 'tests/browser/artifacts/**'] },
  js.configs.recommended,
  {
    // What runs in the reader's or the author's browser.
    files: ['web/**/*.js', 'studio/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The block editor script runs in WordPress's editor, with its globals.
    files: ['wordpress/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, wp: 'readonly' } },
  },
  {
    // Node scripts.
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The browser tests and benchmarks: their page functions (page.evaluate) run in the
    // browser, the WordPress tests' in its editor.
    files: ['tests/browser/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, wp: 'readonly' } },
  },
  {
    // The peer page's libraries arrive by script tag (SurveyJS, Chart.js).
    files: ['bench/peer/**/*.js'],
    languageOptions: { globals: { Survey: 'readonly', SurveyUI: 'readonly', Chart: 'readonly' } },
  },
  {
    rules: {
      // `catch {}` and deliberately empty handlers say why in a comment.
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_' }],
    },
  },
];
