/**
 * Property tests: a verdict must not depend on the file's row order nor on
 * every row appearing twice. Where a check's figure does move with repeated
 * rows, the check's doc comment says why that is acceptable and the weaker
 * property it keeps is tested here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.ts';
import type { CheckContext } from '../../../src/core/assumptions/context.ts';
import { CHECKS } from '../../../src/core/assumptions/index.ts';
import { tendencyCheck } from '../../../src/core/assumptions/tendency.ts';
import { computeEda } from '../../../src/core/eda.ts';
import { knownKTable } from '../../../src/core/known-k.ts';
import { resolveOptions } from '../../../src/core/options.ts';
import type { Points } from '../../../src/core/points.ts';
import { pointsFromTable } from '../../../src/core/points.ts';
import { createRng } from '../../../src/core/random.ts';
import { applyScaler, fitScaler } from '../../../src/core/scale.ts';
import { structureSample } from '../../../src/core/structure.ts';
import { generateCustomers } from '../../../src/core/synthetic.ts';
import type {
  Analysis,
  AnalysisOptions,
  AssumptionCheck,
  CheckId,
  CustomerTable,
} from '../../../src/core/types.ts';
import { HAS_MALL, loadMall } from '../../support/mall.ts';
import { reorderRows } from '../../support/tables.ts';

const shuffled = (t: CustomerTable, seed: number) => {
  const order = Array.from({ length: t.length }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return reorderRows(t, order);
};
const twice = (t: CustomerTable) =>
  reorderRows(
    t,
    Array.from({ length: 2 * t.length }, (_, i) => i % t.length),
  );

const byId = (a: Analysis) => new Map(a.assumptions.map((c) => [c.check, c]));
/** The checks whose verdict is exactly unchanged by repeating every row (see each check's doc comment). */
const EXACT_UNDER_REPEATS: CheckId[] = ['scale', 'correlation', 'outliers', 'tendency', 'spreadBalance'];

interface Case {
  name: string;
  table: () => Promise<CustomerTable> | CustomerTable;
  options: Partial<AnalysisOptions>;
}
const CASES: Case[] = [
  ...(HAS_MALL ? [{ name: 'Mall, k = 5', table: loadMall, options: { k: 5 } }] : []),
  {
    name: 'three separated groups, three features',
    table: () => knownKTable({ k: 3, n: 240, separation: 8, shape: 'imbalanced', dims: 3, seed: 12 }).table,
    options: { k: 3, features: ['age', 'income', 'spending'] },
  },
  {
    name: 'one blob (no groups)',
    table: () => knownKTable({ k: 1, n: 200, separation: 5, shape: 'balanced', dims: 2, seed: 3 }).table,
    options: { k: 3 },
  },
];

describe.each(CASES)('verdicts on $name', ({ table: load, options }) => {
  let table: CustomerTable;
  let base: Analysis;
  beforeAll(async () => {
    table = await load();
    base = analyze(table, options);
  });

  it('do not depend on row order', () => {
    {
      const other = byId(analyze(shuffled(table, 1), options));
      for (const c of base.assumptions) expect(other.get(c.check)!.status, c.check).toBe(c.status);
      // The data checks and the structure test see only the rows' values, so their figures agree too.
      for (const id of ['scale', 'correlation', 'outliers', 'skewness', 'tendency'] as const)
        expect(other.get(id)!.value, id).toBeCloseTo(byId(base).get(id)!.value, 9);
    }
  });

  it('do not depend on every row appearing twice', () => {
    const doubled = analyze(twice(table), options);
    const other = byId(doubled);
    const mine = byId(base);
    for (const id of EXACT_UNDER_REPEATS) {
      expect(other.get(id)!.status, id).toBe(mine.get(id)!.status);
      expect(other.get(id)!.value, id).toBeCloseTo(mine.get(id)!.value, 9);
    }
    // Hopkins, a figure only, is the one that runs to 1 with repeated rows; the verdict above did not.
    expect(other.get('tendency')!.details!.hopkins).toBeGreaterThan(mine.get('tendency')!.details!.hopkins!);
    // Weaker properties, with the bound each check's comment gives.
    expectWithin(other.get('skewness')!, mine.get('skewness')!, 3 / table.length, [0.5, 1]);
    const smallest = Math.min(...base.segments.map((s) => s.size));
    expectWithin(other.get('separation')!, mine.get('separation')!, 1 / (2 * smallest - 2), [0.25, 0.5]);
    expect(other.get('sizeBalance')!.value).toBeCloseTo(mine.get('sizeBalance')!.value, 12);
    if (smallest >= 10) expect(other.get('sizeBalance')!.status).toBe(mine.get('sizeBalance')!.status);
  });
});

/** |Δ value| within `bound` (relative for skewness, absolute for silhouettes); the verdict agrees unless that close to a threshold. */
function expectWithin(a: AssumptionCheck, b: AssumptionCheck, bound: number, thresholds: number[]) {
  const slack = a.check === 'skewness' ? bound * Math.abs(b.value) : bound;
  expect(Math.abs(a.value - b.value), a.check).toBeLessThanOrEqual(slack + 1e-12);
  if (thresholds.every((t) => Math.abs(b.value - t) > slack)) expect(a.status, a.check).toBe(b.status);
}

describe('the data checks, on 40 random files', () => {
  /** Scale, correlation, outliers and skewness read only the EDA and the z-scored rows. */
  const dataChecks = (t: CustomerTable, features: AnalysisOptions['features']) => {
    const options = resolveOptions({ features });
    const raw = pointsFromTable(t, features);
    const ctx = {
      eda: computeEda(t, {
        fileName: 'f',
        columnsFound: [],
        extraColumns: [],
        missing: {},
        totalRows: t.length,
        skippedRows: 0,
      }),
      options,
      standardised: applyScaler(raw, fitScaler(raw, 'zscore')),
    } as unknown as CheckContext;
    return (['scale', 'correlation', 'outliers', 'skewness'] as const).map((id) => CHECKS[id](ctx));
  };

  it('give the same verdicts shuffled and with every row twice', () => {
    const rng = createRng(77);
    const featureSets: Array<AnalysisOptions['features']> = [
      ['income', 'spending'],
      ['age', 'income', 'spending'],
      ['age', 'spending'],
    ];
    for (let run = 0; run < 40; run++) {
      const t = generateCustomers(30 + Math.floor(rng() * 600), 1000 + run);
      // Some files get a few far-out incomes, so the outlier verdict is not always a pass.
      for (let i = 0; i < Math.floor(rng() * 0.08 * t.length); i++) t.income[i] = 400 + i;
      const features = featureSets[run % 3]!;
      const base = dataChecks(t, features);
      const mixed = dataChecks(shuffled(t, run), features);
      const doubled = dataChecks(twice(t), features);
      base.forEach((b, i) => {
        expect(mixed[i]!.status, `${b.check}, run ${run}`).toBe(b.status);
        expect(mixed[i]!.value).toBeCloseTo(b.value, 9);
        if (b.check === 'skewness') expectWithin(doubled[i]!, b, 3 / t.length, [0.5, 1]);
        else {
          expect(doubled[i]!.status, `${b.check} doubled, run ${run}`).toBe(b.status);
          expect(doubled[i]!.value).toBeCloseTo(b.value, 9);
        }
      });
    }
  });
});

describe('the structure sample', () => {
  const points = (rows: number[][]): Points => ({
    n: rows.length,
    d: 2,
    data: Float64Array.from(rows.flat()),
  });
  const rng = createRng(5);
  const rows = Array.from({ length: 900 }, () => [Math.round(rng() * 60), Math.round(rng() * 60)]);
  const key = (p: Points) => Array.from(p.data).join(',');

  it('is the same set of values whatever the row order, and when every row is repeated', () => {
    const base = structureSample(points(rows), 500, 9);
    expect(base.n).toBe(500);
    expect(key(structureSample(points([...rows].reverse()), 500, 9))).toBe(key(base));
    expect(key(structureSample(points([...rows, ...rows]), 500, 9))).toBe(key(base));
    expect(key(structureSample(points(rows.flatMap((r) => [r, r, r])), 500, 9))).toBe(key(base));
  });

  it('never puts a row beside its own copy when every row is repeated', () => {
    const fewer = Array.from({ length: 150 }, () => [rng(), rng()]);
    const doubled = structureSample(points([...fewer, ...fewer]), 500, 9);
    expect(doubled.n).toBe(150);
    expect(key(doubled)).toBe(key(structureSample(points(fewer), 500, 9)));
    // With ties in the file itself, the sample has one row per distinct profile's worth of ranks.
    const tied = rows.slice(0, 150);
    const distinct = new Set(tied.map((r) => r.join(','))).size;
    expect(structureSample(points([...tied, ...tied]), 500, 9).n).toBe(distinct);
    expect(key(structureSample(points([...tied, ...tied]), 500, 9))).toBe(
      key(structureSample(points(tied), 500, 9)),
    );
  });
});

describe('the tendency verdict', () => {
  it('is the structure test, whatever Hopkins says', () => {
    const rng = createRng(2);
    // Two tight far-apart clumps: Hopkins near 1.
    const data = Float64Array.from({ length: 400 }, (_, i) => (i % 4 < 2 ? 0 : 10) + rng() * 0.1);
    const structure = {
      structure: 'none',
      k: 2,
      silhouette: 0.3,
      gaussianMax: 0.5,
      uniformMax: 0.5,
      gaussian: { mean: 0.4, sd: 0.05 },
      uniform: { mean: 0.4, sd: 0.05 },
    } as const;
    const ctx = {
      standardised: { n: 200, d: 2, data },
      options: { seed: 1 },
      structure: { ...structure, draws: 20, beatGaussian: 0, beatUniform: 0 },
      segments: [{}, {}],
    } as unknown as CheckContext;
    const check = tendencyCheck(ctx);
    expect(check.details!.hopkins).toBeGreaterThan(0.9);
    expect(check.status).toBe('fail');
    expect(CHECKS.tendency).toBe(tendencyCheck);
  });
});
