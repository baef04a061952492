// crdb-connect for JavaScript: a thin layer over the C++ core compiled to
// WebAssembly. Every call crosses into wasm once and comes back as one buffer,
// decoded here once; JS never sees an Embind handle.
//
// createGenerator() loads only the generate module; the parser and the JSON and
// text formatters are in the larger full module, loaded the first time one of
// them is used (or by createParser()), so a page that only generates never
// downloads them.
import { loadModule } from './loader.js';

// Field names of the core's ConnectionParams, plus the generator's own option.
const STRING_KEYS = Object.freeze([
  'deployment', 'username', 'password', 'host', 'port', 'database',
  'routingId', 'rootCert', 'clientCert', 'clientKey', 'os', 'shell', 'clusterId',
]);
const BOOLEAN_KEYS = Object.freeze(['jdbcPk8Key']);
const OPTION_KEYS = Object.freeze(['drivers']);
const KNOWN_KEYS = new Set([...STRING_KEYS, ...BOOLEAN_KEYS, ...OPTION_KEYS]);
// How messages name each field, made once rather than on every call.
const PARAM_NAMES = Object.freeze(Object.fromEntries(STRING_KEYS.map((key) => [key, `params.${key}`])));

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
// take the core's own defaults) and the checked list of driver ids.
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
    wire[key] = value === undefined ? defaults[key] : checkString(value, PARAM_NAMES[key]);
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
  const drivers = [];
  if (params.drivers !== undefined) {
    if (!Array.isArray(params.drivers)) {
      throw new TypeError(`crdb-connect: params.drivers must be an array of driver ids, got ${describe(params.drivers)}`);
    }
    params.drivers.forEach((value, i) => {
      // The checked copy, not the caller's: a lone surrogate left in would
      // swallow the NUL that ends the id (see toWellFormed above).
      const id = checkString(value, `params.drivers[${i}]`);
      if (id.includes('\0')) throw new TypeError(`crdb-connect: params.drivers[${i}] contains a NUL character`);
      drivers.push(id);
    });
  }
  return [wire, drivers];
}

// Reads generate()'s tape (see wasm/tape.hpp) into the same plain object that
// JSON.parse(to_json(result)) gives: same fields, same order.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

// Node's Buffer makes a one-byte string straight from the bytes, where
// TextDecoder validates them as UTF-8 and V8 then reads them again: a 13-driver
// result's 18 KB decode in 1.2-1.7 us instead of 2.2 (about 0.5 us of a call).
// It is only right when the text is ASCII, which the tape says
// (TapeView.ascii), and only used in Node, whose Buffer is native (a bundler's
// browser Buffer is a JS loop).
const NodeBuffer = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string'
  ? globalThis.Buffer : undefined;

function decodeText(module, start, length, ascii) {
  if (ascii && NodeBuffer) return NodeBuffer.from(module.HEAPU8.buffer, start, length).toString('latin1');
  return decoder.decode(module.HEAPU8.subarray(start, start + length));
}

// A cursor over one tape: `u32[i]` holds counts, flags and string lengths (in
// UTF-16 code units), `text` every string, decoded once and sliced in order.
// A class with plain loops and fixed object shapes: this runs for every string
// of every result, and per-call closures or computed keys cost more than the
// decode itself for a parse()'s small result.
class TapeReader {
  // `constants`: the module's cache of the core's constant texts by address,
  // for tapes that carry Texts (generate()'s).
  constructor(module, viewAddress, constants = undefined) {
    const u32 = module.HEAPU32;  // re-read each call: memory growth replaces the view
    const view = viewAddress >>> 2;
    const charsStart = u32[view + 2];
    this.module = module;
    this.constants = constants;
    this.u32 = u32;
    this.i = u32[view] >>> 2;
    this.text = decodeText(module, charsStart, u32[view + 3], u32[view + 4] === 1);
    this.at = 0;
  }

  int() { return this.u32[this.i++]; }

  flag() { return this.u32[this.i++] === 1; }

  str() {
    const start = this.at;
    this.at += this.u32[this.i++];
    return this.text.slice(start, this.at);
  }

  strs() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) out[k] = this.str();
    return out;
  }

  // A Text (Tape::text_or_constant): one of the core's constants, given by
  // its address in the heap and decoded only the first time (static text never
  // moves or changes; `constants` keeps them for the module), or built text.
  textOrConstant() {
    const address = this.int();
    if (address === BUILT_TEXT) return this.str();
    const length = this.int();
    let text = this.constants.get(address);
    if (text === undefined) {
      text = decoder.decode(this.module.HEAPU8.subarray(address, address + length));
      this.constants.set(address, text);
    }
    return text;
  }

  textsOrConstants() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) out[k] = this.textOrConstant();
    return out;
  }

  namedValues() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) out[k] = { name: this.str(), value: this.str() };
    return out;
  }

  labelledValues() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) out[k] = { label: this.str(), value: this.str() };
    return out;
  }

  setup() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) out[k] = { id: this.str(), title: this.str(), command: this.str(), note: this.str() };
    return out;
  }

  diagnostics() {
    const out = new Array(this.int());
    for (let k = 0; k < out.length; k++) {
      const d = { code: this.str(), field: this.str(), severity: this.str(), message: this.str(), drivers: this.strs() };
      if (this.flag()) { d.offset = this.int(); d.length = this.int(); }
      out[k] = d;
    }
    return out;
  }
}

// An output's driver fields as the tape gives them: the row of the driver
// table (read once from the core, see readDriversTape) whose fields it shows,
// or NO_DRIVER_ROW and the fields themselves (kNoDriverRow in wasm/tape.hpp).
const NO_DRIVER_ROW = 0xFFFFFFFF;
// A note that is not one of the core's constants (kBuiltText in wasm/tape.hpp).
const BUILT_TEXT = 0;

function readDriverFields(r, drivers) {
  const row = r.int();
  if (row !== NO_DRIVER_ROW) return drivers[row];
  return {
    id: r.str(), name: r.str(), language: r.str(), install: r.str(), snippetFile: r.str(),
    snippetLanguage: r.str(), docsUrl: r.str(),
  };
}

// generate()'s tape (see wasm/tape.cpp), as JSON.parse(to_json(result)) gives it.
// `constants` is the module's cache of the core's constant texts by address.
function readGenerateTape(module, viewAddress, drivers, constants) {
  const r = new TapeReader(module, viewAddress, constants);
  const ok = r.flag();
  const diagnostics = r.diagnostics();
  const outputs = new Array(r.int());
  for (let k = 0; k < outputs.length; k++) {
    const d = readDriverFields(r, drivers);
    outputs[k] = {
      driver: d.id, name: d.name, language: d.language, ok: r.flag(), connectionString: r.str(),
      env: r.namedValues(), install: d.install, snippet: r.str(), snippetFile: d.snippetFile,
      snippetLanguage: d.snippetLanguage, docsUrl: d.docsUrl, notes: r.textsOrConstants(), variants: r.labelledValues(),
      setup: r.setup(),
    };
  }
  return { ok, diagnostics, outputs, setup: r.setup() };
}

// The core's default ConnectionParams (Tape::param_fields): the string fields
// in the order the params buffer uses (kParamFields in wasm/wire.hpp), then
// the flag.
function readDefaultsTape(module, viewAddress) {
  const r = new TapeReader(module, viewAddress);
  const defaults = {};
  for (const key of STRING_KEYS) defaults[key] = r.str();
  defaults.jdbcPk8Key = r.flag();
  return defaults;
}

// The driver table's tape (Tape::driver_fields), as JSON.parse(drivers_json()) gives it.
function readDriversTape(module, viewAddress) {
  const r = new TapeReader(module, viewAddress);
  const drivers = new Array(r.int());
  for (let k = 0; k < drivers.length; k++) {
    drivers[k] = {
      id: r.str(), name: r.str(), language: r.str(), install: r.str(), snippetFile: r.str(),
      snippetLanguage: r.str(), docsUrl: r.str(), envVar: r.str(),
    };
  }
  return drivers;
}

// parse()'s tape, as JSON.parse(to_json(result)) gives it.
function readParseTape(module, viewAddress) {
  const r = new TapeReader(module, viewAddress);
  return {
    ok: r.flag(), format: r.str(), wrapper: r.str(), deployment: r.str(), deploymentReason: r.str(),
    params: {
      deployment: r.str(), username: r.str(), password: r.str(), host: r.str(), port: r.str(),
      database: r.str(), routingId: r.str(), rootCert: r.str(), clientCert: r.str(), clientKey: r.str(),
    },
    extraParams: r.namedValues(), extraHosts: r.strs(), settings: r.namedValues(),
    diagnostics: r.diagnostics(),
  };
}

// parse() hands the text over as UTF-8 written straight into the wasm heap
// (see parse_input_buffer in wasm/bindings_full.cpp). Well-formed UTF-16 needs
// at most three UTF-8 bytes per code unit.
const encoder = new TextEncoder();

function parseWithModule(module) {
  let address = 0;
  let capacity = 0;
  return (text) => {
    const checked = checkString(text, 'parse(text): text');
    const needed = checked.length * 3;
    if (needed > capacity) {
      capacity = Math.max(needed, 256);
      address = module.parseInputBuffer(capacity);
    }
    const { written } = encoder.encodeInto(checked, module.HEAPU8.subarray(address, address + capacity));
    return readParseTape(module, module.parseTape(written));
  };
}

// generateJson() and generateText() take the driver ids as one string, each
// id followed by a NUL (see wasm/wire.hpp).
const nulTerminated = (ids) => ids.map((id) => id + '\0').join('');

// generate()'s parameters go into the wasm heap as one buffer (see read_params
// in wasm/wire.hpp): each item's length in UTF-16 code units, then all the
// items' text, encoded with one TextEncoder.encodeInto call.
function paramsWriter(module) {
  let address = 0;
  let capacity = 0;
  return (wire, ids) => {
    const items = STRING_KEYS.length + ids.length;
    let text = '';
    for (const key of STRING_KEYS) text += wire[key];
    for (const id of ids) text += id;
    const textStart = 4 * items;
    const needed = textStart + text.length * 3;  // well-formed UTF-16: at most 3 bytes per code unit
    if (needed > capacity) {
      capacity = Math.max(needed, 1024);
      address = module.paramsBuffer(capacity);
    }
    const u32 = module.HEAPU32;  // read after paramsBuffer: memory growth replaces the view
    let at = address >>> 2;
    for (const key of STRING_KEYS) u32[at++] = wire[key].length;
    for (const id of ids) u32[at++] = id.length;
    const { written } = encoder.encodeInto(text, module.HEAPU8.subarray(address + textStart, address + capacity));
    return module.generateTape(items, written, wire.jdbcPk8Key);
  };
}

const memoryStats = (module) => ({ heapTop: module.heapTop(), memoryBytes: module.HEAPU8.buffer.byteLength });

// What both modules offer: generate() and the driver table.
function makeGenerateApi(module) {
  const defaults = Object.freeze(readDefaultsTape(module, module.defaultParamsTape()));
  const drivers = readDriversTape(module, module.driversTape());
  drivers.forEach(Object.freeze);
  Object.freeze(drivers);
  const toModule = (params) => toWire(params, defaults);
  const generateTape = paramsWriter(module);
  const constants = new Map();
  return {
    toModule,
    api: {
      /** Validates params and renders every requested driver's output. */
      generate(params) {
        const [wire, ids] = toModule(params);
        return readGenerateTape(module, generateTape(wire, ids), drivers, constants);
      },
      drivers,
      version: module.version(),
      /** Wasm memory figures of this module, for leak checks. */
      memoryStats: () => memoryStats(module),
    },
  };
}

let fullGeneratorPromise;

/**
 * Loads the full module once (later calls return the same promise): a
 * generator whose parse(), generateJson() and generateText() are synchronous,
 * for code that calls them many times.
 */
export function createFullGenerator() {
  fullGeneratorPromise ??= loadModule('full').then(makeFullGenerator, retryLater(() => { fullGeneratorPromise = undefined; }));
  return fullGeneratorPromise;
}

// A failed load (offline, a missing file) is not kept: the next call tries again.
function retryLater(forget) {
  return (error) => {
    forget();
    throw error;
  };
}

function makeFullGenerator(module) {
  const { toModule, api } = makeGenerateApi(module);
  return Object.freeze({
    ...api,
    /** The result as the exact JSON text of the native CLI's --json. */
    generateJson(params) {
      const [wire, ids] = toModule(params);
      return module.generateJson(wire, nulTerminated(ids));
    },
    /** The same result as readable text, exactly as the CLI prints it. */
    generateText(params) {
      const [wire, ids] = toModule(params);
      return module.generateText(wire, nulTerminated(ids));
    },
    /** Reads a connection string back into params, with diagnostics. */
    parse: parseWithModule(module),
  });
}

// What createGenerator() gives: generate() from the generate module (40% of
// the full one, and all a page that only generates downloads); parse(),
// generateJson() and generateText() load the full module the first time.
function makeLeanGenerator(module) {
  const { toModule, api } = makeGenerateApi(module);
  // Bad input rejects at once, before anything is downloaded.
  const later = (name, check) => async (arg) => {
    check(arg);
    return (await createFullGenerator())[name](arg);
  };
  return Object.freeze({
    ...api,
    generateJson: later('generateJson', toModule),
    generateText: later('generateText', toModule),
    parse: later('parse', (text) => checkString(text, 'parse(text): text')),
  });
}

let generatorPromise;

/** Loads the generate module once; every later call returns the same promise. */
export function createGenerator() {
  generatorPromise ??= loadModule().then(makeLeanGenerator, retryLater(() => { generatorPromise = undefined; }));
  return generatorPromise;
}
