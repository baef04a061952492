#!/usr/bin/env node
// Joins the page's modules (web/*.js) and the npm package's browser loader
// (wasm/index.js, wasm/loader.js and the generate module's glue) into one
// minified ES module, dist/web/crdb-connect-generator.js.
//
// Why one file: a cold load of the page then fetches the HTML, this script
// and the .wasm, three requests where there were eight (page.css is inlined
// into the HTML, generator.css bundled here). Chromium opens six connections
// to a host, so the eighth (the .wasm) used to wait for a free one, and every
// module file costs the browser a fetch, a compile and a link on a busy main
// thread (~12 ms of renderer CPU per load measured in a trace).
//
// The package's loader finds its files relative to its own URL
// (new URL('../dist/...', import.meta.url)), which npm users' bundlers
// recognise as asset references, so that file keeps those literal URLs. Once
// it is inside this bundle, import.meta.url is the bundle's URL, so the
// runtime URLs are rebased onto where build-web.sh puts the package's files:
// ./crdb-connect/dist/ beside the bundle. The full module's glue stays a
// separate file, imported only when something first parses.
//
//   node scripts/bundle-page.mjs OUTFILE
import { build } from 'esbuild';
import { replaceOnce } from './replace-once.mjs';
import { stripCssComments } from './strip-css-comments.mjs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOADER = resolve(ROOT, 'wasm/loader.js');
const outfile = process.argv[2];
if (!outfile) {
  console.error('usage: node scripts/bundle-page.mjs OUTFILE');
  process.exit(2);
}

// The loader's runtime URLs, and where the page keeps those files. The glue
// it imports statically is bundled and keeps its package path.
const REBASED = [
  "'../dist/crdb-connect-wasm.wasm'",
  "'../dist/crdb-connect-full.wasm'",
  "'../dist/crdb-connect-full.mjs'",
];
const rebase = (literal) => literal.replace("'../dist/", "'./crdb-connect/dist/");

// The element's stylesheet travels inside the script, as text it parses into
// one constructed stylesheet (web/crdb-connect-generator.js), without its
// comments: each request costs a cold load more than its bytes on this
// machine (a fourth one here made the outputs ~5-14 ms later, side by side).
const stylesheetAsText = {
  name: 'stylesheet-as-text',
  setup(bundle) {
    bundle.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: stripCssComments(await readFile(args.path, 'utf8')), loader: 'text',
    }));
  },
};

const rebaseLoaderUrls = {
  name: 'rebase-loader-urls',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]wasm[\\/]loader\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      // Exactly once each: a changed loader must fail the build, not ship a
      // page that looks for its .wasm in the wrong folder.
      for (const literal of REBASED) source = replaceOnce(source, literal, rebase(literal), LOADER);
      return { contents: source, loader: 'js' };
    });
    // The page imports the package as the browser would find it beside the
    // page (./crdb-connect/wasm/index.js); here that is the package's source.
    bundle.onResolve({ filter: /^\.\/crdb-connect\/wasm\/[\w-]+\.js$/ }, (args) => ({
      path: resolve(ROOT, 'wasm', args.path.slice('./crdb-connect/wasm/'.length)),
    }));
    // The full module's glue is fetched at run time from its rebased URL.
    bundle.onResolve({ filter: /^\.\/crdb-connect\/dist\/crdb-connect-full\.mjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  entryPoints: [resolve(ROOT, 'web/crdb-connect-generator.js')],
  outfile,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  // Chrome's explicit compile hint (shipped in Chrome 136): compile every
  // function of this file on the background thread that streams it, rather
  // than each one lazily, on the main thread, when it is first called. Almost
  // all of them run before the outputs are on screen: a trace of a cold load
  // counted ~170 lazy compiles on the main thread, 10-15 ms of it, and side by
  // side the outputs came 6-9 ms sooner with the hint. It must open the file.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  // Node-only branch of the loader (reading the .wasm from disk); never taken in a browser.
  external: ['node:*'],
  plugins: [rebaseLoaderUrls, stylesheetAsText],
  logLevel: 'warning',
});
