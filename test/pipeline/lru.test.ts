import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/pipeline/lru.ts';

/** Values that weigh what they say, so the test reads in bytes. */
const weighed = (maxBytes: number) => new Lru<number>(maxBytes, (v) => v);

describe('LRU cache bounded in bytes', () => {
  it('drops the least recently used entries until the newest fits, however many entries that is', () => {
    const cache = weighed(100);
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, 10);
    expect(cache.size).toBe(5);
    cache.get('a');
    cache.set('big', 60);
    // 50 + 60 > 100: the oldest untouched one goes ('b'), 'a' was read since, so it stays.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(10);
    expect(cache.bytes).toBe(100);
    cache.set('bigger', 90);
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('bigger')).toBe(90);
    expect(cache.get('big')).toBeUndefined();
  });

  it('keeps many light entries where it keeps few heavy ones', () => {
    const cache = weighed(1000);
    for (let i = 0; i < 500; i += 1) cache.set(`light-${i}`, 2);
    expect(cache.size).toBe(500);
    cache.set('heavy', 999);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(999);
  });

  it('never holds more than its budget: an entry heavier than the whole budget is not kept', () => {
    const cache = weighed(100);
    cache.set('a', 40);
    cache.set('huge', 500);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe(40);
    expect(cache.bytes).toBe(40);
  });

  it('counts a replaced entry once, at its new weight', () => {
    const cache = weighed(100);
    cache.set('a', 40);
    cache.set('a', 10);
    expect(cache.bytes).toBe(10);
    expect(cache.size).toBe(1);
  });

  it('shares one budget between the parts of different kinds, each under its own keys', () => {
    const memory = new Lru<unknown>(100);
    const tables = memory.part<{ rows: number }>('table', (t) => t.rows);
    const charts = memory.part<string>('charts', (png) => png.length);
    tables.set('x', { rows: 70 });
    charts.set('x', 'p'.repeat(20));
    expect(tables.get('x')).toEqual({ rows: 70 });
    expect(charts.get('x')).toBe('p'.repeat(20));
    expect(memory.bytes).toBe(90);
    // A new chart set pushes out the least recently used entry of any kind: the table.
    charts.get('x');
    charts.set('y', 'q'.repeat(30));
    expect(tables.get('x')).toBeUndefined();
    expect(memory.bytes).toBe(50);
  });
});
