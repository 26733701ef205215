import type { SegmentRef } from '../findings.ts';
import type { StructureFigures } from '../types.ts';
import { type Check, result, verdictAtLeast } from './context.ts';

export interface SeparationContext {
  segments: ReadonlyArray<SegmentRef & { silhouette: number }>;
  silhouette: number;
  structure: StructureFigures;
}

/**
 * Kaufman & Rousseeuw: silhouette > 0.5 reasonable structure, 0.25–0.5 weak,
 * below 0.25 none.
 *
 * Repeated rows: the silhouette is the one scikit-learn reports (Mall 0.5539),
 * where a(i) averages over the *other* members of i's segment, so a row's own
 * copy counts as a neighbour at distance 0. With every row twice a(i) shrinks
 * by the factor (2m−2)/(2m−1) for a segment of m while b(i) stays, which
 * lifts the silhouette by at most 1/(2m−2) (about 0.01 once every segment
 * has 50 customers; a segment under 10 already fails the size check). Kept
 * for the reference figures; the verdict can only move within that of 0.25 or 0.5 (tested in
 * test/core/assumptions/invariance.test.ts). Row order does not matter while
 * every customer is in the silhouette sample (3,000 by default).
 */
export const separationCheck: Check<SeparationContext> = (ctx) => {
  if (ctx.segments.length === 1)
    return result('separation', {
      status: 'warn',
      value: ctx.structure.silhouette,
      threshold: 0.5,
      finding: { code: 'separation.single', k: ctx.structure.k, silhouette: ctx.structure.silhouette },
      advice: { code: 'tentative-split', k: ctx.structure.k },
      action: { action: 'k', k: ctx.structure.k },
    });
  const value = ctx.silhouette;
  const status = verdictAtLeast(value, 0.5, 0.25);
  const weakest = ctx.segments.reduce((a, b) => (b.silhouette < a.silhouette ? b : a));
  return result('separation', {
    status,
    value,
    threshold: 0.5,
    finding: {
      code: status === 'pass' ? 'separation.clear' : 'separation.overlap',
      silhouette: value,
      weakest: { id: weakest.id, name: weakest.name, silhouette: weakest.silhouette },
    },
    ...(status === 'pass' ? {} : { advice: { code: 'better-k' }, action: { action: 'k-table' } }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), s.silhouette])),
  });
};
