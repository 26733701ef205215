// Measures the outlier check's cut-off (core/mahalanobis.ts): the share of customers it flags on clean
// normal data, its recall on 5 % planted outliers, and what it flags on generated segmented data.
// The figures are quoted in src/core/assumptions/outliers.ts. Run: npx tsx scripts/measure-outliers.ts
import { OUTLIER_LEVEL } from '../src/core/assumptions/outliers.ts';
import { knownKFeatures, knownKTable } from '../src/core/known-k.ts';
import { mahalanobisOutliers } from '../src/core/mahalanobis.ts';
import { type Points, pointsFromTable } from '../src/core/points.ts';
import { createRng, normal } from '../src/core/random.ts';
import { applyScaler, fitScaler } from '../src/core/scale.ts';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const shareOf = (p: Points) => mahalanobisOutliers(p, OUTLIER_LEVEL).count / p.n;

/** Standard normal features; `correlated` chains them (r ≈ 0.7 between neighbours). */
function normalPoints(n: number, d: number, seed: number, correlated: boolean): Points {
  const rng = createRng(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const prev = j > 0 && correlated ? data[i * d + j - 1]! : 0;
      data[i * d + j] = correlated ? 0.7 * prev + 0.71 * normal(rng) : normal(rng);
    }
  return { n, d, data };
}

/** Replaces the first 5 % of rows: 'far' = 6–10 sd from the centre in a random direction; 'typo' = one value 6–10 sd out. */
function plant(p: Points, seed: number, kind: 'far' | 'typo'): number {
  const rng = createRng(seed);
  const m = Math.round(p.n * 0.05);
  const { d, data } = p;
  for (let i = 0; i < m; i++) {
    const r = 6 + 4 * rng();
    if (kind === 'far') {
      const dir = Array.from({ length: d }, () => normal(rng));
      const len = Math.hypot(...dir);
      for (let j = 0; j < d; j++) data[i * d + j] = (dir[j]! / len) * r;
    } else {
      const j = Math.floor(rng() * d);
      data[i * d + j] = data[i * d + j]! > 0 ? r : -r;
    }
  }
  return m;
}

console.log(`cut-off: chi-square(d) ${OUTLIER_LEVEL} quantile, one reweighting step`);
console.log('clean normal data: share flagged, mean / max over seeds');
for (const correlated of [false, true])
  for (const d of [2, 3, 5])
    for (const n of [200, 1_000, 10_000]) {
      const seeds = n >= 10_000 ? 5 : 20;
      const s = Array.from({ length: seeds }, (_, k) => shareOf(normalPoints(n, d, 100 + k, correlated)));
      const mean = s.reduce((a, b) => a + b, 0) / seeds;
      console.log(`  correlated=${correlated} d=${d} n=${n}: ${pct(mean)} / ${pct(Math.max(...s))}`);
    }
console.log('5 % planted outliers: recall mean (min), share flagged');
for (const kind of ['far', 'typo'] as const)
  for (const d of [2, 3, 5])
    for (const n of [200, 1_000, 10_000]) {
      const seeds = n >= 10_000 ? 3 : 10;
      let recall = 0;
      let worst = 1;
      let flagged = 0;
      for (let k = 0; k < seeds; k++) {
        const p = normalPoints(n, d, 500 + k, false);
        const m = plant(p, 900 + k, kind);
        const found = mahalanobisOutliers(p, OUTLIER_LEVEL);
        const r = found.flagged.subarray(0, m).reduce((a, b) => a + b, 0) / m;
        recall += r / seeds;
        worst = Math.min(worst, r);
        flagged += found.count / n / seeds;
      }
      console.log(`  ${kind} d=${d} n=${n}: ${pct(recall)} (${pct(worst)}), ${pct(flagged)}`);
    }
console.log('segmented data without outliers (k 2..10, 3/5/8 sd, n 200/1,000): files > 1 % / > 5 %, max');
let seed = 7000;
for (const shape of ['balanced', 'imbalanced', 'anisotropic'] as const)
  for (const dims of [2, 3] as const) {
    const shares: number[] = [];
    for (const n of [200, 1_000])
      for (const separation of [8, 5, 3])
        for (let k = 2; k <= 10; k++) {
          const { table } = knownKTable({ k, n, separation, shape, dims, seed: seed++ });
          const raw = pointsFromTable(table, knownKFeatures(dims));
          shares.push(shareOf(applyScaler(raw, fitScaler(raw, 'zscore'))));
        }
    const over = (t: number) => shares.filter((s) => s > t).length;
    console.log(
      `  ${shape} d=${dims}: ${over(0.01)} / ${over(0.05)} of ${shares.length}, max ${pct(Math.max(...shares))}`,
    );
  }
