/**
 * The layers of the segment map, shared with the prediction chart: customers
 * (all of them, or a bounded, stratified sample of a big file) on the two
 * clustering axes coloured by segment, numbered centre discs, and segment
 * names placed beside their centres when they fit.
 */
import { placeLabels } from '../data/labels.ts';
import { type MapFrame, mapFrame } from '../data/map-frame.ts';
import { stratifiedSample } from '../data/sample.ts';
import { FONT_SIZE, INK, isDark, segmentColor } from '../theme.ts';
import type { ChartInput, PredictedCustomer } from '../types.ts';
import {
  fixed,
  int,
  round3,
  sampleNote,
  segmentColorEncoding,
  segmentLabel,
  segmentPercents,
  silhouetteWord,
} from './common.ts';

export const MAP_SIZE = { width: 540, height: 400 } as const;
/** Above this many customers the map draws a seeded sample (drawing time grows with marks). */
export const MAP_POINT_CAP = 4000;

/** Smaller, lighter dots as the cloud gets denser, so overlaps still read as density. */
export const dotStyle = (n: number) =>
  n <= 300
    ? { size: 42, fillOpacity: 0.75 }
    : n <= 1500
      ? { size: 24, fillOpacity: 0.55 }
      : { size: 12, fillOpacity: 0.4 };

/** With more segments than this, names stay in the legend. */
const MAX_NAMED = 6;

export interface MapParts {
  frame: MapFrame;
  shown: number;
  /** False when the names did not fit on the map and only the numbers are shown. */
  namesFit: boolean;
  dots: object;
  centres: object[];
  labels: object[];
}

/** The layers shared by the segment map and the prediction chart. */
export function mapLayers(
  input: ChartInput,
  extra: Array<{ customer: PredictedCustomer; text: string; centre?: number }> = [],
  fade = false,
): MapParts {
  const { analysis: a, table } = input;
  // A stored analysis may come back without its per-row labels; say so rather than draw nonsense.
  if (a.labels.length !== table.length)
    throw new Error(
      `the segment map needs a label per customer (${a.labels.length} labels, ${table.length} rows)`,
    );
  const f = mapFrame(
    a,
    table,
    extra.map((e) => e.customer),
  );
  const rows = stratifiedSample(a.labels, MAP_POINT_CAP, a.seed);
  const points = Array.from(rows, (i) => ({ x: round3(f.x(i)), y: round3(f.y(i)), s: a.labels[i]! }));
  const axis = (c: 'x' | 'y') => ({
    field: c,
    type: 'quantitative' as const,
    title: c === 'x' ? f.xTitle : f.yTitle,
    scale: { domain: c === 'x' ? f.xDomain : f.yDomain, nice: false, zero: false },
  });
  const sizeOf = new Map(a.segments.map((s) => [s.id, s]));
  const share = segmentPercents(a);
  const legendLabels = Object.fromEntries(
    a.segments.map((s) => [s.id, `${segmentLabel(s)} (${int(s.size)}, ${share.get(s.id)})`]),
  );
  const color = segmentColorEncoding(a, 's', {
    title: 'Segment (customers, share)',
    orient: 'bottom',
    direction: 'vertical',
    columns: a.segments.length > 4 ? 2 : 1,
    columnPadding: 24,
    labelExpr: `${JSON.stringify(legendLabels)}[datum.value] || ''`,
    symbolType: 'circle',
    symbolOpacity: 1,
  });
  const centres = f.centroids.map((c) => ({
    x: round3(c.x),
    y: round3(c.y),
    s: c.id,
    dark: isDark(segmentColor(c.id)),
  }));
  // Keep names off the new customer's star and off the line joining it to its centre.
  const obstacles = extra.flatMap((e) => {
    const [x, y] = f.place(e.customer);
    const c = f.centroids.find((k) => k.id === e.centre);
    const line = c
      ? Array.from({ length: 9 }, (_, t) => ({
          x: x + ((c.x - x) * (t + 1)) / 10,
          y: y + ((c.y - y) * (t + 1)) / 10,
          r: 3,
        }))
      : [];
    return [{ x, y, r: 14 }, ...line];
  });
  const anchors = [
    ...f.centroids.map((c) => ({ ...c, text: segmentLabel(sizeOf.get(c.id)!) })),
    ...extra.map((e) => {
      const [x, y] = f.place(e.customer);
      return { x, y, text: e.text };
    }),
  ];
  const spots = placeLabels(
    anchors,
    { ...MAP_SIZE, xDomain: f.xDomain, yDomain: f.yDomain },
    { fontSize: FONT_SIZE.mark, bold: true, obstacles },
  );
  // Names on the map only when every one sits clear beside its own centre; otherwise the
  // numbered discs and the legend say it without a tangle of labels.
  const k = f.centroids.length;
  const namesFit = k <= MAX_NAMED && spots.slice(0, k).every((p) => p.clear);
  const named = spots
    .map((p, i) => ({ x: round3(p.x), y: round3(p.y), t: anchors[i]!.text }))
    .filter((_, i) => namesFit || i >= k);
  const dots = dotStyle(points.length);
  // On the prediction chart the crowd steps back so the new customer stands out.
  if (fade) dots.fillOpacity *= 0.55;
  const text = { type: 'text' as const, fontSize: FONT_SIZE.mark, fontWeight: 'bold' as const, aria: false };
  const xy = { x: axis('x'), y: axis('y') };
  const dotsLayer = {
    data: { values: points },
    mark: { type: 'point', filled: true, strokeWidth: 0, aria: false, ...dots },
    encoding: { ...xy, color },
  };
  // Centres: a numbered disc in the segment's colour; the number ties it to its name label and the legend.
  const centreLayers = [
    {
      data: { values: centres },
      mark: {
        type: 'point',
        shape: 'circle',
        filled: true,
        size: 400,
        stroke: INK,
        strokeWidth: 1.5,
        fillOpacity: 1,
        aria: false,
      },
      encoding: { ...xy, color },
    },
    ...(['dark', 'light'] as const).map((tone) => ({
      data: { values: centres },
      transform: [{ filter: tone === 'dark' ? 'datum.dark' : '!datum.dark' }],
      mark: { ...text, color: tone === 'dark' ? 'white' : INK, baseline: 'middle' as const },
      encoding: { ...xy, text: { field: 's' } },
    })),
  ];
  const labelLayers =
    named.length === 0
      ? []
      : [
          {
            data: { values: named },
            mark: { ...text, stroke: 'white', strokeWidth: 4, strokeJoin: 'round', strokeOpacity: 0.85 },
            encoding: { ...xy, text: { field: 't' } },
          },
          {
            data: { values: named },
            mark: { ...text, color: INK },
            encoding: { ...xy, text: { field: 't' } },
          },
        ];
  return {
    frame: f,
    shown: points.length,
    namesFit,
    dots: dotsLayer,
    centres: centreLayers,
    labels: labelLayers,
  };
}

export function mapSubtitle(input: ChartInput, parts: MapParts): Array<string | null> {
  const a = input.analysis;
  const how = a.kChosenBy === 'user' ? 'chosen by you' : 'recommended';
  return [
    `k = ${a.k} (${how}) · average silhouette ${fixed(a.silhouette)} (${silhouetteWord(a.silhouette, a.structure)}) · ${int(a.rows)} customers`,
    parts.frame.note,
    parts.namesFit ? null : 'Numbers on the map match the legend below.',
    sampleNote(parts.shown, a.rows),
  ];
}
