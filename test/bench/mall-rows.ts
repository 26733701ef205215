/** Research helper: the Mall file's sweep rows (2-D raw, 3-D z-scored) as JSON, for checking candidate k rules. */
import { resolveOptions } from '../../src/core/options.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { sweepK } from '../../src/core/selection.ts';
import type { Feature } from '../../src/core/types.ts';
import { selectionReason } from '../../src/phrases/selection.ts';
import { loadMall } from '../support/mall.ts';

const table = await loadMall();
const out: Record<string, unknown> = {};
for (const features of [
  ['income', 'spending'],
  ['age', 'income', 'spending'],
] as Feature[][]) {
  const options = resolveOptions({ features });
  const raw = pointsFromTable(table, features);
  const sweep = sweepK(applyScaler(raw, fitScaler(raw, options.scaling)), options);
  out[features.join('+')] = {
    k: sweep.selection.recommendedK,
    reason: selectionReason(sweep.selection),
    rows: sweep.selection.rows,
  };
}
console.log(JSON.stringify(out));
