/**
 * Where customers sit on the segment map. Two features: their own axes, in
 * original units. Three: the two principal components of the scaled data.
 * One: that feature across, and a second one up for context. The frame gives
 * row accessors (so a million-row table is never copied), centroid and
 * new-customer positions, and fixed axis domains so label placement can work
 * in pixels before vega draws anything.
 */

import { featureColumn, featureTitleIn } from '../../core/features.ts';
import { niceStep } from '../../core/histogram.ts';
import {
  type Analysis,
  type CatalogueFeature,
  type CustomerTable,
  FEATURES,
  type Feature,
  isCatalogueFeature,
  type Segment,
} from '../../core/types.ts';
import { formatWholeShare } from '../../words.ts';
import { featureName } from '../theme.ts';
import { customerValue, type PredictedCustomer } from '../types.ts';
import { fitProjection, type Projection, projectRaw, projectScaled } from './projection.ts';

export interface MapFrame {
  xTitle: string;
  yTitle: string;
  x: (row: number) => number;
  y: (row: number) => number;
  centroids: Array<{ id: number; x: number; y: number }>;
  place: (c: PredictedCustomer) => [number, number];
  xDomain: [number, number];
  yDomain: [number, number];
  /** What the axes mean when they are not plain features. */
  note: string | null;
  /** The axes in words, for alt text: "income and spending score". */
  phrase: string;
}

// Only a feature the segments were formed on, or income/spending for context, reaches these: never a missing age.
const MEAN_OF: Record<CatalogueFeature, (s: Segment) => number> = {
  age: (s) => s.meanAge ?? Number.NaN,
  income: (s) => s.meanIncome,
  spending: (s) => s.meanSpending,
};

function componentTitle(a: Analysis, p: Projection, c: 0 | 1): string {
  const parts = p.axes[c]
    .map((w, j) => ({ w, f: p.features[j]! }))
    .filter(({ w }) => Math.abs(w) >= 0.35)
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
    .map(({ w, f }) => `${w > 0 ? '+' : '−'}${featureName(a.source, f)}`);
  return `Component ${c + 1} (${formatWholeShare(p.explained[c])} of spread): ${parts.join(', ')}`;
}

function plainFrame(a: Analysis, table: CustomerTable): Omit<MapFrame, 'xDomain' | 'yDomain'> {
  // Catalogue features in their order, then the file's own columns.
  const chosen = [
    ...FEATURES.filter((f) => a.features.includes(f)),
    ...a.features.filter((f) => !isCatalogueFeature(f)),
  ];
  const fx = chosen[0]!;
  const fy = chosen[1] ?? (fx === 'spending' ? 'income' : 'spending');
  const [cx, cy] = [featureColumn(table, fx), featureColumn(table, fy)];
  const centre = (s: Segment, f: Feature) =>
    s.centroid[f] ?? (isCatalogueFeature(f) ? MEAN_OF[f](s) : Number.NaN);
  const name = (f: Feature) => featureName(a.source, f);
  return {
    xTitle: featureTitleIn(a.source, fx),
    yTitle: featureTitleIn(a.source, fy),
    x: (i) => cx[i]!,
    y: (i) => cy[i]!,
    centroids: a.segments.map((s) => ({ id: s.id, x: centre(s, fx), y: centre(s, fy) })),
    place: (c) => [customerValue(c, fx), customerValue(c, fy)],
    phrase: `${name(fx)} and ${name(fy)}`,
    note: chosen[1] ? null : `Segments use ${name(fx)} only; ${name(fy)} is shown for context.`,
  };
}

function pcaFrame(a: Analysis, table: CustomerTable): Omit<MapFrame, 'xDomain' | 'yDomain'> {
  const { features, scaler } = a.model;
  const names = features.map((f) => featureName(a.source, f));
  const p = fitProjection(table, features, scaler);
  const cols = features.map((f) => featureColumn(table, f));
  // Projected once into flat arrays: tight loop, no per-row allocation (1M rows ≈ 10 ms).
  const [px, py] = [new Float64Array(table.length), new Float64Array(table.length)];
  const row = new Array<number>(features.length).fill(0);
  for (let i = 0; i < table.length; i++) {
    for (let j = 0; j < cols.length; j++) row[j] = (cols[j]![i]! - scaler.shift[j]!) / scaler.divisor[j]!;
    [px[i], py[i]] = projectScaled(p, row);
  }
  const byId = new Map(a.model.segments.map((s, i) => [s.id, a.model.centroids[i]!]));
  return {
    xTitle: componentTitle(a, p, 0),
    yTitle: componentTitle(a, p, 1),
    x: (i) => px[i]!,
    y: (i) => py[i]!,
    centroids: a.segments.map((s) => {
      const [x, y] = projectScaled(p, byId.get(s.id)!);
      return { id: s.id, x, y };
    }),
    place: (c) => projectRaw(p, Object.fromEntries(features.map((f) => [f, customerValue(c, f)]))),
    phrase: 'the two main directions of spread',
    note: `Each customer's ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} (scaled), projected onto the two directions of greatest spread.`,
  };
}

/** The data range rounded out to a readable step (1–99 → 0–100, not −20–120). */
export function niceDomain(lo: number, hi: number): [number, number] {
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const step = niceStep(lo, hi, 10);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

export function mapFrame(a: Analysis, table: CustomerTable, extra: PredictedCustomer[] = []): MapFrame {
  const f = a.features.length > 2 ? pcaFrame(a, table) : plainFrame(a, table);
  const xs = [...f.centroids.map((c) => c.x), ...extra.map((c) => f.place(c)[0])];
  const ys = [...f.centroids.map((c) => c.y), ...extra.map((c) => f.place(c)[1])];
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let i = 0; i < table.length; i++) {
    const [x, y] = [f.x(i), f.y(i)];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { ...f, xDomain: niceDomain(x0, x1), yDomain: niceDomain(y0, y1) };
}
