// Loads the Embind module once per call. Shared by the API (index.js) and the
// CLI (cli.js); users import index.js.
import createCrdbConnectModule from '../dist/crdb-connect-wasm.mjs';

const wasmUrl = new URL('../dist/crdb-connect-wasm.wasm', import.meta.url);

const isNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

// Node reads the .wasm beside this file (fetch cannot read file: URLs there);
// browsers stream it from the same relative URL.
async function instantiate(imports) {
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

export function loadModule() {
  let failure;
  const module = createCrdbConnectModule({
    instantiateWasm(imports, receiveInstance) {
      instantiate(imports).then(
        ({ instance, module: compiled }) => receiveInstance(instance, compiled),
        (error) => { failure = error; });
      return {};  // exports arrive through receiveInstance
    },
  });
  // Emscripten's promise never settles when instantiation fails, so a failure
  // is raced in explicitly.
  return new Promise((resolve, reject) => {
    module.then(resolve, reject);
    const poll = setInterval(() => {
      if (failure) { clearInterval(poll); reject(failure); }
    }, 5);
    module.then(() => clearInterval(poll), () => clearInterval(poll));
  });
}

