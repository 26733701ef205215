import type { StandOutFeature } from '../findings.ts';
import { type MahalanobisOutliers, mahalanobisOutliers } from '../mahalanobis.ts';
import type { Points } from '../points.ts';
import { type Check, result, verdictAtMost } from './context.ts';

/** The columns of `standardised`, named (customer features, or the RFM measures). */
export interface OutliersContext {
  standardised: Points;
  options: { features: readonly StandOutFeature[] };
  /** A row's customer id as the file wrote it, so the advice can name whom to check. */
  rowId?: (row: number) => string;
}

/** How many of the farthest customers the advice names. */
export const EXTREMES_NAMED = 5;

/**
 * The farthest flagged customers by id, each once (a repeated row is one
 * customer to check), and how many different ids were flagged. Equal
 * distances are ordered by id, so the names do not depend on row order.
 */
function farthestCustomers(found: MahalanobisOutliers, rowId: ((row: number) => string) | undefined) {
  if (!rowId) return { farthest: [], customers: found.count };
  const flagged = Array.from(found.flaggedRows, (row, i) => ({
    id: rowId(row),
    d2: found.flaggedDistances[i]!,
  }));
  flagged.sort((a, b) => b.d2 - a.d2 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = [...new Set(flagged.map((f) => f.id))];
  return { farthest: ids.slice(0, EXTREMES_NAMED), customers: ids.length };
}

/** The chi-square level of the cut-off: about 0.1 % of clean normal customers lie beyond it, for any d. */
export const OUTLIER_LEVEL = 0.999;

/**
 * Centroids are means, so a few extreme customers can pull a whole segment
 * towards them. Counts customers (not values) whose squared Mahalanobis
 * distance, over the chosen features together, is beyond the 99.9 %
 * chi-square(d) cut-off (core/mahalanobis.ts); pass up to 1 % of customers,
 * warn up to 5 %, fail beyond.
 *
 * Measured with `scripts/measure-outliers.ts` (share of customers flagged):
 * - clean normal data, d = 2, 3, 5 and n = 200, 1,000, 10,000 (20 seeds, 5 at
 *   10,000; independent and correlated features): mean 0.03–0.15 %, at most
 *   1.0 % (2 of 200 customers), so clean data passes for every d. The Tukey
 *   value count this replaces gave 2.1 % at d = 3, a warn.
 * - 5 % planted outliers (6–10 sd from the centre in a random direction, or
 *   one value 6–10 sd out), d = 2, 3, 5, n = 200..10,000: every planted
 *   customer found on every file; 5.0–5.1 % flagged.
 * - generated segmented data without outliers (balanced, imbalanced and
 *   anisotropic groups; k = 2..10; 3, 5 and 8 sd apart; 2 and 3 features;
 *   n = 200 and 1,000; 324 files): 320 pass. The 4 others are imbalanced, and
 *   what they flag is the smallest group, 5 to 50 customers (at most 5.0 %)
 *   lying 8 sd from the rest: a warn that says something true.
 * - Mall: no customer flagged (income × spending, and with age); the old
 *   count was 2 incomes beyond Tukey's fence (1.0 %, a pass either way).
 */
export const outliersCheck: Check<OutliersContext> = (ctx) => {
  const features = ctx.options.features;
  const found = mahalanobisOutliers(ctx.standardised, OUTLIER_LEVEL);
  const n = ctx.standardised.n;
  const share = n ? found.count / n : 0;
  const status = verdictAtMost(share, 0.01, 0.05);
  const standOut = features
    .map((feature, j) => ({ feature, customers: found.byFeature[j]! }))
    .filter((x) => x.customers > 0)
    .sort((a, b) => b.customers - a.customers);
  const level = OUTLIER_LEVEL;
  return result('outliers', {
    status,
    value: share,
    threshold: 0.01,
    finding:
      found.count === 0
        ? { code: 'outliers.none', level, features: features.length }
        : {
            code: 'outliers.found',
            customers: found.count,
            share,
            level,
            features: features.length,
            standOut,
          },
    ...(status === 'pass'
      ? {}
      : {
          advice: { code: 'check-extremes', ...farthestCustomers(found, ctx.rowId) },
        }),
    details: {
      customers: found.count,
      cutoff: found.cutoff,
      ...Object.fromEntries(features.map((f, j) => [f, found.byFeature[j]!])),
    },
  });
};
