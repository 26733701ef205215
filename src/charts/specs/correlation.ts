/**
 * Correlation heatmap of age, income and spending score: Pearson r in each
 * cell on a diverging, colour-blind-safe scale fixed at −1…1 (so a weak r
 * always looks weak), with the value printed.
 */
import { featureSpecIn } from '../../core/features.ts';
import { INK } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { fixed, frame, int, measuresWords } from './common.ts';

function strength(r: number): string {
  const m = Math.abs(Number(r.toFixed(2))); // judged on the value printed
  if (m >= 0.7) return 'strong';
  if (m >= 0.4) return 'moderate';
  if (m >= 0.2) return 'weak';
  return 'negligible';
}

export function correlation(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const { features, matrix } = a.eda.correlation;
  // Titles from the catalogue, or the file's own column ("Visits") when it is clustered on.
  const titleOf = (f: string) => featureSpecIn(a.source, f).title;
  const names = features.map(titleOf);
  const cells = names.flatMap((row, i) =>
    names.map((col, j) => ({
      row,
      col,
      r: matrix[i]![j]!,
      text: fixed(matrix[i]![j]!),
    })),
  );
  const pairs = features.flatMap((f, i) =>
    features.slice(i + 1).map((g, jj) => ({ f, g, r: matrix[i]![i + 1 + jj]! })),
  );
  const top = pairs.reduce((b, p) => (Math.abs(p.r) > Math.abs(b.r) ? p : b), pairs[0]!);
  const axis = (field: 'row' | 'col') => ({
    field,
    type: 'nominal' as const,
    sort: names,
    title: null,
    axis: {
      labelFontSize: 12,
      ticks: false,
      domain: false,
      labelAngle: 0,
      labelPadding: 8,
      ...(field === 'col' ? { orient: 'top' as const } : {}),
    },
  });
  const title = 'How the measures move together';
  const alt =
    `Correlations between ${measuresWords(a)} for ${int(a.rows)} customers; the strongest is ` +
    `${titleOf(top.f).toLowerCase()} with ${titleOf(top.g).toLowerCase()} (r = ${fixed(top.r)}, ${strength(top.r)}).`;
  const spec = {
    ...frame(title, ['Pearson r: +1 = rise together, −1 = one rises as the other falls, 0 = unrelated.']),
    data: { values: cells },
    width: { step: 130 },
    height: { step: 90 },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2, aria: false },
        encoding: {
          x: axis('col'),
          y: axis('row'),
          // The diagonal (each measure with itself, always 1) is greyed so it does not outshout the real pairs.
          color: {
            condition: { test: 'datum.row === datum.col', value: 'white' },
            field: 'r',
            type: 'quantitative',
            scale: { domain: [-1, 1], scheme: 'blueorange' },
            legend: {
              title: 'r',
              direction: 'vertical',
              gradientLength: 200,
              values: [-1, -0.5, 0, 0.5, 1],
              format: '.1f',
            },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 15, fontWeight: 'bold', aria: false },
        encoding: {
          x: axis('col'),
          y: axis('row'),
          text: { field: 'text' },
          color: {
            condition: [
              { test: 'datum.row === datum.col', value: '#AAAAAA' },
              { test: 'abs(datum.r) > 0.6', value: 'white' },
            ],
            value: INK,
          },
        },
      },
    ],
  };
  return { kind: 'correlation', title, alt, spec: spec as ChartSpec['spec'] };
}
