// The hand-written .d.ts cannot drift from the core: its unions are compared
// with the C++ header and the driver table, and tsc checks a typed usage file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createGenerator } from '../../wasm/index.js';
import { ROOT } from './helpers.js';

const dts = readFileSync(path.join(ROOT, 'wasm/index.d.ts'), 'utf8');

function union(name) {
  const match = dts.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(match, `no union ${name} in index.d.ts`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

test('DiagnosticCode is exactly the codes in diagnostic_codes.hpp', () => {
  const header = readFileSync(path.join(ROOT, 'core/include/crdb_connect/diagnostic_codes.hpp'), 'utf8');
  const codes = [...header.matchAll(/^\s*\{"([a-z0-9-]+)",\s*"/gm)].map((m) => m[1]);
  assert.ok(codes.length > 10, `parsed only ${codes.length} codes from the header`);
  assert.deepEqual([...union('DiagnosticCode')].sort(), [...codes].sort());
});

test('DriverId is exactly the ids of the core driver table', async () => {
  const g = await createGenerator();
  assert.deepEqual(union('DriverId'), g.drivers.map((d) => d.id));
});

test('tsc --noEmit accepts the typed usage file', () => {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tests/js/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
