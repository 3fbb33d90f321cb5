// Writes README.md's attribute table from the element's contract (web/contract.mjs:
// ATTRIBUTES and ATTRIBUTE_DOCS) and the built-in languages (content/), between the
// README's `attributes` markers. Run by `make prerender`; with --check it changes
// nothing and fails while README.md's table is not this one (tests/embed_contract.rs).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ATTRIBUTES, ATTRIBUTE_DOCS } from '../web/contract.mjs';
import { builtInLanguages, withLanguages } from './languages.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = `${ROOT}README.md`;
const BEGIN = '<!-- attributes: written by `make prerender` from web/contract.mjs -->';
const END = '<!-- /attributes -->';
const OPENING = { remount: 'restarts the quiz', live: 'applies at once', mount: 'read at mount' };

const languages = builtInLanguages(`${ROOT}content`);
const rows = Object.entries(ATTRIBUTES).map(([name, { option, change }]) => {
  const docs = ATTRIBUTE_DOCS[name];
  if (!docs) throw new Error(`web/contract.mjs: ATTRIBUTE_DOCS says nothing of ${name}`);
  if (!docs.change.startsWith(OPENING[change])) {
    throw new Error(`web/contract.mjs: ${name}'s change is '${change}', so its words must begin "${OPENING[change]}"`);
  }
  const cell = (text) => text.replaceAll('|', '\\|');
  return `| \`${name}\` | ${cell(withLanguages(docs.values, languages))} | ${option ? `\`${option}\`` : '— (read from the element)'} | ${cell(docs.change)} |`;
});
const table = [
  BEGIN,
  '| attribute | values | `mount()` option | when it changes on a mounted widget |',
  '|---|---|---|---|',
  ...rows,
  END,
].join('\n');

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
const updated = readme.slice(0, start) + table + readme.slice(end + END.length);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md\'s attribute table is stale: run `make prerender` and commit it');
    process.exit(1);
  }
} else {
  writeFileSync(README, updated);
  console.log('wrote the attribute table into README.md');
}
