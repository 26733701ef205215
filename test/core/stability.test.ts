import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { idAt, idColumnOf } from '../../src/core/ids.ts';
import { knownKTable } from '../../src/core/known-k.ts';
import { bestJaccards, stabilityVerdict } from '../../src/core/stability.ts';
import type { Analysis } from '../../src/core/types.ts';
import { HAS_MALL, loadMall, NO_MALL } from '../support/mall.ts';

const blob = (seed: number) =>
  knownKTable({ k: 1, n: 300, separation: 6, shape: 'balanced', dims: 2, seed }).table;
const groups = (k: number) =>
  knownKTable({ k, n: 300, separation: 8, shape: 'balanced', dims: 2, seed: 11 }).table;
const mostFrequent = (a: Analysis) => Object.entries(a.stability.kFrequency).sort((x, y) => y[1] - x[1])[0]!;

describe('bestJaccards', () => {
  it('is 1 for a relabelled copy and lower for a split segment', () => {
    const original = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(bestJaccards(original, 2, Int32Array.from([1, 1, 1, 1, 0, 0, 0, 0]), 2)).toEqual([1, 1]);
    // Segment 0 split 2/2: its best match holds 2 of its 4 and nothing else.
    const split = bestJaccards(original, 2, Int32Array.from([0, 0, 2, 2, 1, 1, 1, 1]), 3);
    expect(split).toEqual([0.5, 1]);
  });

  it('gives NaN for a segment the resample did not draw', () => {
    expect(bestJaccards(Int32Array.from([0, 0]), 2, Int32Array.from([0, 0]), 1)[1]).toBeNaN();
  });
});

describe('stability verdicts follow Hennig', () => {
  it.each([
    [0.85, 'stable'],
    [0.84, 'fair'],
    [0.6, 'fair'],
    [0.59, 'doubtful'],
  ] as const)('%s → %s', (j, verdict) => expect(stabilityVerdict(j)).toBe(verdict));
});

describe('bootstrap stability in the analysis', () => {
  it('well-separated groups: the true k wins every resample and every segment holds', () => {
    const a = analyze(groups(4), { seed: 5 });
    expect(a.k).toBe(4);
    expect(a.stability.resamples).toBe(20);
    expect(a.stability.kFrequency).toEqual({ 4: 20 });
    expect(a.stability.segments.map((s) => s.id)).toEqual([1, 2, 3, 4]);
    for (const s of a.stability.segments) {
      expect(s.jaccard).toBeGreaterThanOrEqual(0.95);
      expect(s.verdict).toBe('stable');
    }
  });

  it('a single Gaussian blob: the k vote wanders and a forced split does not hold', () => {
    const free = analyze(blob(3), { seed: 3 });
    expect(free.k).toBe(1);
    expect(free.stability.segments).toEqual([{ id: 1, jaccard: 1, min: 1, dissolved: 0, verdict: 'stable' }]);
    expect(Object.keys(free.stability.kFrequency).length).toBeGreaterThanOrEqual(3);
    expect(mostFrequent(free)[1]).toBeLessThan(15);
    const forced = analyze(blob(1), { seed: 3, k: 4 });
    for (const s of forced.stability.segments) expect(s.jaccard).toBeLessThan(0.85);
  });

  it('does not depend on the order of the rows', () => {
    const table = groups(3);
    const n = table.length;
    const order = Array.from({ length: n }, (_, i) => (i * 7) % n);
    const pick = <T extends ArrayLike<number>>(col: T) => order.map((i) => col[i]!);
    const shuffled = {
      ...table,
      ids: idColumnOf(order.map((i) => idAt(table.ids, i))),
      gender: Uint8Array.from(pick(table.gender)),
      age: Float64Array.from(pick(table.age)),
      income: Float64Array.from(pick(table.income)),
      spending: Float64Array.from(pick(table.spending)),
      lines: Uint32Array.from(pick(table.lines)),
    };
    const jaccards = (a: Analysis) =>
      a.stability.segments.map((s) => ({ size: a.segments[s.id - 1]!.size, jaccard: s.jaccard }));
    const a = analyze(table, { seed: 4 });
    const b = analyze(shuffled, { seed: 4 });
    expect(b.stability.kFrequency).toEqual(a.stability.kFrequency);
    expect(jaccards(b)).toEqual(jaccards(a));
  });

  it('the same seed gives the same stability; another seed draws other resamples', () => {
    const table = blob(2);
    const a = analyze(table, { seed: 9, k: 3 }).stability;
    expect(analyze(table, { seed: 9, k: 3 }).stability).toEqual(a);
    expect(analyze(table, { seed: 10, k: 3 }).stability).not.toEqual(a);
  });
});

describe('small files', () => {
  it('a resample with too few different customers for the k range abstains instead of failing', () => {
    const tiny = knownKTable({ k: 3, n: 12, separation: 8, shape: 'balanced', dims: 2, seed: 1 }).table;
    const a = analyze(tiny, { kRange: { min: 8, max: 10 } });
    const votes = Object.values(a.stability.kFrequency).reduce((x, y) => x + y, 0);
    expect(votes).toBeLessThan(20);
    expect(a.stability.resamples).toBe(20);
  });
});

describe.skipIf(!HAS_MALL)(`stability on the real Mall file ${HAS_MALL ? '' : NO_MALL}`, () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = analyze(await loadMall());
  });

  it('income × spending, k = 5: every segment holds (Jaccard ≥ 0.9) and k = 5 wins most often', () => {
    expect(analysis.k).toBe(5);
    expect(analysis.stability.segments).toHaveLength(5);
    for (const s of analysis.stability.segments) expect(s.jaccard).toBeGreaterThanOrEqual(0.9);
    expect(mostFrequent(analysis)[0]).toBe('5');
  });
});
