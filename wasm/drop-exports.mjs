// Removes wasm exports that the glue would only call on a path our bindings
// never take, so that wasm-metadce can drop the code behind them.
//
// Usage: node wasm/drop-exports.mjs <module.wasm> <glue.mjs> <glue name>...
//
// Embind's __getTypeName is exported unconditionally (EMSCRIPTEN_KEEPALIVE)
// for the JS glue to name a C++ type in an "unbound types" error. Built
// without RTTI it formats the type's address with sprintf("%p"), which links
// musl's whole printf: 2.3 KB gzip of the generate module, 6% of its code.
// Our bindings register every type they use (the tests call every binding),
// so that error cannot happen. The glue reads the export lazily
// (Module.asm.<name> on first call), so it still loads without it.
//
// Emscripten minifies export names, so each one is found through the glue
// emcc wrote: `Module["___getTypeName"] = ... Module["asm"]["q"]`. The build
// stops if the glue no longer has that shape, instead of dropping a wrong one.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [wasmPath, gluePath, ...glueNames] = process.argv.slice(2);
if (!wasmPath || !gluePath || glueNames.length === 0) {
  console.error('usage: node wasm/drop-exports.mjs <module.wasm> <glue.mjs> <glue name>...');
  process.exit(2);
}

const glue = readFileSync(gluePath, 'utf8');
const dropped = new Set(glueNames.map((name) => {
  const escaped = name.replace(/[$]/g, '\\$');
  const match = glue.match(new RegExp(`Module\\["${escaped}"\\]\\s*=\\s*Module\\["asm"\\]\\["([\\w$]+)"\\]`));
  if (!match) {
    console.error(`drop-exports: ${gluePath} does not bind ${name} to a wasm export in the expected form`);
    process.exit(1);
  }
  return match[1];
}));

// The graph wasm-metadce reads: one root (the glue) reaching every export it keeps.
const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasmPath)));
const kept = exports.filter((e) => !dropped.has(e.name));
if (kept.length !== exports.length - dropped.size) {
  console.error(`drop-exports: ${wasmPath} lacks an export to drop (${[...dropped].join(', ')})`);
  process.exit(1);
}
const graph = [
  { name: 'glue', root: true, reaches: kept.map((e) => `export:${e.name}`) },
  ...kept.map((e) => ({ name: `export:${e.name}`, export: e.name })),
];
const graphPath = path.join(tmpdir(), `drop-exports-${process.pid}.json`);
writeFileSync(graphPath, JSON.stringify(graph));
try {
  execFileSync('wasm-metadce', [
    wasmPath, '--graph-file', graphPath, '-o', wasmPath, '--debuginfo',  // keeps a name section if the build has one
    '--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  rmSync(graphPath, { force: true });
}
