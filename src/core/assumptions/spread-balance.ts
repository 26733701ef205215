import { type Check, result, verdictAtMost } from './context.ts';

/**
 * K-means implicitly assumes every group is about as spread out as the others
 * (it is a Gaussian mixture with equal variances); a loose group next to a
 * tight one loses customers to it.
 */
export const spreadBalanceCheck: Check = (ctx) => {
  // segment.spread is a mean squared distance; its square root is a standard deviation (RMS distance).
  const spreads = ctx.segments.map((s) => Math.sqrt(s.spread)).filter((s) => s > 0);
  const value = spreads.length > 1 ? Math.max(...spreads) / Math.min(...spreads) : 1;
  const status = verdictAtMost(value, 2, 2.8);
  const loosest = ctx.segments.reduce((a, b) => (b.spread > a.spread ? b : a));
  return result('spreadBalance', 'Segments about equally spread', {
    status,
    value,
    threshold: 2,
    message:
      status === 'pass'
        ? `The segments are similarly compact (the loosest has ${value.toFixed(1)} times the standard deviation of the tightest).`
        : `${loosest.name} has ${value.toFixed(1)} times the standard deviation of the tightest segment, so customers at its edge may be assigned to a neighbour.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Read the loose segment as a broad group; a different k may split it.' }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), Math.sqrt(s.spread)])),
  });
};
