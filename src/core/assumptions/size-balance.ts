import type { SegmentRef } from '../findings.ts';
import { type Check, result, verdictAtLeast } from './context.ts';

export interface SizeBalanceContext {
  segments: ReadonlyArray<SegmentRef & { size: number; share: number }>;
}

/**
 * Tiny segments are easy to miss for k-means and too small to market to.
 * Under 1 % of customers, or under 10 customers, is a fail with nothing to
 * soften it. The share does not change when every row appears twice; the
 * count of 10 does, on purpose: it is about how many rows there are to market
 * to, and the core cannot tell a repeated export line from two customers
 * with the same profile (drop repeated customers at ingest). So a segment of
 * 5–9 rows that is at least 1 % of the file fails once and warns doubled.
 */
/** Under 10 customers or under 1 %: too few to market to or to trust (issue 8); the check fails on it. */
export const tooFewToRelyOn = (segment: { size: number; share: number }) =>
  segment.size < 10 || segment.share < 0.01;

// With two segments there is no smaller k to try: a segment too few to rely on is a few unusual
// customers; a small one (1–5 %) may still be thousands of them, a niche.
const fewerSegments = (k: number, tiny: boolean) =>
  k > 2
    ? { advice: { code: 'fewer-segments' as const }, action: { action: 'fewer-k' as const, k: k - 1 } }
    : { advice: { code: tiny ? ('few-unusual' as const) : ('niche-segment' as const) } };

export const sizeBalanceCheck: Check<SizeBalanceContext> = (ctx) => {
  const smallest = ctx.segments.reduce((a, b) => (b.size < a.size ? b : a));
  const largest = ctx.segments.reduce((a, b) => (b.size > a.size ? b : a));
  const value = smallest.share;
  const status = tooFewToRelyOn(smallest) ? 'fail' : verdictAtLeast(value, 0.05, 0.01);
  const ref = { id: smallest.id, name: smallest.name };
  return result('sizeBalance', {
    status,
    value,
    threshold: 0.05,
    finding:
      status === 'pass'
        ? {
            code: 'sizeBalance.enough',
            smallest: ref,
            size: smallest.size,
            share: value,
            largest: largest.size,
          }
        : { code: 'sizeBalance.tiny', smallest: ref, size: smallest.size, share: value },
    ...(status === 'pass' ? {} : fewerSegments(ctx.segments.length, tooFewToRelyOn(smallest))),
    details: { smallest: smallest.size, largest: largest.size, ratio: smallest.size / largest.size },
  });
};
