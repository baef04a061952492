// The form's state in the URL hash, so a link reproduces it. The password is
// deliberately absent: a link ends up in histories, chats and server logs.
import { FIELD_NAMES } from './fields.js';

const HASH_FIELDS = FIELD_NAMES.filter((name) => name !== 'password');

// state: { deployment, os, shell ('' = the OS's usual one),
//          values: {field: text}, drivers: [ids] | null (all) }
export function stateToHash(state) {
  const query = new URLSearchParams();
  query.set('deployment', state.deployment);
  if (state.os) query.set('os', state.os);
  if (state.shell) query.set('shell', state.shell);
  for (const name of HASH_FIELDS) {
    const value = state.values[name];
    if (value) query.set(name, value);
  }
  if (state.drivers) query.set('drivers', state.drivers.join(','));
  return '#' + query.toString();
}

export function hashToState(hash) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return null;
  const query = new URLSearchParams(text);
  const values = {};
  for (const name of HASH_FIELDS) {
    if (query.has(name)) values[name] = query.get(name);
  }
  const drivers = query.has('drivers') ? query.get('drivers').split(',').filter(Boolean) : null;
  return { deployment: query.get('deployment') || null, os: query.get('os'), shell: query.get('shell'), values, drivers };
}
