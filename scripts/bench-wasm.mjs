// npm run bench: size of the wasm module and its glue, generate() speed, and
// the first createGenerator() in Node and in Chromium. Numbers for the README;
// never run as a timed test.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('bash', [path.join(ROOT, 'wasm/build.sh')], { stdio: 'inherit' });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// The generate module is what createGenerator() and the page load; the full
// module (parser, JSON and text output, CLI) loads on first use.
for (const [label, files, target] of [
  ['generate module', ['dist/crdb-connect-wasm.wasm', 'dist/crdb-connect-wasm.mjs'], ' (target 40 KB gzip)'],
  ['full module', ['dist/crdb-connect-full.wasm', 'dist/crdb-connect-full.mjs'], ' (loaded on first parse)'],
]) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(ROOT, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`size  ${file.padEnd(30)} ${kb(bytes.length).padStart(9)} raw ${kb(zipped).padStart(9)} gzip`);
  }
  console.log(`size  ${(label + ': wasm + glue').padEnd(30)} ${kb(raw).padStart(9)} raw ${kb(gz).padStart(9)} gzip${target}`);
}

// First createGenerator() in a fresh Node process: import, compile, instantiate, first call ready.
const firstNode = execFileSync(process.execPath, ['--input-type=module', '-e', `
  const t0 = performance.now();
  const { createGenerator } = await import(${JSON.stringify(path.join(ROOT, 'wasm/index.js'))});
  await createGenerator();
  console.log((performance.now() - t0).toFixed(2));`], { encoding: 'utf8' }).trim();
console.log(`init  first createGenerator() in Node (import included)  ${firstNode} ms`);

const { createGenerator } = await import(path.join(ROOT, 'wasm/index.js'));
const g = await createGenerator();
const params = JSON.parse(readFileSync(path.join(ROOT, 'tests/golden/serverless/pq.json'), 'utf8')).params;

function median(fn, iterations = 20000) {
  for (let i = 0; i < 2000; i++) fn();
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    times[i] = performance.now() - t;
  }
  times.sort();
  return (times[iterations >> 1] * 1000).toFixed(1);
}
console.log(`speed generate() 13 drivers, median                  ${median(() => g.generate(params))} µs (target 25 µs)`);
const full = await (await import(path.join(ROOT, 'wasm/index.js'))).createFullGenerator();
console.log(`speed full module generate() 13 drivers, median     ${median(() => full.generate(params))} µs (built -O2, for comparison)`);
console.log(`speed JSON.parse(generateJson()) 13 drivers, median  ${median(() => JSON.parse(full.generateJson(params)))} µs (the JSON boundary, for comparison)`);
console.log(`speed generate() 1 driver, median                    ${median(() => g.generate({ ...params, drivers: ['pq'] }))} µs`);

// Chromium: the same files served over 127.0.0.1, timed from the page's import.
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('@playwright/test');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script type="module">
        const t0 = performance.now();
        const { createGenerator } = await import('/wasm/index.js');
        const g = await createGenerator();
        const first = performance.now() - t0;
        const p = ${JSON.stringify(params)};
        for (let i = 0; i < 2000; i++) g.generate(p);
        // Chromium coarsens performance.now() to 0.1 ms: time batches of 100 calls.
        const t = [];
        for (let i = 0; i < 60; i++) { const a = performance.now(); for (let k = 0; k < 100; k++) g.generate(p); t.push((performance.now() - a) / 100); }
        t.sort((a, b) => a - b);
        window.bench = { first, median: t[30] * 1000 };
      </script>`);
      return;
    }
    const file = path.join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(ROOT) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench.html`);
  const result = await (await page.waitForFunction(() => window.bench, null, { timeout: 120000 })).jsonValue();
  console.log(`init  first createGenerator() in Chromium (import included) ${result.first.toFixed(2)} ms`);
  console.log(`speed generate() 13 drivers in Chromium, median       ${result.median.toFixed(1)} µs (median of 60 batches of 100 calls)`);
  await browser.close();
  server.close();
}
