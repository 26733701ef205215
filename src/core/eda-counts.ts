/**
 * The EDA figures of a table whose feature columns all hold whole numbers
 * over a modest range (ages, incomes in k$, 1–100 scores: nearly every
 * customer file), from counts instead of copies and sorts. The row passes are
 * core/counting.ts (each value counted per gender slot, the cross-product
 * sums); every figure then comes from the few hundred counts: describe()
 * rows, histograms, gender counts, each gender's box summaries, the moments,
 * Pearson r. The general path made ~28 passes over the rows and copied every
 * value per gender; this one makes two per column.
 *
 * Quartiles, whiskers, min/max, outlier counts, histograms, gender counts and
 * means are the very ones the general path (core/eda.ts) gives: the same
 * ordered-view code (core/summaries.ts, core/order.ts `countedOrder`), and
 * every sum of whole numbers below 2^53 is exact, so the general path's
 * compensated mean is the exact sum over n too. Std, skewness, kurtosis and
 * Pearson r differ from the general path's in the last bits (within 1e-12,
 * test/core/eda-counts.test.ts; on the Mall file 4e-14 at most), and are the
 * closer to the exact figures: the central sums add count × (v − mean)^k once
 * per distinct value, with v − mean from whole numbers (one rounding), and
 * Pearson's cross sum is exact (BigInt), where the general path rounds a term
 * per row. On the 5M-row bench file its kurtoses are off by up to 1e-10, these
 * by under 1e-15.
 *
 * computeEda on the 1M-row bench file (medians of 7 runs on a loaded 2-core
 * machine): 224 ms cold / 147 ms warm by the general path, 57 ms / 27 ms
 * counting; at 5M rows the whole EDA phase went from ~1.06 s to ~0.24 s.
 */

import { type CountedColumn, type CountedTable, countColumns, SLOTS } from './counting.ts';
import { histogramOfCounts } from './histogram.ts';
import { countedOrder } from './order.ts';
import { type Moments, momentsFromSums, pearsonFromCoSum } from './stats.ts';
import { boxSummaryOf, featureSummaryOf } from './summaries.ts';
import type { Eda, Feature, Gender } from './types.ts';

/** The figures of an Eda that depend on the feature values. */
export type EdaFigures = Pick<Eda, 'describe' | 'histograms' | 'gender' | 'correlation' | 'byGender'>;

const GROUPS: ReadonlyArray<[Gender, number]> = [
  ['Female', 0],
  ['Male', 1],
];

export interface CountedInput {
  readonly gender: Uint8Array;
  readonly columns: ReadonlyArray<{ readonly feature: Feature; readonly values: Float64Array }>;
  readonly missing: Record<string, number>;
  /** Whether the table has ages, and so an age box per gender. */
  readonly withAge: boolean;
}

/** Counts of one slot, or all slots added, as the ordered views and histograms take them. */
function slotCounts(c: CountedColumn, slot: number | 'all'): Float64Array {
  const { width, counts } = c;
  if (slot !== 'all') return Float64Array.from(counts.subarray(slot * width, (slot + 1) * width));
  const all = new Float64Array(width);
  for (let s = 0; s < SLOTS; s++) for (let k = 0; k < width; k++) all[k]! += counts[s * width + k]!;
  return all;
}

/** How many values, and Σ (v − first) over them: exact doubles. */
function countAndShiftedSum(counts: Float64Array): { n: number; sum: number } {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    n += counts[k]!;
    sum += counts[k]! * k;
  }
  return { n, sum };
}

/** The exact mean of the counted values: the compensated mean's figure, which is the exact sum over n. */
function countedMean(counts: Float64Array, first: number): number {
  const { n, sum } = countAndShiftedSum(counts);
  return (n * first + sum) / n;
}

/** `moments` of the counted values, each distinct value's powers weighted by its count. */
function countedMoments(counts: Float64Array, first: number): Moments {
  const { n, sum } = countAndShiftedSum(counts);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    // v − mean = (n·(v − first) − Σ(v − first)) / n: whole numbers below 2^53, so one rounding, even
    // where v − mean would lose digits to the mean's (the general path's skewness at 1e9 ± 1 is off by 1e-7).
    const t = (n * k - sum) / n;
    const t2 = t * t;
    s2 += c * t2;
    s3 += c * t2 * t;
    s4 += c * t2 * t2;
  }
  return momentsFromSums(n, (n * first + sum) / n, s2, s3, s4);
}

/**
 * The EDA figures by counting, or null when a feature column is not whole
 * numbers over at most MAX_COUNTED_SPAN + 1 values (the general path then
 * describes the table, as before).
 */
export function edaFiguresFromCounts(input: CountedInput): EdaFigures | null {
  const { gender, missing, withAge } = input;
  const table = countColumns(gender, input.columns);
  if (!table) return null;
  const counted = table.columns;
  const byName = new Map(counted.map((c) => [c.feature, c]));
  const boxed = ['income', 'spending', ...(withAge ? ['age'] : [])];
  if (counted.length === 0 || boxed.some((f) => !byName.has(f))) return null;
  const n = gender.length;
  const totals = counted.map((c) => slotCounts(c, 'all'));
  const m = counted.map((c, j) => countedMoments(totals[j]!, c.min));
  const describe = counted.map((c, j) =>
    featureSummaryOf(c.feature, countedOrder(totals[j]!, c.min), missing[c.feature] ?? 0, m[j]!),
  );
  const histograms = Object.fromEntries(
    describe.map((d, j) => [d.feature, histogramOfCounts(totals[j]!, counted[j]!.min, d.min, d.max)]),
  ) as Eda['histograms'];
  return {
    describe,
    histograms,
    gender: genderFigures(counted[0]!, n),
    correlation: { features: counted.map((c) => c.feature), matrix: correlations(table, totals, m, n) },
    byGender: boxesByGender(byName, withAge),
  };
}

function correlations(table: CountedTable, totals: Float64Array[], m: Moments[], n: number): number[][] {
  const shiftedSums = totals.map((t) => BigInt(countAndShiftedSum(t).sum));
  const d = totals.length;
  const matrix = totals.map(() => totals.map(() => 1));
  for (let a = 0; a < d; a++)
    for (let b = a + 1; b < d; b++) {
      // n·Σxy − Σx·Σy is exact in integers: Σ(x − x̄)(y − ȳ) is that over n, rounded once.
      const exact = BigInt(n) * table.coSum(a, b) - shiftedSums[a]! * shiftedSums[b]!;
      const r = pearsonFromCoSum(n, Number(exact) / n, m[a]!, m[b]!);
      matrix[a]![b] = r;
      matrix[b]![a] = r;
    }
  return matrix;
}

function genderFigures(c: CountedColumn, n: number): Eda['gender'] {
  const [Female, Male, unknown] = [0, 1, 2].map((s) => countAndShiftedSum(slotCounts(c, s)).n) as [
    number,
    number,
    number,
  ];
  const of = n || 1;
  return { Female, Male, unknown, shares: { Female: Female / of, Male: Male / of, unknown: unknown / of } };
}

function boxesByGender(byName: Map<Feature, CountedColumn>, withAge: boolean): Eda['byGender'] {
  const box = (f: Feature, slot: number) => {
    const c = byName.get(f)!;
    const counts = slotCounts(c, slot);
    return boxSummaryOf(countedOrder(counts, c.min), countedMean(counts, c.min));
  };
  return GROUPS.flatMap(([name, slot]) => {
    const count = countAndShiftedSum(slotCounts(byName.get('income')!, slot)).n;
    if (!count) return [];
    return [
      {
        gender: name,
        count,
        income: box('income', slot),
        spending: box('spending', slot),
        ...(withAge ? { age: box('age', slot) } : {}),
      },
    ];
  });
}
