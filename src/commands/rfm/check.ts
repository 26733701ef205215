/**
 * The order-data `check`: skewness before and after the log (why the
 * transform is used), the customer checks that apply to RFM segments, and
 * how firm the segments are across resamples.
 */
import { checkSection, checkTable, tally } from '../handlers/check.ts';
import { reply } from '../handlers/shared.ts';
import type { OrderSummary } from '../orders.ts';
import type { Reply, ReplyImage } from '../reply.ts';
import { stabilitySection } from '../stability.ts';
import { rfmSettingsWords } from './summary.ts';
import { RFM_METHOD, skewnessWords } from './words.ts';

const SYMMETRIC = 'Skewness within ±1 is usually treated as close enough to symmetric for K-means.';

export function rfmCheckReply(orders: OrderSummary, datasetLine: string, images: ReplyImage[]): Reply {
  const { analysis: a } = orders;
  const fixed = a.skewness.filter((s) => Math.abs(s.raw) > 1 && Math.abs(s.log) < 1).length;
  const after = a.skewness.filter((s) => Math.abs(s.log) <= 1).length;
  return reply({
    title: 'Does k-means suit this order data?',
    text: `${tally(a.assumptions)} ${after} of ${a.skewness.length} RFM measures are close to symmetric after log(1 + x); the log fixed ${fixed}.`,
    sections: [
      { heading: 'Based on', body: `${datasetLine}.\nSettings: ${rfmSettingsWords(orders)}.` },
      {
        heading: 'Why the log',
        body: `${RFM_METHOD} ${SYMMETRIC}\n${a.skewness.map((s) => `• ${skewnessWords(s)}`).join('\n')}`,
      },
      ...a.assumptions.map(checkSection),
      stabilitySection(a),
    ],
    table: checkTable(a.assumptions),
    images,
  });
}
