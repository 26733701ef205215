/**
 * Silhouette per segment, the classic plot: each segment a band of
 * horizontal bars (one per sampled customer, sorted), so a weak segment
 * shows as a thin, short or negative band. Drawn as one area per segment
 * from at most BAND_POINTS quantiles, so it costs the same for any sample.
 */
import { formatWholeShare } from '../../words.ts';
import { INK, MUTED } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { fixed, frame, int, segmentColorEncoding, segmentLabel } from './common.ts';

const BAND_POINTS = 120;
const HEIGHT = 1000; // position units; the plot maps them to pixels
/** Every band gets at least this share of the height so its label has room. */
const MIN_BAND = 0.07;

function sortedBySegment(input: ChartInput): Map<number, number[]> {
  const { rows, values } = input.analysis.silhouetteSample;
  const out = new Map<number, number[]>(input.analysis.segments.map((s) => [s.id, []]));
  for (let j = 0; j < rows.length; j++) out.get(input.analysis.labels[rows[j]!]!)?.push(values[j]!);
  for (const v of out.values()) v.sort((p, q) => q - p);
  return out;
}

/** Evenly spaced order statistics: the sorted curve's shape with a bounded number of points. */
function quantiles(sorted: number[], m: number): number[] {
  if (sorted.length <= m) return sorted;
  return Array.from({ length: m }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (m - 1))]!);
}

function misfits(share: number): string {
  if (share === 0) return 'no customer sits closer to another segment than to its own';
  return `${formatWholeShare(share)} of customers sit closer to another segment than to their own`;
}

export function silhouette(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const bySeg = sortedBySegment(input);
  const total = [...bySeg.values()].reduce((s, v) => s + v.length, 0) || 1;
  const k = a.segments.length;
  const gap = 0.025;
  const weights = a.segments.map((s) => Math.max(MIN_BAND, bySeg.get(s.id)!.length / total));
  const scale = (HEIGHT * (1 - gap * (k - 1))) / weights.reduce((x, y) => x + y, 0);
  let top = HEIGHT;
  const bands = a.segments.map((s, i) => {
    const h = weights[i]! * scale;
    const band = { s, hi: top, lo: top - h, mid: Math.round(top - h / 2) };
    top -= h + gap * HEIGHT;
    return band;
  });
  const area = bands.flatMap(({ s, hi, lo }) => {
    const q = quantiles(bySeg.get(s.id)!, BAND_POINTS);
    return q.map((v, j) => ({
      s: s.id,
      y: Math.round((hi - ((j + 0.5) / q.length) * (hi - lo)) * 10) / 10,
      v: Math.round(v * 1000) / 1000,
    }));
  });
  const all = [...bySeg.values()].flat();
  const minV = Math.min(0, ...all);
  const negative = (id: number) => {
    const v = bySeg.get(id)!;
    return v.length ? v.filter((x) => x < 0).length / v.length : 0;
  };
  const labels = Object.fromEntries(
    bands.map(({ s, mid }) => {
      const neg = negative(s.id);
      const flag = s.silhouette < 0.25 ? ' (weak)' : '';
      const negText = neg >= 0.05 ? `, ${formatWholeShare(neg)} below 0` : '';
      return [mid, `${segmentLabel(s)}: ${fixed(s.silhouette)}${flag}${negText}`];
    }),
  );
  const lo = Math.floor(Math.min(-0.2, minV) * 5) / 5;
  const x = {
    field: 'v',
    type: 'quantitative' as const,
    title: 'Silhouette (−1 = closer to another segment, 1 = well inside its own)',
    scale: { domain: [lo, 1], nice: false },
    axis: {
      values: Array.from(
        { length: Math.round((1 - lo) / 0.2) + 1 },
        (_, i) => Math.round((lo + 0.2 * i) * 10) / 10,
      ),
      format: '.1f',
    },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: null,
    // Headroom above the first band for the "average" label.
    scale: { domain: [0, HEIGHT * 1.07], nice: false, zero: false },
    axis: {
      values: bands.map((b) => b.mid),
      labelExpr: `${JSON.stringify(labels)}[datum.value] || ''`,
      // Bands are spaced for their labels already: no overlap pruning, and a tick count that
      // does not make vega thin out the explicit values (it drops every other one otherwise).
      labelOverlap: false,
      tickCount: bands.length,
      grid: false,
      ticks: false,
      domain: false,
      labelFontSize: 11,
    },
  };
  const weakest = a.segments.reduce((w, s) => (s.silhouette < w.silhouette ? s : w), a.segments[0]!);
  const strongest = a.segments.reduce((w, s) => (s.silhouette > w.silhouette ? s : w), a.segments[0]!);
  const negAll = all.length ? all.filter((v) => v < 0).length / all.length : 0;
  const title = 'How well customers fit their segment';
  // One group has nothing to be separated from: every silhouette is 0 by definition, not a poor fit.
  const alt =
    a.segments.length === 1
      ? `Silhouette values of all ${int(a.rows)} customers in one group: all 0, since there is no other segment to compare with.`
      : `Silhouette values by segment (average ${fixed(a.silhouette)}); the weakest segment, ${weakest.name}, averages ${fixed(weakest.silhouette)} ` +
        `and the strongest, ${strongest.name}, ${fixed(strongest.silhouette)}; ${misfits(negAll)}.`;
  const sampled = a.silhouetteSample.rows.length;
  const spec = {
    ...frame(title, [
      'Each band is one segment, one sliver per customer, best-fitting at the top; a short or negative band is a weak segment.',
      sampled < a.rows ? `Computed on a random sample of ${int(sampled)} of ${int(a.rows)} customers.` : null,
    ]),
    width: 380,
    height: Math.max(220, 34 * k),
    layer: [
      {
        data: { values: area },
        mark: { type: 'area', orient: 'horizontal', interpolate: 'step', fillOpacity: 0.9, aria: false },
        encoding: {
          y,
          x,
          x2: { datum: 0 },
          color: segmentColorEncoding(a, 's', null),
          detail: { field: 's' },
        },
      },
      {
        data: { values: [{ v: a.silhouette }] },
        mark: { type: 'rule', color: INK, strokeDash: [5, 4], strokeWidth: 1.5, aria: false },
        encoding: { x: { field: 'v', type: 'quantitative' } },
      },
      {
        data: { values: [{ v: a.silhouette, y: HEIGHT * 1.035 }] },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, color: INK, aria: false },
        encoding: {
          x: { field: 'v', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          text: { value: `average ${fixed(a.silhouette)}` },
        },
      },
      {
        data: { values: [{ v: 0 }] },
        mark: { type: 'rule', color: MUTED, strokeWidth: 1, aria: false },
        encoding: { x: { field: 'v', type: 'quantitative' } },
      },
    ],
  };
  return { kind: 'silhouette', title, alt, spec: spec as ChartSpec['spec'] };
}
