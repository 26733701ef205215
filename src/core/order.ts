/**
 * Order statistics without a full sort when the data allow it. Ages, scores
 * and incomes in thousands are whole numbers over a small range, so counting
 * them (one pass, a few hundred counters) gives every rank a sort would; other
 * columns are sorted. Both give the same numbers, so quartiles, fences,
 * whiskers and outlier counts do not depend on which one ran.
 */

export interface Ordered {
  readonly length: number;
  /** The value at 0-based rank r in ascending order. */
  at(rank: number): number;
  /** How many values are below `lo` or above `hi`. */
  countOutside(lo: number, hi: number): number;
  /** The smallest value ≥ x, or undefined. */
  firstAtLeast(x: number): number | undefined;
  /** The largest value ≤ x, or undefined. */
  lastAtMost(x: number): number | undefined;
}

// Counting beats sorting while the counters are few next to the values.
const MAX_SPAN = 1 << 20;

export function ordered(values: ArrayLike<number>): Ordered {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  const span = max - min + 1;
  if (n > 0 && whole && span <= MAX_SPAN && span <= 4 * n) {
    const counts = new Float64Array(span);
    for (let i = 0; i < n; i++) counts[values[i]! - min]! += 1;
    return countedOrder(counts, min);
  }
  return new Sorted(Float64Array.from(values).sort());
}

/**
 * The ordered view of whole numbers already counted: `counts[k]` values equal
 * `first + k`. Leading or trailing zero counts are allowed (a gender's values
 * counted over the whole column's range), so ranks, bounds and counts are the
 * ones a sort of those values gives.
 */
export function countedOrder(counts: ArrayLike<number>, first: number): Ordered {
  const below = new Float64Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) below[k + 1] = below[k]! + counts[k]!;
  return new Counted(below, first);
}

class Sorted implements Ordered {
  constructor(private readonly sorted: Float64Array) {}
  get length() {
    return this.sorted.length;
  }
  at(rank: number): number {
    return this.sorted[rank]!;
  }
  countOutside(lo: number, hi: number): number {
    return lowerBound(this.sorted, lo) + (this.sorted.length - upperBound(this.sorted, hi));
  }
  firstAtLeast(x: number): number | undefined {
    return this.sorted[lowerBound(this.sorted, x)];
  }
  lastAtMost(x: number): number | undefined {
    const i = upperBound(this.sorted, x) - 1;
    return i >= 0 ? this.sorted[i] : undefined;
  }
}

class Counted implements Ordered {
  readonly length: number;

  /** below[v − min] = how many values are < v; its last entry is every value. */
  constructor(
    private readonly below: Float64Array,
    private readonly min: number,
  ) {
    this.length = below[below.length - 1]!;
  }

  at(rank: number): number {
    // The value v with below(v) ≤ rank < below(v + 1).
    return this.min + upperBound(this.below, rank) - 1;
  }

  /** How many values are < x (x any number). */
  private countBelow(x: number): number {
    const v = Math.ceil(x) - this.min;
    if (v <= 0) return 0;
    if (v >= this.below.length - 1) return this.length;
    return this.below[v]!;
  }

  private countAtMost(x: number): number {
    const v = Math.floor(x) - this.min + 1;
    if (v <= 0) return 0;
    if (v >= this.below.length - 1) return this.length;
    return this.below[v]!;
  }

  countOutside(lo: number, hi: number): number {
    return this.countBelow(lo) + (this.length - this.countAtMost(hi));
  }

  firstAtLeast(x: number): number | undefined {
    const rank = this.countBelow(x);
    return rank < this.length ? this.at(rank) : undefined;
  }

  lastAtMost(x: number): number | undefined {
    const rank = this.countAtMost(x) - 1;
    return rank >= 0 ? this.at(rank) : undefined;
  }
}

/** First index with a[i] ≥ x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[i] > x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The type-7 quantile (as quantileSorted) of `scratch`, found by selection in
 * linear time instead of a sort (a 5M-row sort cost ~0.5 s). The two ranks it
 * needs are exact order statistics, so the figure is the sorted one to the
 * last bit. Reorders `scratch`; NaN values are not expected.
 */
export function quantileInPlace(scratch: Float64Array, p: number): number {
  const n = scratch.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = selectRank(scratch, lo, 0, n - 1);
  if (lo + 1 >= n || h === lo) return a;
  // After selecting rank lo, every value above index lo is ≥ a: the next rank is their minimum.
  let b = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (scratch[i]! < b) b = scratch[i]!;
  return a + (h - lo) * (b - a);
}

/** Hoare-partition quickselect: the value of rank k within a[left..right], with a[left..k] ≤ a[k] ≤ a[k..right]. */
function selectRank(a: Float64Array, k: number, left: number, right: number): number {
  let l = left;
  let r = right;
  while (r > l) {
    // Median of three as the pivot keeps sorted or reversed input linear.
    const m = (l + r) >>> 1;
    if (a[m]! < a[l]!) swap(a, m, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[m]!) swap(a, r, m);
    const pivot = a[m]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
