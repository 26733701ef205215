import type { HistogramBin } from './types.ts';

/**
 * Equal-width bins on a "nice" step (1, 2, 2.5 or 5 × 10^n) so axis ticks read
 * naturally (0, 10, 20 … rather than 14.3, 28.6 …), about `target` bins.
 * Example: niceStep(15, 137, 12) === 10.
 */
export function niceStep(min: number, max: number, target: number): number {
  const span = max - min;
  if (!(span > 0)) return 1;
  const raw = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

export function histogram(values: ArrayLike<number>, min: number, max: number, target = 14): HistogramBin[] {
  const step = niceStep(min, max, target);
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.floor((max - start) / step) + 1);
  const counts = new Float64Array(count);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(count - 1, Math.floor((values[i]! - start) / step));
    counts[b]! += 1;
  }
  return Array.from(counts, (c, b) => ({ start: start + b * step, end: start + (b + 1) * step, count: c }));
}
