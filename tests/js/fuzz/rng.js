// A small seeded PRNG (sfc32) for the boundary fuzzer. Each call gets its own
// generator derived from (run seed, call index), so one failing call can be
// replayed on its own without re-running the calls before it.

function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

// splitmix32: spreads (seed, index) over sfc32's four words, so neighbouring
// indices give unrelated streams.
function splitmix32(state) {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  constructor(seed, index = 0) {
    const mix = splitmix32((seed ^ Math.imul(index + 1, 0x27d4eb2d)) | 0);
    this.next = sfc32(mix(), mix(), mix(), mix());
    for (let i = 0; i < 8; i++) this.next();  // sfc32's first outputs are weakly mixed
  }

  /** Integer in [0, n). */
  int(n) { return Math.floor(this.next() * n); }

  /** Integer in [lo, hi]. */
  range(lo, hi) { return lo + this.int(hi - lo + 1); }

  /** true with probability p. */
  chance(p) { return this.next() < p; }

  pick(items) { return items[this.int(items.length)]; }
}
