/** `/segment export`: every customer with their segment, as a CSV file in the channel. */
import { type CommandContext, datasetHolds } from '../context.ts';
import type { Reply } from '../reply.ts';
import { analysisRequest, datasetWords, reply } from './shared.ts';

const EXPORT_COLUMN_WORDS = {
  customers:
    'CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), Segment, Segment name, Distance to centre (in the scaled space the segments were found in).',
  orders:
    'CustomerID, Recency (days since the last order), Frequency (orders), Monetary (net spend), Country, Segment, Segment name, and the R, F and M scores (1–5).',
} as const;

export async function exportCustomers(context: CommandContext): Promise<Reply> {
  const view = context.channel.view();
  const file = await context.runner.exportCsv(analysisRequest(view, context));
  return reply({
    title: 'Customer export',
    text: `Every customer with their segment, as CSV (${file.filename}).`,
    sections: [
      { heading: 'Based on', body: `${datasetWords(view.dataset)}.` },
      { heading: 'Columns', body: EXPORT_COLUMN_WORDS[datasetHolds(view.dataset)] },
    ],
    files: [file],
  });
}
