// The built-in languages: each pack in a content folder named by its own `lang`
// (en.json holds `"lang": "en"`); the other packs are quizzes of their own
// (databases.json). English first, as the widget's default, then by tag.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function builtInLanguages(contentDir) {
  const packLang = (name) => JSON.parse(readFileSync(join(contentDir, name), 'utf8')).lang;
  return readdirSync(contentDir)
    .filter((name) => name.endsWith('.json') && packLang(name) === name.slice(0, -'.json'.length))
    .map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** `{languages}` in an attribute's values, as Markdown: `en`, `ar`, `es`, `zh`. */
export function withLanguages(values, languages) {
  return values.replace('{languages}', languages.map((lang) => `\`${lang}\``).join(', '));
}
