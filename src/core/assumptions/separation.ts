import { type Check, result, verdictAtLeast } from './context.ts';

/** Kaufman & Rousseeuw: silhouette > 0.5 reasonable structure, 0.25–0.5 weak, below 0.25 none. */
export const separationCheck: Check = (ctx) => {
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
      : { remedy: 'Look at `/segment k` for a k that separates better, or change the features.' }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), s.silhouette])),
  });
};
