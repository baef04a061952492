// Shared by the JS tests: where things are, the golden cases, and running the
// two CLIs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NATIVE_CLI = path.join(ROOT, 'build/release/core/crdb-connect');
export const NPM_CLI = path.join(ROOT, 'wasm/cli.js');
export const GOLDEN_DIR = path.join(ROOT, 'tests/golden');

// Golden cases as the Catch2 tests wrote them: one folder per case, one file
// per driver, each {params, output}.
export function goldenCases() {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR).sort().map((name) => {
    const dir = path.join(GOLDEN_DIR, name);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const goldens = files.map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      return { driver: f.slice(0, -5), text, ...JSON.parse(text) };
    });
    return { name, params: goldens[0].params, goldens };
  });
}

const FLAGS = {
  deployment: '--deployment', username: '--user', password: '--password', host: '--host', port: '--port',
  database: '--database', routingId: '--routing-id', rootCert: '--root-cert', clientCert: '--client-cert',
  clientKey: '--client-key', os: '--os', shell: '--shell', clusterId: '--cluster-id',
};

// The same params as command-line flags of either CLI.
export function paramsToArgs(params) {
  const args = [];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'jdbcPk8Key') { if (value) args.push('--jdbc-pk8-key'); continue; }
    if (key === 'drivers') { for (const id of value) args.push('--driver', id); continue; }
    if (!(key in FLAGS)) throw new Error(`no CLI flag for ${key}`);
    args.push(`${FLAGS[key]}=${value}`);
  }
  return args;
}

function run(command, args, { input, env } = {}) {
  const result = spawnSync(command, args, {
    input: input ?? '',
    env: cleanEnv({ ...process.env, CRDB_PASSWORD: undefined, ...env }),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// undefined in env removes the variable.
function cleanEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

export function runNative(args, options = {}) {
  return run(NATIVE_CLI, args, options);
}

export function runNpm(args, options = {}) {
  return run(process.execPath, [NPM_CLI, ...args], options);
}

