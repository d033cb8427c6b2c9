// A small seeded random source, so that a simulated person, a test fixture or a corpus recording can
// be reproduced exactly from its seed.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Normally distributed with the given mean and standard deviation. */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A new independent stream, derived from this one and a label. */
  fork(label: string): Random;
}

export function createRandom(seed: number): Random {
  // mulberry32: 32-bit state, fast, and good enough for simulation noise.
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spareNormal: number | null = null;
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    normal(mean = 0, sd = 1) {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return mean + sd * value;
      }
      // Box–Muller gives two independent normals; keep the second for the next call.
      const u = Math.max(next(), 1e-12);
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return mean + sd * radius * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    fork: (label) => createRandom(hashString(label) ^ Math.floor(next() * 4294967296)),
  };
  return random;
}

export function hashString(text: string): number {
  // FNV-1a, 32 bit.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
