// Assembles the WordPress plugin from a build: wordpress/open-vs-proprietary/ (the PHP,
// the block) plus the widget's files from dist/ in assets/, and build.php with what the
// plugin needs: from dist/manifest.json the version, the integrity hashes and the
// built-in languages; from dist/snippet.html the prerendered intro and the fallback text. Writes target/wordpress/open-vs-proprietary/ and, for Plugins → Add New
// → Upload Plugin, target/wordpress/open-vs-proprietary-VERSION.zip.
//
//   node scripts/wordpress-plugin.mjs [DIST] [OUT]    (defaults: dist/ and target/wordpress/)
import { readFileSync, writeFileSync, mkdirSync, rmSync, cpSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = join(ROOT, 'wordpress/open-vs-proprietary');
const NAME = 'open-vs-proprietary';

/** Builds the plugin from `dist` into `out`; returns { dir, zip, version }. */
export function buildPlugin(dist = join(ROOT, 'dist'), out = join(ROOT, 'target/wordpress')) {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`wordpress-plugin: ${dist} has no manifest.json (build with scripts/trunk.sh build --release)`);
  const { version, languages, attributes, files } = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const snippet = readFileSync(join(dist, 'snippet.html'), 'utf8');
  const find = (pattern, what) => {
    const match = snippet.match(pattern);
    if (!match) throw new Error(`wordpress-plugin: ${join(dist, 'snippet.html')} has no ${what} (build with scripts/trunk.sh build --release)`);
    return match;
  };
  const embedIntegrity = files['embed.js'];
  const wasmIntegrity = files['open-vs-proprietary_bg.wasm'];
  const [, fallback, prerendered] = find(
    /<open-vs-proprietary>([^<]*)(<!-- ovp:prerendered -->.*<!-- \/ovp:prerendered -->)<\/open-vs-proprietary>/s,
    'element with its fallback text and prerendered intro');
  const packs = readdirSync(join(dist, 'content')).filter((file) => file.endsWith('.json'));

  const dir = join(out, NAME);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'assets/content'), { recursive: true });
  cpSync(SOURCE, dir, { recursive: true });
  const wasm = Object.keys(files).filter((file) => file.endsWith('.wasm')); // with the result's code, where split
  for (const file of ['embed.js', ...wasm, 'widget.css', ...packs.map((p) => `content/${p}`)]) {
    cpSync(join(dist, file), join(dir, 'assets', file));
  }
  if (existsSync(join(ROOT, 'LICENSE'))) cpSync(join(ROOT, 'LICENSE'), join(dir, 'LICENSE'));
  const main = join(dir, `${NAME}.php`);
  writeFileSync(main, readFileSync(main, 'utf8').replace(/^( \* Version: +).*$/m, `$1${version}`));
  // The block's attributes are the element's (web/contract.mjs, through the manifest),
  // and its own (block.json: `pack`, an author's pasted pack).
  const blockJson = join(dir, 'block/block.json');
  const block = JSON.parse(readFileSync(blockJson, 'utf8'));
  block.attributes = {
    ...Object.fromEntries(Object.keys(attributes).map((name) => [name, { type: 'string', default: '' }])),
    ...block.attributes,
  };
  writeFileSync(blockJson, `${JSON.stringify(block, null, 2)}\n`);
  const asset = join(dir, 'block/editor.asset.php');
  writeFileSync(asset, readFileSync(asset, 'utf8').replace(/'version' => '[^']*'/, `'version' => '${version}'`));
  const readme = join(dir, 'readme.txt');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/^Stable tag: .*$/m, `Stable tag: ${version}`));

  const php = (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  writeFileSync(join(dir, 'build.php'), `<?php
// Written by scripts/wordpress-plugin.mjs from the widget's build (dist/snippet.html); do not edit.
return array(
\t'version'         => ${php(version)},
\t'embed_integrity' => ${php(embedIntegrity)},
\t'wasm_integrity'  => ${php(wasmIntegrity)},
\t'fallback'        => ${php(fallback.trim())},
\t'prerendered'     => ${php(prerendered)},
\t'languages'       => array( ${languages.map(php).join(', ')} ),
\t'attributes'      => array( ${Object.keys(attributes).map(php).join(', ')} ),
);
`);

  const zip = join(out, `${NAME}-${version}.zip`);
  writeFileSync(zip, zipFolder(dir, NAME));
  return { dir, zip, version };
}

// ---------------------------------------------------------------------------------------
// A zip file (deflated entries, no extra fields), so that no zip tool is needed.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function filesUnder(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file under `dir`, inside a folder `prefix` of the archive. */
function zipFolder(dir, prefix) {
  const locals = [];
  const central = [];
  let offset = 0;
  // 1 January 2000, 00:00, in MS-DOS form: the same bytes for the same files.
  const date = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (const path of filesUnder(dir)) {
    const name = Buffer.from(`${prefix}/${relative(dir, path).split('\\').join('/')}`);
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    local.copy(entry, 6, 4, 30); // version needed … name length, as in the local header
    entry.writeUInt16LE(0, 32); // comment length
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, out] = process.argv.slice(2);
  const { dir, zip, version } = buildPlugin(dist, out);
  const bytes = statSync(zip).size;
  console.log(`wordpress-plugin: ${version} in ${relative(process.cwd(), dir)}/ and ${relative(process.cwd(), zip)} (${(bytes / 1024).toFixed(0)} KiB)`);
}
