import { describe, expect, it } from 'vitest';
import { knownKGrid, knownKTable } from '../../src/core/known-k.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { sweepK } from '../../src/core/selection.ts';

const recommended = (spec: Parameters<typeof knownKTable>[0]) => {
  const { table, features } = knownKTable(spec);
  const options = resolveOptions({ features, restarts: 4 });
  const raw = pointsFromTable(table, features);
  return sweepK(applyScaler(raw, fitScaler(raw, options.scaling)), options).selection;
};

describe('known-k benchmark files', () => {
  it('are the same for the same seed and differ for another', () => {
    const spec = { k: 4, n: 300, separation: 5, shape: 'imbalanced' as const, dims: 3 as const, seed: 7 };
    expect(knownKTable(spec).table.income).toEqual(knownKTable(spec).table.income);
    expect(knownKTable({ ...spec, seed: 8 }).table.income).not.toEqual(knownKTable(spec).table.income);
  });

  it('hold whole numbers inside the Mall ranges, with the true groups and 5 % noise', () => {
    const { table, truth } = knownKTable({ k: 3, n: 1000, separation: 5, shape: 'noise', dims: 3, seed: 1 });
    expect(table.length).toBe(1000);
    for (const [f, lo, hi] of [
      ['age', 18, 70],
      ['income', 15, 140],
      ['spending', 1, 100],
    ] as const) {
      expect(Math.min(...table[f])).toBe(lo);
      expect(Math.max(...table[f])).toBe(hi);
      expect(table[f].every(Number.isInteger)).toBe(true);
    }
    expect(new Set(truth)).toEqual(new Set([-1, 0, 1, 2]));
    expect(truth.filter((t) => t === -1).length).toBe(50);
  });

  it('imbalanced groups fall from the largest to a seventh of it', () => {
    const { truth } = knownKTable({ k: 3, n: 700, separation: 8, shape: 'imbalanced', dims: 2, seed: 3 });
    const sizes = [0, 1, 2].map((g) => truth.filter((t) => t === g).length);
    expect(sizes[0]! / sizes[2]!).toBeCloseTo(7, 0);
  });

  it('the grid covers k 2..10 in every condition', () => {
    const grid = knownKGrid({ ns: [200] });
    expect(grid).toHaveLength(9 * 3 * 4 * 2);
    expect(new Set(grid.map((s) => s.k))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });
});

describe('the k rule on well-separated files', () => {
  it.each([2, 6, 10])('finds k = %i, ends of the range included', (k) => {
    const sel = recommended({ k, n: 400, separation: 8, shape: 'balanced', dims: 2, seed: 11 + k });
    expect(sel.recommendedK).toBe(k);
    expect(sel.startK).toBe(k);
  });
});
