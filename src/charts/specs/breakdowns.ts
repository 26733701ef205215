/**
 * Breakdowns: for each text column with few levels (Region, LoyaltyTier), each
 * segment's customers by level as a 100 % bar, under one "All customers" bar,
 * so a segment that leans to one level shows against the whole at a glance.
 * One chart holds every breakdown column, one panel each, the most telling
 * first (largest Cramér's V of the segment × level table): the summary shows
 * one image however many columns the file has, and the column that separates
 * the segments most is the one a reader sees first. Past BREAKDOWN_PANELS the
 * columns are named in the subtitle, not drawn; the words give them all.
 * Levels keep Breakdown.levels' order (largest first), the ones past
 * LEVELS_SHOWN pooled as "other", as the summary's words do.
 */
import type { Breakdown } from '../../core/types.ts';
import { columnNoun, OTHER_LEVEL, shownShares } from '../../phrases/columns.ts';
import { formatWholeShare } from '../../words.ts';
import { INK } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { capitalise, frame, int, listing, panelTitle, segmentLabel } from './common.ts';

/** Columns drawn as panels; more would make the image too tall to read in a thread. */
export const BREAKDOWN_PANELS = 3;
export const ALL_CUSTOMERS = 'All customers';

/**
 * Paul Tol's light scheme, then a grey for "other": paler than the segment
 * palette, so a level is never mistaken for a segment, and ink reads on each.
 */
export const LEVEL_PALETTE = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99'] as const;
const OTHER_COLOR = '#DDDDDD';
const BAR_WIDTH = 300;
const STEP = 24;
/** A share is printed inside its bar piece only when the piece is this wide. */
const LABEL_MIN_SHARE = 0.08;

/** Cramér's V of a breakdown's segment × level table: 0 when segments mirror all customers. */
export function cramersV(b: Breakdown): number {
  const m = Math.min(b.bySegment.length - 1, b.levels.length - 1);
  return m > 0 && b.stated > 0 ? Math.sqrt(b.test.statistic / (b.stated * m)) : 0;
}

/** Breakdowns most telling first; ties keep the file's column order. */
export function breakdownOrder(breakdowns: readonly Breakdown[]): Breakdown[] {
  return breakdowns
    .map((b, i) => ({ b, i, v: cramersV(b) }))
    .sort((x, y) => y.v - x.v || x.i - y.i)
    .map(({ b }) => b);
}

export interface BreakdownBar {
  /** Row label: "All customers (200)" or a segment label. */
  row: string;
  /** 0 for all customers, else the segment id. */
  s: number;
  level: string;
  share: number;
  start: number;
  end: number;
}

/** The bars of one panel: all customers first, then each segment, each piece in level order. */
export function breakdownBars(input: ChartInput, b: Breakdown): BreakdownBar[] {
  const pieces = (row: string, s: number, shares: Record<string, number> | null) => {
    let at = 0;
    return shownShares(b, shares).map((p) => {
      const start = at;
      at += p.share;
      return { row, s, level: p.level, share: p.share, start, end: at };
    });
  };
  const segments = input.analysis.segments;
  return [
    ...pieces(`${ALL_CUSTOMERS} (${int(b.stated)})`, 0, null),
    ...segments.flatMap((seg) =>
      pieces(segmentLabel(seg), seg.id, b.bySegment.find((x) => x.id === seg.id)?.shares ?? {}),
    ),
  ];
}

function panel(input: ChartInput, b: Breakdown, first: boolean) {
  const bars = breakdownBars(input, b);
  const levels = [...new Set(bars.map((x) => x.level))];
  const colours = levels.map((l, i) => (l === OTHER_LEVEL ? OTHER_COLOR : LEVEL_PALETTE[i]!));
  const rows = [...new Set(bars.map((x) => x.row))];
  const noun = columnNoun(b.column);
  const y = {
    field: 'row',
    type: 'nominal' as const,
    sort: rows,
    title: null,
    axis: { domain: false, ticks: false, labelPadding: 6 },
  };
  return {
    title: panelTitle(capitalise(noun)),
    width: BAR_WIDTH,
    height: { step: STEP },
    data: { values: bars.map((x) => ({ ...x, text: formatWholeShare(x.share) })) },
    layer: [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5, height: { band: 0.78 }, aria: false },
        encoding: {
          y,
          x: {
            field: 'start',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            title: first ? 'Share of the customers with a stated level' : null,
            axis: { format: '.0%', tickCount: 5, values: [0, 0.25, 0.5, 0.75, 1] },
          },
          x2: { field: 'end' },
          color: {
            field: 'level',
            type: 'nominal' as const,
            scale: { domain: levels, range: colours },
            sort: levels,
            legend: {
              title: capitalise(noun),
              orient: 'right',
              direction: 'vertical',
            },
          },
        },
      },
      {
        transform: [
          { filter: `datum.share >= ${LABEL_MIN_SHARE}` },
          { calculate: '(datum.start + datum.end) / 2', as: 'mid' },
        ],
        mark: { type: 'text', aria: false, color: INK },
        encoding: {
          y,
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
    ],
  };
}

export function breakdownChart(input: ChartInput): ChartSpec {
  const a = input.analysis;
  if (a.breakdowns.length === 0) throw new Error('the breakdown chart needs a file with breakdown columns');
  const ordered = breakdownOrder(a.breakdowns);
  const drawn = ordered.slice(0, BREAKDOWN_PANELS);
  const left = ordered.slice(BREAKDOWN_PANELS);
  const nouns = (bs: readonly Breakdown[]) => listing(bs.map((b) => columnNoun(b.column)));
  const title = `Segments by ${nouns(drawn)}`;
  const sub = [
    'Each bar: the customers of a segment by level, against all customers at the top.',
    drawn.length > 1 ? 'The column that tells the segments apart most comes first.' : null,
    left.length ? `Not drawn: ${nouns(left)} (in the summary's words).` : null,
  ];
  const top = drawn[0]!;
  const lead = top.differences[0];
  const leadSegment = lead && a.segments.find((s) => s.id === lead.id);
  const alt =
    `Share of each ${nouns(drawn)} level in each of the ${a.segments.length} segments and among all customers` +
    (lead && leadSegment
      ? `; segment ${lead.id} (${leadSegment.name}) is ${formatWholeShare(lead.share)} ${lead.value} ${columnNoun(top.column)} (all customers: ${formatWholeShare(lead.overall)}).`
      : '; no segment stands out from all customers.');
  const spec = {
    ...frame(title, sub),
    vconcat: drawn.map((b, i) => panel(input, b, i === drawn.length - 1)),
    resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  };
  return { kind: 'breakdowns', title, alt, spec: spec as ChartSpec['spec'] };
}
