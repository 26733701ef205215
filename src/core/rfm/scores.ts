/**
 * The classic RFM scores: each customer gets 1–5 for recency, frequency and
 * monetary by quintile of all customers (5 = most recent, most frequent,
 * biggest spender). Ties share the lower score: with many one-order
 * customers, every one of them scores F = 1, instead of an arbitrary split of
 * identical customers across quintiles (pandas' qcut on rank(method='first')).
 *
 *   score(x) = 1 + floor(5 × (customers strictly worse than x) / n)
 */

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/** A scorer for one measure, fitted on all customers; `higherIsBetter` false for recency. */
export function quintileScorer(values: Float64Array, higherIsBetter: boolean): (x: number) => number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return (x: number) => {
    // Binary search: customers strictly below x, or strictly above for recency.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (higherIsBetter ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    const worse = higherIsBetter ? lo : n - lo;
    return Math.min(5, 1 + Math.floor((5 * worse) / n));
  };
}

export function rfmScores(recency: Float64Array, frequency: Float64Array, monetary: Float64Array): RfmScores {
  const score = (values: Float64Array, higher: boolean) => {
    const s = quintileScorer(values, higher);
    return Uint8Array.from(values, s);
  };
  return { r: score(recency, false), f: score(frequency, true), m: score(monetary, true) };
}
