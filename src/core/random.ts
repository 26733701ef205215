/**
 * Seeded randomness for the core. Nothing in core/ may call Math.random: every
 * random choice flows from the analysis seed so the same file and seed give
 * the same segments, byte for byte.
 */

/** mulberry32: small, fast, and good enough for sampling and k-means++ seeds. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A child seed for a named step, so adding a step never shifts another's stream. */
export function deriveSeed(seed: number, ...path: Array<string | number>): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of path) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  }
  return h;
}

/** Standard normal draw (Box–Muller) from a uniform source. */
export function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * `size` distinct indices from 0..n-1, sorted ascending (so a sample keeps file
 * order). Floyd's algorithm: O(size) memory whatever n is.
 */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  const chosen = new Set<number>();
  for (let j = n - size; j < n; j++) {
    const t = Math.floor(rng() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
