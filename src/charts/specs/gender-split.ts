/** Gender split: how many customers of each gender, as counts and shares. */
import { formatPercent } from '../../words.ts';
import { INK } from '../theme.ts';
import type { ChartInput, ChartSpec } from '../types.ts';
import { frame, genderColorEncoding, int, listing, roundedPercents } from './common.ts';

export function genderSplit(input: ChartInput): ChartSpec {
  const a = input.analysis;
  const g = a.eda.gender;
  const rows = [
    { g: 'Female', n: g.Female, share: g.shares.Female },
    { g: 'Male', n: g.Male, share: g.shares.Male },
    { g: 'Unknown', n: g.unknown, share: g.shares.unknown },
  ].filter((r) => r.n > 0 || r.g !== 'Unknown');
  const shares = roundedPercents(rows.map((r) => r.n));
  const labelled = rows.map((r, i) => ({ ...r, text: `${int(r.n)} (${formatPercent(shares[i]!)})` }));
  const max = Math.max(1, ...rows.map((r) => r.n));
  const y = {
    field: 'g',
    type: 'nominal' as const,
    sort: rows.map((r) => r.g),
    title: null,
    axis: { labelFontSize: 12, ticks: false, domain: false, labelPadding: 8 },
  };
  const title = 'Customers by gender';
  const parts = labelled.map(
    (r) => `${r.text} ${r.g === 'Unknown' ? 'of unknown gender' : r.g.toLowerCase()}`,
  );
  const alt = `Of ${int(a.rows)} customers, ${parts.length > 1 ? 'there are ' : ''}${listing(parts)}.`;
  const spec = {
    ...frame(title, [`${int(a.rows)} customers. Bars: count; labels: count and share.`]),
    data: { values: labelled },
    width: 500,
    height: { step: 46 },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, aria: false },
        encoding: {
          x: {
            field: 'n',
            type: 'quantitative',
            title: 'Customers',
            scale: { domain: [0, max * 1.3] },
            axis: { format: ',d', tickCount: 5 },
          },
          y,
          color: genderColorEncoding(
            rows.map((r) => r.g),
            'g',
            null,
          ),
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, color: INK, aria: false },
        encoding: { x: { field: 'n', type: 'quantitative' }, y, text: { field: 'text' } },
      },
    ],
  };
  return { kind: 'gender-split', title, alt, spec: spec as ChartSpec['spec'] };
}
