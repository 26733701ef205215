import { type Check, result, verdictAtLeast } from './context.ts';

/** Kaufman & Rousseeuw: silhouette > 0.5 reasonable structure, 0.25–0.5 weak, below 0.25 none. */
export const separationCheck: Check = (ctx) => {
  if (ctx.segments.length === 1)
    return result('separation', 'Segments well separated', {
      status: 'warn',
      value: ctx.structure.silhouette,
      threshold: 0.5,
      message: `There is only one segment, so nothing to separate; split into k = ${ctx.structure.k}, the customers would score a silhouette of ${ctx.structure.silhouette.toFixed(2)}.`,
      remedy: `A split into k = ${ctx.structure.k} is there as a tentative option`,
      action: { action: 'k', k: ctx.structure.k },
    });
  const value = ctx.silhouette;
  const status = verdictAtLeast(value, 0.5, 0.25);
  const weakest = ctx.segments.reduce((a, b) => (b.silhouette < a.silhouette ? b : a));
  return result('separation', 'Segments well separated', {
    status,
    value,
    threshold: 0.5,
    message:
      status === 'pass'
        ? `Segments are well separated (silhouette ${value.toFixed(2)}); the least distinct is ${weakest.name} (${weakest.silhouette.toFixed(2)}).`
        : `Segments overlap ${status === 'warn' ? 'partly' : 'heavily'} (silhouette ${value.toFixed(2)}); ${weakest.name} is the least distinct (${weakest.silhouette.toFixed(2)}).`,
    ...(status === 'pass'
      ? {}
      : {
          remedy: 'Look for a k that separates better, or change the features',
          action: { action: 'k-table' },
        }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), s.silhouette])),
  });
};
