/**
 * Pair plot (scatter matrix) of age, income and spending score, coloured by
 * gender. Off the diagonal: one measure against another, on a bounded,
 * gender-stratified sample. On the diagonal: each measure's distribution by
 * gender, counted over every customer (one linear pass, bounded output).
 */
import { type CatalogueFeature, GENDER_CODE } from '../../core/types.ts';
import { niceDomain } from '../data/map-frame.ts';
import { stratifiedSample } from '../data/sample.ts';
import { FEATURE_TITLE, featureName } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import {
  capitalise,
  fixed,
  frame,
  genderColorEncoding,
  int,
  listing,
  measuresWords,
  presentFeatures,
  sampleNote,
} from './common.ts';
import { dotStyle } from './map-layers.ts';

/** Six panels share this many points, so the matrix costs about as much as one big scatter. */
export const PAIR_POINT_CAP = 1000;
const CELL = 150;
const GENDER_NAME = ['Unknown', 'Female', 'Male'] as const;

function genderHistogram(input: ChartInput, f: CatalogueFeature) {
  const bins = input.analysis.eda.histograms[f] ?? [];
  const col = input.table[f];
  const g = input.table.gender;
  const start = bins[0]?.start ?? 0;
  const width = bins.length ? bins[0]!.end - bins[0]!.start : 1;
  const counts = Array.from({ length: 3 }, () => new Float64Array(bins.length));
  for (let i = 0; i < col.length; i++) {
    const b = Math.min(bins.length - 1, Math.max(0, Math.floor((col[i]! - start) / width)));
    counts[g[i]!]![b]! += 1;
  }
  // Stacked by hand (rect y..y2): a ranged bar in vega-lite would lie on its side.
  return bins.flatMap((b, k) => {
    let base = 0;
    return [GENDER_CODE.Female, GENDER_CODE.Male, GENDER_CODE.unknown]
      .filter((code) => counts[code]![k]! > 0)
      .map((code) => {
        const y0 = base;
        base += counts[code]![k]!;
        return { start: b.start, end: b.end, y0, y1: base, g: GENDER_NAME[code] };
      });
  });
}

export function pairPlot(input: ChartInput): ChartSpec {
  const { analysis: a, table } = input;
  const rows = stratifiedSample(table.gender, PAIR_POINT_CAP, a.seed);
  // Without an Age column: a 2 × 2 matrix of income and spending, and no NaN ages in the data.
  const features = presentFeatures(a);
  const withAge = features.includes('age');
  const points = Array.from(rows, (i) => ({
    ...(withAge ? { age: table.age[i]! } : {}),
    income: table.income[i]!,
    spending: table.spending[i]!,
    g: GENDER_NAME[table.gender[i]!],
  }));
  const present = (['Female', 'Male', 'Unknown'] as const).filter((g) =>
    table.gender.includes(GENDER_NAME.indexOf(g)),
  );
  // Wide enough for the data and for the diagonal's histogram bins, so no bar spills out of its panel.
  const domain = Object.fromEntries(
    a.eda.describe.map((d) => {
      const bins = a.eda.histograms[d.feature] ?? [];
      const [lo, hi] = niceDomain(d.min, d.max);
      return [
        d.feature,
        [Math.min(lo, bins[0]?.start ?? lo), Math.max(hi, bins[bins.length - 1]?.end ?? hi)],
      ];
    }),
  ) as Record<CatalogueFeature, [number, number]>;
  const color = genderColorEncoding(present, 'g', { orient: 'top', direction: 'horizontal', title: null });
  const scale = (f: CatalogueFeature) => ({ domain: domain[f], nice: false, zero: false });
  // Fixed label room on every axis so the nine panels line up in rows and columns.
  const axis = (f: CatalogueFeature, show: boolean, labels = show, vertical = false) => ({
    title: show ? FEATURE_TITLE[f] : null,
    labels,
    ticks: labels,
    tickCount: 3,
    ...(show && vertical ? { minExtent: 28, maxExtent: 28 } : {}),
  });
  const cell = (fy: CatalogueFeature, fx: CatalogueFeature, row: number, col: number) => {
    const last = row === features.length - 1;
    const x = { field: fx, type: 'quantitative' as const, scale: scale(fx), axis: axis(fx, last) };
    if (fx !== fy) {
      return {
        width: CELL,
        height: CELL,
        mark: { type: 'point', filled: true, strokeWidth: 0, aria: false, ...dotStyle(points.length * 4) },
        encoding: {
          x,
          y: {
            field: fy,
            type: 'quantitative',
            scale: scale(fy),
            axis: axis(fy, col === 0, col === 0, true),
          },
          color,
        },
      };
    }
    return {
      width: CELL,
      height: CELL,
      data: { values: genderHistogram(input, fx) },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5, aria: false },
      encoding: {
        x: { ...x, field: 'start' },
        x2: { field: 'end' },
        // Counts, not the row's measure: keep the row title, drop the misleading tick labels.
        y: { field: 'y0', type: 'quantitative', axis: axis(fy, col === 0, false, true) },
        y2: { field: 'y1' },
        color,
      },
    };
  };
  const title = `${capitalise(measuresWords(a))}, pair by pair`;
  const { features: correlated, matrix } = a.eda.correlation;
  const pairs = correlated.flatMap((f, i) =>
    correlated.slice(i + 1).map((g, j) => ({ f, g, r: matrix[i]![i + 1 + j]! })),
  );
  const top = pairs.reduce((b, p) => (Math.abs(p.r) > Math.abs(b.r) ? p : b), pairs[0]!);
  const counts = present.map((g) =>
    g === 'Unknown'
      ? `${int(a.eda.gender.unknown)} of unknown gender`
      : `${int(a.eda.gender[g])} ${g.toLowerCase()}`,
  );
  const alt =
    `Scatter matrix of ${measuresWords(a)} for ${int(a.rows)} customers coloured by gender (${listing(counts)}); ` +
    `the strongest link is between ${featureName(a.source, top.f)} and ${featureName(a.source, top.g)} (r = ${fixed(top.r)}).`;
  const spec = {
    ...frame(title, [
      'Each small chart plots one measure against another; the diagonal shows each measure on its own, stacked by gender.',
      sampleNote(points.length, a.rows),
    ]),
    data: { values: points },
    vconcat: features.map((fy, r) => ({ hconcat: features.map((fx, c) => cell(fy, fx, r, c)), spacing: 10 })),
    spacing: 10,
  };
  return { kind: 'pair-plot', title, alt, spec: spec as ChartSpec['spec'] };
}
