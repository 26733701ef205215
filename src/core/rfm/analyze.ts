/**
 * RFM segmentation of per-customer figures (aggregate.ts), the standard practice:
 *
 *   R, F, M ─1─▶ log(1 + x) ─2─▶ z-scores ─3─▶ k sweep ─4─▶ structure test ─5─▶ final fit
 *       ─6─▶ names from the centres' 1–5 scores ─7─▶ stability ─8─▶ skewness + checks (checks.ts)
 *       ─9─▶ country comparison ─▶ model
 *
 * Steps 3–5 and 7 are the customer-file machinery (core/analyze.ts), called
 * the same way: with no groups ('none') the answer is one segment of everyone
 * (code 'allCustomers'), k = 1, and the rule's k stays in selection as the
 * nearest split.
 *
 * Frequency and spend are heavily right-skewed (a few customers order a
 * hundred times), so without the log a handful of big accounts would be the
 * segments. Pure and seeded, like core/analyze.ts.
 */
import { inputProblem } from '../errors.ts';
import type { AnalysisNote } from '../findings.ts';
import { finalFit } from '../fit.ts';
import { resolveOptions } from '../options.ts';
import type { Points } from '../points.ts';
import { deriveSeed } from '../random.ts';
import { applyScaler, fitScaler } from '../scale.ts';
import { distinctRows, sweepK } from '../selection.ts';
import { stability } from '../stability.ts';
import { mean, sampleSkewness } from '../stats.ts';
import { structureTest } from '../structure.ts';
import type {
  AnalysisOptions,
  AssumptionCheck,
  ScalerParams,
  Selection,
  Stability,
  Structure,
  StructureFigures,
} from '../types.ts';
import type { CustomerRfm } from './aggregate.ts';
import { runRfmChecks } from './checks.ts';
import { type CountryComparison, compareWithCountries } from './countries.ts';
import { RFM_MEASURES, type RfmFigures, type RfmMeasure } from './measures.ts';
import { type CentreScores, RFM_SEGMENT_NAMES, type RfmSegmentCode, rfmSegmentCode } from './names.ts';
import { type RfmScores, rfmScores } from './scores.ts';

export { RFM_MEASURES, type RfmFigures, type RfmMeasure } from './measures.ts';

/** A name (a label, as on the customer path) and a code: phrases/rfm-segments.ts words the code. */
export interface RfmSegment {
  id: number;
  code: RfmSegmentCode;
  name: string;
  size: number;
  share: number;
  /** The centre back on the original scale (geometric-style mean: exp of the mean log − 1). */
  centre: RfmFigures;
  means: RfmFigures & { tenure: number; basket: number };
  /** Mean 1–5 scores of the segment's customers. */
  scores: CentreScores;
  silhouette: number;
}

export interface SkewnessFigure {
  measure: RfmMeasure;
  raw: number;
  log: number;
}

export interface RfmModel {
  version: 1;
  kind: 'rfm';
  transform: 'log1p';
  scaler: ScalerParams;
  centroids: number[][];
  segments: Array<{ id: number; name: string; code: RfmSegmentCode }>;
}

export interface RfmAnalysis {
  version: 1;
  kind: 'rfm';
  customers: number;
  seed: number;
  k: number;
  kChosenBy: 'user' | 'recommendation';
  /** As on the customer Analysis: 'none' gives k = 1, 'weak' makes the advice tentative. */
  structure: Structure;
  structureTest: StructureFigures;
  stability: Stability;
  restarts: number;
  selection: Selection;
  inertia: number;
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
  segments: RfmSegment[];
  skewness: SkewnessFigure[];
  /** The customer checks that apply here (core/rfm/checks.ts): outliers, tendency, sizeBalance, separation. */
  assumptions: AssumptionCheck[];
  countryComparison: CountryComparison;
  model: RfmModel;
  /** Per customer, aligned with the CustomerRfm rows. */
  labels: Int32Array;
  scores: RfmScores;
  /** The clustering space (log, standardised), for charts. */
  points: Points;
  notes: AnalysisNote[];
}

export type RfmOptions = Omit<Partial<AnalysisOptions>, 'features' | 'scaling'>;

function logPoints(c: CustomerRfm): Points {
  const data = new Float64Array(c.length * 3);
  for (let i = 0; i < c.length; i++) {
    data[i * 3] = Math.log1p(c.recency[i]!);
    data[i * 3 + 1] = Math.log1p(c.frequency[i]!);
    data[i * 3 + 2] = Math.log1p(c.monetary[i]!);
  }
  return { n: c.length, d: 3, data };
}

export function analyzeRfm(customers: CustomerRfm, partial: RfmOptions = {}): RfmAnalysis {
  const options = resolveOptions({ ...partial, features: ['income', 'spending'], scaling: 'zscore' });
  if (customers.length < 10) {
    throw inputProblem({ kind: 'too_few_customers', customers: customers.length, needed: 10, buyers: true });
  }
  const logged = logPoints(customers); // 1
  const scaler = fitScaler(logged, 'zscore'); // 2
  const points = applyScaler(logged, scaler);
  // Before the sweep, whose own refusal (fewer profiles than the smallest k) would not say 'rfm'
  // and be worded with the customer path's advice to choose other features, which order data cannot.
  const needed = options.k ?? options.kRange.min;
  const profiles = distinctRows(points, needed);
  if (profiles < needed) throw inputProblem({ kind: 'too_few_profiles', profiles, k: needed, space: 'rfm' });
  const sweep = sweepK(points, options); // 3
  const structure = structureTest(
    sweep.sweepSet,
    options.k ?? sweep.selection.recommendedK,
    deriveSeed(options.seed, 'structure'),
  ); // 4
  const k = options.k ?? (structure.structure === 'none' ? 1 : sweep.selection.recommendedK);
  const fit = finalFit(points, k, sweep, options); // 5
  const scores = rfmScores(customers.recency, customers.frequency, customers.monetary);
  const segments = profile(customers, fit.labels, fit.centroids, scaler, k, fit.silhouetteBySegment, scores); // 6
  // Sampled base (1,000 of the sweep set): the same cost from 5k customers up (~0.8 s measured at 100k).
  const stable = stability({ sweepSet: sweep.sweepSet, k, centroids: fit.centroids, options }); // 7
  const notes: AnalysisNote[] = sweep.selection.sample
    ? [{ code: 'sweep_sampled', size: sweep.selection.sample.size, of: customers.length }]
    : [];
  return {
    version: 1,
    kind: 'rfm',
    customers: customers.length,
    seed: options.seed,
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
    skewness: skewness(customers, logged), // 8
    assumptions: runRfmChecks({
      points,
      ids: customers.ids,
      segments,
      silhouette: fit.silhouette,
      structure,
      seed: options.seed,
      ...(options.k !== undefined ? { k: options.k } : {}),
    }),
    countryComparison: compareWithCountries(points, fit.labels, k, customers.country, customers.countries), // 9
    model: {
      version: 1,
      kind: 'rfm',
      transform: 'log1p',
      scaler,
      centroids: Array.from({ length: k }, (_, c) => Array.from(fit.centroids.subarray(c * 3, c * 3 + 3))),
      segments: segments.map((s) => ({ id: s.id, name: s.name, code: s.code })),
    },
    labels: fit.labels,
    scores,
    points,
    notes,
  };
}

function skewness(c: CustomerRfm, logged: Points): SkewnessFigure[] {
  return RFM_MEASURES.map((measure, j) => ({
    measure,
    raw: sampleSkewness(c[measure]),
    log: sampleSkewness(Float64Array.from({ length: logged.n }, (_, i) => logged.data[i * 3 + j]!)),
  }));
}

function profile(
  c: CustomerRfm,
  labels: Int32Array,
  centroids: Float64Array,
  scaler: ScalerParams,
  k: number,
  silhouettes: number[],
  scores: RfmScores,
): RfmSegment[] {
  const segments = Array.from({ length: k }, (_, s) => {
    const members: number[] = [];
    labels.forEach((l, i) => {
      if (l === s + 1) members.push(i);
    });
    const of = (x: Float64Array) => mean(Float64Array.from(members, (i) => x[i]!));
    const back = (j: number) => Math.expm1(centroids[s * 3 + j]! * scaler.divisor[j]! + scaler.shift[j]!);
    const centre = { recency: back(0), frequency: back(1), monetary: back(2) };
    const meanScore = (x: Uint8Array) => mean(Float64Array.from(members, (i) => x[i]!));
    const centreScores = { r: meanScore(scores.r), f: meanScore(scores.f), m: meanScore(scores.m) };
    // One segment of everyone is no place on the grid (structure 'none').
    const code = k === 1 ? 'allCustomers' : rfmSegmentCode(centreScores);
    return {
      id: s + 1,
      code,
      name: RFM_SEGMENT_NAMES[code],
      size: members.length,
      share: members.length / c.length,
      centre,
      means: {
        recency: of(c.recency),
        frequency: of(c.frequency),
        monetary: of(c.monetary),
        tenure: of(c.tenure),
        basket: of(c.basket),
      },
      scores: centreScores,
      silhouette: silhouettes[s] ?? 0,
    };
  });
  return distinguish(segments);
}

const QUALIFIERS: Record<RfmMeasure, [lower: string, higher: string]> = {
  recency: ['more recent', 'less recent'],
  frequency: ['fewer orders', 'more orders'],
  monetary: ['lower spend', 'higher spend'],
};

/** Two segments with one name are told apart by the measure whose centres differ most (on the log scale). */
function distinguish(segments: RfmSegment[]): RfmSegment[] {
  const byCode = new Map<RfmSegmentCode, RfmSegment[]>();
  for (const s of segments) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  for (const group of byCode.values()) {
    if (group.length < 2) continue;
    const spread = (m: RfmMeasure) => {
      const logs = group.map((s) => Math.log1p(s.centre[m]));
      return Math.max(...logs) - Math.min(...logs);
    };
    const measure = RFM_MEASURES.reduce((a, b) => (spread(b) > spread(a) ? b : a));
    const middle = mean(group.map((s) => Math.log1p(s.centre[measure])));
    for (const s of group) {
      const [lower, higher] = QUALIFIERS[measure];
      s.name = `${s.name} · ${Math.log1p(s.centre[measure]) < middle ? lower : higher}`;
    }
  }
  return segments;
}

/** Nearest segment for one customer's figures, scaled exactly as the training customers were. */
export function predictRfm(model: RfmModel, figures: RfmFigures) {
  const x = RFM_MEASURES.map(
    (m, j) => (Math.log1p(figures[m]) - model.scaler.shift[j]!) / model.scaler.divisor[j]!,
  );
  const distances = model.centroids
    .map((c, i) => ({
      id: i + 1,
      name: model.segments[i]!.name,
      distance: Math.hypot(...c.map((v, j) => v - x[j]!)),
    }))
    .sort((a, b) => a.distance - b.distance);
  const segment = model.segments.find((s) => s.id === distances[0]!.id)!;
  return { segment, distances };
}
