import { type Check, result, verdictAtLeast } from './context.ts';

const count = (n: number) => n.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Tiny segments are easy to miss for k-means and too small to market to. */
export const sizeBalanceCheck: Check = (ctx) => {
  const smallest = ctx.segments.reduce((a, b) => (b.size < a.size ? b : a));
  const largest = ctx.segments.reduce((a, b) => (b.size > a.size ? b : a));
  const value = smallest.share;
  // Under 10 customers or under 1 % is a fail: too few to market to or to trust (issue 8).
  const status = smallest.size < 10 ? 'fail' : verdictAtLeast(value, 0.05, 0.01);
  return result('sizeBalance', 'No tiny segments', {
    status,
    value,
    threshold: 0.05,
    message:
      status === 'pass'
        ? `The smallest segment, ${smallest.name}, still holds ${percent(value)} of customers (${count(smallest.size)}); the largest holds ${count(largest.size)}.`
        : `${smallest.name} holds only ${count(smallest.size)} customer${smallest.size === 1 ? '' : 's'} (${percent(value)}), too few to rely on.`,
    ...(status === 'pass' ? {} : { remedy: 'Try fewer segments', action: { action: 'fewer-k' } }),
    details: { smallest: smallest.size, largest: largest.size, ratio: smallest.size / largest.size },
  });
};
