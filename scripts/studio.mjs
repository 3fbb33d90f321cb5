// Trunk's post-build hook for the studio (Trunk.toml, after scripts/finish-dist.mjs): writes
// `studio.html` and `studio/` into the staging directory beside the demo post.
//
//   studio.html               the page (from studio/studio.html)
//   studio/studio.js          the page's code: CodeMirror, the preview, sharing (esbuild)
//   studio/balance-worker.js  the module worker that runs the balance off the main thread
//   studio/studio.css         the page's styles
//   studio/blank.json         the README's minimal pack, for "Start from: blank"
//   studio/file-check.js      says how to serve the studio when it is opened from disk
//   studio/ovp-studio.js, studio/ovp-studio_bg.wasm
//                             the studio's Wasm (validator and balance), built by
//                             scripts/studio-wasm.sh
//
// Only the studio page loads these: the widget's own files (embed.js, the Wasm,
// widget.css) are left as Trunk and scripts/finish-dist.mjs wrote them. The studio imports
// `../embed.js` and `./ovp-studio.js` at run time rather than bundling copies.
//
// Runs for the project's own dist/ only: the test build with the cargo feature
// `test-hooks` (scripts/test.sh, into target/dist-test-hooks) has no use for it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('scripts/studio.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

const realOrSelf = (path) => (existsSync(path) ? realpathSync(path) : resolve(path));
const distDir = process.env.TRUNK_DIST_DIR;
if (distDir && realOrSelf(distDir) !== realOrSelf(join(ROOT, 'dist'))) {
  console.log(`studio: skipped for ${distDir} (the studio ships in dist/ only)`);
  process.exit(0);
}

const release = process.env.TRUNK_PROFILE === 'release';
const out = join(staging, 'studio');
mkdirSync(out, { recursive: true });
copyFileSync(join(ROOT, 'studio/studio.html'), join(staging, 'studio.html'));
copyFileSync(join(ROOT, 'studio/file-check.js'), join(out, 'file-check.js'));

// "Start from a blank pack" opens the README's minimal pack (crates/model/tests/readme.rs
// holds the widget to accepting it), taken from the README as that test takes it.
const minimal = readFileSync(join(ROOT, 'README.md'), 'utf8')
  .split('A minimal complete pack:')[1]?.match(/```json\n([\s\S]*?)\n```/)?.[1];
if (!minimal) throw new Error('studio: README.md has no "A minimal complete pack:" JSON block');
writeFileSync(join(out, 'blank.json'), `${minimal}\n`);


const result = await build({
  absWorkingDir: ROOT,
  // main.js imports studio.css, which esbuild writes beside it as studio.css.
  entryPoints: { studio: 'studio/main.js', 'balance-worker': 'studio/balance-worker.js' },
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  // Browsers that have CompressionStream and adoptedStyleSheets read this syntax as is.
  target: ['chrome105', 'firefox113', 'safari16.4'],
  minify: release,
  legalComments: 'none',
  // Loaded at run time from dist/, never bundled: the widget exactly as authors get it,
  // and the studio's own Wasm glue beside this bundle.
  external: ['../embed.js', './ovp-studio.js'],
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});
const sizes = Object.entries(result.metafile.outputs)
  .map(([file, { bytes }]) => `${file.replace(/^.*[\\/]studio[\\/]/, 'studio/')} ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`studio: ${sizes.join(', ')}`);

// The studio's Wasm: scripts/studio-wasm.sh builds the validator and balance into out/.
const wasmScript = join(ROOT, 'scripts/studio-wasm.sh');
if (existsSync(wasmScript)) {
  execFileSync('bash', [wasmScript, out], { stdio: 'inherit', cwd: ROOT });
  // Its wasm-bindgen glue is minified as scripts/finish-dist.mjs minifies the widget's files.
  const glue = join(out, 'ovp-studio.js');
  if (release) writeFileSync(glue, transformSync(readFileSync(glue, 'utf8'), { loader: 'js', minify: true }).code);
} else {
  console.warn('studio: scripts/studio-wasm.sh is missing; the studio will run without its validator and balance');
}
