// Loads the crdb-connect WebAssembly modules once per page, however many
// <crdb-connect-generator> elements it holds. The build bundles the npm
// package's loader (wasm/index.js) into the page's script and puts the
// package's compiled files in ./crdb-connect/dist/ next to it.
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
