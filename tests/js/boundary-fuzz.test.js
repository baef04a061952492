// Fuzzes the npm package's JS boundary: random generate()/generateJson()/
// generateText()/parse() calls with values of every type and strings of any
// content and length. Every call must return a well-formed result or throw a
// TypeError; the module must keep answering a known-good call exactly as
// before; and after a warm-up the wasm heap must not grow.
//
//   CRDB_CONNECT_JS_FUZZ_CALLS=1000000 node --test tests/js/boundary-fuzz.test.js
//   CRDB_CONNECT_JS_FUZZ_SEED=1234        the run's seed (random when unset; printed on failure)
//   CRDB_CONNECT_JS_FUZZ_CALL=567         replay only that call of the seed, printing its input
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createFullGenerator, createGenerator } from '../../wasm/index.js';
import { Rng } from './fuzz/rng.js';
import { LARGEST_GENERATE, LARGEST_PARSE, LARGEST_PARSE_WORDS, randomParams, randomParseInput } from './fuzz/values.js';
import { checkGenerateResult, checkParseResult } from './fuzz/check.js';
import { describeValue, wellFormed } from './fuzz/describe.js';

const CALLS = Number(process.env.CRDB_CONNECT_JS_FUZZ_CALLS ?? 200_000);
const SEED = process.env.CRDB_CONNECT_JS_FUZZ_SEED !== undefined
  ? Number(process.env.CRDB_CONNECT_JS_FUZZ_SEED) >>> 0
  : (Math.random() * 2 ** 32) >>> 0;
const ONLY = process.env.CRDB_CONNECT_JS_FUZZ_CALL;
const PROBE_EVERY = 1000;
// emmalloc keeps freed blocks for reuse, so after a warm-up that has seen
// calls of every size the heap should stand still; a little slack allows for
// fragmentation by a rare large call of a new size.
const HEAP_SLACK = 1 << 20;

// generate() runs in the generate module, as most callers use it; the other
// methods in the full module, whose methods are all synchronous.
const lean = await createGenerator();
const g = await createFullGenerator();
const moduleFor = (op) => (op === 'generate' ? lean : g);
const tableIds = g.drivers.map((d) => d.id);

// What the core must select for a drivers option: holes are skipped (as
// forEach does), lone surrogates reach it as U+FFFD, and none means all.
function expectedSelection(drivers) {
  const given = Array.isArray(drivers) ? drivers.filter((_, i) => i in drivers).map(wellFormed) : [];
  if (given.length === 0) return { expected: tableIds, unknown: [] };
  return {
    expected: tableIds.filter((id) => given.includes(id)),
    unknown: given.filter((id) => !tableIds.includes(id)),
  };
}

function checkThrown(error, expect) {
  if (!(error instanceof TypeError)) throw new Error(`threw ${error?.constructor?.name ?? typeof error}, not a TypeError: ${error?.message ?? error}`);
  if (!error.message.startsWith('crdb-connect: ')) throw new Error(`TypeError without the package's message: ${error.message}`);
  if (expect === 'ok') throw new Error(`well-typed input was refused: ${error.message}`);
}

let typeErrors = 0;

function call(fn, expect) {
  let result;
  try {
    result = fn();
  } catch (error) {
    checkThrown(error, expect);
    typeErrors++;
    return undefined;
  }
  if (expect === 'type-error') throw new Error('input of the wrong type was accepted');
  return result;
}

// One call of the run; its input depends only on (seed, index).
function runCall(seed, index) {
  const rng = new Rng(seed, index);
  const op = rng.next();
  if (op < 0.66) {
    const input = randomParams(rng);
    const use = op < 0.60 ? 'generate' : op < 0.64 ? 'generateJson' : 'generateText';
    return {
      ...input,
      op: use,
      run() {
        const result = call(() => moduleFor(use)[use](input.params), input.expect);
        if (result === undefined) return;
        const { expected, unknown } = expectedSelection(input.params.drivers);
        if (use === 'generateText') {
          if (typeof result !== 'string') throw new Error('generateText did not return a string');
          return;
        }
        const decoded = use === 'generateJson' ? JSON.parse(result) : result;
        checkGenerateResult(decoded, g.drivers, expected, unknown);
        // The tape decoder and the core's JSON writer must agree on every
        // string, including ones built from odd Unicode.
        if (use === 'generateJson') assert.deepStrictEqual(g.generate(input.params), decoded, 'generate() differs from generateJson()');
      },
    };
  }
  const input = randomParseInput(rng);
  return {
    params: input.text,
    expect: input.expect,
    large: input.large,
    op: 'parse',
    run() {
      const result = call(() => g.parse(input.text), input.expect);
      if (result === undefined) return;
      checkParseResult(result, g.drivers, Buffer.byteLength(wellFormed(input.text)));
    },
  };
}

const GOOD = { deployment: 'serverless', username: 'maxroach', password: 'p@ss', host: 'free-tier.gcp-us-central1.cockroachlabs.cloud', routingId: 'funky-skunk-123' };
const GOOD_URL = 'postgresql://maxroach:p%40ss@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123';
const goodGenerate = JSON.stringify(lean.generate(GOOD));
assert.equal(JSON.stringify(g.generate(GOOD)), goodGenerate, 'the two modules generate differently');
const goodParse = JSON.stringify(g.parse(GOOD_URL));

function probe() {
  assert.equal(JSON.stringify(lean.generate(GOOD)), goodGenerate, 'a known-good generate() changed');
  assert.equal(JSON.stringify(g.parse(GOOD_URL)), goodParse, 'a known-good parse() changed');
}

function report(seed, index, c, error) {
  const replay = `CRDB_CONNECT_JS_FUZZ_SEED=${seed} CRDB_CONNECT_JS_FUZZ_CALL=${index} node --test tests/js/boundary-fuzz.test.js`;
  return new Error(`boundary fuzz failed at call ${index} of seed ${seed}\n` +
    `  ${c.op}(${describeValue(c.params)}) expecting ${c.expect}\n  ${error.message}\n  replay: ${replay}`,
  { cause: error });
}

if (ONLY !== undefined) {
  test(`replay call ${ONLY} of seed ${SEED}`, (t) => {
    const c = runCall(SEED, Number(ONLY));
    t.diagnostic(`${c.op}(${describeValue(c.params, 2000)}) expecting ${c.expect}`);
    try { c.run(); probe(); } catch (error) { throw report(SEED, Number(ONLY), c, error); }
  });
} else {
  test(`${CALLS} random calls across the JS boundary (seed ${SEED})`, (t) => {
    const warmUp = Math.min(Math.ceil(CALLS / 10), 20_000);
    // The heap a call needs grows with its size; the largest calls the
    // fuzzer makes come first, so later growth can only be a leak.
    for (const id of tableIds) {
      lean.generate({ ...LARGEST_GENERATE, drivers: [id] });
      g.generateJson({ ...LARGEST_GENERATE, drivers: [id] });
    }
    g.parse(LARGEST_PARSE);
    g.parse(LARGEST_PARSE_WORDS);
    let before;
    let leanBefore;
    let lastTop;
    const growth = [];
    let large = 0;
    const start = performance.now();
    for (let index = 0; index < CALLS; index++) {
      if (index === warmUp) { before = g.memoryStats(); leanBefore = lean.memoryStats(); lastTop = before.heapTop; }
      const c = runCall(SEED, index);
      try {
        c.run();
        if (c.large || index % PROBE_EVERY === 0) probe();
      } catch (error) {
        throw report(SEED, index, c, error);
      }
      if (c.large) large++;
      if (before) {  // which calls moved the heap top, for the failure message
        const top = g.memoryStats().heapTop;
        if (top > lastTop && growth.length < 5) growth.push(`call ${index} (${c.op}, ${c.large ? 'large' : 'small'}): +${top - lastTop}`);
        lastTop = top;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    probe();
    const after = g.memoryStats();
    const leanAfter = lean.memoryStats();
    t.diagnostic(`seed ${SEED}: ${CALLS} calls (${large} large, ${typeErrors} TypeErrors) in ${seconds.toFixed(1)} s, ${Math.round(CALLS / seconds)} calls/s`);
    t.diagnostic(`heap after ${warmUp} warm-up calls: ${JSON.stringify(before)}; at the end: ${JSON.stringify(after)}`);
    assert.ok(after.memoryBytes - before.memoryBytes <= HEAP_SLACK,
      `wasm memory grew from ${before.memoryBytes} to ${after.memoryBytes} bytes (seed ${SEED}); growth at ${growth.join(', ')}`);
    assert.ok(after.heapTop - before.heapTop <= HEAP_SLACK,
      `the heap top moved from ${before.heapTop} to ${after.heapTop} (seed ${SEED}); growth at ${growth.join(', ')}`);
    assert.ok(leanAfter.memoryBytes - leanBefore.memoryBytes <= HEAP_SLACK && leanAfter.heapTop - leanBefore.heapTop <= HEAP_SLACK,
      `the generate module's heap grew from ${JSON.stringify(leanBefore)} to ${JSON.stringify(leanAfter)} (seed ${SEED})`);
  });
}
