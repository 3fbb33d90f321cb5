// Splits the widget's Wasm in two (scripts/finish-dist.mjs, release builds): the code of
// the result (its views, charts, downloads and sharing) moves into
// open-vs-proprietary_result.wasm, which embed.js fetches once a reader starts the quiz.
// What stays is what the intro and the questions need, so the first question arrives
// sooner and a reader who never starts downloads less.
//
// binaryen's wasm-split does the moving (scripts/binaryen.sh). Every call from the first
// file into a moved function goes through a placeholder import until the second file is
// instantiated, which writes the real functions into the placeholder table. embed.js
// supplies the placeholders and the instantiation; the widget waits for the second file
// before it draws a result (src/embed/result_code.rs).
//
// Which functions move, by name (trunk keeps the names, `-g` in index.html, and they are
// stripped here afterwards): the result's modules' own (their functions, closures in
// them, methods of their types) and the render of each of their components (Yew's
// generic code with the component's view inlined, so theirs alone), less
// - any that a function staying behind calls directly (repeated until none is), and
// - small ones the function table refers to.
// wasm-opt merges functions whose code is identical, keeping one name. Other generic
// functions made for the result's types (a state handle's clone, a component's
// `rendered`) are the same code as those made for the questions' and were found merged
// with them, as small functions can be; one of them reached through the table would
// serve the questions too.
// tests/browser/split.test.mjs walks every step of the quiz with the second file held
// back, so a function the questions need that moved anyway fails it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BINARYEN = join(ROOT, 'scripts/binaryen.sh');
const WASM_OPT = join(ROOT, 'node_modules/.bin/wasm-opt');
const NOTES = join(ROOT, 'target/split-wasm');

/** The widget's and the model's modules whose code only the result runs. */
const RESULT_MODULE = '(open_vs_proprietary\\\\5b[0-9a-f]+\\\\5d::(view::(result|why|explore|comparison_chart|comparison_table'
  + '|contribution_chart|contribution_table|chart_download|chart_frame|facts|next_steps|rating_reasons|score_list'
  + '|share_link|table_disclosure|cost_chart)|embed::download)|ovp_model\\\\5b[0-9a-f]+\\\\5d::(chart_summary|cost))::';
/** A function of those modules' own: theirs, a closure in one, or a method of their type. */
const OWN = new RegExp(`^<*${RESULT_MODULE}`);
/** The render of a component of theirs. */
const RENDER = new RegExp(`^<yew\\\\5b[0-9a-f]+\\\\5d::html::component::lifecycle::CompStateInner<${RESULT_MODULE}[^>]*>\\\\20as\\\\20`
  + 'yew\\\\5b[0-9a-f]+\\\\5d::html::component::lifecycle::Stateful>::view$');
/** Lines of text format under which a function the table refers to stays (see above). */
const SMALL = 40;

/** The features the widget's Wasm uses: those index.html gives trunk's wasm-opt. */
const FEATURES = readFileSync(join(ROOT, 'index.html'), 'utf8').match(/--enable-[a-z-]+/g);

/** Each function's name, size in lines, direct callees; and the functions the table or a ref.func names. */
function callGraph(wat) {
  const functions = new Map();
  const referenced = new Set();
  let current = null;
  for (const line of wat.split('\n')) {
    const declared = /^ \(func \$(\S+)/.exec(line);
    if (declared) {
      current = { name: declared[1], lines: 0, calls: new Set() };
      functions.set(current.name, current);
      continue;
    }
    if (line.startsWith(' (elem')) {
      current = null;
      for (const [, name] of line.matchAll(/\$(\S+?)[\s)]/g)) referenced.add(name);
      continue;
    }
    if (!current) continue;
    current.lines += 1;
    // binaryen prints a call's arguments on the lines after its name.
    for (const [, name] of line.matchAll(/\((?:return_)?call \$([^\s)]+)/g)) current.calls.add(name);
    for (const [, name] of line.matchAll(/\(ref\.func \$(\S+?)[\s)]/g)) referenced.add(name);
  }
  return { functions, referenced };
}

/** The names of the functions that move (see the file's comment). */
export function chooseMoved(wat) {
  const { functions, referenced } = callGraph(wat);
  const moved = new Set([...functions.values()]
    .filter((f) => (OWN.test(f.name) || RENDER.test(f.name)) && !(referenced.has(f.name) && f.lines < SMALL))
    .map((f) => f.name));
  for (let changed = true; changed;) {
    changed = false;
    for (const f of functions.values()) {
      if (moved.has(f.name)) continue;
      for (const callee of f.calls) {
        if (moved.delete(callee)) changed = true;
      }
    }
  }
  return moved;
}

/** The exported name of the table that holds the placeholders, read from the first file. */
function placeholderTable(wat) {
  const table = /\(elem \$\S+ \(table (\$\S+)\) \(i32\.const 0\) func \$fimport\$/.exec(wat)
    ?? /\(elem \$\S+ \(table (\$\S+)\)[^\n]*\(ref\.func \$fimport\$/.exec(wat);
  if (!table) throw new Error('scripts/split-wasm.mjs: no placeholder table in the split Wasm');
  const exported = new RegExp(`\\(export "([^"]+)" \\(table \\${table[1]}\\)\\)`).exec(wat);
  if (!exported) throw new Error(`scripts/split-wasm.mjs: the placeholder table ${table[1]} is not exported`);
  return exported[1];
}

/**
 * Splits `dir/primary` into itself and `dir/secondary`, both without names. Returns
 * what embed.js needs to join them: the placeholder table's export name and the count
 * of functions moved.
 */
export function splitResultCode(dir, primary, secondary) {
  const work = mkdtempSync(join(tmpdir(), 'ovp-split-'));
  try {
    const input = join(dir, primary);
    const dis = (file) => execFileSync(BINARYEN, ['wasm-dis', ...FEATURES, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const moved = chooseMoved(dis(input));
    if (moved.size === 0) throw new Error('scripts/split-wasm.mjs: no function of the result found (are names kept? -g in index.html)');
    writeFileSync(join(work, 'moved.txt'), `${[...moved].join('\n')}\n`);
    execFileSync(BINARYEN, ['wasm-split', ...FEATURES, input, `--split-funcs=@${join(work, 'moved.txt')}`,
      '-o1', join(work, 'primary.wasm'), '-o2', join(work, 'secondary.wasm'), '--placeholdermap'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
    // For whoever debugs a crash that names a placeholder (which function each stands
    // for) or weighs the two files (`twiggy top` on the whole with its names, less what moved).
    mkdirSync(NOTES, { recursive: true });
    copyFileSync(join(work, 'primary.wasm.placeholders'), join(NOTES, 'placeholders.txt'));
    copyFileSync(input, join(NOTES, 'unsplit-with-names.wasm'));
    copyFileSync(join(work, 'moved.txt'), join(NOTES, 'moved.txt'));
    const table = placeholderTable(dis(join(work, 'primary.wasm')));
    // Names were kept only to choose by; neither file ships them.
    for (const [from, to] of [['primary.wasm', primary], ['secondary.wasm', secondary]]) {
      execFileSync(WASM_OPT, [...FEATURES, '--strip-debug', '--strip-producers', join(work, from), '-o', join(work, `${to}.out`)]);
      renameSync(join(work, `${to}.out`), join(dir, to));
    }
    return { table, moved: moved.size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `node scripts/split-wasm.mjs IN.wasm` lists what would move, for a look at the choice.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wat = execFileSync(BINARYEN, ['wasm-dis', ...FEATURES, process.argv[2]], { encoding: 'utf8', maxBuffer: 1 << 30 });
  for (const name of [...chooseMoved(wat)].sort()) console.log(name.replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
}
