// What users get: npm pack, install the tarball into an empty folder, then
// import it, run `npx crdb-connect`, and load it in Chromium from the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { ROOT, runNative } from './helpers.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'crdb-connect-pack-'));
const app = path.join(work, 'app');
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

test.after(() => rmSync(work, { recursive: true, force: true }));

test('npm pack ships only what users need, and installs offline into an empty folder', () => {
  // --ignore-scripts: the suite has just built dist/; prepack would only rebuild it.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    { cwd: ROOT, env: npmEnv, encoding: 'utf8' }));
  const files = packed[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, ['README.md', 'dist/crdb-connect-full.mjs', 'dist/crdb-connect-full.wasm',
    'dist/crdb-connect-wasm.mjs', 'dist/crdb-connect-wasm.wasm', 'package.json',
    'wasm/cli.js', 'wasm/index.d.ts', 'wasm/index.js', 'wasm/loader.js']);
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // No dependencies: installing the tarball needs no registry.
  execFileSync('npm', ['install', '--offline', '--no-save', '--ignore-scripts', path.join(work, packed[0].filename)],
    { cwd: app, env: npmEnv, stdio: 'pipe' });
  assert.ok(existsSync(path.join(app, 'node_modules/crdb-connect/dist/crdb-connect-wasm.wasm')));
});

test('the installed package works through import', () => {
  writeFileSync(path.join(app, 'use.mjs'), `
    import { createGenerator } from 'crdb-connect';
    const g = await createGenerator();
    const r = g.generate({ deployment: 'self-hosted', username: 'root', host: 'localhost', drivers: ['pgx'] });
    const parsed = await g.parse(r.outputs[0].connectionString);
    console.log(JSON.stringify({ n: g.drivers.length, driver: r.outputs[0].driver, url: r.outputs[0].connectionString, host: parsed.params.host }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.equal(out.n, 13);
  assert.equal(out.driver, 'pgx');
  assert.match(out.url, /^postgresql:\/\/root@localhost:26257\//);
  assert.equal(out.host, 'localhost', 'parse() loads the full module from the installed package');
});

test('the installed package works through npx crdb-connect, like the native CLI', () => {
  const args = ['generate', '--json', '--deployment', 'self-hosted', '--user', 'root', '--host', 'localhost'];
  const r = spawnSync('npx', ['--offline', '--no-install', 'crdb-connect', ...args], { cwd: app, env: npmEnv, encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, runNative(args).stdout);
  assert.equal(r.status, runNative(args).status);
  assert.equal(spawnSync('npx', ['--offline', '--no-install', 'crdb-connect', 'nope'], { cwd: app, env: npmEnv }).status, 2);
});

// A static server over the installed folder: the page imports the package's
// files by relative URL, with no bundler, and the .wasm is found beside them.
function serve(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the installed package works in Chromium from the same files', { skip: !existsSync('/usr/bin/chromium') && 'no /usr/bin/chromium' }, async () => {
  const { chromium } = await import('@playwright/test');
  writeFileSync(path.join(app, 'index.html'), `<!doctype html><meta charset="utf-8"><title>t</title>
    <script type="module">
      import { createGenerator } from './node_modules/crdb-connect/wasm/index.js';
      const t0 = performance.now();
      const g = await createGenerator();
      const r = g.generate({ deployment: 'dedicated', username: 'maxroach', password: 'p', host: 'h.cockroachlabs.cloud' });
      const parsed = await g.parse(r.outputs[0].connectionString);
      window.result = { ms: performance.now() - t0, n: r.outputs.length, ok: r.ok, first: r.outputs[0].connectionString, host: parsed.params.host };
    </script>`);
  const server = await serve(app);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    const result = await (await page.waitForFunction(() => window.result)).jsonValue();
    assert.deepEqual(errors, []);
    assert.equal(result.n, 13);
    assert.match(result.first, /^postgresql:\/\/maxroach:p@h\.cockroachlabs\.cloud:26257\//);
    assert.equal(result.host, 'h.cockroachlabs.cloud', 'parse() loads the full module in the browser');
  } finally {
    await browser.close();
    server.close();
  }
});
