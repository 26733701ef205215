/**
 * What core found, as codes and the figures behind them: never words. Each
 * transport phrases them through one catalogue (src/phrases/), so a sentence
 * is written once and core can be read, tested and translated without prose.
 */
import type { RfmMeasure } from './rfm/measures.ts';
import type { Feature, Level, Scaling } from './types.ts';

/** What an outlier stands out on: a customer feature, or an RFM measure on order data. */
export type StandOutFeature = Feature | RfmMeasure;

/** A segment a finding is about: its id, and its name as the profiles give it. */
export interface SegmentRef {
  id: number;
  name: string;
}

/** The figures of the null-reference structure test that the tendency check quotes. */
export interface TendencyFigures {
  silhouette: number;
  k: number;
  /** The highest silhouette on the groupless reference draws (Gaussian or uniform). */
  reference: number;
  /** Reference draws in all (Gaussian and uniform). */
  draws: number;
  hopkins: number;
  /** The test ran at the user's k: a 'none' then judges that split, not whether the data has groups. */
  userK?: true;
}

/**
 * One per check and outcome. The check's `status` says how bad it is; the
 * finding says what was seen. Figures are raw (a share of 1, a correlation
 * with its sign), rounded only when they are phrased.
 */
export type CheckFinding =
  | { code: 'scale.rescaled'; scaling: Exclude<Scaling, 'none'>; ratio: number }
  | { code: 'scale.similar'; ratio: number }
  | { code: 'scale.dominant'; widest: Feature; narrowest: Feature; ratio: number }
  | { code: 'correlation.low' | 'correlation.high'; r: number; pair: [Feature, Feature] }
  | { code: 'outliers.none'; level: number; features: number }
  | {
      code: 'outliers.found';
      customers: number;
      share: number;
      level: number;
      features: number;
      /** Features the flagged customers stand out on, most first, with how many stand out on each. */
      standOut: Array<{ feature: StandOutFeature; customers: number }>;
    }
  | { code: 'skewness.symmetric'; feature: Feature; skewness: number; flatter: Feature[] }
  /** `withinSegments`: the figure is the skewness within the (real) segments, not the feature's own. */
  | { code: 'skewness.lopsided'; feature: Feature; skewness: number; withinSegments?: true }
  /** Lopsided overall (`skewness`) but roughly symmetric within the segments (`within`): the groups, not a tail. */
  | { code: 'skewness.between'; feature: Feature; skewness: number; within: number }
  | ({ code: 'tendency.clear' | 'tendency.weak' | 'tendency.none' } & TendencyFigures)
  /** Too few different profiles (`profiles`, fewer than `needed`) for the structure test to judge at k. */
  | { code: 'tendency.untested'; k: number; profiles: number; needed: number; hopkins: number }
  | { code: 'sizeBalance.enough'; smallest: SegmentRef; size: number; share: number; largest: number }
  | { code: 'sizeBalance.tiny'; smallest: SegmentRef; size: number; share: number }
  | { code: 'spreadBalance.even'; ratio: number }
  | { code: 'spreadBalance.uneven'; loosest: SegmentRef; ratio: number }
  | { code: 'separation.single'; k: number; silhouette: number }
  | {
      code: 'separation.clear' | 'separation.overlap';
      silhouette: number;
      weakest: SegmentRef & { silhouette: number };
    };

/** What to do about a check that did not pass, as a code; `action` (if any) is the setting to change. */
export type CheckAdvice =
  | { code: 'standardise' }
  | { code: 'drop-feature' }
  | {
      code: 'check-extremes';
      /** Ids of the farthest customers, farthest first (at most a few; none when ids are unknown). */
      farthest: string[];
      /** Customers flagged: different ids when ids are known, else rows. */
      customers: number;
    }
  | { code: 'log-transform'; feature: Feature }
  | { code: 'fewer-segments' }
  | { code: 'few-unusual' }
  | { code: 'niche-segment' }
  | { code: 'broad-segment' }
  | { code: 'better-k' }
  | { code: 'tentative-split'; k: number }
  | { code: 'broad-bands' }
  | { code: 'one-group' }
  | { code: 'more-profiles' };

/** Something the reports should say about how the analysis ran (phrases/notes.ts words it). */
export type AnalysisNote =
  /** k was chosen on a seeded sample of `size` of the `of` customers; the segments use all. */
  | { code: 'sweep_sampled'; size: number; of: number }
  /** Income looks like dollars, not k$: its median is above 1,000. */
  | { code: 'income_in_dollars'; median: number }
  /** The final fit hit the iteration cap before settling. */
  | { code: 'not_converged'; iterations: number };

/**
 * What to do with a segment, as a code: from its income and spending levels
 * against everyone, or the one group a file without structure gets.
 * phrases/segments.ts words it (the `hint` of the reports and `--json`).
 */
export type SegmentAdvice = { code: 'levels'; income: Level; spending: Level } | { code: 'one_group' };
