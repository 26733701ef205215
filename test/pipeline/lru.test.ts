import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/pipeline/lru.ts';

describe('LRU cache', () => {
  it('drops the least recently used entry', () => {
    const cache = new Lru<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('is bounded in bytes: a heavy entry pushes out older ones, and the newest always stays', () => {
    const cache = new Lru<number>(10, { maxBytes: 100, sizeOf: (v) => v });
    cache.set('a', 40);
    cache.set('b', 40);
    expect(cache.bytes).toBe(80);
    cache.set('c', 50);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(90);
    cache.set('huge', 500);
    expect(cache.size).toBe(1);
    expect(cache.get('huge')).toBe(500);
    cache.set('huge', 10);
    expect(cache.bytes).toBe(10);
  });
});
