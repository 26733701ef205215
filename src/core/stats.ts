/**
 * The core's only door to simple-statistics. Every function here says which
 * variant it computes and guards the degenerate cases the library answers with
 * NaN or an exception (constant columns, too few points), so callers get a
 * number they can print or a clear null.
 */
import * as ss from 'simple-statistics';

type Numbers = ArrayLike<number>;
const asArray = (x: Numbers): number[] => x as unknown as number[];

export const mean = (x: Numbers): number => (x.length ? ss.mean(asArray(x)) : Number.NaN);

/** Sample standard deviation (divides by n − 1, as pandas' describe()). 0 for fewer than 2 points. */
export const sampleStd = (x: Numbers): number => (x.length < 2 ? 0 : ss.sampleStandardDeviation(asArray(x)));

/** Population standard deviation (divides by n, as scikit-learn's StandardScaler). */
export const populationStd = (x: Numbers): number => (x.length ? ss.standardDeviation(asArray(x)) : 0);

/** Adjusted Fisher–Pearson skewness (pandas' skew()); 0 for constant input or fewer than 3 points. */
export function sampleSkewness(x: Numbers): number {
  if (x.length < 3) return 0;
  const v = ss.sampleSkewness(asArray(x));
  return Number.isFinite(v) ? v : 0;
}

/** Unbiased excess kurtosis (pandas' kurt()); 0 for constant input or fewer than 4 points. */
export function sampleKurtosis(x: Numbers): number {
  if (x.length < 4) return 0;
  const v = ss.sampleKurtosis(asArray(x));
  return Number.isFinite(v) ? v : 0;
}

/** Pearson r; 0 when either side is constant (no linear relation can be measured). */
export function pearson(x: Numbers, y: Numbers): number {
  if (x.length < 2) return 0;
  const r = ss.sampleCorrelation(asArray(x), asArray(y));
  return Number.isFinite(r) ? r : 0;
}

/** An ascending copy, for repeated quantiles. */
export function sortedCopy(x: Numbers): Float64Array {
  return Float64Array.from(x).sort();
}

/**
 * Quantile by linear interpolation between closest ranks (Hyndman–Fan type 7,
 * numpy's and pandas' default) so our quartiles match what analysts see in a
 * notebook; simple-statistics' quantileSorted uses a different definition.
 * Example: quantileSorted([1, 2, 3, 4], 0.25) === 1.75.
 */
export function quantileSorted(sorted: Numbers, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

export interface Quartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export function quartilesSorted(sorted: Numbers): Quartiles {
  return {
    min: sorted[0] ?? Number.NaN,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Tukey's fences: values outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR] are outliers. */
export function tukeyFences(q: Quartiles): { lower: number; upper: number } {
  const iqr = q.q3 - q.q1;
  return { lower: q.q1 - 1.5 * iqr, upper: q.q3 + 1.5 * iqr };
}

export interface Moments {
  mean: number;
  /** Sample standard deviation, as sampleStd. */
  std: number;
  skewness: number;
  kurtosis: number;
  /** Σ(x − mean)², reused by `pearsonFromMoments`. */
  sumSquares: number;
}

/**
 * mean, sampleStd, sampleSkewness and sampleKurtosis of one column in two
 * passes (simple-statistics' compensated mean, then every central sum at once)
 * instead of seven. Each sum adds the same terms in the same order as the
 * library's own loops, so the figures are the same to the last bit.
 */
export function moments(x: Numbers): Moments {
  const n = x.length;
  if (n === 0) return { mean: Number.NaN, std: 0, skewness: 0, kurtosis: 0, sumSquares: 0 };
  const m = mean(x);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const t = x[i]! - m;
    s2 += t * t;
    s3 += t * t * t;
    s4 += t * t * t * t;
  }
  return momentsFromSums(n, m, s2, s3, s4);
}

/**
 * The moments of n values from their mean and central sums s2 = Σ(x − mean)²,
 * s3 and s4, with `moments`' formulas and guards (n ≥ 1).
 */
export function momentsFromSums(n: number, m: number, s2: number, s3: number, s4: number): Moments {
  const std = n < 2 ? 0 : Math.sqrt(s2 / (n - 1));
  const skew = n < 3 ? 0 : (n * s3) / ((n - 1) * (n - 2) * std ** 3);
  const kurt = n < 4 ? 0 : ((n - 1) / ((n - 2) * (n - 3))) * ((n * (n + 1) * s4) / (s2 * s2) - 3 * (n - 1));
  return {
    mean: m,
    std,
    skewness: Number.isFinite(skew) ? skew : 0,
    kurtosis: Number.isFinite(kurt) ? kurt : 0,
    sumSquares: s2,
  };
}

/** pearson(x, y) from the columns' moments: one pass for the covariance instead of five. */
export function pearsonFromMoments(x: Numbers, y: Numbers, mx: Moments, my: Moments): number {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - mx.mean) * (y[i]! - my.mean);
  return pearsonFromCoSum(n, s, mx, my);
}

/** Pearson r of n pairs from s = Σ(x − mean x)(y − mean y) and each side's moments; 0 as `pearson`. */
export function pearsonFromCoSum(n: number, s: number, mx: Moments, my: Moments): number {
  if (n < 2) return 0;
  const r = s / (n - 1) / mx.std / my.std;
  return Number.isFinite(r) ? r : 0;
}
