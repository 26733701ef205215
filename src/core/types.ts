/**
 * The shapes that flow through the analysis core. Everything here is plain
 * data (JSON-serialisable) except CustomerTable, whose typed arrays keep a
 * million customers in a few dozen megabytes.
 */

import type { AnalysisNote, CheckAdvice, CheckFinding, SegmentAdvice } from './findings.ts';
import type { IdColumn } from './ids.ts';

/** The catalogue's features: the Mall file's numeric columns (core/features.ts). */
export const FEATURES = ['age', 'income', 'spending'] as const;
export type CatalogueFeature = (typeof FEATURES)[number];
/**
 * A feature the core can cluster on, by name: a catalogue feature, or a
 * candidate column of the file (its name in `SourceInfo.extraRoles`, values
 * in `CustomerTable.numbers`). core/features.ts `featureColumn` and
 * `featureSpecIn` give either one's values and description.
 */
export type Feature = string;

export const isCatalogueFeature = (f: string): f is CatalogueFeature =>
  (FEATURES as readonly string[]).includes(f);

export const SCALINGS = ['none', 'zscore', 'minmax'] as const;
export type Scaling = (typeof SCALINGS)[number];
export type ScalingChoice = 'user' | 'mixedUnits' | 'default';

export type Gender = 'Female' | 'Male';
/** Gender codes in CustomerTable.gender. */
export const GENDER_CODE = { unknown: 0, Female: 1, Male: 2 } as const;

/** One customer file, column by column. Row i of every array is one customer. */
export interface CustomerTable {
  readonly length: number;
  /** Whole numbers in a typed array when every id is one (core/ids.ts); idAt gives each as written. */
  readonly ids: IdColumn;
  /** GENDER_CODE values. */
  readonly gender: Uint8Array;
  readonly age: Float64Array;
  readonly income: Float64Array;
  readonly spending: Float64Array;
  /** 1-based line in the source file where each row starts (for messages and exports). */
  readonly lines: Uint32Array;
  /** Text columns with few levels, kept to describe segments (breakdowns), never to form them. */
  readonly categories?: readonly CategoryColumn[];
  /** Other numeric columns (candidate features), kept with their values. */
  readonly numbers?: readonly NumberColumn[];
}

/** A breakdown column: each row's level as a code into `levels`. */
export interface CategoryColumn {
  /** The header as written in the file. */
  readonly header: string;
  /** Levels in the order first seen. */
  readonly levels: readonly string[];
  /** Index into `levels` per row; -1 where the cell is empty. */
  readonly codes: Int32Array;
}

/** An extra numeric column, row-aligned with the table; NaN where the cell is empty. */
export interface NumberColumn {
  readonly header: string;
  /** Its name as a candidate feature (core/features.ts describeHeader). */
  readonly name: string;
  readonly values: Float64Array;
}

/** Why an extra column is neither a breakdown nor a candidate feature; worded at the edges. */
export type IgnoredColumnReason = 'too_many_levels' | 'id' | 'mostly_empty' | 'constant';

/** What ingest made of each extra column (one not among the customer fields), in file order. */
export type ExtraColumnRole = (
  | { column: string; role: 'breakdown'; levels: number }
  | {
      column: string;
      role: 'candidate';
      name: string;
      title: string;
      /** From the header ("Tenure (months)" → months), or ''. */
      unit: string;
      min: number;
      max: number;
      /** Cells that were empty. */
      empty: number;
    }
  | {
      column: string;
      role: 'ignored';
      reason: IgnoredColumnReason;
      /** Share of empty cells (mostly_empty), levels seen (too_many_levels: more than the limit). */
      emptyShare?: number;
      levels?: number;
    }
) & {
  /** The header as written, when it repeated an earlier column's and `column` is it numbered (`Region` → `Region 2`). */
  renamedFrom?: string;
};

export interface AnalysisOptions {
  features: Feature[];
  scaling: Scaling;
  /** Fixed k; when absent the recommended k is used. */
  k?: number;
  kRange: { min: number; max: number };
  seed: number;
  /** K-means restarts (k-means++ starts) per k; the lowest inertia wins. */
  restarts: number;
  maxIterations: number;
  tolerance: number;
  /** Above this many rows, the k sweep and silhouette use a seeded sample. */
  sweepSampleSize: number;
  silhouetteSampleSize: number;
}

export interface FeatureSummary {
  feature: Feature;
  count: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  std: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Adjusted Fisher–Pearson sample skewness. */
  skewness: number;
  /** Sample excess kurtosis. */
  kurtosis: number;
  /** Values beyond Tukey's 1.5·IQR fences. */
  outliers: number;
}

export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

export interface Eda {
  rows: number;
  columnsFound: string[];
  extraColumns: string[];
  missing: Record<string, number>;
  duplicateIds: number;
  duplicateRows: number;
  describe: FeatureSummary[];
  /** Per feature the file has (no `age` key without an Age column). */
  histograms: Partial<Record<Feature, HistogramBin[]>>;
  gender: {
    Female: number;
    Male: number;
    unknown: number;
    shares: { Female: number; Male: number; unknown: number };
  };
  /** Pearson r, in FEATURES order, over the features the file has (3×3, or 2×2 without Age). */
  correlation: { features: Feature[]; matrix: number[][] };
  /** Per gender: summaries of income and spending (for the by-gender boxplot). */
  byGender: Array<{
    gender: Gender;
    count: number;
    income: BoxSummary;
    spending: BoxSummary;
    /** Absent without an Age column. */
    age?: BoxSummary;
  }>;
}

export interface BoxSummary {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  /** Tukey whiskers: the most extreme values inside the 1.5·IQR fences. */
  lowerWhisker: number;
  upperWhisker: number;
}

export type Verdict = 'pass' | 'warn' | 'fail';

/** The setting a remedy changes, as data; words for it live at the edges. */
export type RemedyAction =
  | { action: 'scale'; to: Scaling }
  | { action: 'features' }
  | { action: 'k'; k: number }
  /** One segment fewer than now (`k`): a concrete value the user can type, not a placeholder. */
  | { action: 'fewer-k'; k: number }
  | { action: 'k-table' };

export type CheckId =
  | 'scale'
  | 'correlation'
  | 'outliers'
  | 'skewness'
  | 'tendency'
  | 'sizeBalance'
  | 'spreadBalance'
  | 'separation';

export interface AssumptionCheck {
  check: CheckId;
  status: Verdict;
  /** The measured figure the verdict is based on. */
  value: number;
  /** The figure at which the verdict changes from pass to warn. */
  threshold: number;
  /** What was seen, as a code and its figures; src/phrases/checks.ts words it (title, message). */
  finding: CheckFinding;
  /** What to do, when the check did not pass; with `action`, the setting to change. */
  advice?: CheckAdvice;
  action?: RemedyAction;
  /** Extra figures per feature / segment, for charts and the JSON report. */
  details?: Record<string, number>;
}

export interface SelectionRow {
  k: number;
  inertia: number;
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
  /**
   * The fit's thin scatter, if it has one: a segment under 10 % of the rows
   * spread at least 1.5 times as wide as the median segment (core/selection.ts).
   * Spread = root-mean-square distance to the centre.
   */
  scatter?: { size: number; spreadRatio: number } | null;
}

export interface Selection {
  rows: SelectionRow[];
  recommendedK: number;
  elbowK: number | null;
  silhouetteK: number;
  /** Which index decided: the silhouette maximum, or a clearly higher Calinski–Harabasz at a larger k. */
  basis: 'silhouette' | 'calinskiHarabasz';
  /** k values passed over because their fit has a thin scatter of outliers as a segment (ascending). */
  scatterK?: number[];
  /**
   * Where the rule started: the highest silhouette among the k without a thin
   * scatter (all k when every one has one). recommendedK is this k, or a
   * larger one whose Calinski–Harabasz is clearly higher (basis). The edges
   * explain the choice from these figures (phrases/selection.ts).
   */
  startK: number;
  /** Set when the sweep ran on a seeded sample instead of every row. */
  sample: { size: number; of: number } | null;
}

export type Level = 'Low' | 'Mid' | 'High';

export interface Segment {
  /** 1-based, ordered by size (largest first), ties by centroid. */
  id: number;
  name: string;
  /** What to do with the segment, as a code (phrases/segments.ts words it). */
  advice: SegmentAdvice;
  size: number;
  share: number;
  /** Centroid in original units, keyed by the features used. */
  centroid: Partial<Record<Feature, number>>;
  levels: Partial<Record<Feature, Level>>;
  /** Absent for a file without an Age column. */
  meanAge?: number;
  meanIncome: number;
  meanSpending: number;
  genderShares: { Female: number; Male: number; unknown: number };
  /** Mean silhouette of the segment's customers (on the silhouette sample). */
  silhouette: number;
  /** Mean squared distance to the centroid, in the clustering (scaled) space. */
  spread: number;
}

export interface ScalerParams {
  kind: Scaling;
  /** Per feature: x' = (x − shift) / divisor. */
  shift: number[];
  divisor: number[];
}

/** Everything needed to assign a new customer; versioned for storage. */
export interface SegmentModel {
  version: 1;
  features: Feature[];
  scaler: ScalerParams;
  /** Centroids in scaled space, index i = segment id i + 1. */
  centroids: number[][];
  segments: Array<{ id: number; name: string; advice: SegmentAdvice }>;
  training: { rows: number; k: number; seed: number; inertia: number; silhouette: number; restarts: number };
  /**
   * Per used feature, the lowest and highest training value (original units): a new
   * customer outside them is unlike any customer the model saw. Absent in models
   * saved before it existed; predict then skips the range check.
   */
  ranges?: Partial<Record<Feature, FeatureRange>>;
  /**
   * The 99th percentile of training customers' distances to their own centre, in the
   * scaled space: a new customer farther than this from every centre fits no segment
   * well. Absent in older models; predict then skips the distance check.
   */
  distanceP99?: number;
}

export interface FeatureRange {
  min: number;
  max: number;
}

/** Why a prediction is only tentative: the customer is unlike the training data. Worded at the edge. */
export type PredictionWarning =
  | {
      code: 'above_training_range' | 'below_training_range';
      feature: Feature;
      value: number;
      /** The training maximum (above) or minimum (below). */
      limit: number;
    }
  | {
      code: 'far_from_centres';
      /** Distance to the nearest centre, in the scaled space. */
      distance: number;
      /** The training distance quantile it exceeds (SegmentModel.distanceP99). */
      limit: number;
      quantile: number;
    };

export interface Prediction {
  segment: { id: number; name: string; advice: SegmentAdvice };
  /** Distance to every centroid in the clustering space, by segment id. */
  distances: Array<{ id: number; name: string; distance: number }>;
  /** Runner-up distance minus nearest distance, relative to the nearest pair's sum (0 = on the border, 1 = at the centre). */
  margin: number;
  clarity: 'clear' | 'fairly clear' | 'borderline';
  /** True when the customer is unlike the training data (see `warnings`): the segment is the nearest, not a fit. */
  tentative: boolean;
  warnings: PredictionWarning[];
}

/**
 * Whether the data has groups at all (core/structure.ts): 'none' makes the
 * answer one segment; 'untested' when the customers have too few different
 * profiles for the test to tell groups from chance (the segments stand, as tentative).
 */
export type Structure = 'none' | 'weak' | 'clear' | 'untested';

/** The null-reference test's figures: silhouette at k against groupless reference draws. */
export interface StructureFigures {
  structure: Structure;
  /** The k the test ran at (the recommendation, or the user's k). */
  k: number;
  /** Rows the test ran on: at most 500, never more than the different profiles. */
  sampleSize: number;
  silhouette: number;
  /** 0 when 'untested' (no draws were run; the reference figures are then NaN). */
  draws: number;
  gaussianMax: number;
  uniformMax: number;
  beatGaussian: number;
  beatUniform: number;
  gaussian: { mean: number; sd: number };
  uniform: { mean: number; sd: number };
}

/** Hennig's reading of a segment's mean bootstrap Jaccard (core/stability.ts). */
export type StabilityVerdict = 'stable' | 'fair' | 'doubtful';

export interface SegmentStability {
  /** The segment's id (1-based, as in `segments`). */
  id: number;
  /** Mean over resamples of the segment's best Jaccard against the resample's clusters. */
  jaccard: number;
  /** The lowest of those Jaccards. */
  min: number;
  /** Resamples in which its best Jaccard was 0.5 or less. */
  dissolved: number;
  verdict: StabilityVerdict;
}

/** Bootstrap stability (core/stability.ts): how often each k wins, and how well each segment holds. */
export interface Stability {
  resamples: number;
  /** Customers each resample drew (with repeats): the sweep set, capped. */
  sampleSize: number;
  /** k-means++ starts per k in each resample. */
  restarts: number;
  /** Recommended k → number of resamples that chose it. */
  kFrequency: Record<string, number>;
  segments: SegmentStability[];
}

/** How segments split over a breakdown column (core/breakdowns.ts). */
export interface BreakdownLevel {
  value: string;
  /** Share of all customers with a stated level. */
  share: number;
  count: number;
}

export interface SegmentBreakdown {
  id: number;
  /** Customers of the segment with a stated level. */
  stated: number;
  /** Level → share of the segment's stated customers, in `levels` order. */
  shares: Record<string, number>;
}

export interface BreakdownDifference {
  id: number;
  value: string;
  share: number;
  /** The level's share among all customers. */
  overall: number;
}

export interface Breakdown {
  column: string;
  /** Largest first, ties by value. */
  levels: BreakdownLevel[];
  /** Customers with a stated level. */
  stated: number;
  bySegment: SegmentBreakdown[];
  /** Independence of segment and level (df 0, p 1 with one segment or one stated level). */
  test: { statistic: number; df: number; p: number };
  /** At most one per segment (its most over-represented level), largest difference first. */
  differences: BreakdownDifference[];
}

export interface Analysis {
  version: 1;
  source: SourceInfo;
  rows: number;
  seed: number;
  features: Feature[];
  scaling: Scaling;
  /** Why `scaling`: asked for, z-scores because the features are in different units, or the plain default. */
  scalingChosenBy: ScalingChoice;
  /** 1 when the structure test finds no groups (then `segments` holds one segment). */
  k: number;
  kChosenBy: 'user' | 'recommendation';
  structure: Structure;
  structureTest: StructureFigures;
  stability: Stability;
  restarts: number;
  selection: Selection;
  inertia: number;
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
  segments: Segment[];
  assumptions: AssumptionCheck[];
  eda: Eda;
  model: SegmentModel;
  /** Per-customer segment id (1-based), aligned with the table's rows. Not in JSON output. */
  labels: Int32Array;
  /** Per-point silhouette on the silhouette sample, with the row index of each point. */
  silhouetteSample: { rows: Int32Array; values: Float64Array };
  /** How the analysis ran, when worth saying (sampling, units, convergence), as codes. */
  notes: AnalysisNote[];
  /** Per breakdown column of the table (none for the Mall layout): each segment's share of each level. */
  breakdowns: Breakdown[];
}

/** What ingest learned about the file, carried into the EDA report. */
export interface SourceInfo {
  fileName: string;
  /** Header cells as written in the file. */
  columnsFound: string[];
  /** Columns that were not one of the five known ones (see `extraRoles` for what became of them). */
  extraColumns: string[];
  /** Per extra column: breakdown, candidate feature, or ignored and why. Absent when there are none. */
  extraRoles?: ExtraColumnRole[];
  /** Per canonical column (id, gender, age, income, spending): cells that were empty. */
  missing: Record<string, number>;
  /** Data rows read, valid or not. */
  totalRows: number;
  skippedRows: number;
  /** The text encoding the file was read as; absent for tables built in memory. */
  encoding?: TextEncoding;
  /** The sheet read, when the file was an Excel workbook. */
  sheet?: string;
  /**
   * Optional columns the file lacks: without `id`, row numbers are the ids; without `gender`,
   * genders are unknown; without `age`, the table's ages are NaN and age is no feature.
   */
  absentColumns?: Array<'id' | 'gender' | 'age'>;
}

/** The text encodings ingest reads (named in answers when not UTF-8). */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
