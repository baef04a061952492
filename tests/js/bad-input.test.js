// Wrong input from JS is a TypeError with a clear message or a diagnostic,
// never an abort, and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createGenerator, createFullGenerator, MAX_INPUT_LENGTH } from '../../wasm/index.js';

const g = await createGenerator();
const good = { deployment: 'self-hosted', username: 'root', host: 'localhost' };

function stillWorks() {
  const result = g.generate(good);
  assert.equal(result.outputs.length, 13);
}

const typeErrors = {
  'undefined params': [undefined, /needs a params object, got a undefined/],
  'null params': [null, /needs a params object, got null/],
  'a string': ['postgresql://x', /needs a params object, got a string/],
  'an array': [[], /needs a params object, got an array/],
  'a number where a string goes': [{ ...good, port: 26257 }, /params\.port must be a string, got a number/],
  'null field': [{ ...good, host: null }, /params\.host must be a string, got null/],
  'an object field': [{ ...good, password: { toString: () => 'x' } }, /params\.password must be a string/],
  'unknown key': [{ ...good, user: 'root' }, /unknown parameter "user"/],
  'drivers not an array': [{ ...good, drivers: 'pq' }, /params\.drivers must be an array/],
  'a number in drivers': [{ ...good, drivers: ['pq', 7] }, /params\.drivers\[1\] must be a string, got a number/],
  'NUL in a driver id': [{ ...good, drivers: ['p\0q'] }, /params\.drivers\[0\] contains a NUL/],
  'boolean given a string': [{ ...good, jdbcPk8Key: 'yes' }, /params\.jdbcPk8Key must be a boolean/],
  'a huge string': [{ ...good, password: 'x'.repeat(MAX_INPUT_LENGTH + 1) }, /params\.password is \d+ characters long/],
  'huge in all': [
    { ...good, password: 'x'.repeat(MAX_INPUT_LENGTH / 2), database: 'y'.repeat(MAX_INPUT_LENGTH / 2 + 1) },
    /the parameters are \d+ characters long in all/,
  ],
};

for (const [name, [params, message]] of Object.entries(typeErrors)) {
  test(`generate() throws a TypeError for ${name}, and keeps working`, () => {
    assert.throws(() => g.generate(params), (error) => error instanceof TypeError && message.test(error.message));
    stillWorks();
  });
}

test('parse() rejects or throws a TypeError for a non-string, and keeps working', async () => {
  const parser = await createFullGenerator();
  for (const value of [undefined, null, 42, {}, ['x']]) {
    await assert.rejects(g.parse(value), TypeError);
    assert.throws(() => parser.parse(value), TypeError);
  }
  assert.equal(parser.parse('postgresql://u@h/d').params.host, 'h');
  stillWorks();
});

test('long strings under the hard limit are the core diagnostics, not errors', () => {
  const long = g.generate({ ...good, database: 'd'.repeat(70 * 1024) });
  const codes = long.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('field-too-long'), codes.join());
  assert.ok(codes.includes('input-too-long'), codes.join());
  stillWorks();
});

test('NUL, control characters and invalid deployments are diagnostics', () => {
  const codes = g.generate({ ...good, deployment: 'cloud', password: 'a\0b', username: 'x\u0007' })
    .diagnostics.map((d) => d.code);
  for (const code of ['deployment-invalid', 'nul-character']) assert.ok(codes.includes(code), codes.join());
  stillWorks();
});

test('a missing field takes the core default; undefined equals absent', () => {
  assert.deepEqual(g.generate({ ...good, port: undefined }), g.generate(good));
  assert.deepEqual(g.generate({}), g.generate({ deployment: 'serverless' }));
});

test('results are plain objects: no Embind handles, nothing to delete()', () => {
  const result = g.generate(good);
  const walk = (value) => {
    if (Array.isArray(value)) { value.forEach(walk); return; }
    if (value && typeof value === 'object') {
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
      assert.equal(typeof value.delete, 'undefined');
      Object.values(value).forEach(walk);
    }
  };
  walk(result);
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
});
