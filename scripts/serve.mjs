#!/usr/bin/env node
// A small static file server for the built page: 127.0.0.1 only, correct
// MIME types (application/wasm included), gzip like a real host would send,
// directories served as their index.html. Extra --mount PREFIX=DIR options
// serve other folders under a URL prefix, which the tests use to put the page
// under a docs site's sub-path.
//
//   node scripts/serve.mjs [DIR] [--port N] [--mount /docs/=some/dir]...
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.map']);

// mounts: [{ prefix: '/docs/', dir: '/abs/path' }], longest prefix first.
export function startServer({ mounts, port = 0, host = '127.0.0.1' }) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const gzipCache = new Map();

  async function handle(request, response) {
    const url = new URL(request.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, 'Bad request');
    }
    if (pathname.includes('\0')) return send(response, 400, 'Bad request');
    const mount = sorted.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
    if (!mount) return send(response, 404, 'Not found');
    if (`${pathname}/` === mount.prefix) return redirect(response, `${url.pathname}/${url.search}`);

    const file = resolve(mount.dir, `.${sep}${pathname.slice(mount.prefix.length)}`);
    if (file !== mount.dir && !file.startsWith(mount.dir + sep)) return send(response, 403, 'Forbidden');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(response, 404, 'Not found');
    }
    // Relative URLs inside a page only work when its address ends in '/'.
    if (info.isDirectory() && !pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
    const target = info.isDirectory() ? join(file, 'index.html') : file;
    let body;
    try {
      body = await readFile(target);
    } catch {
      return send(response, 404, 'Not found');
    }
    const ext = extname(target).toLowerCase();
    const headers = {
      'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const key = `${target}:${info.mtimeMs}:${body.length}`;
      if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }));
      body = gzipCache.get(key);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    handle(request, response).catch(() => send(response, 500, 'Server error'));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function redirect(response, location) {
  response.writeHead(301, { Location: location });
  response.end();
}

function parseArgs(argv) {
  const options = { dir: null, port: Number(process.env.PORT ?? 0), mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice(7));
    else if (arg === '--mount') options.mounts.push(argv[++i]);
    else if (arg.startsWith('--mount=')) options.mounts.push(arg.slice(8));
    else options.dir = arg;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`--port must be 0 to 65535, not ${options.port}`);
  }
  const mounts = options.mounts.map((spec) => {
    const [prefix, dir] = spec.split('=');
    return { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, dir: resolve(dir) };
  });
  if (options.dir) mounts.push({ prefix: '/', dir: resolve(options.dir) });
  if (mounts.length === 0) mounts.push({ prefix: '/', dir: resolve('dist/web') });
  return { port: options.port, mounts };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { port, mounts } = parseArgs(process.argv.slice(2));
  const { url } = await startServer({ mounts, port });
  for (const m of mounts) console.log(`Serving ${m.dir} at ${new URL(m.prefix.slice(1), url)}`);
  console.log(`crdb-connect is running at ${url}  (Ctrl+C to stop)`);
}
