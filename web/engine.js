// Loads the crdb-connect WebAssembly modules once per page, however many
// <crdb-connect-generator> elements it holds. The build puts the npm
// package's browser files in ./crdb-connect/ next to this file,
// laid out as in the package (wasm/index.js, dist/crdb-connect-*).
import { createFullGenerator, createGenerator } from './crdb-connect/wasm/index.js';

let ready;

/** The generate module: all the page needs to show the 13 outputs. */
export function loadGenerator() {
  ready ??= Promise.resolve().then(() => createGenerator());
  return ready;
}

/**
 * Starts fetching the full module (the parser) ahead of a paste, so reading
 * the string is instant by the time the user asks for it. Loaded once; a
 * failure is reported by the parse itself.
 */
export function preloadParser() {
  createFullGenerator().catch(() => {});
}
