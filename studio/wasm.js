// The studio's Wasm module (scripts/studio-wasm.sh: the widget's own validator and the
// balance, as wasm-bindgen `--target web` beside this bundle). Compiled once here; the
// page runs `checkPack` on it, and the balance worker is handed the same compiled module,
// so a restarted worker only instantiates it.

const glueUrl = new URL('./ovp-studio.js', import.meta.url);
const wasmUrl = new URL('./ovp-studio_bg.wasm', import.meta.url);

let loading = null;

/** Resolves to `{ module, checkPack, resultRecord, stepRecord, introWords }`; rejects with a readable Error when it is missing. */
export function loadStudioWasm() {
  loading ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`the studio's validator (${wasmUrl.pathname}) answered HTTP ${response.status}`);
    const module = response.headers.get('content-type')?.startsWith('application/wasm')
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer());
    // A variable, so that esbuild leaves the import to run time (the glue is not bundled).
    const glue = await import(/* webpackIgnore: true */ glueUrl.href);
    await glue.default({ module_or_path: module });
    return {
      module, checkPack: glue.checkPack, resultRecord: glue.resultRecord, stepRecord: glue.stepRecord, introWords: glue.introWords,
    };
  })();
  return loading;
}
