/** Hopkins' statistic where the answer follows from its definition, H = ΣU / (ΣU + ΣW). */
import { describe, expect, it } from 'vitest';
import { hopkins } from '../../src/core/hopkins.ts';
import type { Points } from '../../src/core/points.ts';

const points = (rows: number[][]): Points => ({
  n: rows.length,
  d: rows[0]!.length,
  data: Float64Array.from(rows.flat()),
});

describe('hopkins', () => {
  it('is exactly 1 when every customer has a twin: each sampled row finds one at distance 0 (W = 0)', () => {
    const twins = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [
      [i * 10, i % 3],
      [i * 10, i % 3],
    ]);
    expect(hopkins(points(twins), { seed: 1 })).toBe(1);
  });

  it('is 0.5 when every customer is the same point: the box has no size, so U = W = 0', () => {
    const same = Array.from({ length: 30 }, () => [5, 5]);
    expect(hopkins(points(same), { seed: 1 })).toBe(0.5);
  });

  it('is the same for the same seed, and near 1 for two tight far-apart groups', () => {
    const groups = Array.from({ length: 40 }, (_, i) => [
      i < 20 ? 0 + (i % 5) * 0.01 : 100 + (i % 5) * 0.01,
      (i % 4) * 0.01,
    ]);
    const h = hopkins(points(groups), { seed: 3 });
    expect(hopkins(points(groups), { seed: 3 })).toBe(h);
    expect(h).toBeGreaterThan(0.9);
  });
});
