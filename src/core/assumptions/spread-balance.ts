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
  return result('spreadBalance', {
    status,
    value,
    threshold: 2,
    finding:
      status === 'pass'
        ? { code: 'spreadBalance.even', ratio: value }
        : { code: 'spreadBalance.uneven', loosest: { id: loosest.id, name: loosest.name }, ratio: value },
    ...(status === 'pass' ? {} : { advice: { code: 'broad-segment' } }),
    details: Object.fromEntries(ctx.segments.map((s) => [String(s.id), Math.sqrt(s.spread)])),
  });
};
