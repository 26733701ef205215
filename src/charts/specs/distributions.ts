/**
 * Distributions: a histogram of age, income and spending score (from the
 * EDA's bins) with a smoothed density line in the same units, one panel each;
 * no age panel for a file without an Age column.
 */
import type { CatalogueFeature, Feature } from '../../core/types.ts';
import { densityLine } from '../data/density.ts';
import { FEATURE_NAME, FEATURE_TITLE, INK, NEUTRAL_FILL } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { fixed, frame, int, measuresWords, panelTitle, presentFeatures } from './common.ts';

const UNIT: Record<CatalogueFeature, string> = { age: ' years', income: ' k$', spending: '' };

const median = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function skewWord(skew: number): string {
  if (skew > 0.5) return 'skewed right (a long tail of high values)';
  if (skew < -0.5) return 'skewed left (a long tail of low values)';
  return 'roughly symmetric';
}

export function distributions(input: ChartInput): ChartSpec {
  const { analysis: a, table } = input;
  const features = presentFeatures(a);
  const panels = features.map((f) => {
    const bins = a.eda.histograms[f] ?? [];
    const s = a.eda.describe.find((d) => d.feature === f)!;
    const width = bins.length ? bins[0]!.end - bins[0]!.start : 1;
    const lo = bins[0]?.start ?? s.min;
    const hi = bins[bins.length - 1]?.end ?? s.max;
    const ticks = bins.map((b) => b.start).concat(hi);
    const x = {
      type: 'quantitative' as const,
      title: null,
      scale: { domain: [lo, hi], nice: false, zero: false },
      axis: { values: ticks, tickCount: ticks.length, labelOverlap: true },
    };
    const title = `${FEATURE_TITLE[f]}: mean ${fixed(s.mean, 1)}, median ${median(s.median)}, ${skewWord(s.skewness).split(' (')[0]}`;
    return {
      width: 540,
      height: 110,
      title: panelTitle(title),
      layer: [
        {
          data: { values: bins.map((b) => ({ start: b.start, end: b.end, count: b.count })) },
          mark: {
            type: 'rect',
            color: NEUTRAL_FILL,
            fillOpacity: 0.85,
            stroke: 'white',
            strokeWidth: 1,
            aria: false,
          },
          encoding: {
            x: { ...x, field: 'start' },
            x2: { field: 'end' },
            y: {
              field: 'count',
              type: 'quantitative',
              title: 'Customers',
              axis: { tickCount: 4, format: ',d' },
            },
            y2: { datum: 0 },
          },
        },
        {
          data: { values: densityLine(table[f], s, width, lo, hi) },
          mark: { type: 'line', color: INK, strokeWidth: 2, interpolate: 'monotone', aria: false },
          encoding: { x: { ...x, field: 'x' }, y: { field: 'y', type: 'quantitative' } },
        },
      ],
    };
  });
  const d = (f: Feature) => a.eda.describe.find((s) => s.feature === f)!;
  const title = 'How customers are spread';
  const alt =
    `Histograms of ${measuresWords(a)} for ${int(a.rows)} customers; ` +
    features
      .map(
        (f) =>
          `${FEATURE_NAME[f]} has median ${median(d(f).median)}${UNIT[f]} and is ${skewWord(d(f).skewness).split(' (')[0]}`,
      )
      .join(', ') +
    '.';
  const spec = {
    ...frame(title, ['Bars: customers per range. Line: the same counts smoothed (kernel density).']),
    vconcat: panels,
    spacing: 26,
  };
  return { kind: 'distributions', title, alt, spec: spec as ChartSpec['spec'] };
}
