// 100,000 generate() calls do not grow the wasm heap: the core frees what it
// allocates and the tape reuses its buffers.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createGenerator, createFullGenerator } from '../../wasm/index.js';

const g = await createGenerator();
const parser = await createFullGenerator();

test('100,000 generate() calls leave the wasm heap where it was', () => {
  const inputs = [
    { deployment: 'serverless', username: 'maxroach', password: 'p@ss', host: 'free-tier.gcp-us-central1.cockroachlabs.cloud', routingId: 'funky-skunk-123' },
    { deployment: 'self-hosted', username: 'jürgen', host: '[2001:db8::1]', database: 'my.db', os: 'windows', shell: 'powershell' },
    { deployment: 'nope', username: 'bad user', password: 'a\u0001', drivers: ['pq', 'nope'] },
  ];
  // Warm up: the first calls size the tape's buffers and the allocator's free lists.
  for (let i = 0; i < 300; i++) g.generate(inputs[i % inputs.length]);
  const before = g.memoryStats();
  for (let i = 0; i < 100_000; i++) g.generate(inputs[i % inputs.length]);
  const after = g.memoryStats();
  assert.equal(after.memoryBytes, before.memoryBytes, 'wasm memory grew');
  assert.equal(after.heapTop, before.heapTop, 'sbrk moved: the heap grew');
});

test('heap does not grow across type errors either', () => {
  for (let i = 0; i < 100; i++) g.generate({});
  const before = g.memoryStats();
  for (let i = 0; i < 10_000; i++) {
    try { g.generate({ port: 1 }); } catch { /* expected */ }
  }
  assert.deepEqual(g.memoryStats(), before);
});

test('100,000 parse() calls leave the full module heap where it was', () => {
  const inputs = ['postgresql://x@y/z', 'host=h port=x user=\'a b', 'jdbc:postgresql://[::1]/d?user=u&password=p+q',
    'psql "postgres://u:%zz@h1,h2/d?options=--cluster%3Dx-1&sslmode=nope', '\u0000\uFFFD'];
  for (let i = 0; i < 300; i++) parser.parse(inputs[i % inputs.length]);
  const before = parser.memoryStats();
  for (let i = 0; i < 100_000; i++) {
    parser.parse(inputs[i % inputs.length]);
    try { parser.parse(i); } catch { /* a TypeError, checked in bad-input */ }
  }
  assert.deepEqual(parser.memoryStats(), before);
});

// A call whose result outgrows the call arena (wasm/call_arena.cpp, 256 KiB)
// takes the rest from malloc: the result is still exact, and repeating the
// call needs no more heap.
test('a result larger than the call arena is exact and its heap is reused', () => {
  const long = (c) => c.repeat(4000);
  const params = {
    deployment: 'self-hosted', username: long('u'), host: long('h'), database: long('d'),
    rootCert: `/${long('r')}.crt`, clientCert: `/${long('c')}.crt`, clientKey: `/${long('k')}.key`,
  };
  const expected = JSON.parse(parser.generateJson(params));
  const text = JSON.stringify(expected);
  assert.ok(text.length > 256 * 1024, `the result is only ${text.length} characters`);
  assert.deepEqual(g.generate(params), expected);
  const before = g.memoryStats();
  for (let i = 0; i < 20; i++) assert.deepEqual(g.generate(params), expected);
  assert.deepEqual(g.memoryStats(), before);
});
