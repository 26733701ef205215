/**
 * Known-k benchmark: generated files whose true number of groups is known
 * (src/core/known-k.ts), swept exactly as the analysis sweeps them. Prints how
 * often the project's rule finds the true k, by condition, next to the
 * silhouette-maximum and Calinski–Harabasz-maximum rules computed on the same
 * sweeps and the issue's goals, then the structure test's verdicts (at the
 * rule's k, seeded as analyze() seeds it) on groupless files (uniform, single
 * Gaussian) and on the clustered files. `--quick` runs a small 200-row slice.
 * Rule research on a cache of the sweeps: test/bench/known-k-dump.ts,
 * known-k-clusters.ts and known-k-rules.ts; the same files for a reference
 * outside the project: known-k-export.ts.
 */
import { type KnownKSpec, knownKGrid, knownKTable } from '../../src/core/known-k.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { deriveSeed } from '../../src/core/random.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { sweepK } from '../../src/core/selection.ts';
import { structureTest } from '../../src/core/structure.ts';
import type { SelectionRow, Structure } from '../../src/core/types.ts';

export interface KnownKOutcome {
  spec: KnownKSpec;
  rule: number;
  silhouetteMax: number;
  chMax: number;
  /** The structure test's verdict at the rule's k. */
  structure: Structure;
}

const best = (rows: SelectionRow[], score: (r: SelectionRow) => number) =>
  rows.reduce((a, b) => (score(b) > score(a) ? b : a)).k;

export function knownKSpecs(quick: boolean): KnownKSpec[] {
  if (quick) return knownKGrid({ ns: [200], ks: [0, 1, 2, 5, 9], dims: [2] });
  // Every condition at 200 and 1,000 rows; every fourth file at 20,000 (each takes seconds).
  return [
    ...knownKGrid({ ns: [200, 1_000], ks: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }),
    ...knownKGrid({ ns: [20_000], seed: 5000 }).filter((_, i) => i % 4 === 0),
  ];
}

export function runKnownK(spec: KnownKSpec): KnownKOutcome {
  const { table, features } = knownKTable(spec);
  const options = resolveOptions({ features });
  const raw = pointsFromTable(table, features);
  const sweep = sweepK(applyScaler(raw, fitScaler(raw, options.scaling)), options);
  const rows = sweep.selection.rows;
  const structure = structureTest(
    sweep.sweepSet,
    sweep.selection.recommendedK,
    deriveSeed(options.seed, 'structure'),
  ).structure;
  return {
    spec,
    structure,
    rule: sweep.selection.recommendedK,
    silhouetteMax: best(rows, (r) => r.silhouette),
    chMax: best(rows, (r) => r.calinskiHarabasz),
  };
}

type Rule = 'rule' | 'silhouetteMax' | 'chMax';
const RULES: Rule[] = ['rule', 'silhouetteMax', 'chMax'];

const CONDITIONS: Array<[string, (s: KnownKSpec) => boolean]> = [
  ['overall', () => true],
  ['well separated, balanced (8 sd)', (s) => s.separation === 8 && s.shape === 'balanced'],
  ...[8, 5, 3].map((sep): [string, (s: KnownKSpec) => boolean] => [
    `${sep} sd apart`,
    (s) => s.separation === sep,
  ]),
  ...(['balanced', 'imbalanced', 'anisotropic', 'noise'] as const).map(
    (shape): [string, (s: KnownKSpec) => boolean] => [shape, (s) => s.shape === shape],
  ),
  ['2 features', (s) => s.dims === 2],
  ['3 features', (s) => s.dims === 3],
  ...[200, 1_000, 20_000].map((n): [string, (s: KnownKSpec) => boolean] => [
    `${n.toLocaleString('en-US')} rows`,
    (s) => s.n === n,
  ]),
];

/** Issue 8's goals: recovery overall and on well-separated balanced files; groupless and clustered verdicts. */
export const KNOWN_K_GOALS = {
  overall: 85,
  wellSeparatedBalanced: 97,
  nullPresentedReal: 5,
  clusteredRecognised: 95,
};

export function recoveryTable(all: KnownKOutcome[]): string[] {
  const outcomes = all.filter((o) => o.spec.k >= 2);
  const lines = [
    `${'condition'.padEnd(34)} ${'files'.padStart(5)}  ${'rule'.padStart(7)}  ${'sil-max'.padStart(7)}  ${'CH-max'.padStart(7)}  goal`,
  ];
  const goal = (label: string) =>
    label === 'overall'
      ? `  ≥ ${KNOWN_K_GOALS.overall} %`
      : label.startsWith('well separated, balanced')
        ? `  ≥ ${KNOWN_K_GOALS.wellSeparatedBalanced} %`
        : '';
  for (const [label, test] of CONDITIONS) {
    const group = outcomes.filter((o) => test(o.spec));
    if (!group.length) continue;
    // One decimal: a whole-number rounding could show a goal met that is not (84.6 → 85).
    const pct = (r: Rule) =>
      `${((100 * group.filter((o) => o[r] === o.spec.k).length) / group.length).toFixed(1)} %`.padStart(7);
    lines.push(
      `${label.padEnd(34)} ${String(group.length).padStart(5)}  ${pct('rule')}  ${pct('silhouetteMax')}  ${pct('chMax')}${goal(label)}`,
    );
  }
  for (const r of RULES) {
    const reached = [...new Set(outcomes.filter((o) => o[r] === o.spec.k).map((o) => o.spec.k))].sort(
      (a, b) => a - b,
    );
    lines.push(`  ${r}: true k found for k = ${reached.join(', ')}`);
  }
  lines.push(...structureLines(all));
  return lines;
}

/** The structure test at the rule's k: groupless files should be 'none', clustered ones 'clear' (or at least 'weak'). */
export function structureLines(all: KnownKOutcome[]): string[] {
  const share = (group: KnownKOutcome[], ok: (s: Structure) => boolean) =>
    `${Math.round((100 * group.filter((o) => ok(o.structure)).length) / Math.max(1, group.length))} %`;
  const groupless = all.filter((o) => o.spec.k < 2);
  const clustered = all.filter((o) => o.spec.k >= 2);
  return [
    "Structure test at the rule's k (null reference: 20 single-Gaussian + 20 uniform draws)",
    `  groupless files (${groupless.length}): clear ${share(groupless, (s) => s === 'clear')}, weak ${share(groupless, (s) => s === 'weak')}  (goal: clear + weak ≤ ${KNOWN_K_GOALS.nullPresentedReal} %)`,
    `  clustered files (${clustered.length}): clear ${share(clustered, (s) => s === 'clear')}, clear or weak ${share(clustered, (s) => s !== 'none')}  (goal ≥ ${KNOWN_K_GOALS.clusteredRecognised} %)`,
  ];
}

/**
 * The same grid drawn with a seed no rule was tuned on (200 and 1,000 rows, k 2..10). The rule's
 * constants were chosen on the benchmark's own files, so its figure there is optimistic; this is
 * what to expect on new files. Measured: 80.6 % at seed 9000 and 82.4 % at seed 7000, against
 * 85.0 % on the benchmark's 432 files of those sizes.
 */
export const FRESH_DRAW_SEED = 9000;

export function freshDrawSpecs(): KnownKSpec[] {
  return knownKGrid({ ns: [200, 1_000], ks: [2, 3, 4, 5, 6, 7, 8, 9, 10], seed: FRESH_DRAW_SEED });
}

export function freshDrawLines(all: KnownKOutcome[]): string[] {
  const share = (group: KnownKOutcome[], r: Rule) =>
    `${((100 * group.filter((o) => o[r] === o.spec.k).length) / group.length).toFixed(1)} %`;
  const line = (label: string, group: KnownKOutcome[]) =>
    `  ${label.padEnd(32)} ${String(group.length).padStart(5)}  ${RULES.map((r) => `${r} ${share(group, r)}`).join('  ')}`;
  const shown = ['overall', 'well separated, balanced (8 sd)', '3 sd apart'];
  return [
    `  Fresh draws of the same grid (seed ${FRESH_DRAW_SEED}, 200 and 1,000 rows), which no rule was tuned on:`,
    ...CONDITIONS.filter(([label]) => shown.includes(label)).map(([label, test]) =>
      line(
        label,
        all.filter((o) => test(o.spec)),
      ),
    ),
  ];
}

export function benchKnownK(quick: boolean): string[] {
  const lines = recoveryTable(knownKSpecs(quick).map(runKnownK));
  if (quick) return lines;
  return [...lines, ...freshDrawLines(freshDrawSpecs().map(runKnownK))];
}
