// 100,000 generate() calls do not grow the wasm heap: the core frees what it
// allocates and the tape reuses its buffers.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createGenerator } from '../../wasm/index.js';

const g = await createGenerator();

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
    g.parse('postgresql://x@y/z');
  }
  assert.deepEqual(g.memoryStats(), before);
});
