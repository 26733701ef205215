/**
 * The charts contract: builders turn analysis results into vega-lite specs,
 * the renderer turns specs into PNGs. Only the vega-lite *types* are imported
 * here (erased at build time); render.ts is the only module that loads vega.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CustomerRfm, MonthRevenue } from '../core/rfm/aggregate.ts';
import type { RfmAnalysis } from '../core/rfm/analyze.ts';
import {
  type Analysis,
  type CustomerTable,
  type Gender,
  isCatalogueFeature,
  type Prediction,
} from '../core/types.ts';

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
  | 'prediction'
  | 'breakdowns';

/** Charts of order-line files (RFM segments), built from an RfmChartInput. */
export type RfmChartKind =
  | 'rfm-revenue-by-month'
  | 'rfm-orders-per-customer'
  | 'rfm-distributions'
  | 'rfm-segment-map'
  | 'rfm-segment-profiles'
  | 'rfm-segments-by-country'
  | 'rfm-skewness'
  | 'rfm-choose-k';

export interface RfmChartInput {
  analysis: RfmAnalysis;
  /** The per-customer figures the analysis ran on (labels align with these rows). */
  customers: CustomerRfm;
  /** Net revenue per calendar month of the cleaned lines (core/rfm/aggregate.ts). */
  months: readonly MonthRevenue[];
}

export interface PredictedCustomer {
  age: number;
  gender?: Gender;
  income: number;
  spending: number;
  /** Values for the file's candidate columns the segments use, by feature name. */
  extra?: Record<string, number> | undefined;
}

/** A customer's value for any feature (NaN when not given). */
export const customerValue = (c: PredictedCustomer, f: string): number =>
  isCatalogueFeature(f) ? c[f] : (c.extra?.[f] ?? Number.NaN);

export interface ChartInput {
  analysis: Analysis;
  table: CustomerTable;
  prediction?: { customer: PredictedCustomer; result: Prediction };
}

/** Builder output: a spec plus the words that travel with the image. */
export interface ChartSpec<K extends string = ChartKind> {
  kind: K;
  title: string;
  /** One sentence saying what the chart shows, with its key numbers. */
  alt: string;
  spec: TopLevelSpec;
}

export interface RenderedChart<K extends string = ChartKind> {
  kind: K;
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
export type RfmChartBuilder = (input: RfmChartInput) => ChartSpec<RfmChartKind>;

export type { TopLevelSpec };
