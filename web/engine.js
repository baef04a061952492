// Loads the crdb-connect WebAssembly module once per page, however many
// <crdb-connect-generator> elements it holds. The build puts the npm
// package's browser files in ./crdb-connect/ next to this file,
// laid out as in the package (wasm/index.js, dist/crdb-connect-wasm.*).
import { createGenerator } from './crdb-connect/wasm/index.js';

let ready;

export function loadGenerator() {
  ready ??= Promise.resolve().then(() => createGenerator());
  return ready;
}
