/**
 * The analysis pipeline: a customer table in, everything the reports need out.
 *
 *   CustomerTable ─1─▶ EDA ─2─▶ feature matrix ─3─▶ scaled ─4─▶ k sweep ─5─▶ final fit
 *                                                                              │
 *        Analysis ◀─9─ model ◀─8─ stability ◀─7─ checks ◀─6─ segment profiles ◀─┘
 *
 * Pure and deterministic: the same table, options and seed give the same
 * Analysis. Large tables sweep k on a seeded sample (said in selection.sample
 * and notes); the final fit always uses every row.
 */
import { runChecks } from './assumptions/index.ts';
import { computeBreakdowns } from './breakdowns.ts';
import { computeEda } from './eda.ts';
import { inputProblem } from './errors.ts';
import { featureSpecIn } from './features.ts';
import type { AnalysisNote } from './findings.ts';
import { finalFit } from './fit.ts';
import { idAt } from './ids.ts';
import { ONE_GROUP_NAME } from './naming.ts';
import { resolveOptions, scalingChoice } from './options.ts';
import { pointsFromTable } from './points.ts';
import { deriveSeed } from './random.ts';
import { ownCentreDistanceQuantile, trainingRanges } from './reach.ts';
import { applyScaler, fitScaler } from './scale.ts';
import { profileSegments } from './segments.ts';
import { distinctRows, sweepK, tooFewDistinct } from './selection.ts';
import { featureNotInFile, featuresMissingFrom, featureWithGaps } from './source.ts';
import { stability } from './stability.ts';
import { structureTest } from './structure.ts';
import type { Analysis, AnalysisOptions, CustomerTable, Segment, SegmentModel, SourceInfo } from './types.ts';

const inMemorySource = (table: CustomerTable): SourceInfo => ({
  fileName: '(in memory)',
  columnsFound: ['CustomerID', 'Gender', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)'],
  extraColumns: [],
  missing: {},
  totalRows: table.length,
  skippedRows: 0,
});

/** Below this, segments and their statistics are noise (a 3-row file once gave "segments" of 1). */
export const MIN_CUSTOMERS = 10;

function requireEnoughRows(table: CustomerTable, options: AnalysisOptions, source: SourceInfo): void {
  const needed = Math.max(MIN_CUSTOMERS, Math.max(options.k ?? options.kRange.min, options.kRange.min) + 1);
  if (table.length < needed) {
    throw inputProblem(
      { kind: 'too_few_customers', customers: table.length, needed, ...(options.k ? { k: options.k } : {}) },
      { file: source.fileName },
    );
  }
}

/**
 * Exports often carry income in dollars while the Mall layout means thousands
 * of dollars; segments would still form, but every income figure would read
 * 1,000 times too high, so say so.
 */
function unitNotes(eda: Analysis['eda']): AnalysisNote[] {
  const income = eda.describe.find((d) => d.feature === 'income');
  if (!income || income.median <= 1000) return [];
  return [{ code: 'income_in_dollars', median: income.median }];
}

/** With no groups in the data, the one segment is everyone, and its advice claims nothing about groups. */
const oneGroup = (s: Segment): Segment => ({
  ...s,
  name: ONE_GROUP_NAME,
  advice: { code: 'one_group' },
});

/** Steps in order; an observer hears each one start (progress lines, benchmark timings). */
export type AnalysisStep =
  | 'eda'
  | 'sweep'
  | 'structure'
  | 'fit'
  | 'profile'
  | 'checks'
  | 'stability'
  | 'done';
export type AnalysisObserver = (step: AnalysisStep) => void;

export function analyze(
  table: CustomerTable,
  partial: Partial<AnalysisOptions> = {},
  source?: SourceInfo,
  observe: AnalysisObserver = () => {},
): Analysis {
  const options = resolveOptions(partial);
  const src = source ?? inMemorySource(table);
  requireEnoughRows(table, options, src);
  // A file without an Age column holds NaN ages: clustering on them is refused, never computed.
  const absent = featuresMissingFrom(src, options.features);
  if (absent.length > 0) throw featureNotInFile(absent, src);
  const gaps = featureWithGaps(src, options.features);
  if (gaps) throw gaps;
  const notes: AnalysisNote[] = [];
  observe('eda');
  const eda = computeEda(table, src, options.features); // 1
  const raw = pointsFromTable(table, options.features); // 2
  const scaler = fitScaler(raw, options.scaling); // 3
  const scaled = applyScaler(raw, scaler);
  observe('sweep');
  const sweep = sweepK(scaled, options); // 4
  if (sweep.selection.sample) {
    notes.push({ code: 'sweep_sampled', size: sweep.selection.sample.size, of: table.length });
  }
  notes.push(...unitNotes(eda));
  // A k the user fixed must fit the data before anything is fitted at it (the structure test too).
  if (options.k) {
    const distinct = distinctRows(scaled, options.k);
    if (distinct < options.k) throw tooFewDistinct(distinct, options.k);
  }
  // Structure: does the silhouette at this k beat groupless reference data? (core/structure.ts)
  observe('structure');
  const structure = structureTest(
    sweep.sweepSet,
    options.k ?? sweep.selection.recommendedK,
    deriveSeed(options.seed, 'structure'),
  );
  // No groups: one segment is the honest answer; the recommendation stays as the nearest split.
  const k = options.k ?? (structure.structure === 'none' ? 1 : sweep.selection.recommendedK);
  observe('fit');
  const fit = finalFit(scaled, k, sweep, options); // 5
  if (!fit.converged) notes.push({ code: 'not_converged', iterations: options.maxIterations });
  observe('profile');
  const profiled = profileSegments({
    table,
    labels: fit.labels,
    k,
    scaled,
    centroids: fit.centroids,
    features: options.features,
    eda,
    silhouetteBySegment: fit.silhouetteBySegment,
    noun: (f) => featureSpecIn(src, f).noun,
  }); // 6
  const segments = k === 1 ? profiled.map(oneGroup) : profiled;
  observe('checks');
  // The scale-free checks need z-scores; reuse the clustering space when it already is one.
  const standardised = options.scaling === 'zscore' ? scaled : applyScaler(raw, fitScaler(raw, 'zscore'));
  const assumptions = runChecks({
    eda,
    options,
    standardised,
    segments,
    silhouette: fit.silhouette,
    structure,
    rowId: (row) => idAt(table.ids, row),
    labels: fit.labels,
  }); // 7
  observe('stability');
  // Bootstrap resamples of the sweep set (sampled on big files), so this costs the same at 1M rows.
  const stable = stability({ sweepSet: sweep.sweepSet, k, centroids: fit.centroids, options }); // 8
  const model: SegmentModel = {
    version: 1,
    features: options.features,
    scaler,
    centroids: Array.from({ length: k }, (_, c) =>
      Array.from(fit.centroids.subarray(c * scaled.d, (c + 1) * scaled.d)),
    ),
    segments: segments.map((s) => ({ id: s.id, name: s.name, advice: s.advice })),
    training: {
      rows: table.length,
      k,
      seed: options.seed,
      inertia: fit.inertia,
      silhouette: fit.silhouette,
      restarts: options.restarts,
    },
    // What predict() checks a new customer against (core/reach.ts).
    ranges: trainingRanges(eda.describe, options.features),
    distanceP99: ownCentreDistanceQuantile(scaled, fit.labels, fit.centroids),
  }; // 9
  observe('done');
  return {
    version: 1,
    source: src,
    rows: table.length,
    seed: options.seed,
    features: options.features,
    scaling: options.scaling,
    scalingChosenBy: scalingChoice(partial),
    k,
    kChosenBy: options.k ? 'user' : 'recommendation',
    structure: structure.structure,
    structureTest: structure,
    stability: stable,
    restarts: options.restarts,
    selection: sweep.selection,
    inertia: fit.inertia,
    silhouette: fit.silhouette,
    calinskiHarabasz: fit.calinskiHarabasz,
    daviesBouldin: fit.daviesBouldin,
    segments,
    assumptions,
    eda,
    model,
    labels: fit.labels,
    silhouetteSample: fit.silhouetteSample,
    notes,
    breakdowns: computeBreakdowns(table.categories ?? [], fit.labels, k),
  };
}
