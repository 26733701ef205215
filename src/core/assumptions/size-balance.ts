import { type Check, result, verdictAtLeast } from './context.ts';

/** Tiny segments are easy to miss for k-means and too small to market to. */
export const sizeBalanceCheck: Check = (ctx) => {
  const smallest = ctx.segments.reduce((a, b) => (b.size < a.size ? b : a));
  const largest = ctx.segments.reduce((a, b) => (b.size > a.size ? b : a));
  const value = smallest.share;
  const tooFew = smallest.size < 10;
  const status = tooFew ? 'warn' : verdictAtLeast(value, 0.05, 0.01);
  return result('sizeBalance', 'No tiny segments', {
    status,
    value,
    threshold: 0.05,
    message:
      status === 'pass'
        ? `The smallest segment, ${smallest.name}, still holds ${(value * 100).toFixed(0)} % of customers (${smallest.size}); the largest holds ${largest.size}.`
        : `${smallest.name} holds only ${smallest.size} customers (${(value * 100).toFixed(1)} %), too few to rely on.`,
    ...(status === 'pass' ? {} : { remedy: 'Try fewer segments: `/segment k <smaller number>`.' }),
    details: { smallest: smallest.size, largest: largest.size, ratio: smallest.size / largest.size },
  });
};
