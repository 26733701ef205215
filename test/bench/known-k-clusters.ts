/**
 * Research cache, part 2: per-k cluster sizes and spreads of the analysis
 * sweep's fits on known-k files (one JSON line per file, keyed by seed), for
 * rules that look at the segments themselves (e.g. a thin scatter of outliers
 * fitted as a segment of its own).
 *
 *   npx tsx test/bench/known-k-clusters.ts --out /tmp/kc.jsonl --ns 200 [--seed 2026]
 */
import { appendFileSync } from 'node:fs';
import { knownKGrid, knownKTable } from '../../src/core/known-k.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { segmentSpreads, sweepK } from '../../src/core/selection.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const out = arg('out', '/tmp/known-k-clusters.jsonl');
const ns = arg('ns', '200').split(',').map(Number);
const ks = arg('ks', '0,1,2,3,4,5,6,7,8,9,10').split(',').map(Number);
const seed = Number(arg('seed', '2026'));
const every = Number(arg('every', '1'));
const r4 = (x: number) => Math.round(x * 1e5) / 1e5;

// The same grid as known-k-dump.ts (seeds are positions in it), groupless files skipped.
for (const spec of knownKGrid({ ns, ks, seed }).filter((s, i) => i % every === 0 && s.k >= 2)) {
  const { table, features } = knownKTable(spec);
  const options = resolveOptions({ features });
  const raw = pointsFromTable(table, features);
  const sweep = sweepK(applyScaler(raw, fitScaler(raw, options.scaling)), options);
  const n = sweep.sweepSet.n;
  const perK = [...sweep.fits.values()].map((fit) => {
    const { size, rms } = segmentSpreads(sweep.sweepSet, fit);
    return { k: fit.k, sizes: Array.from(size), rms: rms.map(r4) };
  });
  const rows = sweep.selection.rows.map((r) => ({
    k: r.k,
    inertia: r4(r.inertia),
    silhouette: r4(r.silhouette),
    ch: r4(r.calinskiHarabasz),
    db: r4(r.daviesBouldin),
  }));
  appendFileSync(
    out,
    `${JSON.stringify({ seed: spec.seed, spec, n, rows, ruleK: sweep.selection.recommendedK, perK })}\n`,
  );
}
