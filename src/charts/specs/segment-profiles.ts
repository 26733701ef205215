/**
 * Segment profiles: small multiples, one row per segment (names on the
 * axis), one panel per measure: how many customers, then the mean age,
 * income and spending score, then any of the file's own columns the segments
 * were formed on (visits, tenure), each against the all-customer average.
 */
import { featureSpecIn } from '../../core/features.ts';
import { type CatalogueFeature, isCatalogueFeature } from '../../core/types.ts';
import { featureName, INK, MUTED } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import {
  capitalise,
  count,
  frame,
  int,
  largest,
  measuresWords,
  panelTitle,
  presentFeatures,
  segmentColorEncoding,
  segmentLabel,
  segmentPercents,
} from './common.ts';

const PANEL_WIDTH = 96;
const STEP = 30;
// Beyond this many of the file's own columns the chart grows too wide to read; the rest are named.
const MAX_OWN_PANELS = 4;

export function segmentProfiles(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const share = segmentPercents(a);
  // The file's own clustered columns, under safe field names (a column name may hold dots).
  const own = a.features.filter((f) => !isCatalogueFeature(f));
  const shown = own.slice(0, MAX_OWN_PANELS);
  const rows = a.segments.map((s) => ({
    s: s.id,
    label: segmentLabel(s),
    size: s.size,
    sizeText: `${int(s.size)} (${share.get(s.id)})`,
    ...(s.meanAge === undefined ? {} : { age: s.meanAge }),
    income: s.meanIncome,
    spending: s.meanSpending,
    ...Object.fromEntries(shown.map((f, j) => [`own${j}`, s.centroid[f] ?? 0])),
  }));
  // Each segment's mean weighted by its size is the mean of all customers.
  const total = a.segments.reduce((sum, s) => sum + s.size, 0);
  const ownMean = (f: string) =>
    a.segments.reduce((sum, s) => sum + s.size * (s.centroid[f] ?? 0), 0) / total;
  const overall = Object.fromEntries(a.eda.describe.map((d) => [d.feature, d.mean])) as Record<
    CatalogueFeature,
    number
  >;
  const y = (first: boolean) => ({
    field: 'label',
    type: 'nominal' as const,
    sort: rows.map((r) => r.label),
    title: null,
    axis: first ? { labelFontSize: 12, labelPadding: 6, ticks: false, domain: false } : null,
  });
  const color = segmentColorEncoding(a, 's', null);
  const panel = (
    field: string,
    title: string[],
    max: number,
    textField: string,
    format?: string,
    mean?: number,
  ) => ({
    width: PANEL_WIDTH,
    height: { step: STEP },
    title: panelTitle(title),
    layer: [
      // The all-customer average goes first so bars and numbers draw over it.
      ...(mean === undefined
        ? []
        : [
            {
              data: { values: [{ m: mean }] },
              mark: { type: 'rule', color: MUTED, strokeDash: [4, 3], strokeWidth: 1, aria: false },
              encoding: { x: { field: 'm', type: 'quantitative', axis: null } },
            },
          ]),
      {
        mark: { type: 'bar', height: { band: 0.72 }, aria: false },
        encoding: {
          x: { field, type: 'quantitative', axis: null, scale: { domain: [0, max * 1.55] } },
          y: y(field === 'size'),
          color,
        },
      },
      // Numbers twice: a white halo first so the dashed average never cuts through a digit.
      ...[{ stroke: 'white', strokeWidth: 3 }, { color: INK }].map((style) => ({
        mark: { type: 'text', align: 'left', dx: 4, aria: false, ...style },
        encoding: {
          x: { field, type: 'quantitative', axis: null },
          y: y(field === 'size'),
          text: format ? { field: textField, type: 'quantitative', format } : { field: textField },
        },
      })),
    ],
  });
  const titles: Record<CatalogueFeature, string[]> = {
    age: ['Mean age', '(years)'],
    income: ['Mean income', '(k$ a year)'],
    spending: ['Mean spending', 'score (1–100)'],
  };
  // No mean-age panel for a file without an Age column.
  const feats = presentFeatures(a);
  const maxOf = (f: CatalogueFeature) => Math.max(...rows.map((r) => r[f] ?? 0), overall[f]);
  const ownPanels = shown.map((f, j) => {
    const spec = featureSpecIn(a.source, f);
    const field = `own${j}`;
    const mean = ownMean(f);
    const max = Math.max(...a.segments.map((s) => s.centroid[f] ?? 0), mean);
    const title = [`Mean ${spec.noun}`, spec.unit ? `(${spec.unit})` : ''].filter(Boolean);
    return panel(field, title, max, field, '.1f', mean);
  });
  const panels = [
    panel('size', ['Customers', '(share)'], Math.max(...rows.map((r) => r.size)), 'sizeText'),
    ...feats.map((f) => panel(f, titles[f], maxOf(f), f, '.0f', overall[f])),
    ...ownPanels,
  ];
  const notShown = own.slice(MAX_OWN_PANELS).map((f) => featureName(a.source, f));
  const used = a.features
    .map((f) => featureName(a.source, f))
    .join(' and ')
    .replace(/ and (?=.* and )/g, ', ');
  const title = 'What each segment looks like';
  const big = largest(a);
  const means = `mean income ${Math.round(big.meanIncome)} k$ and mean spending score ${Math.round(big.meanSpending)}`;
  const alt =
    a.segments.length === 1
      ? `All ${int(big.size)} customers as one group, by size and average ${measuresWords(a)}: ${means}.`
      : `${capitalise(count(a.segments.length))} segments compared by size and average ${measuresWords(a)}; ` +
        `the largest, ${big.name}, has ${int(big.size)} customers (${share.get(big.id)}) with ${means}.`;
  const spec = {
    ...frame(
      title,
      [
        `Segments were formed on ${used}. Dashed line: average of all ${int(a.rows)} customers.`,
        ...(notShown.length ? [`Not drawn, for width: ${notShown.join(', ')}.`] : []),
      ],
      700,
    ),
    data: { values: rows },
    hconcat: panels,
    spacing: 14,
  };
  return { kind: 'segment-profiles', title, alt, spec: spec as ChartSpec['spec'] };
}
