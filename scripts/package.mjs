// `make package`: the release package, an npm-format tarball of the widget's built files
// as a public npm CDN (jsDelivr, unpkg) would serve them. Nothing is published from here.
//
//   node scripts/package.mjs [--dist DIR] [--out DIR]
//
// Reads the release build in dist/ (default; `make package` builds it first) and writes
// target/package/open-vs-proprietary-VERSION.tgz with `npm pack`, staged in
// target/package/staging/. The version, description, licence and languages come from
// the build's manifest.json (scripts/finish-dist.mjs writes it from the root package's
// Cargo.toml, as cargo reads it); CHANGELOG.md must have an entry for that version.
// Prints the packed files and sizes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withLanguages } from './languages.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: args } = parseArgs({
  options: { dist: { type: 'string', default: join(ROOT, 'dist') }, out: { type: 'string', default: join(ROOT, 'target/package') } },
});
const DIST = resolve(args.dist);
const OUT = resolve(args.out);
const STAGING = join(OUT, 'staging');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

if (!existsSync(join(DIST, 'manifest.json'))) fail(`${DIST} has no manifest.json: build it first (make package does)`);
const build = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
// The build's manifest carries what Cargo.toml says of the widget (version, description,
// licence, repository), so this reads no Cargo.toml of its own.
const { version, languages, attributes } = build;
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) fail(`Cargo.toml's version "${version}" is not a semantic version`);
const newest = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8').match(/^## \[(\d[^\]]*)\]/m)?.[1];
if (newest !== version) fail(`CHANGELOG.md's newest release is ${newest ?? 'missing'}, Cargo.toml says ${version}`);

// What the package holds: the files an author's page, iframe.html and snippet.html load,
// the content packs and their schema. Not the demo post (index.html, page.css).
const FILES = [
  'embed.js', // the one file an author includes, with the wasm-bindgen glue inside
  // The Wasm (and the result's code, where the build split it off), as the manifest lists them.
  ...Object.keys(build.files).filter((file) => file.endsWith('.wasm')),
  'widget.css', // the widget's stylesheet, fetched by embed.js or linked by the snippet
  'content/', // the built-in packs (en compiled in too; the others fetched when asked for)
  'content.schema.json',
  'iframe.html', 'iframe.js', 'iframe.css', 'favicon.svg', // the iframe page and what it links
  'snippet.html', // the prerendered snippet, with YOUR-HOST/PATH/ for the package's address
  'manifest.json', // the version, the built-in languages and every file's integrity hash
];

if (!existsSync(join(DIST, 'embed.js'))) fail(`${DIST} has no embed.js: build it first (make package does)`);
rmSync(STAGING, { recursive: true, force: true });
mkdirSync(STAGING, { recursive: true });
for (const file of FILES) {
  const from = join(DIST, file);
  if (!existsSync(from)) fail(`${from} is missing from the build`);
  cpSync(from, join(STAGING, file), { recursive: true });
}
const packs = readdirSync(join(STAGING, 'content'));
if (languages.some((lang) => !packs.includes(`${lang}.json`)) || packs.some((name) => !name.endsWith('.json'))) fail(`dist/content/ holds ${packs.join(', ')}`);

// Every file the packed pages and scripts refer to by a relative address is packed too
// (snippet.html's addresses are relative to YOUR-HOST/PATH/).
const REFERENCES = {
  js: [/new URL\(\s*["'`]([^"'`]+)["'`]\s*,\s*import\.meta\.url/g, /\bimport\(\s*["'`]([^"'`]+)["'`]/g, /\bfrom\s*["'`]([^"'`]+)["'`]/g],
  html: [/\b(?:src|href)="([^"]+)"/g],
};
for (const file of ['embed.js', 'iframe.js', 'iframe.html', 'snippet.html']) {
  const text = readFileSync(join(STAGING, file), 'utf8');
  for (const pattern of REFERENCES[file.endsWith('.html') ? 'html' : 'js']) {
    for (const [, address] of text.matchAll(pattern)) {
      if (address.includes('${')) continue; // built at run time from one of the others
      const relative = address.replace('https://YOUR-HOST/PATH/', '').split(/[?#]/)[0];
      if (/^[a-z]+:/i.test(relative) || relative.startsWith('/')) fail(`${file} refers to ${address}, outside the package`);
      const target = posix.normalize(posix.join(posix.dirname(file), relative));
      if (!existsSync(join(STAGING, target))) fail(`${file} refers to ${address}, which the package lacks`);
    }
  }
}

// The fields public npm CDNs read: jsdelivr, then browser or main (jsDelivr); unpkg, then
// browser or main (unpkg). `repository` and `homepage` only if Cargo.toml names them.
const manifest = {
  name: 'open-vs-proprietary',
  version,
  description: build.description,
  license: build.license,
  keywords: ['quiz', 'ai', 'open-source', 'web-component', 'webassembly', 'embed'],
  ...(build.repository ? { repository: { type: 'git', url: `git+${build.repository}.git` } } : {}),
  ...(build.homepage ? { homepage: build.homepage } : {}),
  type: 'module',
  browser: './embed.js',
  module: './embed.js',
  unpkg: './embed.js',
  jsdelivr: './embed.js',
  exports: {
    '.': './embed.js',
    './embed.js': './embed.js',
    './iframe.html': './iframe.html',
    './widget.css': './widget.css',
    './content/*': './content/*',
    './content.schema.json': './content.schema.json',
    './package.json': './package.json',
  },
  files: [...FILES, 'CHANGELOG.md'],
};
if (!build.license) fail(`${DIST}/manifest.json names no licence: it is from an older build; build again (make package does)`);
if (build.license !== 'MIT') fail(`Cargo.toml's licence is ${build.license}; LICENSE holds the MIT text`);
writeFileSync(join(STAGING, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
cpSync(join(ROOT, 'LICENSE'), join(STAGING, 'LICENSE'));
cpSync(join(ROOT, 'CHANGELOG.md'), join(STAGING, 'CHANGELOG.md'));
writeFileSync(join(STAGING, 'README.md'), authorsReadme());

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], {
  cwd: STAGING, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
}));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
for (const { path, size } of packed.files) console.log(`${kb(size).padStart(10)}  ${path}`);
console.log(`package: ${join(OUT, packed.filename)}: ${packed.entryCount} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked`);
if (statSync(join(OUT, packed.filename)).size !== packed.size) fail('npm pack reported another size than it wrote');

/** The package's README.md: what an author needs to paste, with this version's addresses. */
function authorsReadme() {
  const jsdelivr = `https://cdn.jsdelivr.net/npm/open-vs-proprietary@${version}/`;
  const unpkg = `https://unpkg.com/open-vs-proprietary@${version}/`;
  const more = build.repository
    ? `[the full README](${build.repository}#readme)`
    : 'the full README in the project\'s source repository';
  return `# open-vs-proprietary ${version}

${build.description}

A reader answers a few short questions; the widget suggests an approach (open-weight models run by you or by a host,
a vendor's proprietary model, or a hybrid), names the answers that decided it, and charts them side by side. It runs in a shadow
root, so it cannot restyle your page, and nothing the reader chooses leaves the browser.

## Add it to your post

Paste these two lines where the quiz should appear:

\`\`\`html
<script type="module" src="${jsdelivr}embed.js"></script>
<open-vs-proprietary></open-vs-proprietary>
\`\`\`

The same files are on unpkg: \`${unpkg}embed.js\`. Keep the version in the address, so
the widget on your page changes only when you change it. Text inside the element is shown
to readers without JavaScript.

For a first screen that appears with the page, before the widget's code arrives, paste
\`snippet.html\` from this package instead, with every \`https://YOUR-HOST/PATH/\` in it
replaced by \`${jsdelivr}\`.

## Attributes

| attribute | values |
|---|---|
${Object.entries(attributes).map(([name, { values }]) => `| \`${name}\` | ${withLanguages(values, languages)} |`).join('\n')}

## Content Security Policy

On a page with a strict policy, allow the CDN for scripts, for the files \`embed.js\`
fetches (the Wasm, the stylesheet, the pack of a language other than English) and, with \`snippet.html\`, for
stylesheets; \`'wasm-unsafe-eval'\` lets the page compile the Wasm; \`img-src data:\` is
for the Download PNG buttons:

\`\`\`
script-src https://cdn.jsdelivr.net 'wasm-unsafe-eval'; connect-src https://cdn.jsdelivr.net; style-src https://cdn.jsdelivr.net; img-src 'self' data:
\`\`\`

## Self-hosting

The package's files work the same from any static host: copy them beside each other
(keep \`content/\`) and point the lines above at them. Serve \`.wasm\` as
\`application/wasm\`; if the host is not the page's own origin, it must send
\`Access-Control-Allow-Origin\` (module scripts, the Wasm and the stylesheet are fetched
with CORS), as jsDelivr and unpkg do. \`iframe.html\`, for platforms that allow an iframe
but no script, needs such a host of your own: npm CDNs such as jsDelivr serve \`.html\`
files as plain text.

The JavaScript API (\`mount()\`), the events, theming with \`--ovp-*\` properties and
\`::part()\`, and writing your own quiz are in ${more}. What changed in each version:
\`CHANGELOG.md\`. Licence: MIT (\`LICENSE\`).
`;
}
