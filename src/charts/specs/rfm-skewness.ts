/**
 * Why the log: each RFM measure's skewness as it is and after log(1 + x),
 * side by side, with the ±1 band usually taken as symmetric enough for
 * k-means. The `check` command's chart for order data.
 */
import { RFM_MEASURES } from '../../core/rfm/measures.ts';
import { INK, MUTED, NEUTRAL_FILL } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { capitalise, fixed, frame } from './common.ts';
import { RFM_SHORT } from './rfm-common.ts';

const BEFORE = 'As it is';
const AFTER = 'After log(1 + x)';

export function rfmSkewness(input: RfmChartInput): ChartSpec<'rfm-skewness'> {
  const a = input.analysis;
  const values = a.skewness.flatMap((s) => [
    { measure: capitalise(RFM_SHORT[s.measure]), form: BEFORE, skew: s.raw, text: fixed(s.raw) },
    { measure: capitalise(RFM_SHORT[s.measure]), form: AFTER, skew: s.log, text: fixed(s.log) },
  ]);
  const extent = Math.max(1.5, ...values.map((v) => Math.abs(v.skew))) * 1.15;
  const lo = Math.min(-1.5, ...values.map((v) => v.skew * 1.15));
  const title = 'Skewness before and after the log';
  const alt = `Skewness of ${a.skewness
    .map((s) => `${RFM_SHORT[s.measure]} ${fixed(s.raw)} before and ${fixed(s.log)} after log(1 + x)`)
    .join(', ')}.`;
  const y = {
    field: 'measure',
    type: 'nominal' as const,
    sort: RFM_MEASURES.map((m) => capitalise(RFM_SHORT[m])),
    title: null,
  };
  const x = {
    field: 'skew',
    type: 'quantitative' as const,
    title: 'Skewness',
    scale: { domain: [lo, extent], nice: false },
  };
  const color = {
    field: 'form',
    type: 'nominal' as const,
    scale: { domain: [BEFORE, AFTER], range: [NEUTRAL_FILL, '#0072B2'] },
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  const spec = {
    ...frame(title, [
      'Order count and spend are long-tailed: a few customers order or spend far more than the rest. Within ±1 (shaded) is usually symmetric enough for k-means.',
    ]),
    width: 500,
    height: { step: 26 },
    layer: [
      {
        data: { values: [{ a: -1, b: 1 }] },
        mark: { type: 'rect', color: '#EEF3F8', aria: false },
        encoding: {
          x: { field: 'a', type: 'quantitative', scale: { domain: [lo, extent], nice: false } },
          x2: { field: 'b' },
        },
      },
      {
        data: { values },
        encoding: { y, yOffset: { field: 'form', sort: [BEFORE, AFTER] }, x, color },
        layer: [
          { mark: { type: 'bar', aria: false } },
          {
            mark: { type: 'text', aria: false, dx: 4, align: 'left', color: INK },
            encoding: {
              text: { field: 'text' },
              x: { field: 'skew', type: 'quantitative' },
              color: { value: INK },
            },
            transform: [{ filter: 'datum.skew >= 0' }],
          },
          {
            mark: { type: 'text', aria: false, dx: -4, align: 'right', color: MUTED },
            encoding: { text: { field: 'text' }, color: { value: MUTED } },
            transform: [{ filter: 'datum.skew < 0' }],
          },
        ],
      },
      {
        data: { values: [{ z: 0 }] },
        mark: { type: 'rule', color: '#888888', aria: false },
        encoding: { x: { field: 'z', type: 'quantitative' } },
      },
    ],
  };
  return { kind: 'rfm-skewness', title, alt, spec: spec as ChartSpec['spec'] };
}
