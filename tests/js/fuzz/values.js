// Random inputs for the boundary fuzzer: strings of any UTF-16 content and
// length, values of every JS type, params objects and driver lists. Each
// generator also says what the API must do with its value ("ok": a result;
// "type-error": a TypeError), so the fuzzer checks more than "did not crash".

export const STRING_KEYS = [
  'deployment', 'username', 'password', 'host', 'port', 'database',
  'routingId', 'rootCert', 'clientCert', 'clientKey', 'os', 'shell', 'clusterId',
];

// One call in two thousand carries strings of 4,000 to 70,000 code units; the
// rest stay short so a million calls run in minutes.
const LARGE_SHARE = 0.0005;

// Pieces that steer the core past its first checks, so random calls reach
// the renderers and the parser's deeper states, not only "invalid".
const PLAUSIBLE = {
  deployment: ['serverless', 'dedicated', 'self-hosted', 'Serverless', 'cloud', ''],
  username: ['maxroach', 'root', 'jürgen', 'a b', 'user@x', 'ROOT'],
  password: ['p@ss', "it's", 'a"b\\c', '${HOME}', '#{exit 7}', '"; process.exit(7); "', ''],
  host: ['localhost', 'free-tier.gcp-us-central1.cockroachlabs.cloud', '[2001:db8::1]', '::1', '10.0.0.1',
    'postgresql://x@y/z', 'host:26257', 'h/path', 'u@h', 'internal-c.aws-eu-west-1.cockroachlabs.cloud'],
  port: ['26257', '5432', '0', '65536', 'abc', '-1', ''],
  database: ['defaultdb', 'my.db', 'a b', 'movr', ''],
  routingId: ['funky-skunk-123', 'x', 'bad id', ''],
  rootCert: ['~/.postgresql/root.crt', 'certs/ca.crt', '/etc/ca.crt', 'C:\\certs\\ca.crt', ''],
  clientCert: ['certs/client.root.crt', '~/c.crt', ''],
  clientKey: ['certs/client.root.key', '/k.key', ''],
  os: ['linux', 'macos', 'windows', 'beos', ''],
  shell: ['bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'tcsh', ''],
  clusterId: ['7c2d1f8e-0b1a-4c3d-9e8f-123456789abc', 'nope', ''],
};

const PARSE_SEEDS = [
  'postgresql://maxroach:p%40ss@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123',
  'postgres://root@localhost:26257/movr?sslmode=disable',
  'postgresql://u:p@[2001:db8::1]:26257,h2:26258/db?sslrootcert=certs/ca.crt&application_name=x',
  'jdbc:postgresql://localhost:26257/defaultdb?user=root&password=a+b&sslmode=require',
  "host=localhost port=26257 user=root dbname='my db' password='it\\'s' sslmode=verify-full",
  "cockroach sql --url 'postgresql://root@localhost:26257/defaultdb?sslmode=disable'",
  'psql "postgresql://u@h/db"',
  'DATABASE_URL="postgresql://u:p@h:26257/db?options=--cluster=x"',
  'postgresql://',
  '"postgresql://u@h"',
];

const DRIVER_IDS = [
  'node-postgres', 'sequelize', 'typeorm', 'psycopg2', 'sqlalchemy', 'django',
  'pgx', 'pq', 'gorm', 'jdbc', 'hibernate', 'ruby-pg', 'activerecord',
];
const NEAR_DRIVER_IDS = ['PQ', 'pg', 'node-postgres ', 'postgres', '', 'jdbc\u0000', 'ruby_pg', 'hibernate\uD800'];

// Code units worth hitting: controls, NUL, quotes and escapes of every
// snippet language, separators, BOM, noncharacters and both surrogate halves.
const SPECIAL_UNITS = [
  0x00, 0x01, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad,
  0x22, 0x27, 0x60, 0x5c, 0x24, 0x7b, 0x7d, 0x23, 0x25, 0x40, 0x3a, 0x2f, 0x3f, 0x26, 0x3d, 0x2b, 0x20,
  0x5b, 0x5d, 0x3c, 0x3e, 0x2a, 0x3b,
  0x2028, 0x2029, 0x200b, 0x202e, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x0301,
  0xd800, 0xdbff, 0xdc00, 0xdfff,
];

function randomUnit(rng) {
  const r = rng.next();
  if (r < 0.55) return rng.range(0x20, 0x7e);                         // printable ASCII
  if (r < 0.70) return rng.pick(SPECIAL_UNITS);
  if (r < 0.78) return rng.range(0x00, 0x1f);                         // controls
  if (r < 0.88) return rng.range(0xa0, 0xd7ff);                       // BMP below surrogates
  if (r < 0.95) return rng.range(0xd800, 0xdfff);                     // lone (or accidentally paired) surrogates
  return rng.range(0xe000, 0xffff);
}

const chunk = new Uint16Array(8192);

// Random code units; astral characters come as proper pairs often enough
// that well-formed 4-byte UTF-8 is exercised too.
function randomUnits(rng, length) {
  let out = '';
  for (let done = 0; done < length;) {
    const n = Math.min(chunk.length, length - done);
    let k = 0;
    while (k < n) {
      if (k + 1 < n && rng.chance(0.04)) {
        const cp = rng.range(0x10000, 0x10ffff) - 0x10000;
        chunk[k++] = 0xd800 + (cp >> 10);
        chunk[k++] = 0xdc00 + (cp & 0x3ff);
      } else {
        chunk[k++] = randomUnit(rng);
      }
    }
    out += String.fromCharCode.apply(null, chunk.subarray(0, n));
    done += n;
  }
  return out;
}

/** A length for a string: mostly short, sometimes up to a few KiB, rarely up to 70,000. */
export function randomLength(rng, large) {
  if (large) return rng.chance(0.3) ? rng.pick([4096, 4097, 65536, 65537, 70000]) : rng.range(4000, 70000);
  return rng.chance(0.9) ? rng.range(0, 24) : rng.range(25, 600);
}

/** A string of `length` code units: random, a repeated piece, or a plausible value with noise. */
export function randomString(rng, length, plausible = []) {
  const r = rng.next();
  if (plausible.length && r < 0.35) {
    const base = rng.pick(plausible);
    if (length <= base.length || rng.chance(0.5)) return base;
    const at = rng.int(base.length + 1);
    return base.slice(0, at) + randomUnits(rng, length - base.length) + base.slice(at);
  }
  if (r < 0.45 && length > 16) {  // long runs of one piece: cheap to make, hard on quoting
    const piece = randomUnits(rng, rng.range(1, 8));
    return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
  }
  return randomUnits(rng, length);
}

class Odd { constructor() { this.host = 'x'; } }

/** A value of any type but string, and a word for it. */
export function wrongValue(rng, depth = 0) {
  switch (rng.int(depth > 2 ? 13 : 16)) {
    case 0: return rng.pick([0, -1, 26257, 1.5, NaN, Infinity, -0, Number.MAX_SAFE_INTEGER]);
    case 1: return rng.chance(0.5);
    case 2: return null;
    case 3: return undefined;
    case 4: return Symbol(rng.pick(['', 'host', 'x']));
    case 5: return BigInt(rng.range(-5, 5)) ** 40n;
    case 6: return rng.pick([() => 'localhost', function host() { return 'x'; }, class {}, Math.max]);
    case 7: return new String(rng.pick(['localhost', '']));  // a boxed string is an object
    case 8: return new Date(0);
    case 9: return /x/g;
    case 10: return new Map([['host', 'x']]);
    case 11: return new Uint8Array(rng.int(8));
    case 12: return new Odd();
    case 13: return Array.from({ length: rng.int(4) }, () => anyValue(rng, depth + 1));
    case 14: return { toString: () => 'localhost', valueOf: () => 1, [Symbol.toPrimitive]: () => 'x' };
    default: {
      const o = {};
      for (let i = rng.int(4); i > 0; i--) o[randomKey(rng)] = anyValue(rng, depth + 1);
      return o;
    }
  }
}

function anyValue(rng, depth) {
  return rng.chance(0.3) ? randomString(rng, rng.range(0, 12)) : wrongValue(rng, depth);
}

// Keys that are not params: typos, other casings, prototype names, random text.
function randomKey(rng) {
  return rng.pick([
    () => rng.pick(['user', 'Host', 'routing_id', 'sslmode', 'driver', 'toString', 'constructor', '__proto__x', '', '0']),
    () => randomUnits(rng, rng.range(0, 10)),
    () => rng.pick(STRING_KEYS) + rng.pick([' ', 's', '\0', '\uD800']),
  ])();
}

/** A driver id list, with what it should do: [value, expect]. Large calls get one driver. */
function randomDrivers(rng, large) {
  const r = rng.next();
  if (large || r < 0.70) return [[rng.pick(DRIVER_IDS)], 'ok'];               // the cheap common case
  if (r < 0.78) return [Array.from({ length: rng.range(2, 4) }, () => rng.pick(DRIVER_IDS)), 'ok'];
  if (r < 0.80) return [[], 'ok'];  // all 13: costly, so rare
  if (r < 0.84) {
    const ids = Array.from({ length: rng.range(1, 4) }, () => {
      const u = rng.next();
      if (u < 0.4) return rng.pick(DRIVER_IDS);
      if (u < 0.7) return rng.pick(NEAR_DRIVER_IDS).replace('\0', '');
      return randomString(rng, rng.range(0, 20)).replace(/\0/g, '');
    });
    return [ids, 'ok'];
  }
  if (r < 0.87) {  // holes are skipped, like forEach does
    const ids = [rng.pick(DRIVER_IDS)];
    ids[rng.range(2, 4)] = rng.pick(DRIVER_IDS);
    return [ids, 'ok'];
  }
  if (r < 0.92) {  // an array holding a non-string, or an id with a NUL
    const ids = [rng.pick(DRIVER_IDS)];
    ids.splice(rng.int(2), 0, rng.chance(0.2) ? `p${'\0'}q` : wrongValue(rng));
    return [ids, 'type-error'];
  }
  // not an array at all (a string, a Set, an array-like object, ...)
  const value = rng.pick([
    () => rng.pick(DRIVER_IDS),
    () => new Set([rng.pick(DRIVER_IDS)]),
    () => ({ 0: 'pq', length: 1 }),
    () => wrongValue(rng),
  ])();
  if (value === undefined) return [value, 'ok'];
  return [value, Array.isArray(value) ? 'either' : 'type-error'];
}

// Params objects come in several shapes; every shape must be read the same way.
function makeContainer(rng) {
  const r = rng.next();
  if (r < 0.90) return {};
  if (r < 0.94) return Object.create(null);
  if (r < 0.97) return new Odd();  // own "host" string: a known key, fine
  return Object.create({ inherited: 5 });  // inherited unknown keys are not own keys
}

/**
 * generate()'s argument: { params, expect, large }. Most calls are well typed
 * and pick one driver; some put a wrong type somewhere; a few are large.
 */
export function randomParams(rng) {
  const large = rng.chance(LARGE_SHARE);
  if (rng.chance(0.02)) {  // not an object at all
    const value = rng.chance(0.3) ? randomString(rng, rng.range(0, 30), PARSE_SEEDS) : wrongValue(rng);
    const isParamsObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return { params: value, expect: isParamsObject ? 'either' : 'type-error', large };
  }
  const params = makeContainer(rng);
  let expect = 'ok';
  const fieldCount = rng.chance(0.1) ? STRING_KEYS.length : rng.range(0, 6);
  for (let i = 0; i < fieldCount; i++) {
    const key = rng.pick(STRING_KEYS);
    params[key] = randomString(rng, randomLength(rng, false), PLAUSIBLE[key]);
  }
  // One big field per large call: the heap a call needs then stays below
  // what the fuzzer's warm-up reaches (see LARGEST_GENERATE).
  if (large) params[rng.pick(STRING_KEYS)] = randomString(rng, randomLength(rng, true));
  if (rng.chance(0.1)) params.jdbcPk8Key = rng.chance(0.5);
  // Without a drivers option all 13 render, which costs 5 to 10 times one
  // driver; large inputs always name one driver to keep each call in the
  // tens of milliseconds.
  if (large || rng.chance(0.97)) {
    const [drivers, driversExpect] = randomDrivers(rng, large);
    params.drivers = drivers;
    expect = driversExpect;
  }
  const r = rng.next();
  if (r < 0.06) {  // a wrong type in a string field
    const value = wrongValue(rng);
    params[rng.pick(STRING_KEYS)] = value;
    if (value !== undefined) expect = 'type-error';
  } else if (r < 0.08) {
    const value = rng.chance(0.5) ? wrongValue(rng) : randomString(rng, 3);
    params.jdbcPk8Key = value;
    if (value !== undefined && typeof value !== 'boolean') expect = 'type-error';
  } else if (r < 0.10) {  // an unknown own key, whatever its value
    const key = randomKey(rng);
    if (!STRING_KEYS.includes(key) && key !== 'jdbcPk8Key' && key !== 'drivers' && key !== '__proto__') {
      params[key] = anyValue(rng, 1);
      expect = 'type-error';
    }
  } else if (r < 0.11) {  // symbol keys and non-enumerable keys are not params
    params[Symbol('host')] = 1;
    Object.defineProperty(params, 'hidden', { value: 1, enumerable: false });
  } else if (r < 0.12) {
    Object.freeze(params);
  }
  return { params, expect, large };
}

/** parse()'s argument: { text, expect, large }. */
export function randomParseInput(rng) {
  const large = rng.chance(LARGE_SHARE);
  const r = rng.next();
  if (r < 0.08) return { text: wrongValue(rng), expect: 'type-error', large: false };
  if (r < 0.55) {  // a real connection string, then damaged
    let text = rng.pick(PARSE_SEEDS);
    for (let edits = rng.int(4); edits > 0; edits--) {
      const at = rng.int(text.length + 1);
      const u = rng.next();
      if (u < 0.4) text = text.slice(0, at) + randomUnits(rng, rng.range(1, 4)) + text.slice(at);
      else if (u < 0.7) text = text.slice(0, at) + text.slice(at + rng.range(1, 6));
      else if (u < 0.85) text = text.slice(0, at) + rng.pick(['%', '%zz', '=', '&', '@', ':', "'", '"', '?', '[', ']', ' ', '+', '\\']) + text.slice(at);
      else text = text.slice(0, at) + text.slice(rng.int(text.length));
    }
    if (large) text += '&x=' + randomString(rng, randomLength(rng, true));
    return { text, expect: 'ok', large };
  }
  return { text: randomString(rng, randomLength(rng, large), PARSE_SEEDS), expect: 'ok', large };
}

export { DRIVER_IDS };

/**
 * The most heap any generated call is known to need, measured. generate():
 * one 70,000-unit field of 3-byte UTF-8 characters (database is the heaviest
 * field) for one driver, ~29 MB; the fuzzer's warm-up makes it for every
 * driver. parse(): a URI whose query is "&=+" repeated up to the 64 KiB limit
 * (it once got a diagnostic per empty parameter and needed ~56 MB; now 20 of
 * a kind are listed); the fuzzer's random strings reach such floods. A pasted
 * psql command line of ~16,300 four-byte options that set a keyword
 * (" -p1") needs more still, ~3.9 MB, a little more than ~21,800 options psql
 * does not know (" -x", kept as extra parameters) or any cockroach sql line
 * measured. (Seeds 2691642736, call 532413, and 2361346328, call 992381, grew
 * the heap after warm-ups of fewer, longer words.) The warm-up parses one near
 * the limit too.
 */
export const LARGEST_GENERATE = Object.freeze({ database: '\u0800'.repeat(70000) });
export const LARGEST_PARSE = `postgres://root@h:26257/movr?sslmode=disable&x=${'&=+'.repeat(21800)}`;
export const LARGEST_PARSE_WORDS = `psql "postgresql://u@h"${' -p1'.repeat(16300)}`;
