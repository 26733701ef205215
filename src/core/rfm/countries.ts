/**
 * Segments against the grouping the retailer uses today, by country. Both are
 * judged by the same yardstick: the share of the variance of the customers'
 * (log, standardised) recency, frequency and spend that lies between the
 * groups, i.e. how much of the difference in buying behaviour the grouping
 * captures (1 − within-group / total sum of squares; R² of a one-way ANOVA,
 * summed over the three measures).
 */
import type { Points } from '../points.ts';

/** Between-group share of the total sum of squares, for any labelling 0..groups-1. */
export function betweenShare(points: Points, labels: ArrayLike<number>, groups: number): number {
  const { n, d, data } = points;
  const sums = new Float64Array(groups * d);
  const sizes = new Float64Array(groups);
  const total = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const g = labels[i]!;
    sizes[g]! += 1;
    for (let j = 0; j < d; j++) {
      sums[g * d + j]! += data[i * d + j]!;
      total[j]! += data[i * d + j]!;
    }
  }
  let tss = 0;
  let wss = 0;
  for (let i = 0; i < n; i++) {
    const g = labels[i]!;
    for (let j = 0; j < d; j++) {
      const x = data[i * d + j]!;
      tss += (x - total[j]! / n) ** 2;
      wss += (x - sums[g * d + j]! / sizes[g]!) ** 2;
    }
  }
  return tss > 0 ? 1 - wss / tss : 0;
}

export interface CountryComparison {
  countries: number;
  /** Largest first; ties by name. */
  customersPerCountry: Array<{ country: string; customers: number }>;
  /** Countries with fewer than `tailBelow` customers, and how many customers they hold together. */
  longTail: { below: number; countries: number; customers: number };
  segmentsShare: number;
  countriesShare: number;
  /** Segment sizes per country (columns: segment ids 1..k), largest countries first. */
  segmentsByCountry: Array<{ country: string; counts: number[] }>;
}

export const UNKNOWN_COUNTRY = '(no country)';

export function compareWithCountries(
  points: Points,
  segmentLabels: Int32Array,
  k: number,
  country: Int32Array,
  countryNames: readonly string[],
  tailBelow = 10,
): CountryComparison {
  // Country index −1 (unknown) becomes its own group at the end.
  const groups = countryNames.length + 1;
  const countryGroup = Int32Array.from(country, (c) => (c < 0 ? countryNames.length : c));
  const sizes = new Array<number>(groups).fill(0);
  const bySegment = Array.from({ length: groups }, () => new Array<number>(k).fill(0));
  countryGroup.forEach((g, i) => {
    sizes[g]! += 1;
    bySegment[g]![segmentLabels[i]! - 1]! += 1;
  });
  const name = (g: number) => (g === countryNames.length ? UNKNOWN_COUNTRY : countryNames[g]!);
  const present = sizes
    .map((customers, g) => ({ g, country: name(g), customers }))
    .filter((c) => c.customers > 0)
    .sort((a, b) => b.customers - a.customers || a.country.localeCompare(b.country));
  const tail = present.filter((c) => c.customers < tailBelow);
  return {
    countries: present.length,
    customersPerCountry: present.map(({ country, customers }) => ({ country, customers })),
    longTail: {
      below: tailBelow,
      countries: tail.length,
      customers: tail.reduce((s, c) => s + c.customers, 0),
    },
    segmentsShare: betweenShare(
      points,
      Int32Array.from(segmentLabels, (l) => l - 1),
      k,
    ),
    countriesShare: betweenShare(points, countryGroup, groups),
    segmentsByCountry: present.map(({ g, country }) => ({ country, counts: bySegment[g]! })),
  };
}
