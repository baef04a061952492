// crdb-connect for JavaScript: a thin layer over the C++ core compiled to
// WebAssembly. Every call crosses into wasm once and comes back as one buffer,
// decoded here once; JS never sees an Embind handle.
import { loadModule } from './loader.js';

// Field names of the core's ConnectionParams, plus the generator's own option.
const STRING_KEYS = Object.freeze([
  'deployment', 'username', 'password', 'host', 'port', 'database',
  'routingId', 'rootCert', 'clientCert', 'clientKey', 'os', 'shell', 'clusterId',
]);
const BOOLEAN_KEYS = Object.freeze(['jdbcPk8Key']);
const OPTION_KEYS = Object.freeze(['drivers']);
const KNOWN_KEYS = new Set([...STRING_KEYS, ...BOOLEAN_KEYS, ...OPTION_KEYS]);

// The core reports anything over 64 KiB as input-too-long, with its exact size.
// Far past that, a string is not a connection setting but a mistake, and
// copying it into the wasm heap would only grow memory; stop it here.
export const MAX_INPUT_LENGTH = 1 << 20;

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// Embind's UTF-8 encoder pairs a lone surrogate with whatever code unit
// follows it, corrupting both; TextEncoder and Node's argv turn it into U+FFFD,
// so do the same and both CLIs and the API see the same bytes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const toWellFormed = String.prototype.toWellFormed
  ? (s) => s.toWellFormed()
  : (s) => s.replace(LONE_SURROGATE, '\uFFFD');

function checkString(value, name) {
  if (typeof value !== 'string') throw new TypeError(`crdb-connect: ${name} must be a string, got ${describe(value)}`);
  if (value.length > MAX_INPUT_LENGTH) {
    throw new TypeError(`crdb-connect: ${name} is ${value.length} characters long; the limit is ${MAX_INPUT_LENGTH}`);
  }
  return toWellFormed(value);
}

// Turns the caller's object into the core's ConnectionParams (missing fields
// take the core's own defaults) and the NUL-terminated driver list.
function toWire(params, defaults) {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`crdb-connect: generate(params) needs a params object, got ${describe(params)}`);
  }
  for (const key of Object.keys(params)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new TypeError(`crdb-connect: unknown parameter "${key}"; expected one of ${[...KNOWN_KEYS].join(', ')}`);
    }
  }
  const wire = {};
  let total = 0;
  for (const key of STRING_KEYS) {
    const value = params[key];
    wire[key] = value === undefined ? defaults[key] : checkString(value, `params.${key}`);
    total += wire[key].length;
  }
  for (const key of BOOLEAN_KEYS) {
    const value = params[key];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`crdb-connect: params.${key} must be a boolean, got ${describe(value)}`);
    }
    wire[key] = value === undefined ? defaults[key] : value;
  }
  if (total > MAX_INPUT_LENGTH) {
    throw new TypeError(`crdb-connect: the parameters are ${total} characters long in all; the limit is ${MAX_INPUT_LENGTH}`);
  }
  let drivers = '';
  if (params.drivers !== undefined) {
    if (!Array.isArray(params.drivers)) {
      throw new TypeError(`crdb-connect: params.drivers must be an array of driver ids, got ${describe(params.drivers)}`);
    }
    params.drivers.forEach((id, i) => {
      checkString(id, `params.drivers[${i}]`);
      if (id.includes('\0')) throw new TypeError(`crdb-connect: params.drivers[${i}] contains a NUL character`);
      drivers += id + '\0';
    });
  }
  return [wire, drivers];
}

// Reads generate()'s tape (see wasm/tape.hpp) into the same plain object that
// JSON.parse(to_json(result)) gives: same fields, same order.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function readTape(module, viewAddress) {
  const u32 = module.HEAPU32;  // re-read each call: memory growth replaces the view
  let view = viewAddress >>> 2;
  let i = u32[view] >>> 2;
  const charsStart = u32[view + 2];
  const text = decoder.decode(module.HEAPU8.subarray(charsStart, charsStart + u32[view + 3]));
  let at = 0;
  const str = () => text.slice(at, (at += u32[i++]));
  const strs = () => { const n = u32[i++]; const out = new Array(n); for (let k = 0; k < n; k++) out[k] = str(); return out; };
  const setup = () => {
    const n = u32[i++]; const out = new Array(n);
    for (let k = 0; k < n; k++) out[k] = { id: str(), title: str(), command: str(), note: str() };
    return out;
  };
  const pairs = (a, b) => {
    const n = u32[i++]; const out = new Array(n);
    for (let k = 0; k < n; k++) out[k] = { [a]: str(), [b]: str() };
    return out;
  };
  const ok = u32[i++] === 1;
  const diagnostics = new Array(u32[i++]);
  for (let k = 0; k < diagnostics.length; k++) {
    const d = { code: str(), field: str(), severity: str(), message: str(), drivers: strs() };
    if (u32[i++] === 1) { d.offset = u32[i++]; d.length = u32[i++]; }
    diagnostics[k] = d;
  }
  const outputs = new Array(u32[i++]);
  for (let k = 0; k < outputs.length; k++) {
    outputs[k] = {
      driver: str(), name: str(), language: str(), ok: u32[i++] === 1, connectionString: str(),
      env: pairs('name', 'value'), install: str(), snippet: str(), snippetFile: str(),
      snippetLanguage: str(), docsUrl: str(), notes: strs(), variants: pairs('label', 'value'),
      setup: setup(),
    };
  }
  return { ok, diagnostics, outputs, setup: setup() };
}

function makeGenerator(module) {
  const defaults = Object.freeze(module.defaultParams());
  const drivers = JSON.parse(module.driversJson());
  drivers.forEach(Object.freeze);
  Object.freeze(drivers);
  return Object.freeze({
    /** Validates params and renders every requested driver's output. */
    generate(params) {
      const [wire, ids] = toWire(params, defaults);
      return readTape(module, module.generateTape(wire, ids));
    },
    /** The result as the exact JSON text of the native CLI's --json. */
    generateJson(params) {
      const [wire, ids] = toWire(params, defaults);
      return module.generateJson(wire, ids);
    },
    /** The same result as readable text, exactly as the CLI prints it. */
    generateText(params) {
      const [wire, ids] = toWire(params, defaults);
      return module.generateText(wire, ids);
    },
    /** Reads a connection string back into params, with diagnostics. */
    parse(text) {
      return JSON.parse(module.parseJson(checkString(text, 'parse(text): text')));
    },
    drivers,
    version: module.version(),
    /** Wasm memory figures, for leak checks. */
    memoryStats() {
      return { heapTop: module.heapTop(), memoryBytes: module.HEAPU8.buffer.byteLength };
    },
  });
}

let generatorPromise;

/** Loads the module once; every later call returns the same promise. */
export function createGenerator() {
  generatorPromise ??= loadModule().then(makeGenerator);
  return generatorPromise;
}
