// The npm CLI and the native CLI: same output bytes, same exit status, for
// the golden cases, usage errors, --help/--version and the password sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { goldenCases, paramsToArgs, runNative, runNpm } from './helpers.js';

function assertSame(args, options) {
  const native = runNative(args, options);
  const npm = runNpm(args, options);
  assert.equal(npm.stdout, native.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(npm.stderr, native.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(npm.status, native.status, `exit status of ${args.join(' ')}`);
  return npm;
}

for (const c of goldenCases()) {
  test(`same JSON and text as the native CLI: ${c.name}`, () => {
    const json = assertSame(['generate', '--json', ...paramsToArgs(c.params)]);
    assert.equal(json.status, JSON.parse(json.stdout).ok ? 0 : 1);
    assertSame(['generate', ...paramsToArgs(c.params)]);
  });
}

const serverless = ['--deployment', 'serverless', '--user', 'maxroach', '--host',
  'free-tier.gcp-us-central1.cockroachlabs.cloud', '--routing-id', 'funky-skunk-123'];

test('exit 0 for a valid input, 1 for an error diagnostic', () => {
  assert.equal(assertSame(['generate', ...serverless, '--password', 'p']).status, 0);
  const missing = assertSame(['generate', '--json', ...serverless]);  // no password
  assert.equal(missing.status, 1);
  assert.ok(JSON.parse(missing.stdout).diagnostics.some((d) => d.code === 'field-required'));
  assert.equal(assertSame(['generate', ...serverless, '--password', 'p', '--driver', 'nope']).status, 1);
});

test('exit 2 with the same message for usage errors', () => {
  for (const args of [[], ['bogus'], ['generate', '--user'], ['generate', '--frobnicate'],
    ['generate', '--json=1'], ['generate', '--password', 'x', '--password-stdin'], ['parse']]) {
    const r = assertSame(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^crdb-connect: /);
  }
});

test('--help and --version', () => {
  for (const args of [['--help'], ['-h'], ['help'], ['generate', '--help'], ['--version'], ['-V']]) {
    assert.equal(assertSame(args).status, 0, args.join(' '));
  }
  assert.match(runNpm(['--help']).stdout, /^crdb-connect: /);
  assert.match(runNpm(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('--password-stdin strips one line ending; CRDB_PASSWORD is read; --password wins', () => {
  const stdin = assertSame(['generate', '--json', ...serverless, '--password-stdin'], { input: 's3cr:t\r\n\n' });
  assert.match(stdin.stdout, /maxroach:s3cr%3At%0D%0A@/);
  assert.equal(stdin.status, 0);
  const env = assertSame(['generate', '--json', ...serverless], { env: { CRDB_PASSWORD: 'from env' } });
  assert.match(env.stdout, /maxroach:from%20env@/);
  const flag = assertSame(['generate', '--json', ...serverless, '--password=flag'], { env: { CRDB_PASSWORD: 'env' } });
  assert.match(flag.stdout, /maxroach:flag@/);
});

test('parse: same text, JSON and exit status as the native CLI', () => {
  const inputs = [
    'postgresql://maxroach:pw@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123',
    'jdbc:postgresql://localhost:26257/bank?user=root&sslmode=verify-full',
    'host=localhost port=26257 user=root dbname=bank',
    "cockroach sql --url 'postgresql://root@localhost:26257/defaultdb?sslmode=disable'",
    'not a connection string', '',
  ];
  const statuses = new Set();
  for (const text of inputs) {
    for (const json of [[], ['--json']]) statuses.add(assertSame(['parse', ...json, text]).status);
  }
  assertSame(['parse', '--json', '-'], { input: 'postgresql://root@localhost:26257/bank\n' });
  assert.deepEqual([...statuses].sort(), [0, 1]);
});
