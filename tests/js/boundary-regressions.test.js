// Inputs the boundary fuzzer (boundary-fuzz.test.js) found wrong, kept so
// they stay fixed. Each names the seed and call that found it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createFullGenerator } from '../../wasm/index.js';

const g = await createFullGenerator();

// Seed 1, call 4: a driver id starting with a lone low surrogate. index.js
// replaced lone surrogates in the fields but passed driver ids through as
// given, and Embind's UTF-8 encoder pairs a lone surrogate with the next code
// unit: the id came out as other text, and a high surrogate at the end of an
// id swallowed the NUL separator, merging it with the next id.
test('a lone surrogate in a driver id is U+FFFD and does not swallow the next id', () => {
  for (const [drivers, unknown] of [
    [['psycopg2', '\udd4c3}#'], '\ufffd3}#'],
    [['\ud800', 'pq'], '\ufffd'],
    [['hibernate\udbff', 'jdbc'], 'hibernate\ufffd'],
  ]) {
    const result = g.generate({ deployment: 'self-hosted', username: 'root', host: 'localhost', drivers });
    const known = drivers.filter((id) => g.drivers.some((d) => d.id === id));
    assert.deepEqual(result.outputs.map((o) => o.driver), known);
    const messages = result.diagnostics.filter((d) => d.code === 'driver-unknown').map((d) => d.message);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.ok(messages[0].includes(`"${unknown}"`), messages[0]);
    assert.deepEqual(JSON.parse(g.generateJson({ deployment: 'self-hosted', username: 'root', host: 'localhost', drivers })), result);
  }
});

// Seed 777, call 740694: a pasted URI with 27,000 "&" moved the heap top by
// 8 MB after the warm-up. Not a leak: the parser reported each empty
// parameter (~56 MB for a 64 KiB flood). It now lists 20 of one kind and says
// more follow, so the flood is cheap; repeating it must still take nothing more.
test('a flood of empty query parameters needs its heap once, not on every call', () => {
  const flood = `postgres://root@lo&st:26257/movr?sslmode=disable&x=${'&'.repeat(27000)}`;
  const first = g.parse(flood);
  assert.ok(first.diagnostics.length < 30, `${first.diagnostics.length} diagnostics`);
  const before = g.memoryStats();
  for (let i = 0; i < 3; i++) assert.deepEqual(g.parse(flood), first);
  assert.deepEqual(g.memoryStats(), before);
});
