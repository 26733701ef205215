/** `/segment export`: every customer with their segment, as a CSV file in the channel. */
import type { CommandContext } from '../context.ts';
import type { Reply } from '../reply.ts';
import { analysisRequest, datasetWords, reply } from './shared.ts';

export async function exportCustomers(context: CommandContext): Promise<Reply> {
  const view = context.channel.view();
  const file = await context.runner.exportCsv(analysisRequest(view, context));
  return reply({
    title: 'Customer export',
    text: `Every customer with their segment, as CSV (${file.filename}).`,
    sections: [
      { heading: 'Based on', body: `${datasetWords(view.dataset)}.` },
      {
        heading: 'Columns',
        body: 'CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), Segment, Segment name, Distance to centre (in the scaled space the segments were found in).',
      },
    ],
    files: [file],
  });
}
