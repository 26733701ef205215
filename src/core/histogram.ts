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

/** The bins `histogram` uses for values from `min` to `max`. */
function binsFor(min: number, max: number, target: number) {
  const step = niceStep(min, max, target);
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.floor((max - start) / step) + 1);
  return { step, start, counts: new Float64Array(count) };
}

function asBins(start: number, step: number, counts: Float64Array): HistogramBin[] {
  return Array.from(counts, (c, b) => ({ start: start + b * step, end: start + (b + 1) * step, count: c }));
}

export function histogram(values: ArrayLike<number>, min: number, max: number, target = 14): HistogramBin[] {
  const { step, start, counts } = binsFor(min, max, target);
  const last = counts.length - 1;
  for (let i = 0; i < values.length; i++)
    counts[Math.min(last, Math.floor((values[i]! - start) / step))]! += 1;
  return asBins(start, step, counts);
}

/**
 * `histogram` of whole numbers already counted (`counted[k]` values equal
 * `first + k`): each distinct value goes to the bin its values would, so the
 * bins and counts are the same.
 */
export function histogramOfCounts(
  counted: ArrayLike<number>,
  first: number,
  min: number,
  max: number,
  target = 14,
): HistogramBin[] {
  const { step, start, counts } = binsFor(min, max, target);
  const last = counts.length - 1;
  for (let k = 0; k < counted.length; k++) {
    const c = counted[k]!;
    if (c > 0) counts[Math.min(last, Math.floor((first + k - start) / step))]! += c;
  }
  return asBins(start, step, counts);
}
