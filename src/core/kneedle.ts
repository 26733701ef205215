/**
 * The elbow of a decreasing, convex curve (inertia against k) by the Kneedle
 * method (Satopää et al., 2011): normalise both axes to [0, 1] and take the
 * point that lies farthest below the straight line joining the ends, i.e. the
 * maximum of the difference curve (1 − x) − y. Returns null when the curve is
 * too short or flat to have an elbow.
 * Example: kneedleElbow([2,3,4,5,6], [100, 40, 20, 15, 12]) === 3.
 */
export function kneedleElbow(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 3) return null;
  const x0 = xs[0]!;
  const x1 = xs[xs.length - 1]!;
  const yMax = Math.max(...ys);
  const yMin = Math.min(...ys);
  if (x1 === x0 || yMax === yMin) return null;
  let best: number | null = null;
  let bestDiff = 0;
  xs.forEach((x, i) => {
    const xn = (x - x0) / (x1 - x0);
    const yn = (ys[i]! - yMin) / (yMax - yMin);
    const diff = 1 - xn - yn;
    if (diff > bestDiff + 1e-12) {
      bestDiff = diff;
      best = x;
    }
  });
  return best;
}
