import { type Check, result, verdictAtMost } from './context.ts';

/**
 * K-means implicitly assumes every group is about as spread out as the others
 * (it is a Gaussian mixture with equal variances); a loose group next to a
 * tight one loses customers to it.
 */
export const spreadBalanceCheck: Check = (ctx) => {
  const spreads = ctx.segments.map((s) => s.spread).filter((s) => s > 0);
  const value = spreads.length > 1 ? Math.max(...spreads) / Math.min(...spreads) : 1;
  const status = verdictAtMost(value, 4, 8);
  const loosest = ctx.segments.reduce((a, b) => (b.spread > a.spread ? b : a));
  return result('spreadBalance', 'Segments about equally spread', {
    status,
    value,
    threshold: 4,
    message:
      status === 'pass'
        ? `The segments are similarly compact (the loosest is ${value.toFixed(1)} times as spread as the tightest).`
        : `${loosest.name} is ${value.toFixed(1)} times as spread out as the tightest segment, so customers at its edge may be assigned to a neighbour.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Read the loose segment as a broad group; a different k may split it.' }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), s.spread])),
  });
};
