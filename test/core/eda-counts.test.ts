/**
 * The counting EDA gives what the general path (copies and sorts) gives:
 * quartiles, whiskers, min/max, outliers, histograms, gender counts and means
 * to the last bit; std within 1e-12 relative, skewness, kurtosis and Pearson r
 * within 1e-12 (the counting path adds each distinct value's terms once,
 * weighted by its count, so its rounding differs from a sum over the rows; it
 * is the closer of the two to the exact figures).
 */
import { describe, expect, it } from 'vitest';
import { countableSpan, MAX_COUNTED_SPAN } from '../../src/core/counting.ts';
import { computeEda, countingEdaFigures, generalEdaFigures } from '../../src/core/eda.ts';
import type { EdaFigures } from '../../src/core/eda-counts.ts';
import { featureColumn } from '../../src/core/features.ts';
import { histogram, histogramOfCounts } from '../../src/core/histogram.ts';
import { rowNumberIds } from '../../src/core/ids.ts';
import { createRng } from '../../src/core/random.ts';
import type { CustomerTable, SourceInfo } from '../../src/core/types.ts';

const SOURCE: SourceInfo = {
  fileName: 'random.csv',
  columnsFound: [],
  extraColumns: [],
  missing: { age: 2 },
  totalRows: 0,
  skippedRows: 0,
};

interface RandomTable {
  table: CustomerTable;
  source: SourceInfo;
  used: string[];
}

/** Whole-number tables of every awkward shape: tiny, constant, one gender or none, wide, far from 0. */
function randomTable(seed: number): RandomTable {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const n = pick([1, 2, 3, 4, 5, 7, 20, 200, 1000, 5000]);
  const codes = pick([[1, 2], [1], [2], [0], [0, 1, 2, 7], [1, 2, 2, 2, 0]]);
  const column = () => {
    // Wide spans only where they are counted (countableSpan); the widest has its own test.
    const span = pick([0, 1, 5, 60, 140, 1000, ...(n === 5000 ? [20_000] : [])]);
    const low = pick([0, 1, 18, -50, 0, 18, 1e9, -3e6]);
    const skew = rng() < 0.5 ? 1 : 3;
    return Float64Array.from({ length: n }, () => low + Math.floor(span * rng() ** skew + 0.5));
  };
  const withAge = rng() < 0.8;
  const extras = pick([0, 0, 1, 2]);
  const numbers = Array.from({ length: extras }, (_, j) => ({
    header: `Extra ${j}`,
    name: `extra_${j}`,
    values: column(),
  }));
  const table: CustomerTable = {
    length: n,
    ids: rowNumberIds(n),
    gender: Uint8Array.from({ length: n }, () => pick(codes)),
    age: withAge ? column() : new Float64Array(n).fill(Number.NaN),
    income: column(),
    spending: column(),
    lines: new Uint32Array(n),
    numbers,
  };
  const source = { ...SOURCE, ...(withAge ? {} : { absentColumns: ['age' as const] }) };
  return { table, source, used: ['income', ...numbers.map((c) => c.name)] };
}

/**
 * std within 1e-12 relative; skewness, kurtosis and r, which are figures of
 * order 1 that may sit at 0, within 1e-12 absolute.
 */
function expectClose(actual: number, expected: number, what: string, scale: 'relative' | 'absolute'): void {
  const size = scale === 'relative' ? Math.max(Math.abs(actual), Math.abs(expected)) : 1;
  expect(Math.abs(actual - expected) / (size || 1), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-12,
  );
}

/**
 * std, skewness and kurtosis from exact integer power sums (BigInt): the
 * central sums n·M2, n²·M3 and n³·M4 are integers, rounded once each here.
 */
function exactMoments(x: Float64Array): { std: number; skewness: number; kurtosis: number } {
  const counts = new Map<number, bigint>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0n) + 1n);
  const s = [0n, 0n, 0n, 0n, 0n];
  for (const [v, c] of counts) for (let p = 1; p <= 4; p++) s[p]! += c * BigInt(v) ** BigInt(p);
  const [, s1, s2, s3, s4] = s as [bigint, bigint, bigint, bigint, bigint];
  const N = BigInt(x.length);
  const a2 = N * s2 - s1 * s1;
  const a3 = N * N * s3 - 3n * N * s1 * s2 + 2n * s1 ** 3n;
  const a4 = N ** 3n * s4 - 4n * N * N * s1 * s3 + 6n * N * s1 * s1 * s2 - 3n * s1 ** 4n;
  const n = x.length;
  const std = Math.sqrt(Number(a2) / n / (n - 1));
  if (a2 === 0n) return { std, skewness: 0, kurtosis: 0 };
  const skewness = Number(a3) / n / ((n - 1) * (n - 2) * std ** 3);
  const excess = Number((N + 1n) * a4 - 3n * (N - 1n) * a2 * a2) / Number(a2 * a2);
  return { std, skewness, kurtosis: ((n - 1) / ((n - 2) * (n - 3))) * excess };
}

function expectSameFigures(counted: EdaFigures, general: EdaFigures, seed: number, moments: boolean): void {
  const exact = (f: EdaFigures) => ({
    ...f,
    describe: f.describe.map((d) => ({ ...d, std: 0, skewness: 0, kurtosis: 0 })),
    correlation: { features: f.correlation.features },
  });
  expect(exact(counted), `seed ${seed}`).toEqual(exact(general));
  if (!moments) return;
  counted.describe.forEach((d, j) => {
    const g = general.describe[j]!;
    expectClose(d.std, g.std, `seed ${seed} ${d.feature} std`, 'relative');
    expectClose(d.skewness, g.skewness, `seed ${seed} ${d.feature} skewness`, 'absolute');
    expectClose(d.kurtosis, g.kurtosis, `seed ${seed} ${d.feature} kurtosis`, 'absolute');
  });
  counted.correlation.matrix.forEach((row, a) => {
    row.forEach((r, b) => {
      expectClose(r, general.correlation.matrix[a]![b]!, `seed ${seed} r ${a},${b}`, 'absolute');
    });
  });
}

const TABLES = Array.from({ length: 300 }, (_, i) => ({ seed: i + 1, ...randomTable(i + 1) }));

describe('counting EDA', () => {
  it('gives the general path figures on random whole-number tables', () => {
    for (const { seed, table, source, used } of TABLES) {
      const counted = countingEdaFigures(table, source, used);
      expect(counted, `seed ${seed}`).not.toBeNull();
      const general = generalEdaFigures(table, source, used);
      // The general path's moments drift at 5,000 rows (its sums over the rows) and far from 0 (its rounded
      // mean): there the counting path's moments are checked against exact ones (below).
      const nearZero = counted!.describe.every((d) => Math.abs(d.min) < 1e4);
      expectSameFigures(counted!, general, seed, table.length <= 1000 && nearZero);
    }
  });

  it('has moments within 1e-13 of the exact figures', () => {
    for (const { seed, table, source, used } of TABLES) {
      if (table.length < 4) continue;
      countingEdaFigures(table, source, used)!.describe.forEach((d) => {
        const exact = exactMoments(featureColumn(table, d.feature));
        expect(Math.abs(d.std - exact.std), `seed ${seed} ${d.feature} std`).toBeLessThanOrEqual(
          1e-14 * exact.std,
        );
        expect(Math.abs(d.skewness - exact.skewness), `seed ${seed} ${d.feature}`).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(d.kurtosis - exact.kurtosis), `seed ${seed} ${d.feature}`).toBeLessThanOrEqual(1e-13);
      });
    }
  });

  it('covers the shapes that break it: one row, constant columns, a missing gender, only unknown genders', () => {
    const shapes = TABLES.map((t) => t.table);
    expect(shapes.some((t) => t.length === 1)).toBe(true);
    expect(shapes.some((t) => t.length > 1 && t.income.every((v) => v === t.income[0]))).toBe(true);
    expect(shapes.some((t) => t.length > 20 && !t.gender.includes(1))).toBe(true);
    expect(shapes.some((t) => t.length > 20 && t.gender.every((g) => g === 0))).toBe(true);
    expect(shapes.some((t) => t.length > 20 && t.age.every(Number.isNaN))).toBe(true);
  });

  it('counts the widest span it takes, 2^16 + 1 values, as the general path sorts it', () => {
    const { table, source } = randomTable(5);
    const used = ['income'];
    const n = 20_000;
    const wide = (low: number) => {
      const v = Float64Array.from({ length: n }, (_, i) => low + ((i * 7919) % MAX_COUNTED_SPAN));
      v[1] = low + MAX_COUNTED_SPAN;
      return v;
    };
    const big = {
      ...table,
      length: n,
      ids: rowNumberIds(n),
      gender: new Uint8Array(n).fill(1),
      lines: new Uint32Array(n),
    };
    const t = { ...big, age: wide(0), income: wide(-40_000), spending: wide(3), numbers: [] };
    const counted = countingEdaFigures(t, source, used);
    expect(counted).not.toBeNull();
    expect(counted!.describe[1]!.max - counted!.describe[1]!.min).toBe(MAX_COUNTED_SPAN);
    expectSameFigures(counted!, generalEdaFigures(t, source, used), 0, true);
  });

  it('is what computeEda describes a whole-number table with', () => {
    const { table, source, used } = randomTable(7);
    const eda = computeEda(table, source, used);
    const counted = countingEdaFigures(table, source, used)!;
    expect(eda.describe).toEqual(counted.describe);
    expect(eda.correlation).toEqual(counted.correlation);
  });

  it('leaves fractions, empty cells, ranges over 2^16 values and huge sums to the general path', () => {
    const base = randomTable(11);
    const withIncome = (edit: (v: Float64Array) => void): CustomerTable => {
      const income = Float64Array.from(base.table.income);
      edit(income);
      return { ...base.table, income };
    };
    const cases = [
      withIncome((v) => {
        v[0] = 12.5;
      }),
      withIncome((v) => {
        v[v.length - 1] = Number.NaN;
      }),
      withIncome((v) => {
        v[0] = Number.POSITIVE_INFINITY;
      }),
      withIncome((v) => {
        v.fill(5);
        v[0] = 5 + 4 * v.length + 1025;
      }),
      withIncome((v) => {
        v.fill(2 ** 52);
      }),
    ];
    for (const table of cases) {
      expect(countingEdaFigures(table, base.source, base.used)).toBeNull();
      const eda = computeEda(table, base.source, base.used);
      expect(eda.describe).toEqual(generalEdaFigures(table, base.source, base.used).describe);
    }
    const widest = withIncome((v) => {
      v.fill(5);
      v[0] = 5 + 4 * v.length + 1024;
    });
    expect(countingEdaFigures(widest, base.source, base.used)).not.toBeNull();
    expect(countableSpan(MAX_COUNTED_SPAN, 1e6)).toBe(true);
    expect(countableSpan(MAX_COUNTED_SPAN + 1, 1e6)).toBe(false);
  });
});

describe('histogramOfCounts', () => {
  it('bins counted whole numbers as histogram bins the values', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 100; trial++) {
      const first = Math.floor(rng() * 200) - 100;
      const counts = Float64Array.from({ length: 1 + Math.floor(rng() * 300) }, () =>
        rng() < 0.3 ? 0 : Math.floor(rng() * 5),
      );
      counts[0] = 1;
      const values = Array.from(counts).flatMap((c, k) => new Array<number>(c).fill(first + k));
      const min = Math.min(...values);
      const max = Math.max(...values);
      expect(histogramOfCounts(counts, first, min, max)).toEqual(histogram(values, min, max));
    }
  });
});
