// The npm API gives what the core gives: the golden files the Catch2 tests
// check, and the native CLI's --json, field for field.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createGenerator, createFullGenerator } from '../../wasm/index.js';
import { goldenCases, paramsToArgs, runNative } from './helpers.js';

const g = await createGenerator();
const cases = goldenCases();

test('golden cases exist, one file per driver of the table', () => {
  assert.ok(cases.length >= 6, `found ${cases.length} golden cases`);
  for (const c of cases) {
    assert.deepEqual(c.goldens.map((x) => x.driver).sort(), g.drivers.map((d) => d.id).sort(), c.name);
  }
});

for (const c of cases) {
  test(`generate() matches the golden outputs: ${c.name}`, () => {
    const result = g.generate(c.params);
    for (const golden of c.goldens) {
      const output = result.outputs.find((o) => o.driver === golden.driver);
      assert.ok(output, `no output for ${golden.driver}`);
      assert.deepEqual(output, golden.output, `${c.name}/${golden.driver}`);
      // Same fields in the same order as the core's JSON writer.
      assert.equal(JSON.stringify(output), JSON.stringify(golden.output));
    }
  });

  test(`generate() equals the native CLI's --json: ${c.name}`, async () => {
    const native = runNative(['generate', '--json', ...paramsToArgs(c.params)]);
    assert.equal(native.stderr, '');
    const parsed = JSON.parse(native.stdout);
    assert.deepEqual(g.generate(c.params), parsed);
    assert.equal(await g.generateJson(c.params) + '\n', native.stdout);
    assert.equal(native.status, parsed.ok ? 0 : 1);
  });
}

// Inputs that exercise every kind of string the tape carries: non-ASCII,
// astral characters, controls, invalid driver ids, diagnostics with driver lists.
const edgeCases = {
  empty: {},
  'unknown deployment and drivers': { deployment: 'cloud', drivers: ['pq', 'nope', '', 'PQ'] },
  'astral and control characters': {
    deployment: 'dedicated', username: 'Ünï\u{1F600}', password: 'a\u0001b\u2028"\\\u{10FFFF}', host: '::1',
    database: 'd/b?x', rootCert: '~/x.crt',
  },
  'self-hosted on windows cmd': {
    deployment: 'self-hosted', username: 'root', host: 'localhost', os: 'windows', shell: 'cmd', jdbcPk8Key: true,
    rootCert: 'C:\\certs\\ca.crt', clientCert: 'C:\\certs\\client.root.crt', clientKey: 'C:\\certs\\client.root.key',
  },
  'lone surrogate': { username: 'a\uD800b', password: 'x', host: 'h.cockroachlabs.cloud', routingId: 'a-1' },
};

for (const [name, params] of Object.entries(edgeCases)) {
  test(`generate() equals the native CLI's --json: ${name}`, async () => {
    const native = runNative(['generate', '--json', ...paramsToArgs(params)]);
    assert.deepEqual(g.generate(params), JSON.parse(native.stdout));
    assert.equal(await g.generateJson(params) + '\n', native.stdout);
  });
}

test('drivers selects a subset, in table order, and [] means all', () => {
  const base = cases[0]?.params ?? {};
  assert.deepEqual(g.generate({ ...base, drivers: ['pq', 'jdbc'] }).outputs.map((o) => o.driver), ['pq', 'jdbc']);
  assert.deepEqual(g.generate({ ...base, drivers: ['jdbc', 'pq'] }).outputs.map((o) => o.driver), ['pq', 'jdbc']);
  assert.equal(g.generate({ ...base, drivers: [] }).outputs.length, 13);
  const unknown = g.generate({ ...base, drivers: ['nope'] });
  assert.equal(unknown.ok, false);
  assert.deepEqual(unknown.diagnostics.map((d) => d.code), ['driver-unknown']);
});

test('drivers is the core driver table, frozen', () => {
  assert.equal(g.drivers.length, 13);
  assert.deepEqual(g.drivers.map((d) => d.id), g.generate({}).outputs.map((o) => o.driver));
  assert.ok(Object.isFrozen(g.drivers) && Object.isFrozen(g.drivers[0]));
  for (const d of g.drivers) assert.deepEqual(Object.keys(d), ['id', 'name', 'language', 'install', 'snippetFile', 'snippetLanguage', 'docsUrl', 'envVar']);
  // Every column agrees with what generate() copies from the same table row.
  const serverless = g.generate({ username: 'u', password: 'p', host: 'h', routingId: 'r-1' });
  g.drivers.forEach((d, i) => {
    const o = serverless.outputs[i];
    assert.deepEqual([d.id, d.name, d.language, d.install, d.snippetFile, d.snippetLanguage, d.docsUrl],
      [o.driver, o.name, o.language, o.install, o.snippetFile, o.snippetLanguage, o.docsUrl], d.id);
    assert.equal(d.envVar, o.env[0]?.name ?? '', `${d.id}: envVar is the variable the snippet reads`);
  });
});

test('version is the native CLI version', () => {
  assert.equal(`${g.version}\n`, runNative(['--version']).stdout);
});

test('createGenerator() returns the same promise and generator every time', async () => {
  const again = createGenerator();
  assert.equal(again, createGenerator());
  assert.equal(await again, g);
});

test('generateText() is the native CLI text output', async () => {
  const params = cases[0]?.params ?? {};
  assert.equal(await g.generateText(params), runNative(['generate', ...paramsToArgs(params)]).stdout);
});

test('parse() equals the native CLI parse --json', async () => {
  const parser = await createFullGenerator();
  const texts = ['postgresql://maxroach@localhost:26257/defaultdb', 'host=h port=x', 'jdbc:postgresql://h/db?user=u', '',
    'postgresql://a@h1,h2:26257/d?sslmode=nope&options=--cluster%3Dx-1&foo=bar&foo=baz', 'psql "postgresql://ü:%zz@[::1]/d',
    'DATABASE_URL="postgres://u:p+q@h/db?sslrootcert=C:\\certs\\ca.crt"'];
  for (const text of texts) {
    const native = JSON.parse(runNative(['parse', '--json', text]).stdout);
    assert.deepEqual(parser.parse(text), native, text);
    assert.deepEqual(await g.parse(text), native, text);
  }
  assert.equal((await g.parse('postgresql://root@localhost:26257/bank')).params.username, 'root');
});

test('createFullGenerator() loads the full module once and reuses it', async () => {
  assert.equal(await createFullGenerator(), await createFullGenerator());
  assert.equal(createGenerator(), createGenerator());
});
