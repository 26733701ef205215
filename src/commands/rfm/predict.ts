/** `predict recency=30 frequency=5 monetary=900` on order data: the nearest RFM segment. */
import { rfmSegmentHint } from '../../phrases/rfm-segments.ts';
import type { RfmInput } from '../command.ts';
import { formatCount, formatFigure } from '../format.ts';
import { reply } from '../handlers/shared.ts';
import { UNLIKE } from '../messages.ts';
import type { OrderSummary, RfmPrediction } from '../orders.ts';
import type { Reply, ReplyImage } from '../reply.ts';

export const rfmCustomerWords = (c: RfmInput) =>
  `A customer who last ordered ${formatCount(c.recency)} days ago, with ${formatCount(c.frequency)} orders and a spend of ${formatCount(c.monetary)}`;

const NOUNS = { recency: 'days since the last order', frequency: 'orders', monetary: 'spend' } as const;

/** Figures outside what the file's customers span: the nearest segment is then only a guess. */
export function outsideWords(customer: RfmInput, describe: OrderSummary['describe']): string[] {
  return (['recency', 'frequency', 'monetary'] as const).flatMap((measure) => {
    const range = describe.find((d) => d.measure === measure);
    const x = customer[measure];
    if (!range || (x >= range.min && x <= range.max)) return [];
    const side =
      x > range.max
        ? `above the highest in the file (${formatCount(range.max)})`
        : `below the lowest in the file (${formatCount(range.min)})`;
    return [`${UNLIKE}: ${NOUNS[measure]} ${formatCount(x)} is ${side}`];
  });
}

/** The prediction as `segment predict --json` has always had it: the segment's id, name and hint, and every distance. */
export const rfmPredictionInWords = ({ segment, distances }: RfmPrediction) => ({
  segment: { id: segment.id, name: segment.name, hint: rfmSegmentHint(segment.code) },
  distances,
});

export function rfmPredictReply(
  customer: RfmInput,
  prediction: RfmPrediction,
  orders: OrderSummary,
  images: ReplyImage[],
): Reply {
  const { segment } = prediction;
  const ranked = [...prediction.distances].sort((a, b) => a.distance - b.distance || a.id - b.id);
  const [first, second] = ranked;
  // Borderline when the runner-up is within a fifth of the nearest distance: the figures sit between two centres.
  const close = first && second && second.distance - first.distance < 0.2 * Math.max(first.distance, 1e-9);
  const outside = outsideWords(customer, orders.describe);
  const hint = rfmSegmentHint(segment.code);
  // As the customer path: a customer outside the file's ranges gets a guess, not "belongs to"
  // (it read "Predicted segment: Champions … belongs to segment 3" above "unlike any customer in this data").
  const parts = outside.length
    ? {
        title: `Nearest segment, tentatively: ${segment.name}`,
        text: `${rfmCustomerWords(customer)} is unlike any customer in this data. The nearest segment is ${segment.id}, ${segment.name}, but that is only a guess.`,
        clear:
          'Not clear: this customer lies outside what the data covers, so no segment fits them well, whatever the distances below say.',
        todo: `Check this customer's figures first. If they are right, treat the customer on their own: the advice for ${segment.name} ("${hint}") was made for customers unlike this one.`,
      }
    : {
        title: `Predicted segment: ${segment.name}`,
        text: `${rfmCustomerWords(customer)} belongs to segment ${segment.id}, ${segment.name}.`,
        clear: !second
          ? 'There is only one group, so there is nothing to choose between.'
          : close
            ? `Borderline: almost as close to ${second.name} as to ${segment.name}; treat this one with care.`
            : `${segment.name} is the nearest segment centre (log, standardised recency, frequency and spend).`,
        todo: `${orders.analysis.structure !== 'clear' && second ? 'Tentative: ' : ''}${hint}`,
      };
  return reply({
    title: parts.title,
    text: parts.text,
    sections: [
      { heading: 'How clear', body: parts.clear },
      { heading: 'What to do', body: parts.todo },
    ],
    table: {
      columns: ['Segment', 'Distance to centre', ''],
      rows: ranked.map((d) => [
        `${d.id}. ${d.name}`,
        formatFigure(d.distance),
        d.id === segment.id ? 'nearest' : '',
      ]),
      align: ['left', 'right', 'left'],
    },
    images,
    warnings: outside,
  });
}
