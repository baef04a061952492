// What a well-formed generate() or parse() result looks like, checked field
// by field. Each check throws an Error saying which path is wrong; the fuzzer
// adds the seed and the input.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../helpers.js';
import { STRING_KEYS } from './values.js';

// Known codes come from the core's header, so a code the core emits but does
// not declare is caught here.
const header = readFileSync(path.join(ROOT, 'core/include/crdb_connect/diagnostic_codes.hpp'), 'utf8');
function codesOf(arrayName) {
  const body = header.slice(header.indexOf(arrayName)).split('}};')[0];
  return new Set([...body.matchAll(/^\s*\{"([a-z0-9-]+)",\s*"/gm)].map((m) => m[1]));
}
const GENERATE_CODES = codesOf('kGenerateDiagnosticCodes');
const PARSE_CODES = new Set([...GENERATE_CODES, ...codesOf('kParseDiagnosticCodes')]);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const FIELDS = new Set([...STRING_KEYS, 'jdbcPk8Key', 'drivers', '']);
const PARSE_PARAM_KEYS = STRING_KEYS.filter((k) => !['os', 'shell', 'clusterId'].includes(k));

function fail(where, message) { throw new Error(`${where}: ${message}`); }

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function keysAre(value, keys, where) {
  if (!isPlainObject(value)) fail(where, 'is not a plain object');
  const got = Object.keys(value).join();
  if (got !== keys.join()) fail(where, `has keys [${got}], expected [${keys.join()}]`);
}

function str(value, where) { if (typeof value !== 'string') fail(where, `is ${typeof value}, not a string`); }
function bool(value, where) { if (typeof value !== 'boolean') fail(where, `is ${typeof value}, not a boolean`); }
function arr(value, where) { if (!Array.isArray(value)) fail(where, 'is not an array'); }
function strs(value, where) { arr(value, where); value.forEach((v, i) => str(v, `${where}[${i}]`)); }
function pairs(value, a, b, where) {
  arr(value, where);
  value.forEach((p, i) => { keysAre(p, [a, b], `${where}[${i}]`); str(p[a], `${where}[${i}].${a}`); str(p[b], `${where}[${i}].${b}`); });
}
function steps(value, where) {
  arr(value, where);
  value.forEach((s, i) => {
    const w = `${where}[${i}]`;
    keysAre(s, ['id', 'title', 'command', 'note'], w);
    for (const k of ['id', 'title', 'command', 'note']) str(s[k], `${w}.${k}`);
  });
}

function checkDiagnostic(d, where, codes, driverIds, maxOffset) {
  if (!isPlainObject(d)) fail(where, 'is not a plain object');
  const base = ['code', 'field', 'severity', 'message', 'drivers'];
  const keys = Object.keys(d).join();
  if (keys !== base.join() && keys !== [...base, 'offset', 'length'].join()) fail(where, `has keys [${keys}]`);
  if (!codes.has(d.code)) fail(`${where}.code`, `unknown code ${JSON.stringify(d.code)}`);
  if (!FIELDS.has(d.field)) fail(`${where}.field`, `unknown field ${JSON.stringify(d.field)}`);
  if (!SEVERITIES.has(d.severity)) fail(`${where}.severity`, `unknown severity ${JSON.stringify(d.severity)}`);
  str(d.message, `${where}.message`);
  if (d.message.length === 0) fail(`${where}.message`, 'is empty');
  strs(d.drivers, `${where}.drivers`);
  for (const id of d.drivers) if (!driverIds.has(id)) fail(`${where}.drivers`, `unknown driver ${JSON.stringify(id)}`);
  if ('offset' in d) {
    if (maxOffset === undefined) fail(where, 'has an offset outside parse()');
    if (!Number.isInteger(d.offset) || !Number.isInteger(d.length) || d.offset < 0 || d.length < 0 ||
        d.offset + d.length > maxOffset) {
      fail(where, `offset ${d.offset} + length ${d.length} is outside the ${maxOffset}-byte input`);
    }
  }
}

function checkOk(result, where) {
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  if (result.ok === hasError) fail(`${where}.ok`, `is ${result.ok} but ${hasError ? 'an' : 'no'} error diagnostic is present`);
}

const OUTPUT_KEYS = ['driver', 'name', 'language', 'ok', 'connectionString', 'env', 'install', 'snippet',
  'snippetFile', 'snippetLanguage', 'docsUrl', 'notes', 'variants', 'setup'];

/**
 * A generate() result. `table` is g.drivers; `expectedDrivers` the ids the
 * outputs must have (in table order); `unknownIds` the requested ids the core
 * does not know, each of which must have its own driver-unknown diagnostic.
 */
export function checkGenerateResult(result, table, expectedDrivers, unknownIds) {
  keysAre(result, ['ok', 'diagnostics', 'outputs', 'setup'], 'result');
  bool(result.ok, 'result.ok');
  arr(result.diagnostics, 'result.diagnostics');
  const ids = new Set(table.map((d) => d.id));
  result.diagnostics.forEach((d, i) => checkDiagnostic(d, `result.diagnostics[${i}]`, GENERATE_CODES, ids));
  checkOk(result, 'result');

  const unknown = result.diagnostics.filter((d) => d.code === 'driver-unknown');
  if (unknown.length !== unknownIds.length) {
    fail('result.diagnostics', `${unknown.length} driver-unknown diagnostics for ${unknownIds.length} unknown ids`);
  }
  unknownIds.forEach((id, i) => {
    if (!unknown[i].message.includes(`"${id}"`)) fail(`driver-unknown[${i}]`, `does not name ${JSON.stringify(id)}`);
  });

  arr(result.outputs, 'result.outputs');
  // Over the size limits the input is refused: no output and no setup step is rendered.
  const refused = result.diagnostics.some((d) => d.code === 'field-too-long' || d.code === 'input-too-long');
  if (refused && result.ok) fail('result.ok', 'is true although the input was refused');
  if (refused && result.setup.length !== 0) fail('result.setup', 'has steps although the input was refused');
  const want = refused ? [] : expectedDrivers;
  const got = result.outputs.map((o) => o && o.driver).join();
  if (got !== want.join()) fail('result.outputs', `are for [${got}], expected [${want.join()}]`);
  result.outputs.forEach((o, i) => {
    const w = `result.outputs[${i}]`;
    keysAre(o, OUTPUT_KEYS, w);
    const info = table.find((d) => d.id === o.driver);
    if (o.name !== info.name || o.language !== info.language) fail(w, 'name or language differs from the driver table');
    for (const k of ['connectionString', 'install', 'snippet', 'snippetFile', 'snippetLanguage', 'docsUrl']) str(o[k], `${w}.${k}`);
    bool(o.ok, `${w}.ok`);
    const blocked = result.diagnostics.some((d) => d.severity === 'error' && (d.drivers.length === 0 || d.drivers.includes(o.driver)));
    if (o.ok === blocked) fail(`${w}.ok`, `is ${o.ok} but ${blocked ? 'an' : 'no'} error diagnostic applies to ${o.driver}`);
    pairs(o.env, 'name', 'value', `${w}.env`);
    strs(o.notes, `${w}.notes`);
    pairs(o.variants, 'label', 'value', `${w}.variants`);
    steps(o.setup, `${w}.setup`);
  });
  steps(result.setup, 'result.setup');
}

const PARSE_KEYS = ['ok', 'format', 'wrapper', 'deployment', 'deploymentReason', 'params', 'extraParams',
  'extraHosts', 'settings', 'diagnostics'];

/** A parse() result for a text of `byteLength` UTF-8 bytes (offsets count bytes). */
export function checkParseResult(result, table, byteLength) {
  keysAre(result, PARSE_KEYS, 'result');
  bool(result.ok, 'result.ok');
  for (const k of ['format', 'wrapper', 'deployment', 'deploymentReason']) str(result[k], `result.${k}`);
  keysAre(result.params, PARSE_PARAM_KEYS, 'result.params');
  for (const k of PARSE_PARAM_KEYS) str(result.params[k], `result.params.${k}`);
  pairs(result.extraParams, 'name', 'value', 'result.extraParams');
  strs(result.extraHosts, 'result.extraHosts');
  pairs(result.settings, 'name', 'value', 'result.settings');
  arr(result.diagnostics, 'result.diagnostics');
  const ids = new Set(table.map((d) => d.id));
  result.diagnostics.forEach((d, i) => checkDiagnostic(d, `result.diagnostics[${i}]`, PARSE_CODES, ids, byteLength));
  checkOk(result, 'result');
}
