/**
 * The chi-square distribution, for cut-offs on squared Mahalanobis distances
 * (which follow chi-square with d degrees of freedom for d-variate normal
 * data). Neither simple-statistics (a table of a few levels only) nor
 * vega-statistics (normal, log-normal, uniform) has it.
 *
 * The CDF is the regularised lower incomplete gamma P(d/2, x/2), by its
 * power series below a + 1 and by Lentz's continued fraction above
 * (Numerical Recipes §6.2), both to 1e-14. The quantile inverts it by
 * bisection, so it is exact to the CDF's precision.
 * Example: chiSquareQuantile(0.999, 2) ≈ 13.8155 (= −2 ln 0.001).
 */

const EPS = 1e-14;
const MAX_TERMS = 1000;

/** ln Γ(a), Lanczos (g = 7, 9 terms): about 15 digits for a > 0. */
function logGamma(a: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (a < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
  const x = a - 1;
  let s = c[0]!;
  for (let i = 1; i < 9; i++) s += c[i]! / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularised lower incomplete gamma P(a, x). */
export function lowerGammaRegularised(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPS; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, front * sum);
  }
  // Continued fraction for Q(a, x) = 1 − P(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.max(0, 1 - front * h);
}

/** P(X ≤ x) for X ~ chi-square(df). */
export function chiSquareCdf(x: number, df: number): number {
  return lowerGammaRegularised(df / 2, x / 2);
}

/** The x with chiSquareCdf(x, df) = p, for 0 < p < 1. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`chi-square quantile needs 0 < p < 1 and df > 0`);
  let lo = 0;
  let hi = Math.max(1, df);
  while (chiSquareCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
