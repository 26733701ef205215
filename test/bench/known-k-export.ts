/**
 * Research: writes the known-k benchmark's files as the sweep sees them
 * (features scaled as the analysis scales them), one CSV per file, plus an
 * index with each file's spec, the rule's k and the sweep's scores, so a reference outside the
 * project can score the same files. Used for the Gaussian-mixture BIC
 * and the prediction strength measured in src/core/selection.ts
 * (test/bench/reference/known_k_gmm_bic.py, known_k_prediction_strength.py).
 * --fresh writes the fresh draws no rule was tuned on instead.
 *
 *   npx tsx test/bench/known-k-export.ts --out /tmp/known-k-files [--quick | --fresh]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knownKTable } from '../../src/core/known-k.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { sweepK } from '../../src/core/selection.ts';
import { freshDrawSpecs, knownKSpecs } from './known-k.ts';

const at = process.argv.indexOf('--out');
const out = at >= 0 ? process.argv[at + 1]! : '/tmp/known-k-files';
mkdirSync(out, { recursive: true });
const specs = process.argv.includes('--fresh')
  ? freshDrawSpecs()
  : knownKSpecs(process.argv.includes('--quick'));
const index = specs.map((spec) => {
  const { table, features } = knownKTable(spec);
  const options = resolveOptions({ features });
  const raw = pointsFromTable(table, features);
  const points = applyScaler(raw, fitScaler(raw, options.scaling));
  const lines: string[] = [];
  for (let i = 0; i < points.n; i++)
    lines.push(points.data.subarray(i * points.d, (i + 1) * points.d).join(','));
  const file = join(out, `${spec.seed}-${spec.n}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const { selection } = sweepK(points, options);
  const rows = selection.rows.map((r) => ({
    k: r.k,
    silhouette: r.silhouette,
    calinskiHarabasz: r.calinskiHarabasz,
    scatter: r.scatter !== null,
  }));
  return { file, spec, ruleK: selection.recommendedK, rows };
});
writeFileSync(join(out, 'index.json'), JSON.stringify(index));
console.log(`${index.length} files in ${out}`);
