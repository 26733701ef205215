/**
 * Spending score by gender: a boxplot drawn from the EDA's five-number
 * summaries (so it costs the same for any file size): whiskers at Tukey's
 * 1.5·IQR fences, the box spanning the middle half, a median line and a mean
 * diamond.
 */
import type { Gender } from '../../core/types.ts';
import { FEATURE_TITLE, INK } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { frame, genderColorEncoding, int, listing } from './common.ts';

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function spendingByGender(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const groups = a.eda.byGender.filter((g) => g.count > 0);
  const label = (g: Gender, n: number) => `${g} (n = ${int(n)})`;
  const rows = groups.map((g) => ({ g: g.gender, label: label(g.gender, g.count), ...g.spending }));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: rows.map((r) => r.label),
    title: null,
    axis: { labelFontSize: 12, ticks: false, domain: false, labelPadding: 8 },
  };
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: FEATURE_TITLE.spending,
    scale: { domain: [0, 100], nice: false },
  });
  const color = genderColorEncoding(
    rows.map((r) => r.g),
    'g',
    null,
  );
  const title = 'Spending score by gender';
  const alt =
    `Spending score by gender: ` +
    listing(
      rows.map(
        (r) =>
          `${r.g.toLowerCase()} customers have median ${num(r.median)} (middle half ${num(r.q1)}–${num(r.q3)})`,
      ),
    ) +
    '.';
  const spec = {
    ...frame(title, [
      'Box: the middle half of customers; line: median; diamond: mean; whiskers: the rest, up to 1.5 × the box length.',
    ]),
    data: { values: rows },
    width: 500,
    height: { step: 70 },
    layer: [
      {
        mark: { type: 'rule', color: INK, strokeWidth: 1.5, aria: false },
        encoding: { x: x('lowerWhisker'), x2: { field: 'upperWhisker' }, y },
      },
      {
        mark: { type: 'tick', color: INK, thickness: 1.5, size: 18, opacity: 1, aria: false },
        encoding: { x: x('lowerWhisker'), y },
      },
      {
        mark: { type: 'tick', color: INK, thickness: 1.5, size: 18, opacity: 1, aria: false },
        encoding: { x: x('upperWhisker'), y },
      },
      {
        mark: {
          type: 'bar',
          height: { band: 0.6 },
          fillOpacity: 1,
          stroke: INK,
          strokeWidth: 1,
          aria: false,
        },
        encoding: { x: x('q1'), x2: { field: 'q3' }, y, color },
      },
      {
        mark: { type: 'tick', color: INK, thickness: 3, size: 42, opacity: 1, aria: false },
        encoding: { x: x('median'), y },
      },
      {
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: true,
          size: 90,
          color: 'white',
          stroke: INK,
          strokeWidth: 1.5,
          opacity: 1,
          aria: false,
        },
        encoding: { x: x('mean'), y },
      },
    ],
  };
  return { kind: 'spending-by-gender', title, alt, spec: spec as ChartSpec['spec'] };
}
