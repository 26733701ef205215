/**
 * Research cache for the rule for k (issue 8): sweeps each known-k file ONCE
 * and writes one JSON line per file with everything a candidate rule needs,
 * so rules are compared on the cache (test/bench/known-k-rules.ts) instead of
 * re-running k-means per rule.
 *
 * Per file: the analysis sweep's rows (inertia, silhouette, CH, DB at k 2..10,
 * exactly as sweepK computes them), and on the structure test's sample (same
 * seeds as core/structure.ts) the data's silhouette and inertia at every k
 * plus those of 20 single-Gaussian and 20 uniform reference draws, so the
 * structure verdict at any k, the gap statistic and null-corrected
 * silhouettes can all be evaluated afterwards.
 *
 *   npx tsx test/bench/known-k-dump.ts --out /tmp/kk.jsonl --ns 200 [--seed 2026] [--ks 0,1,2,…] [--every 1]
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { fitKMeans } from '../../src/core/kmeans.ts';
import { knownKGrid, knownKTable } from '../../src/core/known-k.ts';
import { meanOf, silhouetteValues } from '../../src/core/metrics.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { type Points, pointsFromTable, selectRows } from '../../src/core/points.ts';
import { deriveSeed, sampleIndices } from '../../src/core/random.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { sweepK } from '../../src/core/selection.ts';
import { gaussianDraw, STRUCTURE_DRAWS, STRUCTURE_SAMPLE, uniformDraw } from '../../src/core/structure.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const out = arg('out', '/tmp/known-k.jsonl');
const ns = arg('ns', '200').split(',').map(Number);
const ks = arg('ks', '0,1,2,3,4,5,6,7,8,9,10').split(',').map(Number);
const seed = Number(arg('seed', '2026'));
const every = Number(arg('every', '1'));
const draws = Number(arg('draws', String(STRUCTURE_DRAWS)));

function sortedRows(points: Points): Points {
  const { n, d, data } = points;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let j = 0; j < d; j++) {
      const diff = data[a * d + j]! - data[b * d + j]!;
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return selectRows(points, order);
}

function totalSS(p: Points): number {
  const m = new Float64Array(p.d);
  for (let i = 0; i < p.n; i++) for (let j = 0; j < p.d; j++) m[j]! += p.data[i * p.d + j]! / p.n;
  let s = 0;
  for (let i = 0; i < p.n; i++) for (let j = 0; j < p.d; j++) s += (p.data[i * p.d + j]! - m[j]!) ** 2;
  return s;
}

/** As structure.ts's silhouetteAtK, but keeps the inertia too. */
function fitAt(points: Points, k: number, fitSeed: number) {
  const fit = fitKMeans(points, {
    k,
    restarts: 2,
    maxIterations: 100,
    tolerance: 1e-6,
    seed: fitSeed,
    fitSampleSize: points.n,
  });
  return { sil: meanOf(silhouetteValues(points, fit.labels, k)), w: fit.inertia };
}

const done = new Set(
  existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).spec.seed as number)
    : [],
);
const specs = knownKGrid({ ns, ks, seed }).filter((_, i) => i % every === 0);
const r4 = (x: number) => Math.round(x * 1e5) / 1e5;
let count = 0;
for (const spec of specs) {
  if (done.has(spec.seed)) continue;
  const t0 = Date.now();
  const { table, features } = knownKTable(spec);
  const options = resolveOptions({ features });
  const raw = pointsFromTable(table, features);
  const sweep = sweepK(applyScaler(raw, fitScaler(raw, options.scaling)), options);
  const ks2 = sweep.selection.rows.map((r) => r.k);
  // The structure test's sample and draws, seeded as analyze() seeds them.
  const sSeed = deriveSeed(options.seed, 'structure');
  const size = Math.min(sweep.sweepSet.n, STRUCTURE_SAMPLE);
  const sample = sortedRows(
    selectRows(
      sweep.sweepSet,
      sampleIndices(sweep.sweepSet.n, size, deriveSeed(sSeed, 'structure', 'sample')),
    ),
  );
  const dataAt = ks2.map((k) => fitAt(sample, k, deriveSeed(sSeed, 'structure', 'data')));
  const ref = (kind: 'gaussian' | 'uniform') =>
    Array.from({ length: draws }, (_, r) => {
      const drawSeed = deriveSeed(sSeed, 'structure', kind, r);
      const draw = kind === 'gaussian' ? gaussianDraw(sample, drawSeed) : uniformDraw(sample, drawSeed);
      const per = ks2.map((k) => fitAt(draw, k, deriveSeed(drawSeed, 'fit')));
      return { t: r4(totalSS(draw)), sil: per.map((p) => r4(p.sil)), w: per.map((p) => r4(p.w)) };
    });
  const line = {
    spec,
    rows: sweep.selection.rows.map((r) => ({
      k: r.k,
      inertia: r4(r.inertia),
      silhouette: r4(r.silhouette),
      ch: r4(r.calinskiHarabasz),
      db: r4(r.daviesBouldin),
      scatter: r.scatter ? 1 : 0,
    })),
    ruleK: sweep.selection.recommendedK,
    sample: { n: sample.n, d: sample.d, t: r4(totalSS(sample)) },
    dataSil: dataAt.map((p) => r4(p.sil)),
    dataW: dataAt.map((p) => r4(p.w)),
    gaussian: ref('gaussian'),
    uniform: ref('uniform'),
    ms: 0,
  };
  line.ms = Date.now() - t0;
  appendFileSync(out, `${JSON.stringify(line)}\n`);
  count++;
  if (count % 20 === 0) console.log(`${count} files, last ${line.ms} ms`);
}
console.log(`done: ${count} new files in ${out}`);
