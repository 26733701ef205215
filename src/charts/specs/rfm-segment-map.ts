/**
 * The RFM segment map: customers by days since their last order against net
 * spend, both on the log(1 + x) scale the segments were found on, coloured by
 * segment with its RFM name; each centre numbered. At most MAP_POINT_CAP
 * customers are drawn (a seeded sample stratified by segment, as the
 * customer map does), so a million order lines draw as fast as a thousand.
 */

import { formatShare } from '../../words.ts';
import { stratifiedSample } from '../data/sample.ts';
import { INK, isDark, segmentColor } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { fixed, frame, int, round3, sampleNote, segmentColorEncoding, segmentLabel } from './common.ts';
import { dotStyle, MAP_POINT_CAP, MAP_SIZE } from './map-layers.ts';
import { LOG_SCALE, logAxis, RFM_LABEL, RFM_TITLE } from './rfm-common.ts';

export function rfmSegmentMap(input: RfmChartInput): ChartSpec<'rfm-segment-map'> {
  const { analysis: a, customers: c } = input;
  if (a.labels.length !== c.length)
    throw new Error(
      `the RFM map needs a label per customer (${a.labels.length} labels, ${c.length} customers)`,
    );
  const rows = stratifiedSample(a.labels, MAP_POINT_CAP, a.seed);
  const dots = Array.from(rows, (i) => ({
    x: round3(c.recency[i]!),
    y: round3(c.monetary[i]!),
    s: a.labels[i]!,
  }));
  // Loops, not Math.max(...x): a spread of 100k+ customers overflows the argument stack.
  const max = (x: Float64Array) => x.reduce((m, v) => Math.max(m, v), 0);
  const min = (x: Float64Array) => x.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
  const xLo = Math.max(0, Math.min(min(c.recency), ...a.segments.map((s) => s.centre.recency)) * 0.9);
  const xHi = max(c.recency) * 1.05;
  const yLo = Math.max(0, Math.min(min(c.monetary), ...a.segments.map((s) => s.centre.monetary)) * 0.9);
  const yHi = max(c.monetary) * 1.1;
  const axis = (field: 'x' | 'y') => {
    const [lo, hi, m] = field === 'x' ? [xLo, xHi, 'recency' as const] : [yLo, yHi, 'monetary' as const];
    return {
      field,
      type: 'quantitative' as const,
      title: `${RFM_TITLE[m]} (log scale)`,
      scale: { ...LOG_SCALE, domain: [lo, hi], nice: false, zero: false },
      axis: logAxis(lo, hi, RFM_LABEL[m]),
    };
  };
  const centres = a.segments.map((s) => ({
    x: round3(s.centre.recency),
    y: round3(s.centre.monetary),
    s: s.id,
  }));
  const legendLabels = Object.fromEntries(
    a.segments.map((s) => [s.id, `${segmentLabel(s)} (${int(s.size)}, ${formatShare(s.share)})`]),
  );
  const color = segmentColorEncoding(a, 's', {
    title: 'Segment (customers, share)',
    orient: 'bottom',
    direction: 'vertical',
    columns: a.segments.length > 4 ? 2 : 1,
    labelExpr: `${JSON.stringify(legendLabels)}[datum.value] || ''`,
    symbolOpacity: 1,
    symbolSize: 120,
  });
  const style = dotStyle(dots.length);
  const title = 'Customer segments by recency and spend';
  // As the customer path: no groups is said plainly, weak groups are framed as tentative.
  const found =
    a.k === 1
      ? 'No clear segments: the structure test finds one continuous group, so everyone is one segment. Disc: its centre.'
      : `${a.k} segments found on days since the last order, order count and net spend (log scale); order count is not drawn. Discs: segment centres. Average silhouette ${fixed(a.silhouette)}.`;
  const sub = [
    found,
    a.structure === 'weak' && a.k > 1 ? 'Tentative: the structure test finds only weak groups.' : null,
    a.structure === 'untested'
      ? 'Tentative: too few different customers to test whether these are real groups.'
      : null,
    sampleNote(dots.length, a.customers),
  ];
  const alt =
    `${int(a.customers)} customers plotted by days since their last order against net spend on log scales, in ${a.k} segment${a.k === 1 ? '' : 's'}: ` +
    a.segments.map((s) => `${s.name} (${formatShare(s.share)})`).join(', ') +
    '.';
  const spec = {
    ...frame(title, sub),
    width: MAP_SIZE.width,
    height: MAP_SIZE.height,
    encoding: { x: axis('x'), y: axis('y') },
    layer: [
      {
        data: { values: dots },
        mark: { type: 'circle', ...style, aria: false },
        encoding: { color },
      },
      {
        data: { values: centres },
        mark: { type: 'circle', size: 420, opacity: 1, stroke: 'white', strokeWidth: 2, aria: false },
        // The same encoding as the dots, so vega-lite merges the two into one legend.
        encoding: { color },
      },
      {
        data: { values: centres.map((p) => ({ ...p, ink: isDark(segmentColor(p.s)) ? 'white' : INK })) },
        mark: { type: 'text', fontWeight: 'bold', fontSize: 12, baseline: 'middle', aria: false },
        encoding: { text: { field: 's' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  };
  return { kind: 'rfm-segment-map', title, alt, spec: spec as ChartSpec['spec'] };
}
