// Prints a fuzz input so a failure report shows exactly what was passed:
// every JS type, strings escaped (lone surrogates included) and shortened.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What the package hands the core for a string: lone surrogates as U+FFFD. */
export function wellFormed(s) { return s.replace(LONE_SURROGATE, '\uFFFD'); }

export function describeValue(value, maxString = 120, depth = 0) {
  switch (typeof value) {
    case 'string': {
      const shown = JSON.stringify(value.length > maxString ? value.slice(0, maxString) : value);
      return value.length > maxString ? `${shown}...(${value.length} units)` : shown;
    }
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    case 'function': return `[function ${value.name}]`;
    case 'undefined': return 'undefined';
    case 'object': {
      if (value === null) return 'null';
      if (depth > 3) return '{...}';
      const inner = (v) => describeValue(v, maxString, depth + 1);
      if (Array.isArray(value)) {
        return `[${Array.from({ length: value.length }, (_, i) => (i in value ? inner(value[i]) : '<hole>')).join(', ')}]`;
      }
      const proto = Object.getPrototypeOf(value);
      const kind = proto === null ? 'null-prototype ' : proto === Object.prototype ? '' : `${proto.constructor?.name ?? '?'} `;
      const frozen = Object.isFrozen(value) && Object.keys(value).length ? 'frozen ' : '';
      const entries = Reflect.ownKeys(value).map((k) => {
        const d = Object.getOwnPropertyDescriptor(value, k);
        const key = typeof k === 'symbol' ? `[${k.toString()}]` : JSON.stringify(k);
        return `${d.enumerable ? '' : '(hidden) '}${key}: ${'value' in d ? inner(d.value) : '<getter>'}`;
      });
      return `${frozen}${kind}{${entries.join(', ')}}`;
    }
    default: return String(value);
  }
}
