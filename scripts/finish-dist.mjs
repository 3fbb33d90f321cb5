// Trunk's post-build hook (Trunk.toml): finishes the widget's files in the staging
// directory, in this order, because each step changes what the next one hashes.
//
// 0. Release builds split the Wasm in two: the result's code moves into
//    open-vs-proprietary_result.wasm (scripts/split-wasm.mjs), and embed.js learns the
//    name it needs to join the two (RESULT_CODE).
// 1. The wasm-bindgen glue goes into embed.js, as `createGlue()`, a function returning a
//    fresh copy of the glue module (each widget's Wasm instance needs its own module
//    state). The page's integrity hash for embed.js then covers the glue, and readers
//    fetch one file fewer. The separate glue file is removed.
// 2. Release builds minify widget.css. The readable sources stay in web/ and styles/;
//    the demo page's own CSS is left alone (Trunk has hashed it already).
// 3. The integrity hash (SHA-384) of every file embed.js loads (the Wasm, widget.css,
//    the content packs) is written into embed.js's INTEGRITY.
// 4. embed.js is bundled with what it imports (web/contract.mjs, web/panel.mjs),
//    so it stays one file; release builds minify it.
// 5. embed.js's own hash goes into the pages that load it: the demo page and the
//    snippet (index.html, snippet.html), with the prerendered intro's stylesheet's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import { ATTRIBUTES, ATTRIBUTE_DOCS, EVENTS } from '../web/contract.mjs';
import { builtInLanguages } from './languages.mjs';
import { splitResultCode } from './split-wasm.mjs';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('scripts/finish-dist.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const read = (name) => readFileSync(join(staging, name), 'utf8');
const write = (name, text) => writeFileSync(join(staging, name), text);

/** Replaces `marker` in `text` once, failing the build if it is not there exactly once. */
function replaceOnce(text, marker, replacement, where) {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error(`${where}: expected exactly one ${JSON.stringify(marker)}`);
  return text.slice(0, at) + replacement + text.slice(at + marker.length);
}

// Cargo's own reading of Cargo.toml: the widget's package (the workspace's root) gives
// the version, and the description and licence the release package states.
const { packages } = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }));
const crate = packages.find((p) => p.name === 'open-vs-proprietary');

// 0. The split.
const WASM = 'open-vs-proprietary_bg.wasm';
const RESULT_WASM = 'open-vs-proprietary_result.wasm';
const split = release ? splitResultCode(staging, WASM, RESULT_WASM) : null;

// 1. The glue as a function. esbuild rewrites the ES module as CommonJS, whose exports
// end up on `module.exports`; wrapped in a function, every call runs it afresh.
const GLUE = 'open-vs-proprietary.js';
const { outputFiles: [glue] } = buildSync({
  // Its imports gain the placeholders of the result's code (web/embed.js, resultCodeFor).
  stdin: {
    contents: replaceOnce(read(GLUE), '"./open-vs-proprietary_bg.js": import0,',
      '"./open-vs-proprietary_bg.js": import0,\n        placeholder: placeholders,', GLUE),
    loader: 'js',
  },
  format: 'cjs',
  write: false,
  minify: release,
  // The glue reads import.meta.url only to find the Wasm when given none; embed.js
  // always gives it the compiled module.
  logOverride: { 'empty-import-meta': 'silent' },
});
let embed = replaceOnce(read('embed.js'),
  `function createGlue(placeholders) { // eslint-disable-line no-unused-vars
  throw new Error('open-vs-proprietary: this embed.js is the unbuilt source; use the one trunk writes to dist/');
}`,
  `function createGlue(placeholders) {
  const module = { exports: {} };
${glue.text}
  return module.exports;
}`, 'web/embed.js');
rmSync(join(staging, GLUE));
if (split) embed = replaceOnce(embed, 'const RESULT_CODE = null;', `const RESULT_CODE = ${JSON.stringify({ table: split.table })};`, 'web/embed.js');

// 2. Minify the stylesheet.
// No `format` or `target` in either minification: ES modules stay ES modules, modern
// syntax is not rewritten, and `import.meta.url` stays as written.
if (release) write('widget.css', transformSync(read('widget.css'), { loader: 'css', minify: true }).code);

// 3. The hashes of what embed.js loads.
const integrity = (name) => `sha384-${createHash('sha384').update(readFileSync(join(staging, name))).digest('base64')}`;
const loaded = [WASM, ...(split ? [RESULT_WASM] : []), 'widget.css',
  ...readdirSync(join(staging, 'content')).filter((name) => name.endsWith('.json')).map((name) => `content/${name}`)];
const hashes = Object.fromEntries(loaded.map((name) => [name, integrity(name)]));
embed = replaceOnce(embed, 'const INTEGRITY = {};', `const INTEGRITY = ${JSON.stringify(hashes)};`, 'web/embed.js');
embed = replaceOnce(embed, "export const version = 'unbuilt';", `export const version = ${JSON.stringify(crate.version)};`, 'web/embed.js');

// 4. Bundle (and minify) embed.js. No `target`: modern syntax is not rewritten, and
// `import.meta.url` stays as written.
embed = buildSync({
  stdin: { contents: embed, resolveDir: WEB, sourcefile: 'embed.js', loader: 'js' },
  bundle: true,
  format: 'esm',
  minify: release,
  write: false,
}).outputFiles[0].text;
write('embed.js', embed);

// 5. embed.js's hash in the pages (and the hashes of the files they preload).
const embedHash = integrity('embed.js');
for (const page of ['index.html', 'snippet.html']) {
  let html = read(page);
  html = replaceOnce(html, 'embed.js"></script>', `embed.js" integrity="${embedHash}" crossorigin="anonymous"></script>`, page);
  html = html.replace(/(<link rel="stylesheet" href="[^"]*widget\.css")>/g, `$1 integrity="${hashes['widget.css']}" crossorigin="anonymous">`);
  // A preload is used only by a fetch that asks for the same integrity.
  html = html.replace('open-vs-proprietary_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
    `open-vs-proprietary_bg.wasm" as="fetch" type="application/wasm" integrity="${hashes['open-vs-proprietary_bg.wasm']}" crossorigin="anonymous">`);
  write(page, html);
}

// 6. The manifest, with the built-in languages (scripts/languages.mjs).
const undocumented = Object.keys(ATTRIBUTES).filter((name) => !ATTRIBUTE_DOCS[name]);
if (undocumented.length) throw new Error(`web/contract.mjs: ATTRIBUTE_DOCS says nothing of ${undocumented.join(', ')}`);
const languages = builtInLanguages(join(staging, 'content'));
write('manifest.json', `${JSON.stringify({
  version: crate.version,
  description: crate.description,
  license: crate.license,
  ...(crate.repository ? { repository: crate.repository } : {}),
  ...(crate.homepage ? { homepage: crate.homepage } : {}),
  languages,
  attributes: Object.fromEntries(Object.entries(ATTRIBUTES)
    .map(([name, attribute]) => [name, { ...attribute, values: ATTRIBUTE_DOCS[name].values }])),
  events: EVENTS,
  files: { 'embed.js': embedHash, ...hashes },
}, null, 2)}\n`);
