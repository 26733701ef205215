/**
 * Choosing k: inertia and the average silhouette against k, one above the
 * other on the same k axis, with the recommended k marked and the reason
 * written out. A k picked by the user is marked too. The inertia panel marks
 * no elbow: the rule (core/selection.ts) does not use one, and a marked
 * elbow beside a different recommendation read as a contradiction.
 */

import type { Analysis } from '../../core/types.ts';
import { selectionReason } from '../../phrases/selection.ts';
import { INK, MUTED } from '../theme.ts';
import type { ChartSpec } from '../types.ts';
import { fixed, frame, int, panelTitle } from './common.ts';

const LINE = '#3B5B7A';
const PICK = '#D55E00';
const PANEL = { width: 540, height: 170 };

/** Only the sweep and the k used: the RFM path (rfm-choose-k) draws its sweep with this too. */
export interface ChooseKInput {
  analysis: Pick<Analysis, 'selection' | 'k' | 'kChosenBy'>;
}

export function chooseK(input: ChooseKInput): ChartSpec {
  const a = input.analysis;
  const sel = a.selection;
  const ks = sel.rows.map((r) => r.k);
  // Big files have inertias in the billions: plot in thousands/millions so tick labels stay short.
  const maxInertia = Math.max(...sel.rows.map((r) => r.inertia));
  const [unit, unitName] =
    maxInertia >= 1e10
      ? [1e9, 'billions, ']
      : maxInertia >= 1e7
        ? [1e6, 'millions, ']
        : maxInertia >= 1e5
          ? [1e3, 'thousands, ']
          : [1, ''];
  const rows = sel.rows.map((r) => ({ k: r.k, inertia: r.inertia / unit, silhouette: r.silhouette }));
  const x = {
    field: 'k',
    type: 'quantitative' as const,
    title: 'Number of segments (k)',
    scale: { domain: [Math.min(...ks) - 0.4, Math.max(...ks) + 0.4], nice: false, zero: false },
    axis: { values: ks, format: 'd', grid: false },
  };
  const sils = rows.map((r) => r.silhouette);
  const silDomain = [
    Math.floor((Math.min(...sils) - 0.02) * 10) / 10,
    Math.ceil((Math.max(...sils) + 0.07) * 10) / 10,
  ];
  // No structure: one group is the answer, the rule's k only the nearest split (k = 1 is no one's "choice").
  const single = a.k === 1 && a.kChosenBy === 'recommendation';
  const marks = [
    {
      k: sel.recommendedK,
      what: single ? `nearest split: k = ${sel.recommendedK}` : `recommended: k = ${sel.recommendedK}`,
    },
  ];
  if (a.k !== sel.recommendedK && !single) marks.push({ k: a.k, what: `used: k = ${a.k} (your choice)` });
  // Rule notes go where the falling inertia curve is not: top right of it, or at the bottom
  // when the curve is still high there (k at the left edge); flipped left near the right edge.
  const top = Math.max(...rows.map((r) => r.inertia));
  const high = (k: number) => (rows.find((r) => r.k === k)?.inertia ?? 0) > 0.7 * top;
  const noteY = (k: number) => (high(k) ? 0 : top);
  const mid = (Math.min(...ks) + Math.max(...ks)) / 2;
  const noteStyle = (k: number, i: number) => ({
    align: k > mid ? ('right' as const) : ('left' as const),
    dx: k > mid ? -5 : 5,
    baseline: high(k) ? ('bottom' as const) : ('top' as const),
    dy: high(k) ? -2 - 16 * i : 2 + 16 * i,
  });
  const panel = (
    field: 'inertia' | 'silhouette',
    title: string,
    yTitle: string,
    best: number | null,
    bestText: string,
  ) => {
    const y = {
      field,
      type: 'quantitative' as const,
      title: yTitle,
      // Headroom above the silhouette peak for its label.
      scale: field === 'inertia' ? { zero: true } : { domain: silDomain, nice: false, zero: false },
      axis: { format: field === 'inertia' ? ',.0f' : '.2f', tickCount: 5 },
    };
    return {
      ...PANEL,
      title: panelTitle(title),
      layer: [
        ...marks.map((m, i) => ({
          data: { values: [{ k: m.k, y: noteY(m.k) }] },
          layer: [
            { mark: { type: 'rule', color: MUTED, strokeDash: [5, 4], aria: false }, encoding: { x } },
            ...(field === 'inertia'
              ? [
                  {
                    mark: { ...noteStyle(m.k, i), type: 'text', color: INK, aria: false },
                    encoding: { x, y: { field: 'y', type: 'quantitative' }, text: { value: m.what } },
                  },
                ]
              : []),
          ],
        })),
        { mark: { type: 'line', color: LINE, strokeWidth: 2, aria: false }, encoding: { x, y } },
        {
          mark: { type: 'point', filled: true, size: 50, color: LINE, fillOpacity: 1, aria: false },
          encoding: { x, y },
        },
        ...(best === null
          ? []
          : [
              {
                transform: [{ filter: `datum.k === ${best}` }],
                mark: {
                  type: 'point',
                  filled: true,
                  size: 150,
                  color: PICK,
                  fillOpacity: 1,
                  stroke: 'white',
                  strokeWidth: 1.5,
                  aria: false,
                },
                encoding: { x, y },
              },
              {
                transform: [{ filter: `datum.k === ${best}` }],
                mark: {
                  type: 'text',
                  ...(field === 'inertia' ? { align: 'left', dx: 9, dy: -12 } : { align: 'center', dy: -16 }),
                  color: PICK,
                  fontWeight: 'bold',
                  aria: false,
                },
                encoding: { x, y, text: { value: bestText } },
              },
            ]),
      ],
    };
  };
  const title = single
    ? `Choosing the number of segments: no clear segments (nearest split k = ${sel.recommendedK})`
    : `Choosing the number of segments: k = ${sel.recommendedK} recommended`;
  const bestSil = sel.rows.find((r) => r.k === sel.silhouetteK);
  const alt =
    `Inertia and average silhouette for k = ${Math.min(...ks)} to ${Math.max(...ks)}; ` +
    (single
      ? `no clear segments, so one group is recommended, the nearest split being k = ${sel.recommendedK},`
      : `k = ${sel.recommendedK} is recommended`) +
    ` and the silhouette peaks at k = ${sel.silhouetteK} (${fixed(bestSil?.silhouette ?? 0)}).`;
  const sample = sel.sample
    ? `k was chosen on a random sample of ${int(sel.sample.size)} of ${int(sel.sample.of)} customers.`
    : null;
  const spec = {
    ...frame(title, [selectionReason(sel), sample]),
    data: { values: rows },
    vconcat: [
      panel(
        'inertia',
        'Inertia: spread within segments; it always falls as segments are added',
        `Inertia (${unitName}lower = tighter)`,
        null,
        '',
      ),
      panel(
        'silhouette',
        'Silhouette: how well each customer fits its own segment rather than the next',
        'Silhouette (higher = clearer)',
        sel.silhouetteK,
        'highest',
      ),
    ],
    spacing: 22,
  };
  return { kind: 'choose-k', title, alt, spec: spec as ChartSpec['spec'] };
}
