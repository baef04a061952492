// npm run bench:parse: parsing 20,000 varied connection strings through the
// npm package's parse() against node-postgres' pg-connection-string, measured
// side by side in one process (alternating rounds, so machine load hits both).
// A benchmark for the README, never a timed test.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pgConnectionString from 'pg-connection-string';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('bash', [path.join(ROOT, 'wasm/build.sh')], { stdio: 'inherit' });
// The full module's parse() is synchronous; createGenerator()'s would time a promise per string.
const { createFullGenerator } = await import(path.join(ROOT, 'wasm/index.js'));
const g = await createFullGenerator();

// The corpus: every golden output's URL-shaped strings (the 13 drivers' forms,
// hostile values included) and the URI inputs of the peers' conformance
// vectors, varied by user, password, host and database until there are 20,000.
function seedStrings() {
  const seeds = [];
  const golden = path.join(ROOT, 'tests/golden');
  for (const dir of readdirSync(golden)) {
    for (const file of readdirSync(path.join(golden, dir))) {
      const { output } = JSON.parse(readFileSync(path.join(golden, dir, file), 'utf8'));
      // pg-connection-string opens sslrootcert/sslcert/sslkey files while parsing, so
      // strings naming certificate files are left out: they would time file reads.
      const url = output.connectionString;
      if (url.startsWith('postgresql://') && !/ssl(root)?(cert|key)=/.test(url)) seeds.push(url);
    }
  }
  const conformance = path.join(ROOT, '../shared/conformance/libpq-uri.jsonl');
  for (const line of readFileSync(conformance, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { input, error } = JSON.parse(line);
    if (!error && /^postgres(ql)?:\/\/[^\s]*$/.test(input) && !/ssl(root)?(cert|key)=/.test(input)) seeds.push(input);
  }
  return seeds;
}

function corpus(size) {
  const seeds = seedStrings();
  const out = [];
  for (let i = 0; out.length < size; i++) {
    const seed = seeds[i % seeds.length];
    out.push(i < seeds.length ? seed : seed.replace(/\/\/([^:@/]*)/, `//user${i}`).replace(/:26257\//, `:${26000 + (i % 999)}/`));
  }
  return out;
}

// Both must accept every string, or the comparison would time error paths.
const accepted = (s) => {
  try { pgConnectionString.parse(s); return true; } catch { return false; }
};
const all = corpus(20000);
const strings = all.filter(accepted);
const refused = all.length - strings.length;

function round(fn) {
  const t0 = performance.now();
  for (const s of strings) fn(s);
  return ((performance.now() - t0) * 1000) / strings.length;
}
const ours = [];
const theirs = [];
for (let i = 0; i < 3; i++) { round(g.parse); round(pgConnectionString.parse); }  // warm-up
for (let i = 0; i < 9; i++) {
  ours.push(round(g.parse));
  theirs.push(round(pgConnectionString.parse));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const a = median(ours);
const b = median(theirs);
console.log(`corpus  ${strings.length} strings (${refused} refused by pg-connection-string)`);
console.log(`parse   crdb-connect (wasm)      ${a.toFixed(2)} µs per string (median of 9 rounds)`);
console.log(`parse   pg-connection-string     ${b.toFixed(2)} µs per string`);
console.log(`ratio   crdb-connect / pg-connection-string = ${(a / b).toFixed(2)} (below 1 is faster)`);
