/**
 * The chart catalogue: one pure builder per chart kind, which charts each
 * Slack command shows, and renderCharts to turn an analysis into PNGs.
 */
import { hasGenderColumn } from '../core/source.ts';
import { renderSvg, svgToPng } from './render.ts';
import { breakdownChart } from './specs/breakdowns.ts';
import { chooseK } from './specs/choose-k.ts';
import { correlation } from './specs/correlation.ts';
import { distributions } from './specs/distributions.ts';
import { genderSplit } from './specs/gender-split.ts';
import { pairPlot } from './specs/pair-plot.ts';
import { prediction } from './specs/prediction.ts';
import { rfmDistributions } from './specs/rfm-distributions.ts';
import { rfmOrdersPerCustomer } from './specs/rfm-orders-per-customer.ts';
import { rfmRevenueByMonth } from './specs/rfm-revenue-by-month.ts';
import { rfmSegmentMap } from './specs/rfm-segment-map.ts';
import { rfmSegmentProfiles } from './specs/rfm-segment-profiles.ts';
import { rfmSegmentsByCountry } from './specs/rfm-segments-by-country.ts';
import { rfmSkewness } from './specs/rfm-skewness.ts';
import { segmentMap } from './specs/segment-map.ts';
import { segmentProfiles } from './specs/segment-profiles.ts';
import { silhouette } from './specs/silhouette.ts';
import { spendingByGender } from './specs/spending-by-gender.ts';
import type {
  ChartBuilder,
  ChartInput,
  ChartKind,
  ChartSpec,
  RenderedChart,
  RfmChartBuilder,
  RfmChartInput,
  RfmChartKind,
} from './types.ts';

export { compileChart, renderChart } from './render.ts';
export { GENDER_COLOR, SEGMENT_PALETTE, segmentColor } from './theme.ts';
export type {
  ChartBuilder,
  ChartInput,
  ChartKind,
  ChartSpec,
  PredictedCustomer,
  RenderedChart,
  RfmChartInput,
  RfmChartKind,
} from './types.ts';

export const CHART_BUILDERS: Record<ChartKind, ChartBuilder> = {
  'segment-map': segmentMap,
  'segment-profiles': segmentProfiles,
  'choose-k': chooseK,
  distributions,
  'gender-split': genderSplit,
  'spending-by-gender': spendingByGender,
  correlation,
  'pair-plot': pairPlot,
  silhouette,
  prediction,
  breakdowns: breakdownChart,
};

export const CHART_KINDS = Object.keys(CHART_BUILDERS) as ChartKind[];

/** Fixed plain names, for messages about a chart that could not be drawn. */
export const CHART_TITLES: Record<ChartKind, string> = {
  'segment-map': 'segment map',
  'segment-profiles': 'segment profiles',
  'choose-k': 'choice of k',
  distributions: 'distributions',
  'gender-split': 'gender split',
  'spending-by-gender': 'spending by gender',
  correlation: 'correlations',
  'pair-plot': 'pair plot',
  silhouette: 'silhouette by segment',
  prediction: 'prediction map',
  breakdowns: 'segments by breakdown column',
};

/** Which charts each Slack command answers with. */
export const CHART_GROUPS: {
  summary: ChartKind[];
  eda: ChartKind[];
  check: ChartKind[];
  k: ChartKind[];
  predict: ChartKind[];
} = {
  summary: ['segment-map', 'segment-profiles', 'breakdowns'],
  eda: ['distributions', 'gender-split', 'spending-by-gender', 'correlation', 'pair-plot'],
  check: ['silhouette', 'correlation', 'distributions'],
  k: ['choose-k'],
  predict: ['prediction'],
};

/**
 * Build and render charts, in the order asked. Default: every chart except
 * 'prediction', plus 'prediction' when the input carries one. Each chart's
 * layout (JavaScript) runs while sharp rasterises the previous ones on its
 * own threads.
 */
/** Charts about gender: left out for a file without a Gender column. */
const GENDER_CHARTS: readonly ChartKind[] = ['gender-split', 'spending-by-gender'];

/** Whether a chart has anything to show for this input. */
export function chartApplies(kind: ChartKind, input: ChartInput): boolean {
  if (kind === 'breakdowns') return input.analysis.breakdowns.length > 0;
  return !GENDER_CHARTS.includes(kind) || hasGenderColumn(input.analysis.source);
}

export async function renderCharts(input: ChartInput, kinds?: ChartKind[]): Promise<RenderedChart[]> {
  const asked = kinds ?? CHART_KINDS.filter((k) => k !== 'prediction' || input.prediction);
  const wanted = asked.filter((kind) => chartApplies(kind, input));
  return renderEach(wanted, (kind) => CHART_BUILDERS[kind](input));
}

/**
 * Draws each chart in order: a chart's layout (JavaScript) runs while sharp
 * rasterises the previous ones on its own threads. Shared by both chart families.
 */
async function renderEach<K extends string>(
  kinds: readonly K[],
  build: (kind: K) => Pick<ChartSpec, 'spec' | 'title' | 'alt'>,
): Promise<Array<RenderedChart<K>>> {
  const pending: Array<Promise<RenderedChart<K>>> = [];
  for (const kind of kinds) {
    const chart = build(kind);
    const { svg } = await renderSvg(chart);
    pending.push(
      svgToPng(svg).then(({ png, width, height }) => ({
        kind,
        filename: `${kind}.png`,
        title: chart.title,
        alt: chart.alt,
        png,
        width,
        height,
      })),
    );
  }
  return Promise.all(pending);
}

/** Order-line files (RFM segments): their own builders, the same renderer. */
export const RFM_CHART_BUILDERS: Record<RfmChartKind, RfmChartBuilder> = {
  'rfm-segment-map': rfmSegmentMap,
  'rfm-segment-profiles': rfmSegmentProfiles,
  'rfm-segments-by-country': rfmSegmentsByCountry,
  'rfm-revenue-by-month': rfmRevenueByMonth,
  'rfm-orders-per-customer': rfmOrdersPerCustomer,
  'rfm-distributions': rfmDistributions,
  'rfm-skewness': rfmSkewness,
  // The customer choice-of-k chart reads only the sweep and k, which the RFM analysis has too.
  'rfm-choose-k': (input) => ({ ...chooseK(input), kind: 'rfm-choose-k' }),
};

export const RFM_CHART_KINDS = Object.keys(RFM_CHART_BUILDERS) as RfmChartKind[];

export const RFM_CHART_TITLES: Record<RfmChartKind, string> = {
  'rfm-segment-map': 'segment map',
  'rfm-segment-profiles': 'segment profiles',
  'rfm-segments-by-country': 'segments by country',
  'rfm-revenue-by-month': 'revenue by month',
  'rfm-orders-per-customer': 'orders per customer',
  'rfm-distributions': 'RFM distributions',
  'rfm-skewness': 'skewness before and after the log',
  'rfm-choose-k': 'choice of k',
};

/** Which charts each command answers with on order data (predict has none yet). */
export const RFM_CHART_GROUPS: Record<keyof typeof CHART_GROUPS, RfmChartKind[]> = {
  summary: ['rfm-segment-map', 'rfm-segment-profiles', 'rfm-segments-by-country'],
  eda: ['rfm-revenue-by-month', 'rfm-orders-per-customer', 'rfm-distributions'],
  check: ['rfm-skewness'],
  k: ['rfm-choose-k'],
  predict: [],
};

/** Build and render order-data charts, in the order asked (default: all), as renderCharts does. */
export async function renderRfmCharts(
  input: RfmChartInput,
  kinds: readonly RfmChartKind[] = RFM_CHART_KINDS,
): Promise<Array<RenderedChart<RfmChartKind>>> {
  return renderEach(kinds, (kind) => RFM_CHART_BUILDERS[kind](input));
}
