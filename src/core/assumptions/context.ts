import type { Points } from '../points.ts';
import type {
  AnalysisOptions,
  AssumptionCheck,
  CheckId,
  Eda,
  Segment,
  StructureFigures,
  Verdict,
} from '../types.ts';

/** What every check may read: the EDA, the settings, and (after fitting) the segments. */
export interface CheckContext {
  eda: Eda;
  options: AnalysisOptions;
  /** Chosen features, z-scored whatever the clustering scale, for scale-free checks. */
  standardised: Points;
  segments: Segment[];
  silhouette: number;
  /** The null-reference structure test (core/structure.ts). */
  structure: StructureFigures;
  /** A row's customer id as the file wrote it. */
  rowId?: (row: number) => string;
  /** Each row's segment id (1-based), aligned with `standardised`. */
  labels?: Int32Array;
}

/**
 * A check reads only part of the context; those that need no EDA (outliers,
 * tendency, sizeBalance, separation) say so in `C`, so the RFM path
 * (core/rfm/checks.ts) runs the same functions on its own segments.
 */
export type Check<C = CheckContext> = (ctx: C) => AssumptionCheck;

/** Lower is better: pass up to `warnAbove`, warn up to `failAbove`, fail beyond. */
export function verdictAtMost(value: number, warnAbove: number, failAbove: number): Verdict {
  if (value <= warnAbove) return 'pass';
  return value <= failAbove ? 'warn' : 'fail';
}

/** Higher is better: pass from `passFrom`, warn from `warnFrom`, fail below. */
export function verdictAtLeast(value: number, passFrom: number, warnFrom: number): Verdict {
  if (value >= passFrom) return 'pass';
  return value >= warnFrom ? 'warn' : 'fail';
}

export function describeFeatures(ctx: CheckContext) {
  return ctx.eda.describe.filter((d) => ctx.options.features.includes(d.feature));
}

/** A check's result: figures, a finding code and advice, no words (src/phrases/checks.ts has those). */
export function result(check: CheckId, fields: Omit<AssumptionCheck, 'check'>): AssumptionCheck {
  return { check, ...fields };
}
