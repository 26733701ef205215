import { describe, expect, it } from 'vitest';
import { estimateBytes } from '../../src/pipeline/bytes.ts';

describe('estimateBytes', () => {
  it('counts typed arrays by their buffers, once however many views share one', () => {
    const buffer = new Float64Array(100_000);
    const alone = estimateBytes({ a: buffer });
    expect(alone).toBeGreaterThanOrEqual(800_000);
    expect(alone).toBeLessThan(801_000);
    // A subarray keeps its whole parent alive, and two views of one buffer hold it once.
    expect(estimateBytes({ a: buffer, b: buffer.subarray(0, 10) })).toBeLessThan(801_000);
    expect(estimateBytes({ b: buffer.subarray(0, 10) })).toBeGreaterThanOrEqual(800_000);
  });

  it('grows with the characters of strings and the length of arrays', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `customer-${String(i).padStart(6, '0')}`);
    const bytes = estimateBytes({ ids });
    // Each id: 15 characters, a string header and an array slot.
    expect(bytes).toBeGreaterThan(10_000 * 15);
    expect(bytes).toBeLessThan(10_000 * 60);
    expect(estimateBytes({ ids: ids.slice(0, 5_000) })).toBeLessThan(bytes * 0.6);
  });

  it('walks nested objects, maps and sets, and counts a shared object once', () => {
    const shared = { labels: new Int32Array(1000) };
    const once = estimateBytes({ shared });
    const twice = estimateBytes({ x: shared, y: shared, m: new Map([['k', shared]]), s: new Set([shared]) });
    expect(once).toBeGreaterThan(4000);
    expect(twice - once).toBeLessThan(500);
  });

  it('survives cycles and values without fields', () => {
    const a: Record<string, unknown> = { n: 1, f: () => 1, u: undefined, z: null };
    a.self = a;
    expect(estimateBytes(a)).toBeGreaterThan(0);
    expect(estimateBytes(42)).toBe(0);
  });
});
