/**
 * RFM segment profiles: one row per segment, its customers' mean 1–5 R, F
 * and M scores as shaded cells (5 = most recent, most orders, highest spend),
 * then its centre in days, orders and spend (exp of the mean log − 1, so one
 * big account does not drag it). k rows × 6 cells, whatever the file size.
 */
import { formatCount, formatShare } from '../../words.ts';
import { INK } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { frame, int } from './common.ts';

const SCORES = ['R score', 'F score', 'M score'] as const;
const CENTRES = ['Days since last', 'Orders', 'Net spend'] as const;

const shortMoney = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(0)}k` : formatCount(x);

export function rfmSegmentProfiles(input: RfmChartInput): ChartSpec<'rfm-segment-profiles'> {
  const a = input.analysis;
  const row = (s: (typeof a.segments)[number]) => `${s.id} · ${s.name} (${formatShare(s.share)})`;
  const cells = a.segments.flatMap((s) => [
    ...[s.scores.r, s.scores.f, s.scores.m].map((v, j) => ({
      row: row(s),
      column: SCORES[j]!,
      score: Math.round(v * 10) / 10,
      text: v.toFixed(1),
    })),
    { row: row(s), column: CENTRES[0], text: formatCount(s.centre.recency) },
    {
      row: row(s),
      column: CENTRES[1],
      text: s.centre.frequency < 10 ? s.centre.frequency.toFixed(1) : formatCount(s.centre.frequency),
    },
    { row: row(s), column: CENTRES[2], text: shortMoney(s.centre.monetary) },
  ]);
  const x = {
    field: 'column',
    type: 'nominal' as const,
    sort: [...SCORES, ...CENTRES],
    title: null,
    axis: { orient: 'top' as const, labelAngle: 0, domain: false, ticks: false, labelPadding: 6 },
  };
  const y = {
    field: 'row',
    type: 'nominal' as const,
    sort: a.segments.map(row),
    title: null,
    axis: { domain: false, ticks: false, labelPadding: 8 },
  };
  const title = 'Segment profiles in RFM terms';
  const alt =
    `Mean 1–5 recency, frequency and spend scores and centres of ${a.k} segment${a.k === 1 ? '' : 's'} of ${int(a.customers)} customers: ` +
    a.segments
      .map(
        (s) => `${s.name} R ${s.scores.r.toFixed(1)} F ${s.scores.f.toFixed(1)} M ${s.scores.m.toFixed(1)}`,
      )
      .join('; ') +
    '.';
  const spec = {
    ...frame(title, [
      'Scores: the segment’s mean 1–5 quintile score (5 = most recent, most orders, highest spend). Right: its centre in days, orders and spend.',
    ]),
    width: 6 * 78,
    height: { step: 34 },
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.score)' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2, aria: false },
        encoding: {
          color: {
            field: 'score',
            type: 'quantitative',
            scale: { domain: [1, 5], scheme: 'blues' },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12, aria: false },
        encoding: {
          text: { field: 'text' },
          color: { condition: { test: 'datum.score >= 3.8', value: 'white' }, value: INK },
        },
      },
    ],
  };
  return { kind: 'rfm-segment-profiles', title, alt, spec: spec as ChartSpec['spec'] };
}
