import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

let dir: string;
let store: Store;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stored chart images', () => {
  const png = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, n]);
  const set = (n: number) => [
    { filename: 'a.png', title: `A ${n}`, alt: 'first', png: png(n) },
    { filename: 'b.png', title: `B ${n}`, alt: 'second', png: png(n + 1) },
  ];

  it('read back in order, byte for byte; an unknown key is absent', () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-engine-'));
    store = openStore(join(dir, 'bot.sqlite'));
    store.chartImages.save('k1|summary', set(1));
    expect(store.chartImages.load('k1|summary')).toEqual(set(1));
    expect(store.chartImages.load('k2|summary')).toBeNull();
    store.chartImages.save('k1|summary', set(5).slice(0, 1));
    expect(store.chartImages.load('k1|summary')).toEqual(set(5).slice(0, 1));
  });

  it('keep only the most recently used sets', () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-engine-'));
    store = openStore(join(dir, 'bot.sqlite'));
    for (let i = 0; i < 5; i++) store.chartImages.save(`k${i}`, set(i));
    expect(store.chartImages.prune(2)).toBe(6);
    expect(store.chartImages.load('k4')).toEqual(set(4));
    expect(store.chartImages.load('k3')).toEqual(set(3));
    expect(store.chartImages.load('k0')).toBeNull();
  });
});
