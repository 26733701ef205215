/**
 * The charts contract: builders turn analysis results into vega-lite specs,
 * the renderer turns specs into PNGs. Only the vega-lite *types* are imported
 * here (erased at build time); render.ts is the only module that loads vega.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis, CustomerTable, Gender, Prediction } from '../core/types.ts';

export type ChartKind =
  | 'segment-map'
  | 'segment-profiles'
  | 'choose-k'
  | 'distributions'
  | 'gender-split'
  | 'spending-by-gender'
  | 'correlation'
  | 'pair-plot'
  | 'silhouette'
  | 'prediction';

export interface PredictedCustomer {
  age: number;
  gender?: Gender;
  income: number;
  spending: number;
}

export interface ChartInput {
  analysis: Analysis;
  table: CustomerTable;
  prediction?: { customer: PredictedCustomer; result: Prediction };
}

/** Builder output: a spec plus the words that travel with the image. */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** One sentence saying what the chart shows, with its key numbers. */
  alt: string;
  spec: TopLevelSpec;
}

export interface RenderedChart {
  kind: ChartKind;
  /** e.g. 'segment-map.png' */
  filename: string;
  title: string;
  alt: string;
  png: Buffer;
  width: number;
  height: number;
}

/** A pure function from analysis results to a spec. */
export type ChartBuilder = (input: ChartInput) => ChartSpec;

export type { TopLevelSpec };
