// Loads one of the package's two Embind modules (see wasm/build.sh): 'wasm',
// the generate module, or 'full', which adds the parser, the JSON and text
// output and the CLI. Shared by the API (index.js) and the CLI (cli.js); users
// import index.js.
//
// The generate module's glue is imported statically, so a page fetches it in
// parallel with this file; the full module's glue only when first needed.
import createGenerateModule from '../dist/crdb-connect-wasm.mjs';

const factories = {
  wasm: async () => createGenerateModule,
  full: async () => (await import('../dist/crdb-connect-full.mjs')).default,
};
const wasmUrls = {
  wasm: new URL('../dist/crdb-connect-wasm.wasm', import.meta.url),
  full: new URL('../dist/crdb-connect-full.wasm', import.meta.url),
};

const isNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

// Node reads the .wasm beside this file (fetch cannot read file: URLs there);
// browsers stream it from the same relative URL.
async function instantiate(wasmUrl, imports) {
  if (isNode && wasmUrl.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.instantiate(await readFile(wasmUrl), imports);
  }
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`crdb-connect: cannot load ${wasmUrl}: HTTP ${response.status}`);
  if (typeof WebAssembly.instantiateStreaming === 'function' &&
      response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

export async function loadModule(name = 'wasm') {
  const createModule = await factories[name]();
  // Emscripten's promise never settles when instantiation fails, so a
  // failure rejects the returned promise directly.
  return new Promise((resolve, reject) => {
    const module = createModule({
      instantiateWasm(imports, receiveInstance) {
        instantiate(wasmUrls[name], imports).then(
          ({ instance, module: compiled }) => receiveInstance(instance, compiled),
          reject);
        return {};  // exports arrive through receiveInstance
      },
    });
    module.then(resolve, reject);
  });
}
