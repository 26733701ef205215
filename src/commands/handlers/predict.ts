/** `/segment predict 25 F 60 75`: the segment a new customer belongs to, and how clearly. */
import { hasAgeColumn } from '../../core/source.ts';
import type { Prediction, Structure } from '../../core/types.ts';
import { segmentHint } from '../../phrases/segments.ts';
import type { Command, CustomerInput } from '../command.ts';
import { type CommandContext, datasetHolds } from '../context.ts';
import { formatFigure, formatMean } from '../format.ts';
import { customerPredictOnOrders, predictionWarningWords, rfmPredictOnCustomers } from '../messages.ts';
import type { Reply, ReplyTable } from '../reply.ts';
import { rfmPredictReply } from '../rfm/predict.ts';
import { analysisRequest, reply } from './shared.ts';

export function customerWords(c: CustomerInput): string {
  return `A ${c.age}-year-old ${c.gender ? `${c.gender.toLowerCase()} ` : ''}customer with an income of ${formatMean(c.income)} k$ and a spending score of ${formatMean(c.spending)}`;
}

export function clarityWords(prediction: Prediction): string {
  const ranked = [...prediction.distances].sort((a, b) => a.distance - b.distance);
  const runnerUp = ranked[1]?.name;
  const name = prediction.segment.name;
  if (prediction.clarity === 'clear' || !runnerUp)
    return `Clearly ${name}: much closer to its centre than to any other.`;
  if (prediction.clarity === 'fairly clear')
    return `Fairly clearly ${name}, though ${runnerUp} is not far off.`;
  return `Borderline: almost as close to ${runnerUp} as to ${name}; treat this one with care.`;
}

export function distanceTable(prediction: Prediction): ReplyTable {
  const ranked = [...prediction.distances].sort((a, b) => a.distance - b.distance || a.id - b.id);
  return {
    columns: ['Segment', 'Distance to centre', ''],
    rows: ranked.map((d) => [
      `${d.id}. ${d.name}`,
      formatFigure(d.distance),
      d.id === prediction.segment.id ? 'nearest' : '',
    ]),
    align: ['left', 'right', 'left'],
  };
}

/**
 * A customer unlike the training data still has a nearest segment, but the
 * margin and the segment's advice were made for customers like those in the
 * file: say it is a guess, and put checking the figures before the advice.
 */
function tentativeParts(customer: CustomerInput, prediction: Prediction) {
  const { segment } = prediction;
  return {
    title: `Nearest segment, tentatively: ${segment.name}`,
    text: `${customerWords(customer)} is unlike any customer in this data. The nearest segment is ${segment.id}, ${segment.name}, but that is only a guess.`,
    sections: [
      {
        heading: 'How clear',
        body: 'Not clear: this customer lies outside what the data covers, so no segment fits them well, whatever the distances below say.',
      },
      {
        heading: 'What to do',
        body: `Check this customer's figures first. If they are right, treat the customer on their own: the advice for ${segment.name} ("${segmentHint(segment.advice)}") was made for customers unlike this one.`,
      },
    ],
  };
}

/** No structure (k = 1): there is no other segment, so no margin nor "closer than any other" to speak of. */
function oneGroupParts(customer: CustomerInput, prediction: Prediction) {
  const { segment } = prediction;
  return {
    title: `One group: ${segment.name}`,
    text: `${customerWords(customer)} is like the customers in this data, who form one continuous group with no clear segments, so there is no segment to choose.`,
    sections: [
      { heading: 'How clear', body: 'There is only one group, so there is nothing to choose between.' },
      { heading: 'What to do', body: segmentHint(segment.advice) },
    ],
  };
}

function confidentParts(customer: CustomerInput, prediction: Prediction, tentative: string) {
  const { segment } = prediction;
  return {
    title: `Predicted segment: ${segment.name}`,
    text: `${customerWords(customer)} belongs to segment ${segment.id}, ${segment.name}.`,
    sections: [
      {
        heading: 'How clear',
        // The margin goes inside the sentence: "…with care (margin 0.03).", not "…with care. (margin 0.03)."
        body: `${clarityWords(prediction).replace(/\.$/, '')} (margin ${formatFigure(prediction.margin)}).`,
      },
      { heading: 'What to do', body: `${tentative}${segmentHint(segment.advice)}` },
    ],
  };
}

/**
 * `withAge`: the file has an Age column (predict always reads an age; the grammar is one for every file).
 * `structure`: the analysis' verdict; segments that are not clearly real get the summary's "Tentative: " advice.
 */
export function predictReply(
  customer: CustomerInput,
  prediction: Prediction,
  images: Reply['images'],
  { withAge, structure = 'clear' }: { withAge: boolean; structure?: Structure },
): Reply {
  const tentative = structure !== 'clear' ? 'Tentative: ' : '';
  const parts = prediction.tentative
    ? tentativeParts(customer, prediction)
    : prediction.distances.length === 1
      ? oneGroupParts(customer, prediction)
      : confidentParts(customer, prediction, tentative);
  // The model clusters on numeric features only; gender is a profile column.
  const sections = [
    ...parts.sections,
    { heading: 'Note', body: 'Gender does not decide the segment; the profiles only report it.' },
    ...(withAge
      ? []
      : [{ heading: 'No Age column', body: 'This file has no Age column: the age given is not used.' }]),
  ];
  return reply({
    title: parts.title,
    text: parts.text,
    sections,
    table: distanceTable(prediction),
    images,
    warnings: prediction.warnings.map(predictionWarningWords),
  });
}

export async function predict(
  command: Extract<Command, { kind: 'predict' }>,
  context: CommandContext,
): Promise<Reply> {
  const view = context.channel.view();
  // Said before any analysis: the form does not fit the data, whatever the figures.
  if (datasetHolds(view.dataset) === 'orders') throw customerPredictOnOrders();
  const result = await context.runner.analyze(analysisRequest(view, context, 'predict', command.customer));
  if (result.kind !== 'customers' || !result.prediction)
    throw new Error('the analysis runner returned no customer prediction for a predict request');
  return predictReply(command.customer, result.prediction, result.images, {
    withAge: hasAgeColumn(result.analysis.source),
    structure: result.analysis.structure,
  });
}

/** `predict recency=30 frequency=5 monetary=900`: the RFM form, for order data only. */
export async function predictRfm(
  command: Extract<Command, { kind: 'predictRfm' }>,
  context: CommandContext,
): Promise<Reply> {
  const view = context.channel.view();
  if (datasetHolds(view.dataset) === 'customers') throw rfmPredictOnCustomers();
  const request = { ...analysisRequest(view, context, 'predict'), rfm: command.rfm };
  const result = await context.runner.analyze(request);
  if (result.kind !== 'orders' || !result.prediction)
    throw new Error('the analysis runner returned no RFM prediction for a predict request');
  return rfmPredictReply(command.rfm, result.prediction, result.orders, result.images);
}
