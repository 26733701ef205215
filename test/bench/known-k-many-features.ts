/**
 * Research: the rule for k with more than three features, which the known-k
 * benchmark (two and three) does not cover. Spherical Gaussian groups in 5
 * and 8 z-scored features, 600 rows, k 2..8, the closest centres 8/5/3 sd
 * apart, three files each; the CH gain the rule asks for with three or more
 * features against 2 %, 5 % and 10 % and the two single indices. Then 48
 * groupless files (single Gaussian, uniform): the structure verdict at the
 * rule's k. Figures quoted in src/core/selection.ts.
 *
 *   npx tsx test/bench/known-k-many-features.ts
 */
import { resolveOptions } from '../../src/core/options.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';
import { K_RULE, sweepK } from '../../src/core/selection.ts';
import { structureTest } from '../../src/core/structure.ts';
import type { SelectionRow } from '../../src/core/types.ts';

const options = resolveOptions({ features: ['income', 'spending'] });
const N = 600;

function normal(rng: () => number) {
  return () => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
}

function zScored(data: Float64Array, d: number) {
  for (let j = 0; j < d; j++) {
    let m = 0;
    let s = 0;
    for (let i = 0; i < N; i++) m += data[i * d + j]! / N;
    for (let i = 0; i < N; i++) s += (data[i * d + j]! - m) ** 2 / (N - 1);
    for (let i = 0; i < N; i++) data[i * d + j] = (data[i * d + j]! - m) / Math.sqrt(s);
  }
  return { n: N, d, data };
}

function groups(d: number, k: number, separation: number, seed: number) {
  const gauss = normal(createRng(seed));
  const raw = Array.from({ length: k }, () => Array.from({ length: d }, () => gauss() * 10));
  let closest = Number.POSITIVE_INFINITY;
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++)
      closest = Math.min(closest, Math.hypot(...raw[a]!.map((x, j) => x - raw[b]![j]!)));
  const centres = raw.map((c) => c.map((x) => (x * separation) / closest));
  const data = new Float64Array(N * d);
  for (let i = 0; i < N; i++) for (let j = 0; j < d; j++) data[i * d + j] = centres[i % k]![j]! + gauss();
  return zScored(data, d);
}

/** The rule of selection.ts with a chosen CH gain. */
function ruleWithGain(rows: SelectionRow[], gain: number): number {
  const clean = rows.filter((r) => !r.scatter);
  const pool = clean.length ? clean : rows;
  const best = pool.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  let chosen = best;
  for (const r of pool)
    if (
      r.k > best.k &&
      r.silhouette >= best.silhouette - K_RULE.silhouetteSlack &&
      r.calinskiHarabasz >= (1 + gain) * best.calinskiHarabasz &&
      r.calinskiHarabasz > chosen.calinskiHarabasz
    )
      chosen = r;
  return chosen.k;
}

const argmaxK = (rows: SelectionRow[], score: (r: SelectionRow) => number) =>
  rows.reduce((a, b) => (score(b) > score(a) ? b : a)).k;

const hits = new Map<string, [number, number]>();
const count = (key: string, ok: boolean) => {
  const h = hits.get(key) ?? [0, 0];
  hits.set(key, [h[0] + Number(ok), h[1] + 1]);
};
let seed = 1;
for (const d of [5, 8])
  for (const separation of [8, 5, 3])
    for (let k = 2; k <= 8; k++)
      for (let rep = 0; rep < 3; rep++) {
        const rows = sweepK(groups(d, k, separation, seed++), options).selection.rows;
        const picks: Record<string, number> = {
          'silhouette max': argmaxK(rows, (r) => r.silhouette),
          'CH max': argmaxK(rows, (r) => r.calinskiHarabasz),
        };
        for (const gain of [K_RULE.chGain.more.base, 0.02, 0.05, 0.1])
          picks[`rule, CH gain ${gain * 100} %`] = ruleWithGain(rows, gain);
        for (const group of ['all', `${d} features`, `${separation} sd apart`])
          for (const [name, picked] of Object.entries(picks))
            count(`${group.padEnd(14)} ${name}`, picked === k);
      }
for (const [key, [hit, files]] of hits)
  console.log(`${key.padEnd(42)} ${((100 * hit) / files).toFixed(1)} % of ${files}`);

const verdicts = new Map<string, number>();
for (const d of [5, 8])
  for (const kind of ['single Gaussian', 'uniform'])
    for (let rep = 0; rep < 12; rep++) {
      const rng = createRng(100 + seed++);
      const gauss = normal(rng);
      const data = Float64Array.from({ length: N * d }, () => (kind === 'uniform' ? rng() * 2 - 1 : gauss()));
      const sweep = sweepK({ n: N, d, data }, options);
      const verdict = structureTest(
        sweep.sweepSet,
        sweep.selection.recommendedK,
        deriveSeed(options.seed, 'structure'),
      ).structure;
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    }
console.log('groupless files, structure at the rule’s k:', Object.fromEntries(verdicts));
