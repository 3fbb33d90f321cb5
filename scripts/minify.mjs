// Trunk's post-build hook (Trunk.toml): in a release build, minifies the files every
// embedded widget downloads, in place in the staging directory. The readable sources
// stay in web/ and styles/, and debug builds are left as written. The demo page's own
// CSS is not touched: Trunk has already written its integrity hash into index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const WIDGET_FILES = { 'embed.js': 'js', 'open-vs-proprietary.js': 'js', 'widget.css': 'css' };

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('scripts/minify.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

if (process.env.TRUNK_PROFILE === 'release') {
  for (const [name, loader] of Object.entries(WIDGET_FILES)) {
    const path = join(staging, name);
    // No `format` or `target`: ES modules stay ES modules, modern syntax is not
    // rewritten, and `import.meta.url` and the glue's dynamic `import()` stay as written.
    const { code } = transformSync(readFileSync(path, 'utf8'), { loader, minify: true });
    writeFileSync(path, code);
  }
}
