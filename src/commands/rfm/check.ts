/** The order-data `check`: skewness before and after the log (why the transform is used) and how well the segments separate. */
import { formatFigure } from '../format.ts';
import { reply } from '../handlers/shared.ts';
import type { OrderSummary } from '../orders.ts';
import type { Reply, ReplyImage } from '../reply.ts';
import { rfmSettingsWords } from './summary.ts';
import { RFM_METHOD, skewnessWords } from './words.ts';

const FIXED = 'Skewness within ±1 is usually treated as close enough to symmetric for K-means.';

export function rfmCheckReply(orders: OrderSummary, datasetLine: string, images: ReplyImage[]): Reply {
  const { analysis: a } = orders;
  const fixed = a.skewness.filter((s) => Math.abs(s.raw) > 1 && Math.abs(s.log) < 1).length;
  const after = a.skewness.filter((s) => Math.abs(s.log) <= 1).length;
  return reply({
    title: 'Does k-means suit this order data?',
    text: `${after} of ${a.skewness.length} RFM measures are close to symmetric after log(1 + x); the log fixed ${fixed}.`,
    sections: [
      { heading: 'Based on', body: `${datasetLine}.\nSettings: ${rfmSettingsWords(orders)}.` },
      {
        heading: 'Why the log',
        body: `${RFM_METHOD} ${FIXED}\n${a.skewness.map((s) => `• ${skewnessWords(s)}`).join('\n')}`,
      },
      {
        heading: 'Separation',
        body: `Silhouette ${formatFigure(a.silhouette)}, Davies–Bouldin ${formatFigure(a.daviesBouldin)} (lower is better).`,
      },
    ],
    table: {
      columns: ['Measure', 'Skewness before', 'After log(1 + x)'],
      rows: a.skewness.map((s) => [s.measure, formatFigure(s.raw), formatFigure(s.log)]),
      align: ['left', 'right', 'right'],
    },
    images,
  });
}
